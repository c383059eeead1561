"""Open compliance data over the real database: reviews folded into tallies once, the threshold of five,
confirmed violations by family, and the dated, versioned downloads anyone can fetch."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from bson import ObjectId

from ethics import open_data
from ethics.app import create_app
from ethics.flags import decide
from ethics.handlers import on_employer_registered, on_vacancy_submitted
from ethics.models import Flag, OpenDataSnapshot, OpenDataTally
from services.events import EMPLOYER_REGISTERED, VACANCY_SUBMITTED, new_event
from tests.documents import vacancy


def later() -> datetime:
    """Five minutes from now: past the fold's lag for everything reviewed so far. Read at each use, not at
    import: the suite is collected long before these tests run (after the end-to-end tests, an hour later)."""
    return datetime.now(UTC) + timedelta(minutes=5)


FARM, SMALL = str(ObjectId()), str(ObjectId())


@pytest.fixture
def client(settings, database):
    return create_app({"TESTING": True}, settings).test_client()


def submit(employer_id: str, number: int, **changes) -> None:
    on_vacancy_submitted(new_event(VACANCY_SUBMITTED, "employers", f"v-{employer_id}-{number}",
                                   {"employer_id": employer_id, "employer_name": "ignored", "revision": 1,
                                    "vacancy": vacancy(**changes)}))


@pytest.fixture
def reviewed(database):
    """A farm with 6 vacancy reviews (2 blocked for fees, one of them confirmed), 4 through a licensed
    recruiter (its licence spelt two ways); a small employer with 4 direct hires; both registered."""
    for employer_id, name in ((FARM, "Valley Farms"), (SMALL, "Tiny Orchard")):
        on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", employer_id, {
            "employer_id": employer_id, "name": name, "country": "CA", "registration_number": "R-1"}))
    direct, licensed = {"recruiter": None}, {"recruiter": {"name": "Agencia X", "licence": "on-ra 1234"}}
    for number in range(4):
        submit(FARM, number, **(licensed if number % 2 else direct))
    for number in range(4, 6):
        submit(FARM, number, worker_fees=300, recruiter={"name": "AGENCIA X", "licence": "ON-RA-1234"})
    for number in range(4):
        submit(SMALL, number, **direct)
    fees = Flag.objects(employer_id=FARM, rule="worker-fees").first()
    decide(str(fees.pk), "confirmed", "charged fees", "auditor-1", "auditor@example.org")


def test_parties_with_five_reviews_are_published_with_counts_only(reviewed):
    snapshot = open_data.publish(later())
    assert snapshot["version"] == 1 and snapshot["generated_at"].endswith("Z")
    [farm] = snapshot["items"]  # the small employer and the recruiter have 4 reviews each
    assert {k: farm[k] for k in ("kind", "name", "country", "reviewed", "blocked_share")} == {
        "kind": "employer", "name": "Valley Farms", "country": "CA", "reviewed": 6, "blocked_share": 0.333}
    assert farm["confirmed_by_family"]["fees-and-costs"] == 1 and sum(farm["confirmed_by_family"].values()) == 1


def test_a_recruiter_is_one_party_across_spellings_and_published_from_five(reviewed):
    submit(SMALL, 9, recruiter={"name": "Agencia X", "licence": "ON-RA-1234"})
    snapshot = open_data.publish(later())
    kinds = {(i["kind"], i["name"]) for i in snapshot["items"]}
    assert ("employer", "Tiny Orchard") in kinds  # now 5 reviews
    [recruiter] = [i for i in snapshot["items"] if i["kind"] == "recruiter"]
    assert recruiter["reviewed"] == 5 and recruiter["blocked_share"] == 0.4
    assert recruiter["confirmed_by_family"]["fees-and-costs"] == 1


def test_a_window_folded_twice_is_counted_once(reviewed):
    state = OpenDataTally._get_collection().database[open_data.STATE]
    open_data.fold_reviews(datetime.now(UTC) + open_data.LAG)  # everything reviewed so far
    # A crash after the tallies took the window and before it was marked folded: the next run folds it again.
    state.update_one({"_id": "reviews"}, {"$set": {"folding_to": state.find_one({"_id": "reviews"})["folded_until"]},
                                          "$unset": {"folded_until": ""}})
    open_data.fold_reviews(later())
    assert OpenDataTally.objects(id=f"employer:{FARM}").first().reviewed == 6
    submit(FARM, 7)
    open_data.fold_reviews(later() + timedelta(minutes=10))
    assert OpenDataTally.objects(id=f"employer:{FARM}").first().reviewed == 7


def test_reviews_newer_than_the_lag_wait_for_the_next_window(reviewed):
    assert open_data.fold_reviews(datetime.now(UTC)) == 0
    assert open_data.fold_reviews(later()) == 10


def test_anyone_downloads_the_json_and_csv_dated_and_versioned(client, reviewed):
    open_data.publish(later())
    answer = client.get("/api/v1/public/compliance")
    assert answer.status_code == 200
    body = answer.get_json()
    assert set(body) == {"generated_at", "version", "items"} and body["version"] == 1
    name = f"lp-compliance-disclosure_{body['generated_at'][:10]}_v1"
    assert answer.headers["Content-Disposition"] == f'inline; filename="{name}.json"'
    assert "attachment" in client.get("/api/v1/public/compliance?download=1").headers["Content-Disposition"]
    table = client.get("/api/v1/public/compliance.csv")
    assert table.mimetype == "text/csv"
    assert table.headers["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    rows = list(csv.DictReader(io.StringIO(table.get_data(as_text=True))))
    assert [(r["kind"], r["name"], r["reviewed"], r["confirmed_fees-and-costs"]) for r in rows] == [
        ("employer", "Valley Farms", "6", "1")]
    page = client.get("/open-data").get_data(as_text=True)
    assert "Valley Farms" in page and "Tiny Orchard" not in page and f"{name}.csv" in page
    assert "/open-data" in client.get("/").get_data(as_text=True)


def test_no_personal_data_and_inert_csv_cells(client, database):
    hostile = str(ObjectId())
    on_employer_registered(new_event(EMPLOYER_REGISTERED, "employers", hostile, {
        "employer_id": hostile, "name": "=HYPERLINK(\"http://x\")", "country": "CA", "registration_number": "R"}))
    for number in range(5):
        submit(hostile, number)
    open_data.publish(later())
    text = client.get("/api/v1/public/compliance.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text
    body = client.get("/api/v1/public/compliance").get_data(as_text=True)
    for private in ("worker", "evidence", "Harvest apples", "R-1", "registration"):
        assert private not in body


def test_the_first_request_publishes_when_nothing_was_and_versions_grow(client, database):
    assert client.get("/api/v1/public/compliance").get_json()["version"] == 1
    assert OpenDataSnapshot.objects.count() == 1
    assert open_data.publish()["version"] == 2
    assert client.get("/api/v1/public/compliance").get_json()["version"] == 2
