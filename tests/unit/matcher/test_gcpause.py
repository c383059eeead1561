"""Pausing the cyclic collector around large requests."""

import gc
import threading

from matcher.gcpause import paused_gc


def test_collector_is_paused_inside_and_restored_after():
    seen = []

    @paused_gc
    def view():
        seen.append(gc.isenabled())
        return "ok"

    assert gc.isenabled()
    assert view() == "ok"
    assert seen == [False] and gc.isenabled()


def test_restored_even_when_the_view_raises():
    @paused_gc
    def view():
        raise ValueError("boom")

    try:
        view()
    except ValueError:
        pass
    assert gc.isenabled()


def test_overlapping_requests_keep_it_paused_until_the_last_ends():
    inside, release, seen = threading.Event(), threading.Event(), []

    @paused_gc
    def slow():
        inside.set()
        release.wait(5)

    @paused_gc
    def quick():
        return None

    thread = threading.Thread(target=slow)
    thread.start()
    inside.wait(5)
    quick()
    seen.append(gc.isenabled())  # the slow request is still running
    release.set()
    thread.join(5)
    assert seen == [False] and gc.isenabled()


def test_a_process_that_disabled_it_keeps_it_disabled():
    gc.disable()
    try:
        paused_gc(lambda: None)()
        assert not gc.isenabled()
    finally:
        gc.enable()
