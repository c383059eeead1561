"""The per-process cache of /me/matches answers (workers/match_cache.py), on a clock the test moves."""

from __future__ import annotations

import threading

import pytest

from services.config import Settings
from services.events import (
    MATCHES_UPDATED,
    VACANCY_CLOSED,
    VACANCY_REVIEWED,
    VACANCY_SUBMITTED,
    WORKER_ERASED,
    new_event,
)
from workers.match_cache import SETTLE_SECONDS, MatchCache

TODAY = "2027-01-10"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def cache_of(ttl=300, entries=100, following=True):
    clock = Clock()
    cache = MatchCache(ttl, entries, clock=clock)
    cache.following = threading.Event()
    if following:
        cache.following.set()
    return cache, clock


def put(cache, worker_id, ranked=("v1", "v2"), first_start="2027-03-01", body=None):
    return cache.put(worker_id, cache.begin(), body or worker_id.encode(), ranked, first_start)


def test_an_answer_is_served_until_it_expires():
    cache, clock = cache_of(ttl=300)
    assert cache.get("w1", TODAY) is None
    assert put(cache, "w1", body=b"gz")
    assert cache.get("w1", TODAY) == b"gz"
    clock.now += 299
    assert cache.get("w1", TODAY) == b"gz"
    clock.now += 1
    assert cache.get("w1", TODAY) is None and len(cache) == 0


@pytest.mark.parametrize("ttl, entries, following", [(0, 100, True), (300, 0, True), (300, 100, False)])
def test_nothing_is_kept_with_no_time_no_room_or_no_events_followed(ttl, entries, following):
    cache, _ = cache_of(ttl, entries, following)
    assert not cache.enabled and not put(cache, "w1") and cache.get("w1", TODAY) is None


def test_nothing_is_served_once_caching_is_off():
    cache, _ = cache_of()
    put(cache, "w1")
    cache.following.clear()
    assert cache.get("w1", TODAY) is None


def test_a_cache_that_follows_nothing_keeps_nothing():
    cache = MatchCache(300, 100)
    assert not cache.enabled and not put(cache, "w1")


def test_an_answer_expires_counted_from_when_its_miss_began():
    cache, clock = cache_of(ttl=300)
    started = cache.begin()
    clock.now += 2  # the matcher's answer, which starts its watch, came after
    assert cache.put("w1", started, b"gz", ("v1",), "2027-03-01")
    clock.now += 298
    assert cache.get("w1", TODAY) is None


def test_the_least_recently_read_makes_room():
    cache, _ = cache_of(entries=2)
    put(cache, "w1")
    put(cache, "w2")
    assert cache.get("w1", TODAY)  # now w2 is the least recently read
    put(cache, "w3")
    assert cache.get("w2", TODAY) is None and cache.get("w1", TODAY) and cache.get("w3", TODAY) and len(cache) == 2


def test_an_answer_whose_first_season_began_is_stale():
    cache, _ = cache_of()
    put(cache, "w1", first_start="2027-03-01")
    assert cache.get("w1", "2027-02-28")
    assert cache.get("w1", "2027-03-01") is None


def test_a_workers_notice_drops_only_that_workers_answer():
    cache, _ = cache_of()
    put(cache, "w1")
    put(cache, "w2")
    cache.handle(MATCHES_UPDATED, new_event(MATCHES_UPDATED, "matcher", "w1", {
        "kind": "worker", "worker_id": "w1", "matches": [], "count": 0}))
    assert cache.get("w1", TODAY) is None and cache.get("w2", TODAY)
    cache.handle(MATCHES_UPDATED, new_event(MATCHES_UPDATED, "matcher", "v1", {"kind": "vacancy", "vacancy_id": "v1"}))
    assert cache.get("w2", TODAY)


def test_an_erased_workers_answer_goes_from_every_process():
    cache, _ = cache_of()
    put(cache, "w1")
    put(cache, "w2")
    cache.handle(WORKER_ERASED, new_event(WORKER_ERASED, "workers", "w1", {"worker_id": "w1"}))
    assert cache.get("w1", TODAY) is None and cache.get("w2", TODAY)


@pytest.mark.parametrize("topic", [VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED])
def test_a_vacancy_event_drops_every_answer_that_ranks_it(topic):
    cache, _ = cache_of()
    put(cache, "w1", ranked=("v1", "v2"))
    put(cache, "w2", ranked=("v2", "v3"))
    put(cache, "w3", ranked=("v4",))
    cache.handle(topic, new_event(topic, "ethics", "v2", {}))
    assert cache.get("w1", TODAY) is None and cache.get("w2", TODAY) is None and cache.get("w3", TODAY)


def test_an_answer_put_together_around_its_notice_is_not_kept_until_it_settled():
    cache, clock = cache_of()
    started = cache.begin()
    clock.now += 0.5
    cache.drop_worker("w1")  # the notice arrives during the call to the matcher
    clock.now += 0.5
    assert not cache.put("w1", started, b"old", ("v1",), "2027-03-01")
    assert not put(cache, "w1")  # just after it: the matcher's web process may not have seen its event yet
    assert put(cache, "w2")
    clock.now += SETTLE_SECONDS
    assert put(cache, "w1")


def test_an_answer_with_a_vacancy_that_just_changed_is_not_kept_until_it_settled():
    cache, clock = cache_of()
    cache.drop_vacancy("v9")  # the workers worker may not have written its card yet
    clock.now += SETTLE_SECONDS - 1
    assert not put(cache, "w1", ranked=("v1", "v9")) and put(cache, "w2", ranked=("v1",))
    clock.now += 1.5
    assert put(cache, "w1", ranked=("v1", "v9"))


def test_an_answer_put_again_replaces_the_old_one_and_its_vacancies():
    cache, _ = cache_of()
    put(cache, "w1", ranked=("v1",), body=b"first")
    put(cache, "w1", ranked=("v2",), body=b"second")
    cache.drop_vacancy("v1")
    assert cache.get("w1", TODAY) == b"second"
    cache.drop_vacancy("v2")
    assert cache.get("w1", TODAY) is None


def test_the_settings_of_the_cache():
    secret = {"LP_SECRET_KEY": "unit-test-secret-key-0123456789"}
    defaults = Settings.from_env("workers", secret)
    assert (defaults.matches_cache_seconds, defaults.matches_cache_entries) == (300, 10000)
    chosen = Settings.from_env("workers", {**secret, "LP_MATCHES_CACHE_SECONDS": "0", "LP_MATCHES_CACHE_ENTRIES": "50"})
    assert (chosen.matches_cache_seconds, chosen.matches_cache_entries) == (0, 50)


class Cards:
    """The database's cards as ``store.card_texts`` reads them, counting the ids asked for."""

    def __init__(self, **texts):
        self.texts, self.asked = texts, []

    def __call__(self, ids):
        self.asked.append(list(ids))
        return {v: self.texts[v] for v in ids if v in self.texts}


def test_a_card_read_once_is_served_from_memory_and_a_missing_one_is_asked_again():
    cache, _clock = cache_of(ttl=0)  # the answers' cache off: the cards are kept all the same
    cards = Cards(v1='{"a":1}', v2='{"b":2}')
    assert cache.card_texts(["v1", "v2", "v3"], cards) == {"v1": '{"a":1}', "v2": '{"b":2}'}
    assert cache.card_texts(["v2", "v1", "v3"], cards) == {"v1": '{"a":1}', "v2": '{"b":2}'}
    assert cards.asked == [["v1", "v2", "v3"], ["v3"]]


def test_no_card_is_kept_while_no_events_are_followed():
    cache, _clock = cache_of(following=False)
    cards = Cards(v1="{}")
    cache.card_texts(["v1"], cards)
    cache.card_texts(["v1"], cards)
    assert cards.asked == [["v1"], ["v1"]]


@pytest.mark.parametrize("topic", [VACANCY_SUBMITTED, VACANCY_REVIEWED, VACANCY_CLOSED])
def test_a_vacancy_event_drops_its_card_and_a_card_read_around_it_is_kept_only_once_settled(topic):
    cache, clock = cache_of()
    cards = Cards(v1="old", v2="{}")
    cache.card_texts(["v1", "v2"], cards)
    cache.handle(topic, new_event(topic, "ethics", "v1", {}))
    cards.texts["v1"] = "new"
    assert cache.card_texts(["v1", "v2"], cards) == {"v1": "new", "v2": "{}"}  # v2 still kept
    clock.now += SETTLE_SECONDS
    cache.card_texts(["v1"], cards)  # the database may not have applied the event yet: not kept
    clock.now += 0.5
    cache.card_texts(["v1"], cards)
    cache.card_texts(["v1"], cards)
    assert cards.asked == [["v1", "v2"], ["v1"], ["v1"], ["v1"]]


def test_a_card_is_kept_for_a_while_only_and_the_least_recently_read_make_room(monkeypatch):
    from workers import match_cache

    cache, clock = cache_of()
    cards = Cards(v1="1", v2="2", v3="3")
    cache.card_texts(["v1"], cards)
    clock.now += match_cache.CARD_SECONDS
    cache.card_texts(["v1"], cards)
    assert cards.asked == [["v1"], ["v1"]]
    monkeypatch.setattr(match_cache, "CARD_ENTRIES", 2)
    cache.card_texts(["v2"], cards)
    cache.card_texts(["v1"], cards)  # v2 is now the least recently read
    cache.card_texts(["v3"], cards)
    cache.card_texts(["v1", "v3"], cards)
    cache.card_texts(["v2"], cards)
    assert cards.asked[2:] == [["v2"], ["v3"], ["v2"]]
