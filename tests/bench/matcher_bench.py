"""Matcher benchmarks: figures printed next to a naive per-pair baseline, never asserted.

(a) rank 5,000 vacancies for one worker through the HTTP API (a real
gunicorn on a free loopback port, started and stopped here), its ranking
part against the per-pair reference on the same request; (b) recompute
the top-10 lists of 20,000 workers x 5,000 vacancies in blocks; (c) the
per-pair Python reference on a slice, extrapolated; (d) exposure
concentration with and without the spreading re-rank.

Run with ``python -m tests.bench.matcher_bench``; needs no Kafka or database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import requests

from matcher import lists, ranking
from matcher.schemas import RankRequestSchema
from matcher.skills import default_space, read_vocabulary
from matcher.tables import VacancyTable, WorkerTable
from services.auth import issue_token
from services.keys import service_token_key
from services.pay import convert
from tests import matcher_exposure as exposure
from tests import matcher_reference as reference

BENCH_SECRET = "bench"
# The length of the lists the old refresher stored per worker (b').
LIST_LENGTH = 50

ROOT = Path(__file__).resolve().parents[2]
SEED = 2027
COUNTRIES = {"CA": "CAD", "US": "USD", "ES": "EUR", "FR": "EUR", "DE": "EUR", "IT": "EUR", "PT": "EUR",
             "GB": "GBP", "AU": "AUD", "NZ": "NZD"}
HOURLY = {"CAD": 17.5, "USD": 16.0, "EUR": 11.0, "GBP": 11.5, "AUD": 24.0, "NZD": 23.0}
LANGUAGES = [["es"], ["es", "en"], ["en"], ["fr"], ["pt"], ["es", "fr"], ["ht", "fr"], ["en", "pt"]]
CERTIFICATIONS = ["first aid", "forklift licence", "food hygiene", "working at height"]


def day(offset: int) -> str:
    return (dt.date(2027, 1, 1) + dt.timedelta(days=offset)).isoformat()


def synthetic(n_vacancies: int, n_workers: int, seed: int = SEED) -> tuple[list, list, list]:
    """Vacancies, workers and their histories, drawn from the vocabulary's sectors."""
    rng = random.Random(seed)
    by_sector: dict[str, list[list[str]]] = {}
    for sector, phrases in read_vocabulary():
        by_sector.setdefault(sector, []).append(phrases)
    sectors = sorted(by_sector)

    def phrases_of(sector, n):
        return [rng.choice(rng.choice(by_sector[sector])) for _ in range(n)]

    vacancies = []
    for i in range(n_vacancies):
        sector, country = rng.choice(sectors), rng.choice(list(COUNTRIES))
        currency, start = COUNTRIES[country], rng.randint(0, 300)
        occupation = phrases_of(sector, 1)[0]
        per = rng.choice(["hour"] * 6 + ["week", "month", "day"])
        hourly = HOURLY[currency] * rng.uniform(0.85, 1.3)
        amount = convert(hourly, "hour", per, 45)  # about the same pay per hour in every unit
        vacancies.append({
            "id": f"vac-{i}", "employer_id": f"emp-{rng.randrange(1000)}",
            "title": rng.choice(["Seasonal {}", "{}", "{} - harvest season", "Temporary {}"]).format(occupation),
            "description": "", "language": "en", "occupation": occupation, "isco_code": "",
            "skills": phrases_of(sector, rng.randint(1, 3)),
            "destination": {"country": country, "region": "", "city": ""},
            "pathway": rng.choice(["seasonal", "seasonal", "circular", "temporary"]),
            "season": {"start": day(start), "end": day(start + 7 * rng.randint(4, 26))},
            "positions": rng.randint(1, 40),
            "wage": {"amount": round(amount, 2), "currency": currency, "per": per},
            "hours_per_week": rng.choice([35, 40, 45, 48]), "worker_fees": 0, "recruiter": None,
            "employer_pays": {"inbound_travel": rng.random() < 0.8, "return_travel": rng.random() < 0.7,
                              "visa": True},
            "housing": {"provided": rng.random() < 0.6, "weekly_deduction": rng.choice([0, 30, 60, 90])},
            "deductions": rng.choice([[], [{"label": "meals", "amount": rng.choice([30, 60]), "per": "week"}]]),
            "contract_languages": ["en", "es"],
            "requirements": {"languages": rng.choice([[], [], ["es"], ["en"], ["fr"]]), "min_age": 18,
                             "certifications": rng.choice([[]] * 6 + [[c] for c in CERTIFICATIONS]), "other": ""},
            "status": rng.choice(["approved"] * 19 + ["closed"]),
            "employer_compliance": rng.choice([None, None, round(rng.uniform(0.3, 1.0), 2)]),
        })
    workers, histories = [], []
    for _ in range(n_workers):
        start = rng.randint(0, 150)
        home = rng.sample(sectors, rng.randint(1, 2))
        workers.append({
            "origin_country": rng.choice(["GT", "MX", "JM", "PH", "MA", "SN", "HT", "BR"]),
            "birth_year": rng.randint(1965, 2007), "gender": rng.choice(["female", "male", "other", None]),
            "languages": rng.choice(LANGUAGES),
            "skills": [p for sector in home for p in phrases_of(sector, rng.randint(1, 3))],
            "certifications": rng.sample(CERTIFICATIONS, rng.randint(0, 2)),
            "availability": [{"start": day(start), "end": day(start + rng.randint(120, 300))}],
            "preferred_countries": rng.choice([[], sorted(rng.sample(list(COUNTRIES), rng.randint(1, 5)))]),
            "pathways": rng.choice([[], ["seasonal", "circular"], ["seasonal", "circular", "temporary"]]),
        })
        histories.append([{"employer_id": f"emp-{rng.randrange(1000)}", "vacancy_id": "old",
                           "season": {"start": day(-300 + 40 * k), "end": day(-250 + 40 * k)},
                           "completed": rng.random() < 0.85, "worker_rating": rng.choice([None, 2, 4, 5]),
                           "employer_rating": rng.choice([None, 3, 4, 5])} for k in range(rng.randint(0, 3))])
    return vacancies, workers, histories


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def line(name: str, figure: str, baseline: str = "", ratio: float | None = None) -> None:
    tail = f"   baseline ({baseline})" if baseline else ""
    tail += f"   ratio {ratio:.1f}x" if ratio else ""
    print(f"{name:<46} {figure}{tail}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_gunicorn(port: int, log) -> subprocess.Popen:
    """gunicorn as the local stack runs it (2 workers x 4 threads), logging to the file ``log``."""
    env = dict(os.environ, LP_SECRET_KEY=BENCH_SECRET, LP_MONGO_URL="mongodb://127.0.0.1:1",
               LP_KAFKA_BOOTSTRAP="127.0.0.1:1", LP_LOG_LEVEL="WARNING")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
         "--worker-class", "gthread", "--timeout", "120", "matcher.app:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            try:
                if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                    return process
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.2)
            if process.poll() is not None:
                break
    except BaseException:
        stop(process)
        raise
    stop(process)
    log.seek(0)
    raise RuntimeError(f"gunicorn did not start: {log.read().decode(errors='replace')[-2000:]}")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn this bench started (its master; the workers follow)."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def time_requests(url: str, bodies: list[bytes], warm_up: int) -> tuple[list[float], float]:
    """Milliseconds per request (sent one at a time) after ``warm_up`` requests, and the first one's."""
    session = requests.Session()
    # The ranking API answers services only (as the employers and workers services call it).
    headers = {"Content-Type": "application/json",
               "Authorization": "Bearer " + issue_token(service_token_key(BENCH_SECRET), "bench", "service", 3600)[0]}

    def post(body) -> float:
        started = time.perf_counter()
        response = session.post(url, data=body, headers=headers, timeout=120)
        response.raise_for_status()
        return (time.perf_counter() - started) * 1000

    cold = post(bodies[0])
    for body in bodies[1:warm_up]:  # both gunicorn workers fill their concept-space caches
        post(body)
    return [post(body) for body in bodies[warm_up:]], cold


def bench_http(vacancies, workers, histories, n_requests: int = 20, warm_up: int = 6) -> None:
    """(a) One worker against 5,000 vacancies through gunicorn, against the per-pair reference in process."""
    bodies = [json.dumps({"worker": w, "vacancies": vacancies, "history": h}).encode()
              for w, h in zip(workers[:n_requests + warm_up], histories, strict=False)]
    port = free_port()
    with tempfile.TemporaryFile() as log:
        process = start_gunicorn(port, log)
        try:
            timings, cold = time_requests(f"http://127.0.0.1:{port}/api/v1/rank", bodies, warm_up)
        finally:
            stop(process)
    body = RankRequestSchema().load(json.loads(bodies[warm_up]))
    reference.rank_naive(body["worker"], body["vacancies"], body["history"])  # warm the same caches
    started = time.perf_counter()
    reference.rank_naive(body["worker"], body["vacancies"], body["history"])
    naive = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    ranking.rank(body["worker"], body["vacancies"], body["history"])
    in_process = (time.perf_counter() - started) * 1000
    median, p95 = statistics.median(timings), statistics.quantiles(timings, n=20)[18]
    # The same server with the per-pair ranking in place of the vectorised one: everything
    # else (HTTP, JSON, validation) unchanged.
    naive_server = median - in_process + naive
    size = len(bodies[warm_up]) / 2**20
    line(f"(a) rank 5,000 via HTTP ({size:.1f} MB body)", f"median {median:.0f} ms, p95 {p95:.0f} ms",
         f"per-pair ranking in the same server, estimated: {naive_server:.0f} ms", naive_server / median)
    line("    of which the ranking, in process", f"{in_process:.0f} ms", f"per-pair Python: {naive:.0f} ms",
         naive / in_process)
    line("    first request to a fresh worker", f"{cold:.0f} ms (concept-space cache empty)")


def bench_batch(vacancy_table, workers, histories, k: int = 10) -> tuple[np.ndarray, float]:
    """(b) Every worker's top-k in blocks, with no per-pair Python."""
    before = rss_mb()
    started = time.perf_counter()
    table = WorkerTable.from_documents(workers, histories)
    top, _ = ranking.top_k(table, vacancy_table, k)
    seconds = time.perf_counter() - started
    line(f"(b) top-{k} for {len(workers):,} x {len(vacancy_table):,}",
         f"{seconds:.1f} s, peak RSS {peak_rss_mb():.0f} MB (+{peak_rss_mb() - before:.0f} MB over the documents)")
    return top, seconds


def bench_read_model(vacancy_table, workers, histories, k: int = LIST_LENGTH) -> None:
    """(b') What the read model's refresher computes when every list must be redone: top-k with reasons."""
    started = time.perf_counter()
    table = WorkerTable.from_documents(workers, histories)
    computed = lists.worker_lists(table, vacancy_table, k)
    seconds = time.perf_counter() - started
    listed = sum(len(found) for found in computed)
    line(f"(b') read-model lists: top-{k} with reasons, {len(workers):,} x {len(vacancy_table):,}",
         f"{seconds:.1f} s, {listed:,} entries, peak RSS {peak_rss_mb():.0f} MB")


def bench_naive(vacancies, workers, histories, batch_seconds: float, n_slice: int) -> None:
    """(c) The per-pair Python reference on a slice of workers, extrapolated to all."""
    prepared = reference.prepare(vacancies)
    started = time.perf_counter()
    for worker, history in zip(workers[:n_slice], histories, strict=False):
        reference.rank_prepared(worker, history, prepared)
    seconds = (time.perf_counter() - started) * len(workers) / n_slice
    line(f"(c) per-pair Python, {n_slice} workers extrapolated", f"{seconds:.0f} s for {len(workers):,} workers",
         f"against (b) {batch_seconds:.1f} s", seconds / batch_seconds)


def original_scores(candidates: np.ndarray, scores: np.ndarray, chosen: np.ndarray) -> np.ndarray:
    """The unpenalised scores of the chosen vacancies (each one of the row's candidates)."""
    position = (chosen[:, :, None] == candidates[:, None, :]).argmax(axis=2)
    return np.where(chosen >= 0, np.take_along_axis(scores, position, axis=1), np.nan)


def bench_exposure(vacancy_table, workers, histories, top: np.ndarray, k: int = 10, shortlist: int = 50) -> None:
    """(d) Concentration of top-k appearances, then with the spreading re-rank over a shortlist."""
    started = time.perf_counter()
    candidates, scores = ranking.top_k(WorkerTable.from_documents(workers, histories), vacancy_table, shortlist)
    seconds = time.perf_counter() - started
    plain = exposure.report(top, len(vacancy_table))
    relevance = np.nanmean(original_scores(candidates, scores, top))
    line(f"(d) exposure of top-{k} lists", f"Gini {plain['gini']:.3f}, never shown {plain['never_shown']:.1%}, "
         f"most shown in {plain['max_share_of_lists']:.1%} of lists, mean score {relevance:.3f}")
    for strength in (exposure.DEFAULT_STRENGTH, 2 * exposure.DEFAULT_STRENGTH):
        started = time.perf_counter()
        spread, _ = exposure.spread(candidates, scores, vacancy_table.positions, k, strength=strength)
        extra = time.perf_counter() - started
        mild = exposure.report(spread, len(vacancy_table))
        kept = np.nanmean(original_scores(candidates, scores, spread))
        line(f"    with spreading, strength {strength:.2f}",
             f"Gini {mild['gini']:.3f}, never shown {mild['never_shown']:.1%}, most shown in "
             f"{mild['max_share_of_lists']:.1%} of lists, mean score {kept:.3f} "
             f"(top-{shortlist} {seconds:.1f} s + re-rank {extra:.2f} s)")


def main(n_vacancies: int = 5000, n_workers: int = 20_000, n_slice: int = 200) -> None:
    print(f"[bench] matcher (python {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f}; figures vary on a shared machine: compare the ratios)", flush=True)
    vacancies, workers, histories = synthetic(n_vacancies, n_workers)
    default_space()
    loaded = RankRequestSchema().load({"worker": workers[0], "vacancies": vacancies})["vacancies"]
    started = time.perf_counter()
    vacancy_table = VacancyTable.from_documents(loaded)
    line("    vacancy table (5,000, cold caches)", f"{(time.perf_counter() - started) * 1000:.0f} ms")
    top, batch_seconds = bench_batch(vacancy_table, workers, histories)
    bench_read_model(vacancy_table, workers, histories)
    bench_naive(loaded, workers, histories, batch_seconds, n_slice)
    bench_exposure(vacancy_table, workers, histories, top)
    bench_http(vacancies, workers, histories)


if __name__ == "__main__":
    main()
