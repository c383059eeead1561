"""Keys derived per purpose (HKDF, RFC 5869), the rule for new passwords, and the sign-in delays."""

from __future__ import annotations

import pytest

from services.auth import issue_token, read_token
from services.config import ConfigError, Settings
from services.keys import (
    compose_env,
    deployment_keys,
    derive_key,
    hkdf_sha256,
    keyring,
    service_secret,
    service_token_key,
    session_key,
    token_key,
)
from services.logins import MAX_DELAY_SECONDS, client_key, delay_after
from services.passwords import TOO_SHORT, TOO_WEAK, password_problems


def test_hkdf_matches_the_rfc_5869_test_vectors():
    case_1 = hkdf_sha256(bytes([0x0B] * 22), bytes(range(0xF0, 0xFA)), 42, salt=bytes(range(0x0D)))
    assert case_1.hex() == ("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                            "34007208d5b887185865")
    case_3 = hkdf_sha256(bytes([0x0B] * 22), b"", 42)
    assert case_3.hex() == ("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d"
                            "9d201395faa4b61a96c8")


def test_each_purpose_and_service_has_its_own_key():
    secret = "one master secret for the whole platform"
    made = {session_key(secret, "workers"), session_key(secret, "ethics"), token_key(secret, "workers"),
            token_key(secret, "ethics"), token_key(secret, "employers"), service_token_key(secret)}
    assert len(made) == 6 and secret.encode() not in made
    assert token_key(secret, "ethics") == derive_key(service_secret(secret, "ethics"), "token/ethics")
    assert token_key(secret, "ethics") != token_key("another", "ethics")


def test_a_container_given_only_its_own_keys_signs_as_with_the_master_key():
    master = "one master secret for the whole platform"
    from_master = keyring(Settings(service="workers", secret_key=master), "workers")
    env = deployment_keys(master, "workers")
    alone = keyring(Settings.from_env("workers", env), "workers")
    assert alone == from_master and master not in str(env)
    ethics = keyring(Settings.from_env("ethics", deployment_keys(master, "ethics")), "ethics")
    assert ethics.service_tokens == b"" and set(deployment_keys(master, "ethics")) == {"LP_SERVICE_SECRET"}
    assert read_token(ethics.service_tokens, issue_token(b"x", "workers", "service", 60)[0]) is None


def test_compose_gets_every_service_its_own_keys_and_never_the_master():
    master = "one master secret for the whole platform"
    lines = compose_env(master)
    assert set(lines) == {"LP_EMPLOYERS_SERVICE_SECRET", "LP_WORKERS_SERVICE_SECRET", "LP_ETHICS_SERVICE_SECRET",
                          "LP_MATCHER_SERVICE_SECRET", "LP_MATCHER_TOKEN_KEY"}
    for service in ("employers", "workers", "matcher"):
        env = {"LP_ENV": "prod", "LP_SERVICE_SECRET": lines[f"LP_{service.upper()}_SERVICE_SECRET"],
               "LP_MATCHER_TOKEN_KEY": lines["LP_MATCHER_TOKEN_KEY"]}
        from_master = keyring(Settings(service=service, secret_key=master), service)
        assert keyring(Settings.from_env(service, env), service) == from_master
    assert master not in str(lines)


@pytest.mark.parametrize("value", ["not hex", "abcd", "00" * 31])
def test_a_derived_key_that_is_not_32_bytes_of_hex_is_refused_at_start(value):
    with pytest.raises(ConfigError, match="LP_SERVICE_SECRET"):
        Settings.from_env("workers", {"LP_SERVICE_SECRET": value})


@pytest.mark.parametrize(("password", "problem"), [
    ("short pass", TOO_SHORT), ("12345678", TOO_SHORT), ("123456789012", TOO_WEAK), ("passwordpassword", TOO_WEAK),
    ("qwertyuiop12", TOO_WEAK), ("ana.lopez@example.org", TOO_WEAK)])
def test_new_passwords_need_12_characters_and_to_be_hard_to_guess(password, problem):
    assert password_problems(password, ("ana.lopez@example.org", "Ana López")) == [problem]


def test_good_passwords_pass_and_long_ones_are_judged_quickly():
    assert password_problems("pruning ladders at dawn") == []
    # zxcvbn refuses more than 72 characters: the first 72 decide.
    assert password_problems("pruning ladders at dawn" + "z" * 1000) == []
    assert password_problems("a" * 1024) == [TOO_WEAK]


def test_typos_are_free_then_each_failure_doubles_the_wait_up_to_a_cap():
    delays = [delay_after(n) for n in range(1, 12)]
    assert delays[:3] == [0, 0, 0] and delays[3:6] == [5, 10, 20]
    pairs = zip(delays[3:-1], delays[4:], strict=True)
    assert all(later == min(2 * earlier, MAX_DELAY_SECONDS) for earlier, later in pairs)
    assert delay_after(10_000) == MAX_DELAY_SECONDS


def test_clients_are_counted_by_address_and_ipv6_by_its_64_block():
    assert client_key("203.0.113.7") == "203.0.113.7"
    assert client_key("2001:db8:1:2:aaaa::1") == client_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:3::1") != client_key("2001:db8:1:2::1")
    assert client_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert client_key(None) == "unknown"
