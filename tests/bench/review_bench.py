"""Ethics reviews of one busy employer's month: what a review costs as the month fills up, with its counts
recounted by the recount job's rounds (``ethics.recounts``) against the baseline of recounting inside every
review (what the ethics worker did before: the same recount, run after each review), over the real database
(SecantusDB) started for the run.

Each review is the real handler (``on_vacancy_submitted``) on a vacancy that charges a fee and names an
unregistered recruiter (two flags, as a bulk import by an unlicensed agency makes); the recount job's round
runs every ``ROUND`` reviews, as it would every 2 s at about that many reviews a second. Printed per band of
the month: the mean time of one review, and for the job the mean time of one round. Wall time on a shared
2-core machine: compare how each grows with the month, not the absolute figures.

    python -m tests.bench.review_bench [reviews ...]      (default: 250 1000)
"""

from __future__ import annotations

import shutil
import sys
import time
import uuid

from deploy.stack import ROOT, Stack
from ethics import store
from ethics.handlers import on_vacancy_submitted
from services import db
from services.config import Settings
from services.events import VACANCY_SUBMITTED, new_event
from tests.documents import vacancy
from tests.integration.helpers import PORT_OFFSET

ROUND = 5
BANDS = 4


def review(employer_id: str) -> None:
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", f"v-{uuid.uuid4().hex[:12]}", {
        "employer_id": employer_id, "employer_name": "Busy Farms", "vacancy": vacancy(worker_fees=450)}))


def month(reviews: int, recount_every: int) -> tuple[list[float], list[float]]:
    """One new employer's ``reviews`` reviews, the marks recounted every ``recount_every`` reviews: the time
    of each review and of each round."""
    employer_id, times, rounds = f"busy-{uuid.uuid4().hex[:8]}", [], []
    for n in range(1, reviews + 1):
        started = time.perf_counter()
        review(employer_id)
        times.append(time.perf_counter() - started)
        if n % recount_every == 0:
            started = time.perf_counter()
            store.recount_marked()
            rounds.append(time.perf_counter() - started)
    return times, rounds


def mean_ms(values: list[float]) -> float:
    return 1000 * sum(values) / len(values) if values else 0.0


def bench(reviews: int) -> None:
    job_reviews, job_rounds = month(reviews, ROUND)
    # The baseline: the same recount inside every review (a round after each), what writes used to do.
    inline_reviews, inline_rounds = month(reviews, 1)
    inline = [r + c for r, c in zip(inline_reviews, inline_rounds, strict=True)]
    band = reviews // BANDS
    print(f"[reviews] one employer, {reviews} reviews in a month (mean ms; the job's round every {ROUND} reviews)")
    print("| reviews | recount job: one review | one round | recount in each review (baseline) | x |")
    print("|---|---|---|---|---|")
    for start in range(0, band * BANDS, band):
        job, inline_band = mean_ms(job_reviews[start:start + band]), mean_ms(inline[start:start + band])
        rounds = mean_ms(job_rounds[start // ROUND:(start + band) // ROUND])
        print(f"| {start}-{start + band - 1} | {job:.0f} | {rounds:.0f} | {inline_band:.0f} | "
              f"{inline_band / job if job else 0:.1f} |", flush=True)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [250, 1000]
    stack = Stack(var=ROOT / "var" / "bench-reviews", kafka_port=25192 + PORT_OFFSET,
                  controller_port=25193 + PORT_OFFSET, mongo_port=25117 + PORT_OFFSET)
    stack.down()
    shutil.rmtree(stack.var, ignore_errors=True)
    stack.start_database()
    settings = Settings(service="ethics", secret_key="bench-secret-key-0123456789", mongo_url=stack.mongo_url,
                        mongo_db_prefix="bench_")
    try:
        db.connect(settings)
        for reviews in sizes:
            bench(reviews)
    finally:
        stack.down()


if __name__ == "__main__":
    main(sys.argv[1:])
