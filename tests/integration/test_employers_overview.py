"""The employer's overview on the database: per vacancy its candidates, offers by answer and open flags, each
number a link to its list, in the employer's language; candidates not counted before verification."""

from __future__ import annotations

import re
from dataclasses import replace

from employers.app import create_app
from employers.handlers import on_vacancy_reviewed
from employers.models import Employer, Offer, Vacancy
from services.events import VACANCY_REVIEWED, new_event
from tests.documents import offer
from tests.integration import employers_support
from tests.integration.employers_support import PASSWORD, csrf, web_sign_up
from tests.integration.test_employers_pages import submit_vacancy

app, client, matcher = employers_support.app, employers_support.client, employers_support.matcher  # fixtures

FLAGS = [{"rule": "long-hours", "severity": "review", "message": "Long hours."},
         {"rule": "contract-language", "severity": "review", "message": "Contract language."}]


def approve(vacancy_id: str, flags=()) -> None:
    on_vacancy_reviewed(new_event(VACANCY_REVIEWED, "ethics", vacancy_id,
                                  {"verdict": "flag" if flags else "pass", "revision": 1, "flags": list(flags)}))


def store_offers(vacancy_id: str, *statuses: str) -> None:
    vacancy = Vacancy.objects.get(id=vacancy_id)
    for i, status in enumerate(statuses):
        Offer(employer_id=vacancy.employer_id, vacancy_id=vacancy_id, worker_id=f"w{i}", status=status,
              document=offer(vacancy_id=vacancy_id, worker_id=f"w{i}")).save()


def cells(page: str, title: str) -> list[str]:
    """The cells of ``title``'s row, as text (a link's number, or the plain text)."""
    row = re.search(rf"<tr>\s*<th scope=\"row\"><a [^>]*>{title}</a></th>(.*?)</tr>", page, re.S).group(1)
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_each_vacancy_shows_its_counts_and_each_number_opens_its_list(client, matcher):
    web_sign_up(client)
    busy = submit_vacancy(client, title="Apple picker")
    quiet = submit_vacancy(client, title="Pruner")
    submit_vacancy(client, title="Packer")
    approve(busy, FLAGS)
    approve(quiet)
    matcher.rank(busy, "w1", "w2", "w3")
    matcher.rank(quiet)
    store_offers(busy, "sent", "accepted", "accepted", "declined", "completed", "withdrawn")

    page = client.get("/overview").get_data(as_text=True)
    # Status, candidates, offers sent, accepted, declined, completed, open flags.
    assert cells(page, "Apple picker") == ["Approved", "3", "6", "2", "1", "1", "2"]
    assert cells(page, "Pruner") == ["Approved", "0", "0", "0", "0", "0", "0"]
    assert cells(page, "Packer") == ["Waiting for the ethics review", "–", "0", "0", "0", "0", "0"]
    links = page.replace("&amp;", "&")
    assert f'href="/vacancies/{busy}/candidates"' in links and f'href="/offers?vacancy_id={busy}"' in links
    assert f'href="/vacancies/{busy}#why-title"' in links
    for status, count in (("accepted", 2), ("declined", 1), ("completed", 1)):
        assert f'href="/offers?vacancy_id={busy}&status={status}"' in links
        listed = client.get(f"/offers?vacancy_id={busy}&status={status}").get_data(as_text=True)
        assert listed.count('href="/offers/') == count, status
        assert "Apple picker" in listed
    assert client.get(f"/offers?vacancy_id={busy}").get_data(as_text=True).count('href="/offers/') == 6
    assert matcher.calls == [("counts", 2)], "one call for the page's approved vacancies"

    spanish = client.get("/overview?lang=es").get_data(as_text=True)
    assert "Resumen" in spanish and "Ofertas enviadas" in spanish and "Alertas abiertas" in spanish
    matcher.down = True
    unavailable = client.get("/overview?lang=en").get_data(as_text=True)
    assert "Candidates cannot be counted right now" in unavailable
    assert cells(unavailable, "Apple picker")[:3] == ["Approved", "–", "6"]


def test_an_unverified_employer_sees_its_offers_and_flags_but_no_candidate_count(settings, database, matcher,
                                                                                    ethics_web):
    strict = replace(settings, require_employer_verification=True, ethics_url=ethics_web)
    client = create_app({"TESTING": True, "MATCHER_CLIENT": matcher}, strict).test_client()
    signed_up = client.post("/signup", data={"csrf_token": csrf(client), "name": "Orchard Co", "country": "ca",
                                             "email": "overview@example.org", "password": PASSWORD,
                                             "registration_number": "ON 1234", "contact": "Ana, +1 519 555 0100"})
    assert signed_up.status_code == 302
    vacancy_id = submit_vacancy(client, title="Apple picker")
    approve(vacancy_id, FLAGS[:1])
    matcher.rank(vacancy_id, "w1")
    page = client.get("/overview").get_data(as_text=True)
    assert "Candidates are counted once the auditors have verified this employer." in page
    assert cells(page, "Apple picker") == ["Approved", "–", "0", "0", "0", "0", "1"]
    assert matcher.calls == []
    Employer.objects.update(set__verification="verified")
    assert cells(client.get("/overview").get_data(as_text=True), "Apple picker")[1] == "1"
