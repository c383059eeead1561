"""Which sessions an account keeps when one more opens, and the operator command's password rule."""

from __future__ import annotations

import pytest

from ethics.__main__ import create_auditor
from services.credentials import MAX_SESSIONS, State, _ended_or_oldest


def test_a_new_session_drops_the_expired_and_the_oldest_beyond_the_cap():
    now = 1_000
    sessions = {f"s{i}": now + i for i in range(1, MAX_SESSIONS + 1)} | {"old": now - 1, "bad": "never"}
    dropped = _ended_or_oldest(sessions, now)
    assert set(dropped) == {"old", "bad", "s1"}  # room for the new one: ten live sessions at most
    assert _ended_or_oldest({"a": now + 5}, now) == []


def test_a_session_is_open_only_until_its_end():
    state = State(version=2, sessions={"a": 1_000})
    assert state.session_open("a", 999) and not state.session_open("a", 1_000) and not state.session_open("b", 0)


@pytest.mark.parametrize("password", ["short", "123456789012", "auditor@example.org"])
def test_create_auditor_refuses_short_or_guessable_passwords_before_storing_anything(password):
    with pytest.raises(ValueError, match="password"):
        create_auditor("auditor@example.org", password)
