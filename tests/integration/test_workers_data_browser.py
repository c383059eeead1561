"""The data-rights pages on a 360×740 phone in headless Chromium, in each of the five languages: my data
(download the export), delete my account (confirm), and the page after; each under 50 KB as transferred.

Screenshots go to tests/artifacts/ (git-ignored).
"""
# ruff: noqa: F811 (pytest fixtures imported from the support modules are parameters here)

from __future__ import annotations

import json
import uuid

import pytest

from tests.e2e.browser import ARTIFACTS, transferred
from tests.integration.test_workers_browser import (  # noqa: F401 (fixtures)
    LIMIT_BYTES,
    browser,
    fits_the_screen,
    phone,
    shot,
    small_tap_targets,
)
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    fake_matcher,
    live_server,
    reviewed_offer,
)
from workers.handlers import on_offer_reviewed
from workers.models import Erasure, Offer, Worker
from workers.profiles import create_worker

TITLES = {  # the data page's heading, the delete page's button, the last page's heading
    "en": ("My data", "Delete my account now", "Your account is deleted"),
    "es": ("Mis datos", "Borrar mi cuenta ahora", "Su cuenta está borrada"),
    "fr": ("Mes données", "Supprimer mon compte maintenant", "Votre compte est supprimé"),
    "pt": ("Meus dados", "Apagar minha conta agora", "A sua conta foi apagada"),
    "ht": ("Done mwen", "Efase kont mwen kounye a", "Kont ou efase"),
}


def on_a_phone(page, name: str) -> None:
    assert small_tap_targets(page) == [] and fits_the_screen(page), name
    shot(page, name)


@pytest.mark.parametrize("language", sorted(TITLES))
def test_a_worker_downloads_their_data_then_deletes_the_account(browser, live_server, language):
    data_title, delete_button, erased_title = TITLES[language]
    email = f"data-{uuid.uuid4().hex[:8]}@example.org"
    worker = create_worker({"name": "Rosa Tzul", "email": email, "password": PASSWORD, "languages": ["es"],
                            "ui_language": language})
    offer = reviewed_offer(str(worker.pk))
    on_offer_reviewed(offer)
    context = phone(browser)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto(f"{live_server}/login?lang={language}")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")

    sizes = {"my-data": transferred(page, f"{live_server}/my-data")}
    assert data_title in page.locator("h1").inner_text()
    on_a_phone(page, f"data-{language}-1-my-data")
    with page.expect_download() as download:
        page.click("main .button >> nth=0")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["profile"]["name"] == "Rosa Tzul" and exported["profile"]["email"] == email
    assert [o["offer_id"] for o in exported["offers"]] == [offer.subject]

    page.click("main .button.light")
    sizes["delete"] = transferred(page, page.url)
    on_a_phone(page, f"data-{language}-2-delete")
    page.click(f"button:has-text('{delete_button}')")  # not confirmed: the browser asks for the box first
    assert Worker.objects(pk=worker.pk).first() is not None
    page.check("input[name=confirm]")
    page.click(f"button:has-text('{delete_button}')")
    assert erased_title in page.locator("h1").inner_text()
    sizes["erased"] = transferred(page, page.url)
    on_a_phone(page, f"data-{language}-3-erased")
    (ARTIFACTS / f"data-{language}-sizes.json").write_text(json.dumps(sizes))
    assert max(sizes.values()) <= LIMIT_BYTES, sizes

    assert Worker.objects(pk=worker.pk).first() is None
    assert Offer.objects(worker_id=str(worker.pk)).count() == 0
    assert Erasure.objects.count() == 1
    page.goto(f"{live_server}/my-data")
    assert "/login" in page.url  # signed out, and the account is gone
    context.close()
