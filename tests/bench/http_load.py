"""A small closed-loop HTTP/1.1 load generator: N keep-alive connections, each sending one request at a time.

asyncio streams rather than a client library, so that the generator
spends as little of the machine's two cores as possible on itself.
"""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadResult:
    requests: int
    errors: int
    seconds: float
    latencies_ms: list

    @property
    def rate(self) -> float:
        return self.requests / self.seconds

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")

    def summary(self) -> str:
        return (f"{self.rate:,.0f} req/s, p50 {self.percentile(50):.1f} ms, p99 {self.percentile(99):.1f} ms, "
                f"{self.requests:,} requests, {self.errors} errors")


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    if length:
        await reader.readexactly(length)
    return status


async def _connection(host, port, requests, deadline, latencies, counters):
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < deadline:
            request = next(requests)
            started = time.perf_counter()
            writer.write(request)
            status = await _read_response(reader)
            latencies.append((time.perf_counter() - started) * 1000)
            counters[0 if status == 200 else 1] += 1
    finally:
        writer.close()


def run_load(host: str, port: int, paths_and_headers: list[tuple[str, dict]], connections: int,
             seconds: float) -> LoadResult:
    """Send GETs (cycling through ``paths_and_headers``) on ``connections`` connections for ``seconds``."""
    encoded = [
        (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: keep-alive\r\n"
         + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode()
        for path, headers in paths_and_headers
    ]
    requests = itertools.cycle(encoded)
    latencies: list[float] = []
    counters = [0, 0]

    async def main():
        deadline = time.perf_counter() + seconds
        await asyncio.gather(*[_connection(host, port, requests, deadline, latencies, counters)
                               for _ in range(connections)])

    started = time.perf_counter()
    asyncio.run(main())
    return LoadResult(requests=counters[0] + counters[1], errors=counters[1],
                      seconds=time.perf_counter() - started, latencies_ms=latencies)


def median(values) -> float:
    return statistics.median(values) if values else float("nan")
