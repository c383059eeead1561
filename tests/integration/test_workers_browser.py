"""A worker on a 360×740 phone, in headless Chromium: sign up in Spanish, set availability, read matches,
accept an offer that arrived over Kafka, report a problem, and read the matches offline.

Screenshots go to tests/artifacts/ (git-ignored).
"""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import uuid

from services.events import OFFER_RESPONDED
from tests.e2e.browser import browser  # noqa: F401 (fixture)
from tests.e2e.browser import shot as save_shot
from tests.integration.helpers import envelopes, eventually, read_topic
from tests.integration.workers_support import (  # noqa: F401 (fixtures)
    PASSWORD,
    app,
    fake_matcher,
    live_server,
    publish,
    reviewed_offer,
    workers_worker,
)
from workers.models import Grievance, Offer, Worker

PHONE = {"width": 360, "height": 740}
LIMIT_BYTES = 50 * 1024


def phone(browser):
    return browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                               locale="es-MX")


def shot(page, name, full_page=True):
    save_shot(page, f"workers-{name}", full_page)


def small_tap_targets(page) -> list:
    """Visible links and buttons less than 44 CSS pixels tall (inline links inside sentences excepted)."""
    return page.evaluate("""() => [...document.querySelectorAll('nav a, .button, button, .check')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.textContent.trim(), e.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")


def fits_the_screen(page) -> bool:
    """Nothing wider than the phone (a mobile browser would widen the layout viewport, so compare to 360)."""
    return page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_worker_on_a_phone_in_spanish(browser, live_server, workers_worker):
    context = phone(browser)
    page = context.new_page()
    email = f"rosa-{uuid.uuid4().hex[:8]}@example.org"

    page.goto(live_server + "/")
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "01-language")
    page.click("text=Español")
    page.click("text=Crear una cuenta")
    page.fill("#name", "Rosa Tzul")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#birth_year", "1991")
    page.select_option("#origin_country", "GT")
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "02-signup")
    page.click("button:has-text('Crear mi cuenta')")
    assert "Su cuenta está lista" in page.content()

    page.fill("input[name=start_0]", "2027-03-01")
    page.fill("input[name=end_0]", "2027-06-30")
    page.fill("input[name=start_1]", "2027-08-01")
    page.fill("input[name=end_1]", "2027-11-30")
    page.fill("#skills", "cosecha de manzana\npoda")
    page.check("input[name=preferred_countries][value=CA]")
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "03-profile")
    page.click("button:has-text('Guardar')")
    assert "Guardado" in page.content()
    worker = Worker.by_email(email)
    assert worker.availability == [{"start": "2027-03-01", "end": "2027-06-30"},
                                   {"start": "2027-08-01", "end": "2027-11-30"}]

    page.click("nav.menu >> text=Trabajos")
    assert page.locator(".card").count() == 20
    assert "Sus habilidades sirven para este trabajo." in page.content()
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "04-matches")
    shot(page, "04-matches-first-screen", full_page=False)
    page.click("text=Apple harvest worker >> nth=0")
    assert "Usted no paga ninguna cuota de contratación" in page.content()
    shot(page, "05-match")

    offer = reviewed_offer(str(worker.pk))
    publish(workers_worker, offer)
    eventually(lambda: Offer.objects(offer_id=offer.subject).first(), "the offer in the inbox", timeout=90)
    page.click("nav.menu >> text=Ofertas")
    page.click(".card a")
    text = page.content()
    for term in ("19,60", "por hora", "por semana", "45 horas por semana", "El empleador paga su viaje de ida.",
                 "El empleador paga su visa.", "Usted no paga ninguna cuota de contratación."):
        assert term in text, term
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "06-offer")
    page.click("button:has-text('Aceptar esta oferta')")
    assert "Aceptó esta oferta" in page.content()
    shot(page, "07-accepted")

    def responded():
        found = [e for e in envelopes(read_topic(workers_worker, OFFER_RESPONDED, expected=0, timeout=2))
                 if e.subject == offer.subject]
        return found or None

    [event] = eventually(responded, "offer.responded on Kafka", timeout=90, interval=1)
    assert event.payload["response"] == "accepted" and event.payload["worker_id"] == str(worker.pk)

    page.click("text=Avisar de un problema con esta oferta")
    page.check("input[name=category][value=fees]")
    page.fill("#text", "El reclutador me pidió 300 dólares.")
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "08-report")
    page.click("button:has-text('Enviar el aviso')")
    assert "Recibimos su aviso" in page.content()
    grievance = Grievance.objects.get(employer_id="emp0", category="fees")
    assert grievance.anonymous and grievance.worker_id == "" and grievance.offer_id == ""
    context.close()


def test_the_matches_page_transfers_under_50_kb_and_reads_offline(browser, live_server):
    context = phone(browser)
    page = context.new_page()
    page.goto(live_server + "/?lang=ht")
    page.click("text=Kreye yon kont")
    page.fill("#name", "Jean Pierre")
    page.fill("#email", f"jean-{uuid.uuid4().hex[:8]}@example.org")
    page.fill("#password", PASSWORD)
    page.click("button:has-text('Kreye kont mwen')")

    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_server + "/matches")
    page.wait_for_load_state("networkidle")
    sizes = {r.url: sum(r.request.sizes()[k] for k in ("responseBodySize", "responseHeadersSize"))
             for r in responses}
    assert page.locator(".card").count() == 20 and "Travay pou ou" in page.content()
    assert any(url.endswith(".css") or ".css?" in url for url in sizes), sizes
    assert sum(sizes.values()) <= LIMIT_BYTES, sizes

    # The service worker keeps the last matches page for when the network is gone.
    page.evaluate("() => navigator.serviceWorker.ready")
    page.reload()  # now under the service worker's control: this copy is cached
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    page.reload()
    assert page.locator(".card").count() == 20
    shot(page, "09-offline-matches", full_page=False)
    context.close()
