"""A worker on a 360×740 phone is told of an offer that arrived over Kafka: the count in the menu, the list in
the worker's language, marking it read, and the e-mail settings; each page under 50 KB, in all five
languages.

Screenshots go to tests/artifacts/ (git-ignored).
"""
# ruff: noqa: F811 (pytest fixtures imported from workers_support are parameters here)

from __future__ import annotations

import uuid

from tests.e2e.browser import transferred
from tests.integration.helpers import eventually
from tests.integration.test_workers_browser import (  # noqa: F401 (the browser fixture)
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
    publish,
    reviewed_offer,
    workers_worker,
)
from workers.models import Notification, NotificationSettings, Worker

HEADINGS = {"en": "Notifications", "es": "Avisos", "fr": "Notifications", "pt": "Avisos", "ht": "Notifikasyon"}


def test_a_worker_is_told_of_an_offer_on_a_phone(browser, live_server, workers_worker):
    context = phone(browser)
    page = context.new_page()
    email = f"joana-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(live_server + "/?lang=pt")
    page.click("text=Criar uma conta")
    page.fill("#name", "Joana Silva")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    worker = Worker.by_email(email)
    assert worker.ui_language == "pt"

    offer = reviewed_offer(str(worker.pk))
    publish(workers_worker, offer)
    eventually(lambda: Notification.objects(recipient_id=str(worker.pk)).first(), "the notification", timeout=90)
    page.goto(live_server + "/offers")
    assert page.locator("nav.menu .count").inner_text() == "1"
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "10-notification-count", full_page=False)

    assert transferred(page, live_server + "/notifications") <= LIMIT_BYTES
    assert "Nova oferta de trabalho de Farm 0: Apple harvest worker" in page.content()
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "11-notifications")
    page.click("button:has-text('Marcar como lido')")
    assert page.locator("nav.menu .count").count() == 0
    assert Notification.objects.get(recipient_id=str(worker.pk)).read
    page.click(f"a[href$='/offers/{offer.subject}']")
    assert "Apple harvest worker" in page.content()

    assert transferred(page, live_server + "/notifications/settings") <= LIMIT_BYTES
    page.uncheck("input[name=email][value=offer_new]")
    assert small_tap_targets(page) == [] and fits_the_screen(page)
    shot(page, "12-notification-settings")
    page.click("form button[type=submit]:has-text('Salvar')")
    assert "Suas configurações foram salvas." in page.content()
    assert NotificationSettings.objects.get(id=str(worker.pk)).email_off == ["offer_new"]

    for language, heading in HEADINGS.items():
        assert transferred(page, f"{live_server}/notifications?lang={language}") <= LIMIT_BYTES
        assert page.locator("h1").inner_text() == heading
        assert small_tap_targets(page) == [] and fits_the_screen(page), language
        assert transferred(page, f"{live_server}/notifications/settings?lang={language}") <= LIMIT_BYTES
        assert fits_the_screen(page), language
    context.close()
