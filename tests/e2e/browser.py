"""Headless Debian Chromium for the browser tests, end-to-end and integration (Playwright's own browser
builds are not reachable here), and what they share: the ``browser`` and ``page`` fixtures, screenshots,
reloading until a page shows a text, the bytes a page took over the network."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.integration.helpers import eventually

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


VIEWPORT = {"width": 1100, "height": 900}


@contextmanager
def chromium():
    """A Playwright browser, closed at the end of the block (``new_context(viewport=VIEWPORT)`` for a session)."""
    if not CHROMIUM.exists():
        # `make test` installs it; a browser test that silently skipped would prove nothing.
        pytest.fail("/usr/bin/chromium is not installed (make test installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def browser():
    """A browser for one test (``from tests.e2e.browser import browser``), closed after it."""
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    """A ``VIEWPORT``-sized page in the test's browser."""
    return browser.new_page(viewport=VIEWPORT)


def shot(page, name: str, full_page: bool = True) -> None:
    """A screenshot in tests/artifacts/ (git-ignored), as ``name``.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def transferred(page, url: str) -> int:
    """Bytes (bodies and headers) the page at ``url`` and what it loads took over the network."""
    responses = []

    def listen(response):  # a function of ours: playwright cannot take a list's builtin method
        responses.append(response)

    page.on("response", listen)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", listen)
    return sum(r.request.sizes()[k] for r in responses for k in ("responseBodySize", "responseHeadersSize"))


def reload_until(page, selector: str, text: str, what: str) -> None:
    """Reload until ``selector`` holds ``text`` (what the event flow will soon have done)."""
    # The click that led here may still be navigating: a reload then finds no page attached.
    page.wait_for_load_state("load")

    def shows():
        try:
            page.reload()
            return text in page.inner_text(selector)
        except PlaywrightError:
            return False  # a navigation in flight; the next round reloads again

    eventually(shows, what, timeout=120, interval=1)
