"""Open compliance data: which parties are published, how they are keyed, and the inert, named files."""

from __future__ import annotations

from ethics import engine, open_data, parties
from ethics.open_data import FAMILIES, MIN_REVIEWED
from ethics.rules.recruiters import licence_key


def tally(kind, party, reviewed, blocked=0, **names):
    return {"_id": f"{kind}:{party}", "kind": kind, "party": party, "reviewed": reviewed, "blocked": blocked,
            **names}


def test_only_parties_with_five_reviews_are_published_with_names_and_shares():
    confirmed = {"employer:e1": {**dict.fromkeys(FAMILIES, 0), "wages": 2}}
    rows = open_data.party_rows(
        [tally("employer", "e1", MIN_REVIEWED, 2), tally("employer", "e2", MIN_REVIEWED - 1),
         tally("recruiter", "licence:X1", 8, 1, name="Agencia X", country="GT"), tally("employer", "e3", 6)],
        confirmed, {"e1": {"name": "Valley Farms", "country": "CA"}})
    assert [(r["kind"], r["name"], r["country"], r["reviewed"], r["blocked_share"]) for r in rows] == [
        ("employer", "Employer e3", "", 6, 0.0), ("employer", "Valley Farms", "CA", 5, 0.4),
        ("recruiter", "Agencia X", "GT", 8, 0.125)]
    assert rows[1]["confirmed_by_family"]["wages"] == 2 and set(rows[0]["confirmed_by_family"]) == set(FAMILIES)


def test_every_rule_of_the_catalogue_has_a_family_other_than_other():
    unplaced = {r["id"] for r in engine.catalogue()} - set(open_data.FAMILY_OF)
    assert unplaced <= {"suspicious-text", "manual-review"}
    assert open_data.family_of("no-such-rule") == "other"


def test_a_recruiter_is_keyed_by_its_licence_however_spelt_else_by_name():
    assert open_data.recruiter_key({"licence": "on-ra 1234"}) == open_data.recruiter_key({"licence": "ON-RA-1234"})
    assert open_data.recruiter_key({"name": " Agencia  X ", "licence": ""}) == "name:agencia x"
    # The registry's key of the licence: a recruiter is the same one in the open data and in its records.
    spelt = "gt-mt 2027/118"
    assert open_data.recruiter_key({"licence": spelt, "name": "Q"}) == f"licence:{licence_key(spelt)}"
    assert open_data.recruiter_of({"recruiter": None}) is None
    assert open_data.recruiter_of({"recruiter": {"name": "A", "licence": "L"}}) == {"name": "A", "licence": "L",
                                                                                      "country": ""}


def test_files_are_dated_versioned_and_their_cells_inert():
    snapshot = {"generated_at": "2027-01-05T10:00:00Z", "version": 12, "items": [
        {"kind": "employer", "name": "=cmd|' /C calc'!A0", "country": "CA", "reviewed": 5, "blocked_share": 0.2,
         "confirmed_by_family": {"wages": 1}}]}
    assert open_data.file_name(snapshot, "csv") == "lp-compliance-disclosure_2027-01-05_v12.csv"
    header, row = open_data.csv_text(snapshot).splitlines()
    assert header.split(",")[:5] == ["kind", "name", "country", "reviewed", "blocked_share"]
    assert row.startswith("employer,'=cmd") and row.endswith(",0,1" + ",0" * (len(FAMILIES) - 2))


def test_the_workers_job_publishes_when_due_and_survives_a_failed_publication(monkeypatch):
    import threading

    calls = []

    def failing():
        calls.append(1)
        stop.set()
        raise KeyError("a defect in the report")

    stop = threading.Event()
    monkeypatch.setattr(open_data, "_newest", lambda: None)  # nothing published yet: due
    monkeypatch.setattr(open_data, "publish", failing)
    open_data.OpenDataJob(3600).run(stop)  # returns: the error is logged, not raised into the worker
    assert calls == [1]


def test_a_review_counts_as_reviewed_and_blocked_only_when_its_verdict_blocks():
    counts = {"reviewed": 0, "blocked": 0}
    for verdict in ("block", "flag", "pass", None):
        parties.add_review(counts, {"verdict": verdict})
    assert counts == {"reviewed": 4, "blocked": 1} and type(counts["blocked"]) is int
