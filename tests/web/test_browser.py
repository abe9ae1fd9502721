"""The web app in a real browser: Debian's Chromium driven headless by Playwright (no browser download).

Upload a real vendor document, read the findings, click one and see its quote highlighted, add a note and
change a negotiation status and see both survive a reload, download the reports. Screenshots go to
$TERMGUARD_SCREENSHOTS (default: a temporary folder); `TERMGUARD_SCREENSHOTS=docs/screenshots` refreshes the docs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import VENDOR_DOCS
from tests.web.conftest import LiveServer

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]
META = VENDOR_DOCS / "meta" / "llama-api-terms" / "2026-08-05_314c5caea.md"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")]


@pytest.fixture(scope="module")
def page(live_server: LiveServer) -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True, timeout=20000)
        ctx = browser.new_context(viewport={"width": 1366, "height": 800}, accept_downloads=True)
        ctx.set_default_timeout(10000)
        pg = ctx.new_page()
        yield pg
        ctx.close()
        browser.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = Path(os.environ.get("TERMGUARD_SCREENSHOTS") or tmp_path_factory.mktemp("screens"))
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def vendor_doc() -> Path:
    if META.exists():
        return META
    from termguard.cli.common import sample_path

    return sample_path()


def _upload(page, url: str, doc: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url + "/")
    page.set_input_files("#file-input", str(doc))  # the page's script uploads at once and opens the review
    page.wait_for_url("**/reviews/*", timeout=20000)


def test_upload_review_click_quote_change_status_download(page, live_server: LiveServer, shots: Path,  # type: ignore[no-untyped-def]
                                                          vendor_doc: Path, tmp_path: Path) -> None:
    page.goto(live_server.url + "/")
    page.screenshot(path=str(shots / "upload.png"))
    _upload(page, live_server.url, vendor_doc)
    card = page.locator('article[data-topic="training.customer-content"]')
    assert card.is_visible()
    assert card.locator(".badge").first.inner_text().lower() in ("short", "partial", "conflicting")

    link = card.locator(".quote-link").last
    key = link.get_attribute("data-key")
    link.click()
    mark = page.locator(f"#{key}")
    assert "active" in (mark.get_attribute("class") or "")
    assert mark.is_visible()
    quote = page.evaluate(
        "k => Array.from(document.querySelectorAll('mark.ev')).filter(m => m.dataset.keys.split(' ')"
        ".includes(k)).map(m => m.textContent).join('')", key)
    assert "train" in quote.lower()

    # A note, by keyboard only: focus the field, type, Enter saves it (htmx swaps the form, focus stays put).
    sel = 'article[data-topic="training.customer-content"]'
    card.locator("input[name=note]").focus()
    page.keyboard.type("Asked for a no-training rider <v2>")
    page.keyboard.press("Enter")
    page.wait_for_selector(f'{sel} .neg-last:has-text("Asked for a no-training rider <v2>")')
    assert page.evaluate("document.activeElement.name") == "note"
    card.locator("select[name=status]").select_option("asked")
    page.wait_for_selector(f'{sel} .neg-last .badge:has-text("asked")')
    assert "Saved" in card.locator(".saved").inner_text()
    card.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(shots / "review.png"))
    page.reload()
    card = page.locator(sel)
    assert card.locator("select[name=status]").input_value() == "asked"
    assert card.locator("input[name=note]").input_value() == "Asked for a no-training rider <v2>"
    last = card.locator(".neg-last").inner_text()
    assert "asked" in last.lower() and "by web" in last and "UTC" in last
    assert "Note: Asked for a no-training rider <v2>" in last

    with page.expect_download() as dl:
        page.click("a[href$='report.md']")
    saved = tmp_path / "report.md"
    dl.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("# termguard review")
    pack = page.locator("[data-testid=pack]")
    if pack.count():
        with page.expect_download(timeout=30000) as dl:
            pack.click()
        assert dl.value.suggested_filename.endswith(".negotiation-pack.zip")


def test_filters_hide_findings_in_place(page, live_server: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live_server.url + "/register")
    page.locator("table.grid a").first.click()
    page.uncheck("#filters input[value=short]")
    visible = page.locator("article.finding:visible").evaluate_all("els => els.map(e => e.dataset.status)")
    assert "short" not in visible


def test_keyboard_reaches_the_file_chooser_and_register(page, live_server: LiveServer, shots: Path  # type: ignore[no-untyped-def]
                                                        ) -> None:
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"  # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.goto(live_server.url + "/register")
    assert page.locator("table.grid tbody tr").count() >= 1
    page.screenshot(path=str(shots / "register.png"))
    page.goto(live_server.url + "/playbooks")
    page.screenshot(path=str(shots / "playbook.png"))


def test_compare_and_diff_two_versions(page, live_server: LiveServer, shots: Path, vendor_doc: Path  # type: ignore[no-untyped-def]
                                       ) -> None:
    older = min(vendor_doc.parent.glob("*.md"))
    _upload(page, live_server.url, older)
    page.goto(live_server.url + "/register")
    ids = page.locator("input[name=ids]").evaluate_all("els => els.map(e => e.value)")
    page.goto(f"{live_server.url}/compare?ids={ids[0]}&ids={ids[-1]}")
    assert page.locator("table.compare tbody tr").count() >= 1
    page.screenshot(path=str(shots / "compare.png"))
    page.goto(f"{live_server.url}/diff?old={ids[-1]}&new={ids[0]}")
    clauses = page.locator("details.clause")
    if clauses.count():  # collapsed until opened; open the shortest edited one by keyboard
        sizes = clauses.evaluate_all("ds => ds.map(d => d.dataset.kind === 'edited' ? "
                                     "d.querySelector('.words').textContent.length : 1e9)")
        one = clauses.nth(sizes.index(min(sizes)))
        assert not one.evaluate("d => d.open")
        one.locator("summary").focus()
        page.keyboard.press("Enter")
        assert one.evaluate("d => d.open")
        assert one.locator("ins, del").count() >= 1
        page.locator("#clauses-h").evaluate("e => e.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(shots / "diff.png"))
