"""A quick accessibility pass over every page: labels, language, skip link, focus styles, badge contrast.

Contrast is computed from the colours in `static/app.css` (WCAG 2 relative luminance), so a colour change
that makes a badge unreadable fails here rather than in a screenshot review.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import upload

from termguard.web.templating import STATIC

CSS = (STATIC / "app.css").read_text(encoding="utf-8")


def _hex(colour: str) -> tuple[float, float, float]:
    h = colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return (int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255)


def luminance(colour: str) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in _hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


VARS = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", CSS.split("}", 1)[0]))


def _resolve(value: str) -> str:
    m = re.fullmatch(r"var\(--([\w-]+)\)", value.strip())
    return VARS[m.group(1)] if m else value.strip()


def _rules() -> list[tuple[str, dict[str, str]]]:
    body = re.sub(r"/\*.*?\*/", "", CSS, flags=re.S)
    body = re.sub(r"@media[^{]*\{(.*?\})\s*\}", r"\1", body, flags=re.S)
    out = []
    for selectors, decls in re.findall(r"([^{}]+)\{([^{}]*)\}", body):
        props = dict((k.strip(), v.strip()) for k, v in (d.split(":", 1) for d in decls.split(";") if ":" in d))
        for sel in selectors.split(","):
            out.append((sel.strip(), props))
    return out


BADGE_TEXT = next(p["color"] for s, p in _rules() if s == ".badge")
BADGES = [(s, _resolve(p["background"])) for s, p in _rules()
          if "background" in p and re.match(r"(\.badge)?\.(status|sev|neg|kind|dir)-|\.badge\.", s)]


def test_the_contrast_helper_matches_known_values() -> None:
    assert round(contrast("#000", "#fff"), 1) == 21.0
    assert round(contrast("#777", "#fff"), 2) == 4.48


def test_status_and_severity_badges_are_found_in_the_stylesheet() -> None:
    names = {s for s, _ in BADGES}
    for cls in ("status-meets", "status-short", "status-partial", "status-silent", "status-conflicting",
                "sev-critical", "sev-high", "sev-medium", "sev-low", "sev-info", "neg-open", "neg-asked",
                "neg-agreed", "neg-rejected", "neg-accepted-risk", "dir-better", "dir-worse"):
        assert any(cls in n for n in names), cls


@pytest.mark.parametrize(("selector", "background"), BADGES + [(".badge", _resolve(
    next(p["background"] for s, p in _rules() if s == ".badge")))])
def test_badge_text_contrast_is_at_least_4_5_to_1(selector: str, background: str) -> None:
    assert contrast(BADGE_TEXT, background) >= 4.5, f"{selector}: {background} on {BADGE_TEXT}"


@pytest.mark.parametrize(("fg", "bg"), [
    ("--fg", "#fff"), ("--muted", "#fff"), ("--muted", "#eef1f5"), ("--muted", "--bg"), ("--accent", "#fff"),
    ("--accent", "#eaf2fb"), ("--meets", "#fff"), ("--high", "#fff"), ("#0f3d1c", "#d7f0dc"), ("#6b1410", "#fbdad6"),
    ("#c9d3df", "#14263d"), ("--muted", "#fff8e1"), ("--fg", "#fff1a8"), ("--fg", "#ffd9d4"), ("--fg", "#ffbf47"),
    ("--fg", "#fff8e1"), ("--fg", "#edf7ef")])
def test_text_colours_meet_4_5_to_1(fg: str, bg: str) -> None:
    a, b = (VARS[c[2:]] if c.startswith("--") else c for c in (fg, bg))
    assert contrast(a, b) >= 4.5, (fg, bg)


def test_focus_is_always_visible() -> None:
    rules = _rules()
    focus = next(p for s, p in rules if s == ":focus-visible")
    ring = re.search(r"#[0-9a-fA-F]{3,6}", focus["outline"])
    assert ring and contrast(ring.group(0), "#fff") >= 3  # WCAG 1.4.11: the ring stands out from the panel
    header = next(p for s, p in rules if s == ".top :focus-visible")
    assert contrast(_resolve(header["outline-color"]), "#14263d") >= 3
    for sel, p in rules:  # nothing focusable switches the outline off (main is only a skip-link target)
        if re.search(r"outline\s*:\s*(none|0)\b", "; ".join(f"{k}:{v}" for k, v in p.items())):
            assert sel == "main:focus", sel


class _Controls(HTMLParser):
    """Every form control and whether something labels it; plus the page's language and skip link."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.in_label = 0
        self.lang: str | None = None
        self.links: list[dict[str, str | None]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(str(a["for"]))
        elif tag == "a":
            self.links.append(a)
        elif tag in ("input", "select", "textarea"):
            if a.get("type") not in ("hidden", "submit", "button", "reset"):
                self.controls.append({**a, "_tag": tag, "_wrapped": "1" if self.in_label else None})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1

    def unlabelled(self) -> list[str]:
        return [f"<{c['_tag']} name={c.get('name')} id={c.get('id')}>" for c in self.controls
                if not (c["_wrapped"] or c.get("aria-label") or c.get("aria-labelledby")
                        or (c.get("id") and c["id"] in self.label_for))]


@pytest.fixture
def pages(client: TestClient, sample_bytes: bytes) -> dict[str, str]:
    a = upload(client, sample_bytes, "v1.md")["id"]
    b = upload(client, sample_bytes.replace(b"train", b"learn from"), "v2.md")["id"]
    urls = {"upload": "/", "register": "/register", "review": f"/reviews/{a}", "compare": f"/compare?ids={a}&ids={b}",
            "diff": f"/diff?old={a}&new={b}", "playbooks": "/playbooks", "error": "/reviews/none"}
    out = {}
    for name, url in urls.items():
        r = client.get(url, headers={"accept": "text/html"})
        assert r.status_code == (404 if name == "error" else 200), url
        out[name] = r.text
    return out


def test_every_page_has_a_language_a_skip_link_and_labelled_controls(pages: dict[str, str]) -> None:
    for name, html in pages.items():
        p = _Controls()
        p.feed(html)
        assert p.lang == "en", name
        assert p.links and p.links[0].get("class") == "skip" and p.links[0].get("href") == "#main", name
        assert "main" in p.ids, name
        assert p.controls or name == "error", name
        assert not p.unlabelled(), (name, p.unlabelled())


def test_the_review_page_labels_each_status_and_note_control(pages: dict[str, str]) -> None:
    html = pages["review"]
    selects = re.findall(r'<select id="(neg-\d+)"', html)
    notes = re.findall(r'<input id="(note-\d+)" name="note"', html)
    assert selects and len(selects) == len(notes)
    for ident in selects + notes:
        assert f'<label for="{ident}">' in html
