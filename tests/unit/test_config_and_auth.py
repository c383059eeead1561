"""Settings from the environment; passwords and tokens."""

import pytest

from services.auth import issue_token, read_token
from services.config import ConfigError, Settings
from services.passwords import hash_password, verify_password


def test_defaults_are_loopback_and_ports_from_contract():
    s = Settings.from_env("ethics", {"LP_SECRET_KEY": "k"})
    assert s.mongo_db == "lp_ethics"
    assert s.port == 8003
    assert s.kafka_servers == ["127.0.0.1:9092"]


def test_environment_overrides():
    s = Settings.from_env("matcher", {"LP_SECRET_KEY": "k", "LP_MATCHER_PORT": "9100",
                                      "LP_KAFKA_BOOTSTRAP": "a:1, b:2", "LP_MONGO_DB_PREFIX": "t_"})
    assert s.port == 9100 and s.kafka_servers == ["a:1", "b:2"] and s.mongo_db == "t_matcher"


def test_the_matcher_watch_period_comes_from_the_settings():
    from matcher.notices import WATCH, watch_period

    assert watch_period(Settings.from_env("matcher", {"LP_SECRET_KEY": "k"})) == WATCH
    s = Settings.from_env("matcher", {"LP_SECRET_KEY": "k", "LP_MATCHES_WATCH_SECONDS": "600"})
    assert watch_period(s).total_seconds() == 600 != WATCH.total_seconds()


def test_secret_is_required_and_strong_in_production():
    with pytest.raises(ConfigError):
        Settings.from_env("workers", {})
    with pytest.raises(ConfigError):
        Settings.from_env("workers", {"LP_SECRET_KEY": "short", "LP_ENV": "prod"})
    with pytest.raises(ConfigError):
        Settings.from_env("workers", {"LP_SECRET_KEY": "k", "LP_WORKERS_PORT": "eighty"})


def test_password_hash_verifies_only_the_password():
    h = hash_password("correct horse")
    assert h.startswith("$argon2id$")
    assert verify_password(h, "correct horse")
    assert not verify_password(h, "wrong horse")
    assert not verify_password("not a hash", "correct horse")


def test_token_carries_role_and_expires():
    token, expires_at = issue_token("secret", "acct1", "employer", ttl_seconds=60)
    principal = read_token("secret", token)
    assert (principal.subject, principal.role) == ("acct1", "employer")
    assert expires_at.endswith("Z")
    assert read_token("other secret", token) is None
    assert read_token("secret", token[:-2] + "xx") is None
    expired, _ = issue_token("secret", "acct1", "employer", ttl_seconds=-1)
    assert read_token("secret", expired) is None
    with pytest.raises(ValueError):
        issue_token("secret", "acct1", "admin", 60)
