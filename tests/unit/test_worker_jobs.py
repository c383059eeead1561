"""A worker's background jobs outlive a database outage (they start again), but not a defect (crash-only)."""

from __future__ import annotations

import threading

import pytest
from pymongo.errors import AutoReconnect

from services import worker


class FlakyJob:
    """Fails ``outages`` times as if the database were away, then runs until stopped."""

    name = "flaky"

    def __init__(self, outages: int, error: Exception):
        self.outages, self.error, self.runs = outages, error, 0

    def run(self, stop: threading.Event) -> None:
        self.runs += 1
        if self.runs <= self.outages:
            raise self.error
        stop.set()


def test_a_job_the_database_failed_is_started_again():
    job, stop = FlakyJob(2, AutoReconnect("connection refused")), threading.Event()
    worker._run_job(job, stop, longest_wait=0.01)
    assert job.runs == 3


def test_a_job_with_a_defect_ends_its_thread():
    job = FlakyJob(1, KeyError("a bug"))
    with pytest.raises(KeyError):
        worker._run_job(job, threading.Event(), longest_wait=0.01)
    assert job.runs == 1
