"""Bulk job orders: reading CSV files (our columns and H-2A job orders) and JSON lists, row by row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from employers import import_csv, import_h2a, imports
from employers.import_csv import COLUMNS, FORMULA_MESSAGE, TEMPLATE_EXAMPLE
from services.config import Settings
from services.documents import VacancySchema, normalised
from services.errors import Incomplete, Invalid
from services.events import VACANCY_SUBMITTED
from tests.documents import vacancy
from tests.unit.employers.fakes import FakeEmployer, FakeStore

DOCS = Path(__file__).resolve().parents[3] / "docs"


def csv_of(rows: list[dict], columns=COLUMNS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(name, "") for name in columns])
    return out.getvalue().encode()


def row(**changes) -> dict:
    return {**TEMPLATE_EXAMPLE, **{name.replace("__", "."): value for name, value in changes.items()}}


def test_the_template_row_is_the_contract_example():
    parsed = imports.parse_csv(import_csv.template().encode())
    assert parsed.format == "csv" and parsed.bad == []
    assert parsed.good == [(2, normalised(VacancySchema(), vacancy()))]


def test_rows_are_numbered_as_a_spreadsheet_shows_them_blank_rows_skipped():
    body = csv_of([row(), row(title=""), row()]).replace(b"\r\n", b"\r\n,,\r\n", 1)  # a blank row 2
    parsed = imports.parse_csv(body)
    assert [number for number, _doc in parsed.good] == [3, 5]
    assert parsed.bad == [{"row": 4, "fields": {"title": ["Missing data for required field."]}}]


def test_each_bad_cell_is_reported_under_its_column():
    parsed = imports.parse_csv(csv_of([row(wage__amount="abc", employer_pays__visa="maybe", deductions="meals-40",
                                           skills="a; " + "x" * 200, season__start="2027-11-01")]))
    [bad] = parsed.bad
    assert set(bad["fields"]) == {"wage.amount", "employer_pays.visa", "deductions", "skills", "season.end"}
    assert bad["fields"]["employer_pays.visa"] == [import_csv.YES_NO_MESSAGE]


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1+1", " =1+1"])
def test_a_formula_cell_makes_its_row_an_error_and_the_others_go_on(cell):
    parsed = imports.parse_csv(csv_of([row(), row(title=cell, wage__amount="x"), row()]))
    assert [number for number, _doc in parsed.good] == [2, 4]
    assert parsed.bad[0]["row"] == 3 and parsed.bad[0]["fields"]["title"] == [FORMULA_MESSAGE]
    assert "wage.amount" in parsed.bad[0]["fields"]  # the rest of the row is still checked


def test_cells_are_read_leniently_where_it_is_safe():
    parsed = imports.parse_csv(csv_of([row(wage__amount="19,60", language="EN", destination__country="ca",
                                           recruiter__name="", recruiter__licence="", employer_pays__visa="Sí",
                                           deductions="meals:40:week; tools:5,5:season")]))
    [(_number, document)] = parsed.good
    assert document["wage"]["amount"] == 19.6 and document["language"] == "en"
    assert document["destination"]["country"] == "CA" and document["recruiter"] is None
    assert document["employer_pays"]["visa"] is True
    assert document["deductions"][1] == {"label": "tools", "amount": 5.5, "per": "season"}


@pytest.mark.parametrize("body", [b"title\r\n\xff\xfeA\r\n", b"title\r\nA\x00\r\n"])
def test_a_file_that_is_not_utf8_text_is_refused(body):
    with pytest.raises(Invalid):
        imports.parse_csv(body)


def test_a_byte_order_mark_is_fine():
    assert imports.parse_csv(b"\xef\xbb\xbf" + import_csv.template().encode()).good


def test_at_most_500_rows():
    assert len(imports.parse_csv(csv_of([row()] * 500)).good) == 500
    with pytest.raises(Incomplete) as refused:
        imports.parse_csv(csv_of([row()] * 501))
    assert "rows" in refused.value.fields


@pytest.mark.parametrize("body, field", [
    (b"", "rows"), (import_csv.template().encode().split(b"\r\n")[0] + b"\r\n", "rows"),
    (b"title,wage.amout\r\nA,1\r\n", "columns"), (b"title,Title\r\nA,B\r\n", "columns")])
def test_files_without_rows_or_with_unknown_columns_are_refused(body, field):
    with pytest.raises(Incomplete) as refused:
        imports.parse_csv(body, "csv")
    assert field in refused.value.fields


def test_the_documented_samples_import_without_errors():
    ours = imports.parse_csv((DOCS / "vacancy-import-sample.csv").read_bytes())
    h2a = imports.parse_csv((DOCS / "h2a-job-orders-sample.csv").read_bytes())
    assert (ours.format, len(ours.good), ours.bad) == ("csv", 3, [])
    assert (h2a.format, len(h2a.good), h2a.bad) == ("h2a", 2, [])
    header = (DOCS / "vacancy-import-sample.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(COLUMNS)


H2A_HEADER = ["CASE_NUMBER", "Job Title", "First Date", "Last Date", "TOTAL_WORKERS_NEEDED", "WAGE_OFFER", "Per",
              "ANTICIPATED_HOURS_PER_WEEK", "WORKSITE_STATE", "WORKSITE_CITY", "MEAL_CHARGE", "PIECE_RATE_OFFER"]


def h2a_csv(*rows) -> bytes:
    return csv_of([dict(zip(H2A_HEADER, r, strict=True)) for r in rows], H2A_HEADER)


def test_an_h2a_job_order_maps_to_the_contract_vacancy_with_the_programme_defaults():
    body = h2a_csv(["H-300-1", "Apple picker", "08/01/2027", "10/31/2027", "12", "$1,019.82", "Month", "40", "WA",
                    "Yakima", "$14.80", "$28"])
    parsed = imports.parse_csv(body)
    assert parsed.format == "h2a" and parsed.bad == []
    assert parsed.unmapped == ["CASE_NUMBER", "PIECE_RATE_OFFER"]
    [(number, document)] = parsed.good
    assert number == 2
    assert document["season"] == {"start": "2027-08-01", "end": "2027-10-31"} and document["positions"] == 12
    assert document["wage"] == {"amount": 1019.82, "currency": "USD", "per": "month"}
    assert document["destination"] == {"country": "US", "region": "WA", "city": "Yakima"}
    assert document["hours_per_week"] == 40 and document["worker_fees"] == 0
    assert document["housing"] == {"provided": True, "weekly_deduction": 0}
    assert document["employer_pays"] == {"inbound_travel": True, "return_travel": True, "visa": True}
    assert document["deductions"] == [{"label": "meals", "amount": 103.6, "per": "week"}]  # 7 days of 14.80


def test_h2a_errors_name_the_files_columns():
    body = h2a_csv(["H-300-2", "Cherry picker", "13/01/2027", "10/31/2027", "many", "=1+1", "piece", "40", "WA",
                    "Yakima", "", ""])
    [bad] = imports.parse_csv(body).bad
    assert bad["fields"] == {"WAGE_OFFER": [FORMULA_MESSAGE]}
    body = h2a_csv(["H-300-2", "Cherry picker", "13/01/2027", "10/31/2027", "many", "19", "piece", "40", "WA",
                    "Yakima", "", ""])
    [bad] = imports.parse_csv(body).bad
    assert set(bad["fields"]) == {"First Date", "TOTAL_WORKERS_NEEDED", "Per"}


def test_the_h2a_format_is_chosen_or_found_from_the_header():
    assert import_h2a.looks_like_h2a(H2A_HEADER)
    assert not import_h2a.looks_like_h2a(list(COLUMNS))
    assert not import_h2a.looks_like_h2a(["Job Title", "colour"])
    assert imports.parse_csv(import_csv.template().encode(), "h2a").format == "h2a"
    with pytest.raises(Incomplete):
        imports.parse_csv(import_csv.template().encode(), "xlsx")


def test_a_json_list_is_checked_item_by_item_numbered_from_one():
    parsed = imports.parse_json([vacancy(), vacancy(positions=0), "not a vacancy"])
    assert [number for number, _doc in parsed.good] == [1]
    assert [bad["row"] for bad in parsed.bad] == [2, 3]
    assert parsed.bad[0]["fields"] == {"positions": ["Must be greater than or equal to 1 and less than or equal to "
                                                     "100000."]}


@pytest.mark.parametrize("body", [{"vacancies": []}, [], [vacancy()] * 501])
def test_a_json_body_that_is_not_a_list_of_at_most_500_is_refused(body):
    with pytest.raises(Incomplete):
        imports.parse_json(body)


def test_good_rows_are_normal_submissions_counted_against_the_days_allowance(monkeypatch):
    hits = []
    monkeypatch.setattr("services.ratelimit.hit", lambda *args, **kwargs: hits.append((args, kwargs)))
    store, boss = FakeStore(), FakeEmployer()
    parsed = imports.parse_csv(csv_of([row(), row(positions="x"), row(title="Pear picker")]))
    result = imports.import_vacancies(store, boss, parsed, Settings(service="employers"))
    assert [c["row"] for c in result["created"]] == [2, 4] and [e["row"] for e in result["errors"]] == [3]
    for created in result["created"]:
        stored = store.vacancy(created["id"])
        assert stored.status == "pending_review" and stored.employer_id == str(boss.id)
        assert [e["type"] for e in store.events(created["id"])] == [VACANCY_SUBMITTED]
    assert hits == [((f"vacancy-imports-day:{boss.id}", 2000, 86400), {"cost": 2})]


def test_an_import_without_good_rows_creates_and_counts_nothing(monkeypatch):
    monkeypatch.setattr("services.ratelimit.hit", lambda *args, **kwargs: pytest.fail("counted"))
    store = FakeStore()
    result = imports.import_vacancies(store, FakeEmployer(), imports.parse_json([{}]), Settings(service="employers"))
    assert result["created"] == [] and len(result["errors"]) == 1 and store.documents == {}
