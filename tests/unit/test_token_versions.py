"""Each process's short copy of the accounts' token versions (services.credentials.VersionCache)."""

from __future__ import annotations

import pytest
from flask import Flask

from services import credentials
from services.config import Settings
from services.credentials import VersionCache
from tests.fakes import MemoryCredentials


class CountingCredentials(MemoryCredentials):
    """The memory store, counting the reads a token check makes."""

    def __init__(self):
        super().__init__()
        self.reads = 0

    def state(self, key):
        self.reads += 1
        return super().state(key)

    def end_all(self, key, keep_session=None):
        reads = self.reads
        version = super().end_all(key, keep_session)
        self.reads = reads  # its own read is not a token check's
        return version


@pytest.fixture
def clock():
    return [100.0]


@pytest.fixture
def app(clock):
    app = Flask(__name__)
    app.config.update(LP_SETTINGS=Settings(service="workers", secret_key="k"), CREDENTIALS=CountingCredentials())
    app.extensions["lp_token_versions"] = VersionCache(1.0, clock=lambda: clock[0])
    with app.app_context():
        yield app


def store(app) -> CountingCredentials:
    return app.config["CREDENTIALS"]


def test_a_version_read_within_the_lifetime_is_not_read_again(app, clock):
    assert credentials.token_version("worker:w1", 0) == 0
    clock[0] += 0.5
    assert credentials.token_version("worker:w1", 0) == 0
    assert store(app).reads == 1


def test_a_version_older_than_the_lifetime_is_read_again(app, clock):
    credentials.token_version("worker:w1", 0)
    store(app).end_all("worker:w1")  # the store alone: another process revoked
    clock[0] += 0.99
    assert credentials.token_version("worker:w1", 0) == 0
    clock[0] += 0.01
    assert credentials.token_version("worker:w1", 0) == 1
    assert store(app).reads == 2


def test_a_revocation_in_this_process_holds_at_once(app):
    assert credentials.token_version("worker:w1", 0) == 0
    assert credentials.end_all("worker:w1") == 1
    assert credentials.token_version("worker:w1", 0) == 1
    assert store(app).reads == 1  # the new version came from the revocation itself


def test_a_token_newer_than_the_copy_reads_the_database(app):
    credentials.token_version("worker:w1", 0)
    store(app).end_all("worker:w1")  # another process changed the password and issued a version-1 token
    assert credentials.token_version("worker:w1", 1) == 1
    assert store(app).reads == 2


def test_a_read_finishing_after_a_revocation_does_not_put_the_old_version_back(clock):
    cache = VersionCache(1.0, clock=lambda: clock[0])
    cache.put("worker:w1", 3)  # the revocation's new version
    cache.put("worker:w1", 2)  # a read that began before it
    assert cache.get("worker:w1") == 3
    clock[0] += 1.0
    cache.put("worker:w1", 2)  # once expired, what the database says wins
    assert cache.get("worker:w1") == 2


def test_the_cache_keeps_the_most_recently_used_entries_only(clock):
    cache = VersionCache(1.0, entries=2, clock=lambda: clock[0])
    cache.put("a", 1)
    cache.put("b", 1)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 1)
    assert len(cache) == 2 and cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 1


def test_a_lifetime_of_zero_reads_the_database_on_every_check(app):
    app.extensions["lp_token_versions"] = VersionCache(0)
    for _ in range(3):
        credentials.token_version("worker:w1", 0)
    assert store(app).reads == 3 and len(app.extensions["lp_token_versions"]) == 0


def test_the_lifetime_comes_from_the_settings():
    assert Settings.from_env("workers", {"LP_SECRET_KEY": "k"}).token_version_cache_seconds == 1.0
    env = {"LP_SECRET_KEY": "k", "LP_TOKEN_VERSION_CACHE_SECONDS": "0"}
    assert Settings.from_env("workers", env).token_version_cache_seconds == 0.0
    app = Flask(__name__)
    app.config.update(LP_SETTINGS=Settings(service="workers", secret_key="k", token_version_cache_seconds=0.25),
                      CREDENTIALS=MemoryCredentials())
    with app.app_context():
        credentials.token_version("worker:w1", 0)
        assert app.extensions["lp_token_versions"].seconds == 0.25
