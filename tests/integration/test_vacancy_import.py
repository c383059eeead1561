"""Bulk job orders through the real employers app, database and Kafka, reviewed by the real ethics worker."""

from __future__ import annotations

import csv
import io

import pytest

from employers.import_csv import COLUMNS, FORMULA_MESSAGE, TEMPLATE_EXAMPLE
from employers.models import Vacancy
from tests.documents import vacancy
from tests.integration import employers_support
from tests.integration.employers_support import csrf, services_running, sign_up, web_sign_up
from tests.integration.helpers import eventually

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures
CSV = {"Content-Type": "text/csv"}


def job_orders(count: int, bad_row: int | None = None) -> bytes:
    """``count`` job orders as the template's CSV; the one on spreadsheet row ``bad_row`` has a bad wage."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for number in range(2, count + 2):
        row = {**TEMPLATE_EXAMPLE, "title": f"Harvest worker {number}"}
        if number == bad_row:
            row["wage.amount"] = "seventeen"
        writer.writerow([row[name] for name in COLUMNS])
    return out.getvalue().encode()


def statuses(ids) -> dict[str, int]:
    found: dict[str, int] = {}
    for status in Vacancy.objects(id__in=list(ids)).scalar("status"):
        found[status] = found.get(status, 0) + 1
    return found


def test_200_job_orders_with_one_bad_row_create_199_vacancies_that_ethics_reviews(client, settings, database):
    with services_running(settings):
        boss = sign_up(client, "Big Orchard Co")
        answer = client.post("/api/v1/vacancies/import", data=job_orders(200, bad_row=57),
                             headers={**boss["headers"], **CSV})
        assert answer.status_code == 200, answer.get_json()
        body = answer.get_json()
        assert len(body["created"]) == 199 and 57 not in {c["row"] for c in body["created"]}
        assert body["errors"] == [{"row": 57, "fields": {"wage.amount": ["Not a valid number."]}}]
        ids = [c["id"] for c in body["created"]]
        listed = client.get("/api/v1/vacancies?limit=100", headers=boss["headers"]).get_json()["items"]
        assert {v["title"] for v in listed} <= {f"Harvest worker {n}" for n in range(2, 202) if n != 57}
        # Every one is a normal submission: the ethics worker reviews each (the template row is fair).
        eventually(lambda: statuses(ids) == {"approved": 199}, "199 vacancies approved by ethics", timeout=300,
                   interval=1)


def test_a_json_list_answers_row_by_row(client, database):
    boss = sign_up(client)
    answer = client.post("/api/v1/vacancies/import", json=[vacancy(), vacancy(wage={"amount": 1}), vacancy()],
                         headers=boss["headers"])
    assert answer.status_code == 200
    body = answer.get_json()
    assert [c["row"] for c in body["created"]] == [1, 3] and body["errors"][0]["row"] == 2
    assert set(body["errors"][0]["fields"]["wage"]) == {"currency", "per"}
    assert client.get(f"/api/v1/vacancies/{body['created'][0]['id']}",
                      headers=boss["headers"]).get_json()["status"] == "pending_review"


@pytest.mark.parametrize("data, headers, status, code", [
    (b"x" * (1024 * 1024 + 1), CSV, 413, "payload_too_large"),
    (b"title\r\n\xff\xfe\r\n", CSV, 400, "bad_request"),
    (job_orders(501), CSV, 422, "validation_failed"),
    (b"title,colour\r\nA,red\r\n", CSV, 422, "validation_failed"),
    (b"[1,", {"Content-Type": "application/json"}, 400, "bad_request"),
    (b"{}", {"Content-Type": "application/json"}, 422, "validation_failed"),
    (b"title\r\nA\r\n", {"Content-Type": "application/vnd.ms-excel"}, 415, "unsupported_media_type"),
])
def test_bad_files_are_answered_in_the_contract_shape_and_create_nothing(client, database, data, headers, status,
                                                                          code):
    boss = sign_up(client)
    answer = client.post("/api/v1/vacancies/import", data=data, headers={**boss["headers"], **headers})
    assert answer.status_code == status and answer.get_json()["error"]["code"] == code
    assert Vacancy.objects(employer_id=boss["id"]).count() == 0


def test_formula_cells_and_other_employers(client, database):
    body = job_orders(3).replace(b"Harvest worker 3", b"=HYPERLINK(\"http://evil\")")
    answer = client.post("/api/v1/vacancies/import", data=body, headers={**sign_up(client)["headers"], **CSV})
    assert answer.get_json()["errors"] == [{"row": 3, "fields": {"title": [FORMULA_MESSAGE]}}]
    assert client.post("/api/v1/vacancies/import", data=body, headers=CSV).status_code == 401


def test_the_upload_page_shows_each_bad_rows_errors_in_the_pages_language(client, database):
    web_sign_up(client)
    page = client.get("/vacancies/import", headers={"Accept-Language": "es"}).get_data(as_text=True)
    assert "Importar vacantes desde un archivo" in page and "/vacancies/import/template.csv" in page
    template = client.get("/vacancies/import/template.csv")
    assert template.mimetype == "text/csv" and "attachment" in template.headers["Content-Disposition"]
    assert template.get_data(as_text=True).splitlines()[0] == ",".join(COLUMNS)
    assert "/vacancies/import" in client.get("/vacancies").get_data(as_text=True)
    answer = client.post("/vacancies/import", headers={"Accept-Language": "es"}, data={
        "csrf_token": csrf(client), "format": "auto",
        "file": (io.BytesIO(job_orders(4, bad_row=3)), "orders.csv")}, content_type="multipart/form-data")
    text = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert "Se crearon 3 vacantes" in text and "Escriba un número." in text
    assert "<td>3</td><td><code>wage.amount</code></td>" in text
    refused = client.post("/vacancies/import", headers={"Accept-Language": "fr"}, data={
        "csrf_token": csrf(client), "file": (io.BytesIO(b"title,colour\r\nA,red\r\n"), "orders.csv")},
        content_type="multipart/form-data")
    assert refused.status_code == 422 and "Colonne inconnue : colour" in refused.get_data(as_text=True)
