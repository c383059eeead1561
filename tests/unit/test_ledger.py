"""The ledger's document keys."""

import pytest

from services.ledger import EventLedger, handled_event_id


def test_a_handled_event_is_keyed_by_group_and_event_id():
    assert handled_event_id("ethics", "3f2b") == "ethics:3f2b"


def test_a_group_name_with_the_separator_is_refused():
    # "a:b" + "c" and "a" + "b:c" would share a key: the second event would pass for handled.
    with pytest.raises(ValueError):
        EventLedger("a:b")
