"""HTML: visible text only, blocks per line, headings, no scripts, no depth limit."""

from __future__ import annotations

import time

import pytest
from ingest_builders import refused

from termguard.errors import IngestError
from termguard.ingest import load_bytes

PAGE = b"""<!DOCTYPE html><html><head><title>Acme AI Terms</title>
<style>.x{color:red}</style><script>var leaked = "SCRIPT-SECRET";</script></head>
<body><noscript>NOSCRIPT-TEXT</noscript><h1>Terms of Service</h1>
<p>We do <b>not</b> train on
   your data.</p><ul><li>First item</li><li>Second&nbsp;item &amp; more</li></ul>
<h2>2. Retention</h2><div>Kept for <i>30</i> days.<br>Then deleted.</div>
<template><p>TEMPLATE-TEXT</p></template><script>document.write("LATE-SCRIPT")</script>
</body></html>"""


def test_visible_text_one_block_per_line() -> None:
    doc = load_bytes(PAGE, "terms.html")
    assert doc.format == "html"
    assert doc.text.split("\n") == [
        "Terms of Service",
        "We do not train on your data.",
        "First item",
        "Second item & more",
        "2. Retention",
        "Kept for 30 days.",
        "Then deleted.",
    ]
    assert doc.title == "Acme AI Terms"


def test_scripts_styles_and_templates_are_dropped() -> None:
    doc = load_bytes(PAGE, "terms.html")
    for hidden in ("SCRIPT-SECRET", "LATE-SCRIPT", "color:red", "NOSCRIPT-TEXT", "TEMPLATE-TEXT"):
        assert hidden not in doc.text


def test_headings_have_levels_and_blocks_match_text() -> None:
    doc = load_bytes(PAGE, "terms.html")
    assert [(doc.text[b.start : b.end], b.heading_level) for b in doc.blocks if b.heading_level] == [
        ("Terms of Service", 1),
        ("2. Retention", 2),
    ]


def test_title_falls_back_to_first_h1() -> None:
    assert (
        load_bytes(b"<html><body><h1>Data Addendum</h1><p>x</p></body></html>", "a.html").title
        == "Data Addendum"
    )


def test_deeply_nested_html_keeps_all_text_quickly() -> None:
    depth = 100_000
    page = (
        b"<html><body>"
        + b"<div>" * depth
        + b"deep text"
        + b"</div>" * depth
        + b"<p>after the divs</p></body></html>"
    )
    started = time.perf_counter()
    doc = load_bytes(page, "deep.html")
    assert time.perf_counter() - started < 5
    assert "deep text" in doc.text and "after the divs" in doc.text


def test_meta_charset_is_used_when_not_utf8() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>café — naïve</p></body></html>'
    assert load_bytes(page.encode("cp1252"), "legacy.html").text == "café — naïve"


def test_html_without_visible_text_is_empty() -> None:
    with pytest.raises(IngestError) as info:
        load_bytes(b"<html><head><script>x()</script></head><body> </body></html>", "blank.html")
    refused(info.value, "rejected", "blank.html")


def test_preformatted_text_keeps_its_lines() -> None:
    doc = load_bytes(b"<html><body><pre>line one\n  line two</pre></body></html>", "pre.html")
    assert doc.text == "line one\n  line two"
