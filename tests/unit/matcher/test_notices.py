"""Screening events for watched workers, the notice's size, and the matcher worker's handler wrapping."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from pymongo.errors import ServerSelectionTimeoutError

from matcher.notices import MAX_NOTICE_BYTES, NoticeScreen, notice
from matcher.reasons import REASONS
from matcher.watches import WatchTable
from matcher.worker import screened
from services.events import (
    OFFER_RESPONDED,
    PLACEMENT_COMPLETED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_PROFILE_UPDATED,
    new_event,
)

NOW = 1_800_000_000.0
LATER = NOW + 300


class FakeIndex:
    """What the screen and the sender ask of ``matcher.index.RankingIndex``."""

    def __init__(self, scores=None, matches=None):
        self.scores = scores or {}  # vacancy id -> {worker id: score}
        self.matches = matches or {}  # worker id -> ranked matches
        self.asked: list[str] = []
        self.applied: list[tuple] = []

    def vacancy_scores(self, vacancy_id):
        self.asked.append(vacancy_id)
        found = self.scores.get(vacancy_id, {})
        return list(found), np.array(list(found.values()), dtype=np.float32)

    def worker_matches(self, worker_id, limit=20, today=None):
        found = self.matches.get(worker_id)
        return None if found is None else found[:limit]

    def apply(self, topic, envelope):
        self.applied.append((topic, envelope.id))


def shown(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(count)]


@pytest.fixture
def table():
    """Watched workers, each telling what screening a change of vacancy ``v-new`` or ``held-3`` must do."""
    table = WatchTable()
    table.put("holds", shown("held-", 20), 0.8, LATER)  # holds held-3
    table.put("beaten", shown("a-", 20), 0.5, LATER)  # v-new scores 0.6 for them: it enters
    table.put("tied", shown("b-", 20), 0.6, LATER)  # 0.6 too: ties enter
    table.put("above", shown("c-", 20), 0.7, LATER)  # 0.6 is under their 20th
    table.put("short", shown("d-", 4), None, LATER)  # fewer than 20 shown: any eligible vacancy enters
    table.put("ended", shown("held-", 20), 0.1, NOW - 1)  # held-3 and a low floor, but no longer watched
    return table


NEW_SCORES = {"v-new": {"beaten": 0.6, "tied": 0.6, "above": 0.6, "short": 0.1, "ended": 0.9, "stranger": 0.99}}


def event(topic, subject, **payload):
    return new_event(topic, "test", subject, payload)


@pytest.mark.parametrize("topic", [VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED])
def test_a_new_vacancy_concerns_exactly_the_watched_workers_it_could_enter_the_first_20_of(table, topic):
    screen = NoticeScreen(FakeIndex(NEW_SCORES), table)
    assert sorted(screen.affected(topic, event(topic, "v-new"), now=NOW)) == ["beaten", "short", "tied"]


def test_a_changed_vacancy_also_concerns_the_watched_workers_shown_it_whatever_their_floor(table):
    scores = {"held-3": {"holds": 0.2, "short": 0.3}}
    screen = NoticeScreen(FakeIndex(scores), table)
    assert sorted(screen.affected(VACANCY_REVIEWED, event(VACANCY_REVIEWED, "held-3"), now=NOW)) == ["holds", "short"]
    # Closed: not eligible for anyone any more, still in the list of who was shown it.
    closed = NoticeScreen(FakeIndex({}), table)
    assert closed.affected(VACANCY_CLOSED, event(VACANCY_CLOSED, "held-3"), now=NOW) == ["holds"]


def test_a_profile_or_placement_concerns_that_worker_only_while_watched(table):
    screen = NoticeScreen(FakeIndex(NEW_SCORES), table)
    assert screen.affected(WORKER_PROFILE_UPDATED, event(WORKER_PROFILE_UPDATED, "above"), now=NOW) == ["above"]
    assert screen.affected(WORKER_PROFILE_UPDATED, event(WORKER_PROFILE_UPDATED, "ended"), now=NOW) == []
    assert screen.affected(WORKER_PROFILE_UPDATED, event(WORKER_PROFILE_UPDATED, "stranger"), now=NOW) == []
    placement = event(PLACEMENT_COMPLETED, "offer-1", worker_id="short")
    assert screen.affected(PLACEMENT_COMPLETED, placement, now=NOW) == ["short"]
    assert screen.affected(OFFER_RESPONDED, event(OFFER_RESPONDED, "offer-1", worker_id="short"), now=NOW) == []
    assert screen.index.asked == []


def test_with_nobody_watched_a_vacancy_change_does_not_even_ask_the_index(table):
    index = FakeIndex(NEW_SCORES)
    screen = NoticeScreen(index, table)
    assert screen.affected(VACANCY_REVIEWED, event(VACANCY_REVIEWED, "v-new"), now=LATER + 1) == []
    assert index.asked == []


def test_the_table_grows_compacts_and_keeps_its_rows_apart():
    table = WatchTable(capacity=2)
    for i in range(5):
        table.put(f"w{i}", [f"v{i}"], None, NOW + i)
    table.put("w1", ["v9"], 0.4, LATER)  # rewritten in place
    assert len(table) == 5 and table.holders("v1", NOW) == [] and table.holders("v9", NOW) == ["w1"]
    assert table.compact(NOW + 3) == 2  # w0 and w2 ended before
    assert sorted(table.rows) == ["w1", "w3", "w4"]
    assert table.holders("v3", NOW) == ["w3"] and table.holders("v9", NOW) == ["w1"]
    assert table.entrants(["w4", "w1", "gone"], np.array([0.1, 0.5, 1.0]), NOW) == ["w4", "w1"]


def test_with_every_list_full_only_scores_at_or_above_a_floor_enter():
    table = WatchTable()
    for name, floor in (("low", 0.2), ("mid", 0.5), ("high", 0.9)):
        table.put(name, shown(name, 20), floor, LATER)
    ids = ["high", "stranger", "mid", "low"]
    assert table.entrants(ids, np.array([0.5, 0.99, 0.5, 0.1]), NOW) == ["mid"]
    assert table.entrants(ids, np.array([0.9, 0.0, 0.49, 0.2]), NOW) == ["high", "low"]
    assert table.entrants(ids, np.array([0.1, 0.1, 0.1, 0.1]), NOW) == []


def long_matches(count: int = 20, id_length: int = 64) -> list[dict]:
    keys = sorted(REASONS, key=len, reverse=True)[:4]
    return [{"vacancy_id": f"{i:02d}".ljust(id_length, "x"), "score": 0.123456 - i / 1000, "reason_keys": keys}
            for i in range(count)]


def test_a_notice_of_20_long_ids_with_every_reason_is_at_most_2_kb_and_says_how_many_there_were():
    matches = long_matches()
    sent = notice("w" * 64, matches)
    assert len(sent.to_bytes()) <= MAX_NOTICE_BYTES == 2048
    payload = json.loads(sent.to_bytes())["payload"]
    assert payload["kind"] == "worker" and payload["worker_id"] == "w" * 64 and payload["count"] == 20
    kept = payload["matches"]
    assert 0 < len(kept) < 20  # cut to fit: the first ones, in order, without their reasons
    assert [m["vacancy_id"] for m in kept] == [m["vacancy_id"] for m in matches[:len(kept)]]
    assert all(m["reason_keys"] == [] for m in kept)
    assert set(kept[0]) == {"vacancy_id", "score", "reason_keys"}


def test_a_notice_of_20_ordinary_ids_keeps_every_entry_and_the_strongest_reasons_that_fit():
    matches = long_matches(id_length=24)  # the services' ids: 24 hex digits
    sent = notice("6650f2a0c1d2e3f4a5b6c7d8", matches)
    assert len(sent.to_bytes()) <= MAX_NOTICE_BYTES
    kept = sent.payload["matches"]
    assert [m["vacancy_id"] for m in kept] == [m["vacancy_id"] for m in matches] and sent.payload["count"] == 20
    reasons = [m["reason_keys"] for m in kept]
    strongest = matches[0]["reason_keys"][:1]
    assert reasons[0] == strongest and reasons[-1] == []  # the best keep theirs
    assert reasons == sorted(reasons, key=len, reverse=True) and set(map(tuple, reasons)) == {tuple(strongest), ()}


def test_a_short_notice_keeps_every_reason():
    matches = long_matches(count=3, id_length=24)
    sent = notice("w1", matches)
    assert sent.payload["matches"][2]["reason_keys"] == matches[2]["reason_keys"]
    assert len(sent.to_bytes()) <= MAX_NOTICE_BYTES


# --- the matcher worker's handlers ---------------------------------------------------------------------------


class RecordingNotices:
    def __init__(self, error=None):
        self.seen: list[tuple] = []
        self.error = error

    def after(self, topic, envelope):
        self.seen.append((topic, envelope.id))
        if self.error:
            raise self.error


def test_each_handled_event_is_then_applied_and_screened():
    order = []
    notices = RecordingNotices()
    wrapped = screened({VACANCY_REVIEWED: lambda e: order.append(e.id)}, notices)
    sent = event(VACANCY_REVIEWED, "v1")
    wrapped[VACANCY_REVIEWED](sent)
    assert order == [sent.id] and notices.seen == [(VACANCY_REVIEWED, sent.id)]


def test_a_failing_handler_is_not_screened_and_raises_as_before():
    notices = RecordingNotices()

    def broken(_event):
        raise ValueError("bad vacancy")

    with pytest.raises(ValueError):
        screened({VACANCY_REVIEWED: broken}, notices)[VACANCY_REVIEWED](event(VACANCY_REVIEWED, "v1"))
    assert notices.seen == []


def test_a_failing_screen_never_makes_a_handled_event_fail(caplog):
    handled = threading.Event()
    notices = RecordingNotices(error=RuntimeError("index bug"))
    wrapped = screened({VACANCY_REVIEWED: lambda e: handled.set()}, notices)
    wrapped[VACANCY_REVIEWED](event(VACANCY_REVIEWED, "v1"))
    assert handled.is_set() and "handled but not screened" in caplog.text


def test_a_screen_waiting_for_the_database_tries_again_then_gives_up(monkeypatch, caplog):
    monkeypatch.setattr("matcher.worker.time.sleep", lambda _s: None)
    notices = RecordingNotices(error=ServerSelectionTimeoutError("down"))
    screened({VACANCY_REVIEWED: lambda e: None}, notices)[VACANCY_REVIEWED](event(VACANCY_REVIEWED, "v1"))
    assert len(notices.seen) == 3 and "database unavailable" in caplog.text


def test_the_matcher_worker_relays_notices_drops_the_old_lists_and_runs_the_sender_and_the_screen(monkeypatch):
    from matcher import worker
    from matcher.models import ShownMatches
    from services.config import Settings

    calls = {}
    monkeypatch.setattr(worker, "run_worker", lambda *a, **k: calls.update(args=a, **k))
    worker.run(Settings(service="matcher", secret_key="x" * 32))
    service, handlers, outbox = calls["args"]
    assert service == "matcher" and set(handlers) == set(worker.HANDLERS) and outbox == (ShownMatches,)
    assert calls["upgrades"] == (worker.drop_old_lists,)
    assert [job.name for job in calls["jobs"]] == ["notice-sender", "notice-screen"]
    stop = threading.Event()
    for job in calls["jobs"]:
        job.run(stop)  # not prepared (stopped before the index was built): returns at once
    assert calls["prepare"].__self__.index is None


def test_a_read_is_answered_while_the_database_is_away_unwatched(monkeypatch, caplog):
    from matcher import notices

    class Away:
        def find_one(self, *args, **kwargs):
            raise ServerSelectionTimeoutError("down")

    monkeypatch.setattr(notices, "_collection", lambda: Away())
    assert notices.watch("w1", long_matches(3)) is False
    assert "not watched" in caplog.text


# --- the matcher web's memory of the watches ---------------------------------------------------------------------

def memory_of(following=True, entries=100):
    from matcher.notices import WatchMemory

    clock = [10.0]
    memory = WatchMemory(entries, clock=lambda: clock[0])
    memory.following = threading.Event()
    if following:
        memory.following.set()
    return memory, clock


def moment(seconds: float):
    from datetime import UTC, datetime

    return datetime.fromtimestamp(NOW + seconds, UTC)


def test_the_memory_holds_a_watch_as_stored_for_the_same_first_ids_and_floor_only():
    memory, _clock = memory_of()
    memory.remember("w1", ["v1", "v2"], None, moment(360), memory.begin())
    assert memory.holds("w1", ["v1", "v2"], None, moment(300))
    assert memory.holds("w1", ["v1", "v2"], None, moment(360))
    assert not memory.holds("w1", ["v1", "v2"], None, moment(361))  # would end too soon: written again
    assert not memory.holds("w1", ["v2", "v1"], None, moment(300))
    assert not memory.holds("w1", ["v1", "v2"], 0.5, moment(300))
    assert not memory.holds("w2", ["v1", "v2"], None, moment(300))


def test_the_memory_is_used_only_while_it_follows_the_notices():
    memory, _clock = memory_of(following=False)
    memory.remember("w1", ["v1"], None, moment(360), memory.begin())
    assert len(memory) == 0 and not memory.holds("w1", ["v1"], None, moment(300))


def test_a_notice_drops_that_workers_watch_and_a_look_up_it_overlapped_is_not_kept():
    memory, clock = memory_of()
    memory.remember("w1", ["v1"], None, moment(360), memory.begin())
    memory.remember("w2", ["v1"], None, moment(360), memory.begin())
    started = memory.begin()
    memory.handle("matches.updated", event("matches.updated", "w1", kind="worker", worker_id="w1"))
    assert not memory.holds("w1", ["v1"], None, moment(300)) and memory.holds("w2", ["v1"], None, moment(300))
    memory.remember("w1", ["v1"], None, moment(360), started)  # read before the notice came: maybe ended since
    assert not memory.holds("w1", ["v1"], None, moment(300))
    clock[0] += 0.1
    memory.remember("w1", ["v1"], None, moment(360), memory.begin())
    assert memory.holds("w1", ["v1"], None, moment(300))


def test_the_memory_keeps_the_most_recently_used_watches():
    memory, _clock = memory_of(entries=2)
    for worker_id in ("w1", "w2"):
        memory.remember(worker_id, ["v1"], None, moment(360), memory.begin())
    assert memory.holds("w1", ["v1"], None, moment(300))  # w2 is now the least recently used
    memory.remember("w3", ["v1"], None, moment(360), memory.begin())
    assert len(memory) == 2 and not memory.holds("w2", ["v1"], None, moment(300))
