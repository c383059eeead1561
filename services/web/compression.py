"""Gzip for pages, styles and scripts: workers pay for every byte of mobile data, and employers on slow
links load the vacancy form's lists of countries, languages and currencies (44 KB, 10 KB gzipped).

The gateway may compress too; doing it here keeps the figure the same with
or without one (nginx does not compress a response that already is).
"""

from __future__ import annotations

import gzip

from flask import current_app, request

COMPRESSIBLE = ("text/", "application/json", "application/javascript", "application/manifest+json",
                "image/svg+xml")
MIN_BYTES = 500


def init_compression(app) -> None:
    app.after_request(compress)


def compress(response):
    """Gzip the body when the client accepts it and it is worth it."""
    if response.mimetype.startswith(COMPRESSIBLE):
        # Caches must keep the gzipped and the plain copies apart.
        response.vary.add("Accept-Encoding")
    # Files are sent as wrappers (passthrough): small here, so they are read and compressed;
    # other streamed bodies are left alone.
    streamed = response.is_streamed and not response.direct_passthrough
    if (response.status_code < 200 or response.status_code in (204, 304) or streamed
            or "Content-Encoding" in response.headers
            or not response.mimetype.startswith(COMPRESSIBLE)
            or "gzip" not in request.headers.get("Accept-Encoding", "").lower()):
        return response
    response.direct_passthrough = False
    body = response.get_data()
    if len(body) < MIN_BYTES:
        return response
    response.set_data(gzip.compress(body, compresslevel=6, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    if response.get_etag()[0]:
        # A strong validator names exact bytes; these are other bytes.
        etag, _ = response.get_etag()
        response.set_etag(etag + "-gz", weak=True)
    return response


def gzipped_json(body: bytes):
    """A JSON response from gzipped bytes: sent as they are to a client that accepts gzip, unzipped for others."""
    accepts_gzip = "gzip" in request.headers.get("Accept-Encoding", "").lower()
    response = current_app.response_class(body if accepts_gzip else gzip.decompress(body),
                                          mimetype="application/json")
    if accepts_gzip:
        response.headers["Content-Encoding"] = "gzip"
    return response
