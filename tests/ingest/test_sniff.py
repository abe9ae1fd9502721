"""Sniffing decides by content; the extension never matters."""

from __future__ import annotations

import pytest

from termguard.ingest.sniff import (
    OLE2,
    PDF,
    ZIP,
    looks_like_html,
    looks_like_markdown,
    sniff_binary,
    text_kind,
)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", PDF),
        (b"x" * 900 + b"%PDF-1.4", PDF),
        (b"x" * 1100 + b"%PDF-1.4", None),
        (b"PK\x03\x04rest", ZIP),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", OLE2),
        (b"plain", None),
    ],
)
def test_binary_magics(head: bytes, expected: str | None) -> None:
    assert sniff_binary(head) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html>", True),
        ("\n  <div class=x>Terms</div>", True),
        ("<p>Terms</p>", True),
        ("# Terms\n\nSee <div>inline</div>", False),
        ("Terms < 5 and > 3", False),
    ],
)
def test_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_markdown_vs_plain_text() -> None:
    assert looks_like_markdown("# Terms\n\n## Data\n\ntext")
    assert looks_like_markdown("Title\n=====\n\nSee [a](http://a) and [b](http://b).")
    assert not looks_like_markdown("MASTER AGREEMENT\n\n1. Definitions\n2. Use of data\n")
    assert text_kind("plain words only") == "text"


@pytest.mark.parametrize(
    "text",
    ["[" * 60_000, "**" + "x" * 60_000, "a" * 60_000 + "\n" + "=" * 10, "# " + "[x](" * 20_000, "-" * 60_000],
    ids=["brackets", "stars", "long-line", "links", "dashes"],
)
def test_markdown_sniffing_is_linear_on_pathological_text(text: str) -> None:
    import time

    started = time.perf_counter()
    text_kind(text * 2)
    assert time.perf_counter() - started < 2.0  # linear, not quadratic (was 4 s)
