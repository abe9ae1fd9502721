"""Highlighting slices the text; it never adds markup, and overlapping quotes stay intact."""

from __future__ import annotations

from termguard.web.highlight import Mark, segments


def _mark(key: str, start: int, end: int, severity: str = "high") -> Mark:
    return Mark(key, start, end, severity, "short")


def test_segments_rebuild_the_text_exactly() -> None:
    text = "The vendor may train models on Customer Data. Nothing else."
    segs = segments(text, [_mark("ev-0-0", 4, 44)])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.marked] == ["vendor may train models on Customer Data"]


def test_overlapping_quotes_split_at_every_boundary_and_keep_both_anchors() -> None:
    text = "abcdefghij"
    segs = segments(text, [_mark("a", 1, 6, "low"), _mark("b", 4, 9, "critical")])
    assert [(s.text, s.keys) for s in segs] == [
        ("a", ()), ("bcd", ("a",)), ("ef", ("a", "b")), ("ghi", ("b",)), ("j", ())]
    assert [s.anchors for s in segs if s.anchors] == [("a",), ("b",)]
    assert segs[2].severity == "critical"  # the worse severity colours the overlap


def test_two_quotes_starting_at_the_same_offset_both_get_an_anchor() -> None:
    segs = segments("abcdef", [_mark("x", 0, 3), _mark("y", 0, 5)])
    assert segs[0].anchors == ("x", "y")


def test_markup_in_the_text_is_only_text() -> None:
    text = "<script>alert(1)</script> may train"
    segs = segments(text, [_mark("k", 0, 8)])
    assert segs[0].text == "<script>"
