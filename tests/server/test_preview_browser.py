"""The translator preview, end to end in a real headless Chromium (Debian's package) via Playwright.

`.ci/run` installs Debian's `chromium`; the test skips, saying why, only where it is absent.
Set REPLYKIT_PREVIEW_SCREENSHOT=docs/preview.png to refresh the README's screenshot.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, Server

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (the python package) is not installed")
if not (os.access(CHROMIUM, os.X_OK) or shutil.which("chromium")):
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's `chromium` package (.ci/run does)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def preview_server() -> Iterator[Server]:
    running = Server(["preview"], project=ROOT)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM if os.access(CHROMIUM, os.X_OK)
                                              else shutil.which("chromium"), args=FLAGS, headless=True)
        yield chromium
        chromium.close()


def test_grid_locale_switch_rtl_variable_edit_and_highlighted_finding(
        preview_server: Server, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(preview_server.url + "/preview")
    grid = page.locator("#grid")
    assert grid.locator("tr").count() > 10  # one row per scenario
    assert page.locator("#stats tr", has_text="fuzzy").count() == 1  # the catalogues' stats
    page.locator('#grid a[href="/preview/pre_sale_question/en/amazon"]').click()
    page.wait_for_url("**/preview/pre_sale_question/en/amazon")
    assert page.locator("#message").get_attribute("dir") == "ltr"

    page.locator('#locales a[data-locale="ar"]').click()  # the locale switcher
    page.wait_for_url("**/preview/pre_sale_question/ar/amazon")
    assert page.locator("#message").get_attribute("dir") == "rtl"
    assert page.locator("#text").get_attribute("dir") == "rtl"
    assert page.frame_locator("#html").locator("[dir=rtl]").count() >= 1  # the rendered HTML itself
    assert page.locator("#strings tr").count() > 3  # English beside Arabic

    page.fill("#var-product_title", "Walnut reading lamp")
    page.click("#render")
    page.wait_for_load_state()
    assert "Walnut reading lamp" in page.locator("#text").inner_text()
    assert "Walnut reading lamp" in page.frame_locator("#html").locator("body").inner_text()
    assert page.locator("mark.finding").count() == 0

    page.fill("#var-answer", "Please call me at +49 30 12345678 and we sort it out.")
    page.click("#render")
    page.wait_for_load_state()
    mark = page.locator("#text mark.finding").first
    assert mark.is_visible() and "12345678" in mark.inner_text()
    assert "content.phone-number" in page.locator("#findings").inner_text()
    assert "12345678" in page.frame_locator("#html").locator("mark").first.inner_text()  # in the HTML too
    shot = Path(os.environ.get("REPLYKIT_PREVIEW_SCREENSHOT") or tmp_path / "preview.png")
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000

    page.locator('#locales a[data-locale="en_XA"]').click()  # the pseudo-locale
    page.wait_for_url("**/preview/pre_sale_question/en_XA/amazon**")
    assert "[" in page.locator("#subject").inner_text() and page.locator("#message").get_attribute("dir") == "ltr"
    page.close()
