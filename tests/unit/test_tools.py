"""A program that `make test` installs skips its checks on a developer's machine, but fails them under CI."""

import pytest

from tests.tools import in_ci, needed

MISSING = "no-such-program-7f3a"


def test_under_ci_a_missing_program_fails_the_check(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run this check"):
        needed(MISSING)


def test_outside_ci_a_missing_program_skips_the_check(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        needed(MISSING)


def test_a_present_program_is_found_and_ci_is_read_as_a_flag():
    assert needed("sh").endswith("/sh")
    assert in_ci({"CI": "true"}) and in_ci({"CI": "1"}) and not in_ci({}) and not in_ci({"CI": "false"})
