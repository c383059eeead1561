"""Watches, due marks and notice senders on the real database, with a small fake ranking index.

The index (``matcher.index``) is faked here: what is tested is what the
notices do with its answers. Through Kafka with the real index: the matcher
flow tests.
"""

from __future__ import annotations

import threading
from datetime import timedelta

import numpy as np
import pytest

from matcher import notices
from matcher.models import ShownMatches
from matcher.notices import (
    NOTICE_GAP,
    SETTLE_OTHERS,
    SETTLE_OWN,
    WATCH,
    NoticeScreen,
    NoticeSender,
    mark_due,
    utcnow,
    watch,
)
from matcher.watches import WatchPoller, WatchTable
from matcher.worker import OLD_COLLECTIONS, drop_old_lists
from services.events import MATCHES_UPDATED, VACANCY_REVIEWED, WORKER_PROFILE_UPDATED, Envelope, new_event
from services.kafka import Publisher, ensure_topics
from services.lease import LEASES
from services.outbox import PENDING, OutboxRelay
from tests.integration.helpers import eventually, read_topic


class FakeIndex:
    """Answers like ``RankingIndex``; ``matches`` may be changed between calls."""

    def __init__(self, matches=None, scores=None, pause: threading.Event | None = None, unfolded=None):
        self.matches = matches or {}
        self.unfolded = unfolded or {}  # applied but not yet folded into the tables: ``flush`` does it
        self.scores = scores or {}
        self.pause = pause
        self.ranked: list[str] = []
        self.lock = threading.Lock()

    def worker_matches(self, worker_id, limit=20, today=None):
        with self.lock:
            self.ranked.append(worker_id)
        if self.pause is not None:
            self.pause.wait()
        found = self.matches.get(worker_id)
        return None if found is None else found[:limit]

    def vacancy_scores(self, vacancy_id):
        found = self.scores.get(vacancy_id, {})
        return list(found), np.array(list(found.values()), dtype=np.float32)

    def apply(self, topic, envelope):
        pass

    def flush(self):
        self.matches, self.unfolded = {**self.matches, **self.unfolded}, {}


def ranked(prefix: str, count: int = 20, top: float = 0.9) -> list[dict]:
    return [{"vacancy_id": f"{prefix}{i}", "score": round(top - i / 100, 4), "reason_keys": ["skills_match"]}
            for i in range(count)]


def stored(worker_id: str) -> dict:
    return ShownMatches._get_collection().find_one({"_id": worker_id}) or {}


def sent(worker_id: str) -> list[Envelope]:
    return [Envelope.from_stored(e) for e in stored(worker_id).get("outbox") or []]


def aware(moment):
    return notices._aware(moment)


# --- watch ---------------------------------------------------------------------------------------------------

def test_a_read_writes_the_watch_only_when_the_first_ids_or_floor_moved_or_it_nears_its_end(database):
    now = utcnow()
    assert watch("w1", ranked("v"), now=now)
    first = stored("w1")
    assert first["ids"] == [f"v{i}" for i in range(20)] and first["floor"] == pytest.approx(0.71)
    assert aware(first["watched_until"]) > now + WATCH

    assert not watch("w1", ranked("v") + ranked("x", 5), now=now + timedelta(seconds=30))  # same first 20
    assert aware(stored("w1")["updated_at"]) == now

    moved = ranked("v")
    moved[3], moved[4] = moved[4], moved[3]
    assert watch("w1", moved, now=now + timedelta(seconds=31))
    assert stored("w1")["ids"][3] == "v4"
    assert not watch("w1", moved, now=now + timedelta(seconds=40))
    assert watch("w1", moved, now=now + timedelta(seconds=31) + notices.WATCH_SLACK + timedelta(seconds=1))

    assert watch("w2", ranked("v", 3), now=now)
    assert stored("w2")["floor"] is None  # fewer than 20: any eligible vacancy could enter


def test_a_longer_watch_period_from_the_settings_is_written_by_the_web_and_read_back_by_the_screen(database):
    period, now = WATCH * 2, utcnow()
    written = now - WATCH - timedelta(seconds=90)  # longer ago than the default watch runs
    assert watch("w1", ranked("v"), now=written, period=period)
    assert aware(stored("w1")["watched_until"]) == written + period + notices.WATCH_SLACK
    assert not watch("w1", ranked("v"), now=written + timedelta(seconds=30), period=period)
    default, longer = NoticeScreen(FakeIndex()), NoticeScreen(FakeIndex(), period=period)
    default.load(now)
    longer.load(now)
    assert "w1" not in default.table.rows and longer.table.watched("w1", now.timestamp())


def test_with_the_web_process_memory_a_read_showing_the_same_watch_again_reads_nothing(database):
    from matcher.notices import WatchMemory

    memory, now = WatchMemory(), utcnow()
    memory.following = threading.Event()
    memory.following.set()
    assert watch("w1", ranked("v"), now=now, memory=memory)
    ShownMatches._get_collection().delete_one({"_id": "w1"})  # gone: only a look-up or a write would see it
    assert not watch("w1", ranked("v"), now=now + timedelta(seconds=30), memory=memory)
    assert stored("w1") == {}
    moved = ranked("v")
    moved[0], moved[1] = moved[1], moved[0]
    assert watch("w1", moved, now=now + timedelta(seconds=31), memory=memory)  # other first ids: written
    memory.handle(MATCHES_UPDATED, new_event(MATCHES_UPDATED, "matcher", "w1", {"kind": "worker", "worker_id": "w1"}))
    ShownMatches._get_collection().update_one({"_id": "w1"}, {"$set": {"watched_until": now}})  # the notice ended it
    assert watch("w1", moved, now=now + timedelta(seconds=32), memory=memory)  # watched again at once
    assert aware(stored("w1")["watched_until"]) > now + WATCH


# --- the table of watches ---------------------------------------------------------------------------------------

def test_the_poller_loads_running_watches_then_reads_what_was_written_since_with_an_overlap(database):
    now = utcnow()
    watch("old", ranked("v"), now=now - WATCH - notices.WATCH_SLACK - timedelta(seconds=5))
    watch("w1", ranked("v"), now=now - timedelta(seconds=10))
    table = WatchTable()
    poller = WatchPoller(table, lookback=WATCH + notices.WATCH_SLACK, overlap=timedelta(seconds=3))
    assert poller.poll(now) == [("w1", (now - timedelta(seconds=10)).timestamp())] and list(table.rows) == ["w1"]

    # Written by another process whose clock is 2 s behind, seen at the next poll all the same.
    watch("w2", ranked("x"), now=now - timedelta(seconds=2))
    assert len(poller.poll(now + timedelta(seconds=1))) == 1
    assert table.holders("x3", now.timestamp()) == ["w2"]
    assert len(poller.poll(now + timedelta(seconds=10))) == 1  # still within the overlap of the last poll
    assert poller.poll(now + timedelta(seconds=20)) == []


# --- screening and due marks -------------------------------------------------------------------------------------

def test_the_screen_marks_exactly_the_workers_a_vacancy_concerns_once_each(database):
    now = utcnow()
    watch("holds", ranked("v"), now=now)
    watch("beaten", ranked("a", top=0.6), now=now)
    watch("above", ranked("b", top=0.99), now=now)
    scores = {"v-new": {"beaten": 0.7, "above": 0.7, "stranger": 0.99}, "v5": {}}
    screen = NoticeScreen(FakeIndex(scores=scores))
    screen.load()
    assert screen.after(VACANCY_REVIEWED, new_event(VACANCY_REVIEWED, "t", "v-new", {})) == ["beaten"]
    assert screen.after(VACANCY_REVIEWED, new_event(VACANCY_REVIEWED, "t", "v5", {})) == ["holds"]
    due = {d["_id"]: d["due_at"] for d in ShownMatches._get_collection().find({"due_at": {"$exists": True}})}
    assert set(due) == {"beaten", "holds"}

    # Marked again a second later: the earlier mark stands (one check for both changes).
    mark_due(["beaten"], {}, now=utcnow() + timedelta(seconds=1))
    assert stored("beaten")["due_at"] == due["beaten"]


def test_a_worker_notified_less_than_a_minute_ago_is_due_a_minute_after_that_notice(database):
    now = utcnow()
    watch("w1", ranked("v"), now=now)
    ShownMatches._get_collection().update_one({"_id": "w1"}, {"$set": {"last_notice_at": now - timedelta(seconds=20)}})
    screen = NoticeScreen(FakeIndex())
    screen.load()
    mark_due(["w1"], screen._last_notices(["w1"]), now=now)
    assert aware(stored("w1")["due_at"]) == now - timedelta(seconds=20) + NOTICE_GAP


def test_an_ended_watch_is_never_marked(database):
    now = utcnow()
    watch("w1", ranked("v"), now=now - WATCH - notices.WATCH_SLACK - timedelta(seconds=1))
    assert mark_due(["w1"], {}, now=now) == 0
    assert "due_at" not in stored("w1")


# --- sending ------------------------------------------------------------------------------------------------------

def due(worker_id: str, matches, now=None, owner: str = "") -> None:
    now = now or utcnow()
    watch(worker_id, matches, now=now)
    mark_due([worker_id], {}, owner, now=now)


SETTLED = SETTLE_OTHERS + timedelta(milliseconds=1)  # after a mark, when any sender checks it


def test_no_notice_when_the_first_20_ids_did_not_change(database):
    due("w1", ranked("v"))
    index = FakeIndex({"w1": ranked("v", 20, top=0.95)})  # other scores, same ids: nothing to tell
    sender = NoticeSender(index)
    assert sender.send_once(utcnow() + SETTLED) == 1
    document = stored("w1")
    assert sender.outcomes == {"unchanged": 1} and sent("w1") == []
    assert not {"due_at", "marked_at", "by", PENDING} & set(document)
    assert document["floor"] == pytest.approx(0.76)  # the screen's floor follows the new scores
    assert aware(document["watched_until"]) > utcnow()  # still watched


def test_a_changed_first_20_sends_one_small_notice_and_ends_the_watch(database):
    due("w1", ranked("v"))
    now = utcnow() + SETTLED
    fresh = [{"vacancy_id": "new", "score": 0.99, "reason_keys": ["good_pay"]}, *ranked("v", 19)]
    sender = NoticeSender(FakeIndex({"w1": fresh}))
    assert sender.send_once(now) == 1
    [event] = sent("w1")
    assert event.type == "matches.updated" and event.subject == "w1" and len(event.to_bytes()) <= 2048
    assert event.payload["kind"] == "worker" and event.payload["count"] == 20
    assert event.payload["matches"][0] == {"vacancy_id": "new", "score": 0.99, "reason_keys": ["good_pay"]}
    document = stored("w1")
    assert document[PENDING] is True and document["ids"][0] == "new"
    assert aware(document["last_notice_at"]) == now and aware(document["watched_until"]) == now
    assert not {"due_at", "marked_at", "by"} & set(document)

    # Another mark within the minute: the watch ended, so nothing is marked; a new read watches again and
    # a change then waits for the minute to pass.
    assert mark_due(["w1"], {}, now=now + timedelta(seconds=1)) == 0
    watch("w1", ranked("z"), now=now + timedelta(seconds=2))
    screen = NoticeScreen(FakeIndex())
    screen.load()
    mark_due(["w1"], screen._last_notices(["w1"]), now=now + timedelta(seconds=3))
    assert aware(stored("w1")["due_at"]) == now + NOTICE_GAP
    assert sender.send_once(now + timedelta(seconds=4)) == 0  # not due yet
    assert sender.send_once(now + NOTICE_GAP) == 1 and sender.outcomes["sent"] == 2


def published_notices(settings, worker_id: str) -> list[Envelope]:
    records = read_topic(settings, MATCHES_UPDATED, expected=10**6, timeout=3)
    return [e for e in (Envelope.from_bytes(r.value) for r in records) if e.subject == worker_id]


class CountingRelay(OutboxRelay):
    """The outbox relay, counting its rounds and the wakes it got."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rounds = self.wakes = 0

    def wake(self):
        self.wakes += 1
        super().wake()

    def relay_once(self):
        sent = super().relay_once()
        self.rounds += 1
        return sent


def test_a_sent_notice_wakes_this_process_relay_which_publishes_it_without_waiting_for_a_poll(settings, database):
    ensure_topics(settings)
    worker = f"w-{settings.service}"  # the topic is shared by the session's tests
    due(worker, ranked("v"))
    publisher, stop = Publisher(settings), threading.Event()
    relay = CountingRelay(publisher, [ShownMatches])
    # Polls once, then sleeps for an hour unless woken: a notice that arrives came through a wake.
    thread = threading.Thread(target=relay.run, args=(stop, 3600.0), daemon=True)
    thread.start()
    try:
        eventually(lambda: relay.rounds == 1, "the relay's first round (nothing pending yet)")
        unchanged = NoticeSender(FakeIndex({worker: ranked("v", 20, top=0.95)}))
        assert unchanged.send_once(utcnow() + SETTLED) == 1 and relay.wakes == 0  # nothing written to relay
        due(worker, ranked("v"))
        fresh = [{"vacancy_id": "new", "score": 0.99, "reason_keys": ["good_pay"]}, *ranked("v", 19)]
        assert NoticeSender(FakeIndex({worker: fresh})).send_once(utcnow() + SETTLED) == 1
        assert relay.wakes == 1
        [notice] = eventually(lambda: published_notices(settings, worker), "the notice on Kafka")
        assert notice.payload["matches"][0]["vacancy_id"] == "new" and PENDING not in stored(worker)
    finally:
        stop.set()
        relay.wake()
        thread.join(timeout=30)
        publisher.close()


def test_a_sender_folds_what_its_index_was_handed_in_before_ranking(database):
    """The screen marks a worker right after its index applied the event; the index's builder folds it into
    the tables only every 0.2 s. Ranked before that, the list looks unchanged and the mark is dropped."""
    due("w1", ranked("v"))
    fresh = [{"vacancy_id": "new", "score": 0.99, "reason_keys": ["good_pay"]}, *ranked("v", 19)]
    sender = NoticeSender(FakeIndex({"w1": ranked("v")}, unfolded={"w1": fresh}))
    assert sender.send_once(utcnow() + SETTLED) == 1
    assert sender.outcomes == {"sent": 1} and sent("w1")[0].payload["matches"][0]["vacancy_id"] == "new"


def test_a_sender_defers_a_check_due_sooner_than_a_minute_after_the_last_notice(database):
    now = utcnow()
    due("w1", ranked("v"), now=now)
    ShownMatches._get_collection().update_one({"_id": "w1"}, {"$set": {"last_notice_at": now - timedelta(seconds=30)}})
    index = FakeIndex({"w1": ranked("new")})
    sender = NoticeSender(index)
    assert sender.send_once(now + SETTLED) == 1
    assert sender.outcomes == {"deferred": 1} and index.ranked == [] and sent("w1") == []
    assert aware(stored("w1")["due_at"]) == now + timedelta(seconds=30)
    assert sender.send_once(now + timedelta(seconds=31)) == 1
    assert sender.outcomes["sent"] == 1 and len(sent("w1")) == 1


def test_an_unknown_worker_or_an_ended_watch_only_clears_the_mark(database):
    due("w1", ranked("v"))
    due("w2", ranked("v"))
    ShownMatches._get_collection().update_one({"_id": "w2"}, {"$set": {"watched_until": utcnow()}})
    sender = NoticeSender(FakeIndex({}))
    assert sender.send_once(utcnow() + SETTLED) == 2
    assert sender.outcomes == {"unknown": 1, "ended": 1}
    assert not any("due_at" in stored(w) or sent(w) for w in ("w1", "w2"))


def test_two_senders_never_both_send_one_notice(database):
    workers = [f"w{i}" for i in range(120)]
    for worker_id in workers:
        due(worker_id, ranked("v"))
    index = FakeIndex({w: ranked(f"{w}-new-") for w in workers})
    senders = [NoticeSender(index, batch=500), NoticeSender(index, batch=500)]
    start = threading.Barrier(2)
    now = utcnow() + SETTLED

    def run(sender):
        start.wait()
        sender.send_once(now)

    threads = [threading.Thread(target=run, args=(s,)) for s in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(len(sent(w)) == 1 for w in workers)
    assert sum(s.outcomes.get("sent", 0) for s in senders) == len(workers)
    assert sum(s.outcomes.get("taken", 0) for s in senders) == len(workers)  # each mark was read by both
    print(f"[notices] {len(workers)} notices: sender A sent {senders[0].outcomes}, B {senders[1].outcomes}")


def test_a_sender_that_stalled_while_ranking_writes_nothing_once_another_recorded_the_mark(database):
    due("w1", ranked("v"))
    release = threading.Event()
    slow = NoticeSender(FakeIndex({"w1": ranked("a")}, pause=release))
    now = utcnow() + SETTLED
    stalled = threading.Thread(target=slow.send_once, args=(now,))
    stalled.start()
    while not slow.index.ranked:
        threading.Event().wait(0.01)

    quick = NoticeSender(FakeIndex({"w1": ranked("b")}))
    assert quick.send_once(now) == 1
    release.set()
    stalled.join()
    assert quick.outcomes == {"sent": 1} and slow.outcomes == {"taken": 1}
    [event] = sent("w1")
    assert event.payload["matches"][0]["vacancy_id"] == "b0" and stored("w1")["ids"][0] == "b0"


def test_a_mark_made_while_a_sender_checks_stays_for_the_next_round(database):
    due("w1", ranked("v"))
    release = threading.Event()
    sender = NoticeSender(FakeIndex({"w1": ranked("v")}, pause=release))  # unchanged when checked
    now = utcnow() + SETTLED
    checking = threading.Thread(target=sender.send_once, args=(now,))
    checking.start()
    while not sender.index.ranked:
        threading.Event().wait(0.01)
    mark_due(["w1"], {}, now=now + timedelta(milliseconds=1))  # a change after it ranked
    release.set()
    checking.join()
    assert sender.outcomes == {"taken": 1}
    document = stored("w1")
    assert "due_at" in document and aware(document["marked_at"]) == now + timedelta(milliseconds=1)
    sender.index.pause = None
    assert sender.send_once(now + SETTLED * 2) == 1 and sender.outcomes["unchanged"] == 1
    assert "due_at" not in stored("w1")


def test_a_sender_checks_its_own_screens_marks_soon_and_others_once_their_index_may_have_the_event(database):
    now = utcnow()
    mine = NoticeSender(FakeIndex({"w1": ranked("a"), "w2": ranked("b")}))
    due("w1", ranked("v"), now=now, owner=mine.owner)
    due("w2", ranked("v"), now=now, owner="another process")
    assert mine.send_once(now + SETTLE_OWN - timedelta(milliseconds=1)) == 0
    assert mine.send_once(now + SETTLE_OWN) == 1
    assert mine.outcomes == {"sent": 1} and len(sent("w1")) == 1
    assert mine.send_once(now + SETTLE_OTHERS) == 1
    assert mine.outcomes["sent"] == 2 and len(sent("w2")) == 1

    # Marked by both: the other process's event may not be in this index yet.
    due("w3", ranked("v"), now=now, owner=mine.owner)
    mark_due(["w3"], {}, "another process", now=now)
    assert mine.send_once(now + SETTLE_OWN) == 0
    assert mine.send_once(now + SETTLE_OTHERS) == 1


# --- the upgrade ---------------------------------------------------------------------------------------------------

def test_the_upgrade_drops_the_lists_and_marks_an_older_version_kept(database):
    for name in OLD_COLLECTIONS:
        database[name].insert_one({"_id": "x"})
    database[LEASES].insert_many([{"_id": "refresher"}, {"_id": "worker_matches"}, {"_id": "shown_matches"}])
    drop_old_lists()
    assert not set(OLD_COLLECTIONS) & set(database.list_collection_names())
    assert [d["_id"] for d in database[LEASES].find()] == ["shown_matches"]


def test_a_watch_written_just_after_an_event_was_screened_is_checked_again(database):
    """The web may have ranked it with an index that had not applied the event yet."""
    now = utcnow()
    screen = NoticeScreen(FakeIndex(), owner="me")
    screen.load(now - timedelta(seconds=10))
    watch("before", ranked("v"), now=now - timedelta(seconds=9))
    assert screen.load(now) == 1 and screen.caught_up == []  # no event screened yet
    screen.after(VACANCY_REVIEWED, new_event(VACANCY_REVIEWED, "t", "v-new", {}))  # concerns nobody
    watch("w1", ranked("v"), now=utcnow())
    watch("ended", ranked("v"), now=utcnow() - WATCH - notices.WATCH_SLACK)
    screen.load(utcnow())
    assert screen.caught_up == ["w1"]
    assert stored("w1")["by"] == ["me"] and "due_at" in stored("w1") and "due_at" not in stored("before")
    # Much later, with no event since: new watches are left alone.
    watch("w2", ranked("v"), now=utcnow() + notices.RACE * 3)
    screen.load(utcnow() + notices.RACE * 3)
    assert screen.load(utcnow() + notices.RACE * 4) == 1 and screen.caught_up == []


def test_a_profile_change_marks_that_watched_worker(database):
    watch("w1", ranked("v"))
    screen = NoticeScreen(FakeIndex())
    assert screen.after(WORKER_PROFILE_UPDATED, new_event(WORKER_PROFILE_UPDATED, "t", "w1", {})) == []  # not read yet
    screen.load()
    assert screen.after(WORKER_PROFILE_UPDATED, new_event(WORKER_PROFILE_UPDATED, "t", "w1", {})) == ["w1"]
    assert "due_at" in stored("w1")
