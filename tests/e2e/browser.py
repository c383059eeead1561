"""Headless Debian Chromium for the end-to-end browser tests (Playwright's own browser builds are not
reachable here), and what they share: a page per test, screenshots, reloading until a page shows a text."""

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


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def reload_until(page, selector: str, text: str, what: str) -> None:
    """Reload until ``selector`` holds ``text`` (what the event flow will soon have done)."""
    page.wait_for_load_state("load")

    def shows():
        try:
            page.reload()
            return text in page.inner_text(selector)
        except PlaywrightError:
            return False  # a navigation in flight; the next round reloads again

    eventually(shows, what, timeout=120, interval=1)
