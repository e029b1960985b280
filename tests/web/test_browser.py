"""The dashboard in real headless Chromium (Debian's), driven by Playwright.

The app runs under uvicorn in a subprocess on a free loopback port, over the fixture
database. Chromium is found at ``$WARTA_CHROMIUM`` (default ``/usr/bin/chromium``); without
it these tests skip, unless ``WARTA_REQUIRE_SERVICES=1`` (CI), where they fail. Playwright is
started with our own ``sync_playwright()``, never pytest-playwright's fixtures, and never
downloads a browser.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

pytestmark = pytest.mark.browser
_TARGET = re.compile(r"\bis-target\b")  # the class the page's script puts on the followed anchor

_SERVE = (
    "import sys, uvicorn; from warta.web.app import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning')"
)


def _chromium() -> str:
    path = os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium")
    if not Path(path).is_file():
        reason = f"needs Debian's chromium at {path} (apt-get install chromium; .ci/run does)"
        if os.environ.get("WARTA_REQUIRE_SERVICES") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(base: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            _, err = proc.communicate()
            pytest.fail(f"the dashboard server exited early: {err.decode(errors='replace')}")
        try:
            if httpx.get(f"{base}/static/warta.css", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"the dashboard server did not answer at {base} within 30 s")


@pytest.fixture(scope="module")
def server(dash_db: Path) -> Iterator[str]:
    """The real app under uvicorn on 127.0.0.1, as ``warta serve`` runs it."""
    port = _free_port()
    cmd = [sys.executable, "-c", _SERVE, str(dash_db), str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.communicate(timeout=10)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Headless Chromium from the system, not a downloaded one."""
    path = _chromium()
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=path)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def dialogs() -> list[str]:
    """Messages of every dialog (alert, confirm, prompt) a page opened during the test."""
    return []


@pytest.fixture
def tab(chromium: Browser, dialogs: list[str]) -> Iterator[Page]:
    """A fresh tab that records and dismisses every dialog a script might open."""
    context = chromium.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    try:
        yield page
    finally:
        context.close()


def _in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 0
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def test_browser_search_for_a_speaker_opens_their_page(server: str, tab: Page) -> None:
    tab.goto(f"{server}/")
    tab.fill("input#q", "Retno")
    tab.press("input#q", "Enter")
    tab.wait_for_url("**/?q=Retno")
    tab.locator(".speakers a", has_text="Retno Marsudi").first.click()
    expect(tab.locator("h1")).to_have_text("Retno Marsudi")
    expect(tab.locator(".chart rect.bar")).to_have_count(2)


def test_browser_quote_in_search_results_opens_on_its_evidence(server: str, tab: Page) -> None:
    tab.goto(f"{server}/?q=perundingan")
    tab.locator(".quotes blockquote a").first.click()
    tab.wait_for_url("**/articles/fx-border-talks#q1")
    quote = tab.locator("#q1")
    expect(quote).to_have_class(_TARGET)
    expect(quote).to_contain_text("Kami sepakat mempercepat perundingan")
    assert _in_viewport(tab, "#q1")


def test_browser_article_side_list_follows_each_item_to_its_anchor(server: str, tab: Page) -> None:
    tab.set_viewport_size({"width": 1280, "height": 400})
    tab.goto(f"{server}/articles/fx-border-talks")
    for ref in ("q2", "ev1", "ev2", "e2"):
        tab.locator(f'.side a.jump[href="#{ref}"]').click()
        expect(tab.locator(f"#{ref}")).to_have_class(_TARGET)
        assert tab.evaluate("location.hash") == f"#{ref}"
        assert _in_viewport(tab, f"#{ref}")
        assert tab.locator(".doc-body .is-target").count() >= 1


def test_browser_clicking_highlighted_text_selects_its_side_list_item(
    server: str, tab: Page
) -> None:
    tab.goto(f"{server}/articles/fx-fishermen")
    tab.locator("#q1").click()
    expect(tab.locator('.side .item[data-ref="q1"]')).to_have_class(_TARGET)
    assert tab.evaluate("location.hash") == "#q1"


def test_browser_article_with_markup_in_its_text_runs_no_script(
    server: str, tab: Page, dialogs: list[str]
) -> None:
    tab.goto(f"{server}/articles/fx-hostile")
    expect(tab.locator("#text")).to_contain_text("<script>window.__xss = 1; alert(1)</script>")
    expect(tab.locator("#q1")).to_contain_text('<img src=x onerror="window.__xss=2">')
    expect(tab.locator("h1")).to_contain_text("<script>window.__xss = 5</script>")
    tab.locator('.side a.jump[href="#q1"]').click()
    assert tab.evaluate("typeof window.__xss") == "undefined"
    assert tab.locator(".doc-body img, .doc-body script, .doc-body b").count() == 0
    assert dialogs == []


@pytest.mark.parametrize("path", ["/", "/?q=peretas", "/events", "/entities/org-polda-metro-jaya"])
def test_browser_pages_listing_the_hostile_article_run_no_script(
    server: str, tab: Page, dialogs: list[str], path: str
) -> None:
    tab.goto(f"{server}{path}")
    expect(tab.locator("main")).to_be_visible()
    assert tab.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
