"""Counts are marked by the writes and counted again by the recount job (``ethics.recounts``), over the real
database: a review reads the same few rows however busy its employer's month, the marks of many writes are one
per count, a count marked again while it is counted stays marked, and only one worker at a time runs the rounds.
"""

from __future__ import annotations

import threading
import uuid

from pymongo import monitoring

from ethics import parties, recounts, store
from ethics.handlers import on_vacancy_submitted
from ethics.models import EmployerFlagCounts, PartyMonth, Recount
from services.events import VACANCY_SUBMITTED, new_event
from services.lease import Leases
from tests.documents import vacancy

COUNTED_COLLECTIONS = {"flags", "reviews", "season_ratings", "party_months"}


class RowsRead(monitoring.CommandListener):
    """How many documents the finds (and their getMores) of the counted collections returned."""

    def __init__(self):
        self.rows = 0
        self.collections: dict[int, str] = {}

    def started(self, event):
        if event.command_name == "find" and event.command["find"] in COUNTED_COLLECTIONS:
            self.collections[event.request_id] = "counted"

    def succeeded(self, event):
        cursor = event.reply.get("cursor") if isinstance(event.reply, dict) else None
        if cursor is None:
            return
        if event.command_name == "find" and self.collections.pop(event.request_id, None):
            self.rows += len(cursor.get("firstBatch", []))
        elif event.command_name == "getMore" and cursor.get("ns", "").split(".", 1)[-1] in COUNTED_COLLECTIONS:
            self.rows += len(cursor.get("nextBatch", []))

    def failed(self, event):
        self.collections.pop(event.request_id, None)


ROWS_READ = RowsRead()
monitoring.register(ROWS_READ)


def submit(employer_id: str, fees: int = 450) -> None:
    """A vacancy of the employer that charges workers a fee (a blocking flag) and names an unregistered
    recruiter (a review flag)."""
    vacancy_id = f"v-{uuid.uuid4().hex[:10]}"
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", vacancy_id, {
        "employer_id": employer_id, "employer_name": "Busy Farms", "vacancy": vacancy(worker_fees=fees)}))


def rows_read_by(action) -> int:
    before = ROWS_READ.rows
    action()
    return ROWS_READ.rows - before


def test_a_review_reads_the_same_rows_however_busy_the_employers_month(database):
    employer_id = f"busy-{uuid.uuid4().hex[:6]}"
    reads = [rows_read_by(lambda: submit(employer_id)) for _ in range(60)]
    # Recounting the month inside each review read every earlier flag and review of the employer: the
    # 60th read about 60 times the first. Marking reads only the review's own flags.
    assert max(reads[-10:]) <= max(reads[:10]), reads
    marks = {row["_id"] for row in Recount._get_collection().find()}
    assert len(marks) == 5, marks  # the employer's flags, two rule-weeks, the employer's and recruiter's month
    assert store.recount_marked() == 5
    assert Recount.objects.count() == 0
    counts = EmployerFlagCounts.objects.get(id=employer_id)
    assert (counts.open_block, counts.open_review, counts.total) == (60, 60, 120)
    [month] = PartyMonth._get_collection().find({"party": parties.party_id("employer", employer_id)})
    assert (month["flags"], month["reviewed"], month["blocked"], month["open_block"]) == (120, 60, 60, 60)


def test_the_kept_counts_equal_a_recount_from_scratch(database):
    for n in range(6):
        submit(f"emp-{n % 3}", fees=450 if n % 2 else 0)
    store.recount_marked()
    kept = {row["_id"]: row for row in PartyMonth._get_collection().find()}
    parties.rebuild()
    assert {row["_id"]: row for row in PartyMonth._get_collection().find()} == kept


def test_a_count_marked_again_while_it_is_counted_stays_marked_for_the_next_round(database):
    recounts.mark("employer-flags", "e1")
    counted = []

    def recount_and_meanwhile_a_write(employer_id):
        counted.append(employer_id)
        if len(counted) == 1:
            recounts.mark("employer-flags", employer_id)

    recounters = {"employer-flags": recount_and_meanwhile_a_write}
    assert recounts.recount_marked(recounters) == 1
    assert Recount.objects(id="employer-flags|e1").count() == 1
    assert recounts.recount_marked(recounters) == 1
    assert Recount.objects.count() == 0 and counted == ["e1", "e1"]


def test_a_failed_recount_keeps_its_mark_and_the_others_go_on(database):
    recounts.mark("employer-flags", "bad")
    recounts.mark("employer-flags", "good")
    recounts.mark("no-such-count", "x")
    done = []

    def recount(employer_id):
        if employer_id == "bad":
            raise ValueError("a bug in one count")
        done.append(employer_id)

    assert recounts.recount_marked({"employer-flags": recount}) == 1
    assert done == ["good"]
    assert {row["_id"] for row in Recount._get_collection().find()} == {"employer-flags|bad"}


def test_one_worker_at_a_time_runs_the_rounds(database):
    rounds = {"first": 0, "second": 0}

    def counting(name):
        def recount():
            rounds[name] += 1
            return 0
        return recount

    stop = threading.Event()
    first = recounts.RecountJob(counting("first"), 0.05, Leases(owner="first"))
    second = recounts.RecountJob(counting("second"), 0.05, Leases(owner="second"))
    threads = [threading.Thread(target=job.run, args=(stop,), daemon=True) for job in (first, second)]
    threads[0].start()
    while rounds["first"] == 0:
        stop.wait(0.05)
    threads[1].start()
    while rounds["first"] < 10:
        stop.wait(0.05)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert rounds["second"] == 0 and rounds["first"] >= 10
