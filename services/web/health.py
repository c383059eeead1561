"""Liveness, readiness and Prometheus metrics endpoints."""

from __future__ import annotations

import os
import time

from flask import Blueprint, current_app, g, jsonify, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

from services import db
from services.kafka import kafka_reachable

blp = Blueprint("health", __name__)

REQUESTS = Counter("http_requests_total", "HTTP requests", ["service", "method", "endpoint", "status"])
LATENCY = Histogram("http_request_seconds", "HTTP request latency", ["service", "endpoint"])
# A client can send any method name; labelling by it would let anyone create unbounded series.
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def method_label(method: str) -> str:
    """The metrics label of an HTTP method: the method if standard, else ``other``."""
    return method if method in KNOWN_METHODS else "other"


@blp.get("/healthz")
def healthz():
    """The process is up."""
    return jsonify(status="ok")


def add_readiness_check(app, name: str, check) -> None:
    """Make ``/readyz`` also ask ``check()`` (true once ready) under ``name``: a service that must build
    something before answering (the matcher's ranking index) stays out of rotation until then."""
    app.extensions.setdefault("readiness", {})[name] = check


@blp.get("/readyz")
def readyz():
    """The database and Kafka are reachable, and whatever the service added is ready."""
    checks = {
        "database": db.ping(),
        "kafka": kafka_reachable(current_app.config["LP_SETTINGS"]),
        **{name: bool(check()) for name, check in current_app.extensions.get("readiness", {}).items()},
    }
    ready = all(checks.values())
    return jsonify(status="ready" if ready else "unavailable", checks=checks), 200 if ready else 503


@blp.get("/metrics")
def metrics():
    """Prometheus text format (aggregated across gunicorn workers when PROMETHEUS_MULTIPROC_DIR is set)."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry), 200, {"Content-Type": CONTENT_TYPE_LATEST}
    return generate_latest(), 200, {"Content-Type": CONTENT_TYPE_LATEST}


def init_request_metrics(app, service: str) -> None:
    """Count and time every request."""

    @app.before_request
    def _start_timer():
        g.request_started = time.perf_counter()

    @app.after_request
    def _observe(response):
        endpoint = request.endpoint or "unknown"
        REQUESTS.labels(service, method_label(request.method), endpoint, response.status_code).inc()
        started = g.get("request_started")
        if started is not None:
            LATENCY.labels(service, endpoint).observe(time.perf_counter() - started)
        return response
