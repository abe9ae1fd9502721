"""Every recognizer — each topic's rules and the shipped classifier — passes the shared conformance check."""

from __future__ import annotations

import hashlib

import pytest

from termguard.classify.base import Recognizer, check_recognizer
from termguard.classify.registry import model_recognizers, rule_recognizers
from termguard.cli.common import sample_path
from termguard.model import Document, TextMap
from termguard.segment import segment


def _sample() -> Document:
    text = sample_path().read_text(encoding="utf-8")
    return Document("sample.md", hashlib.sha256(text.encode()).hexdigest(), "markdown", text, TextMap.build(text))


def _all() -> list[Recognizer]:
    return [*rule_recognizers(), *model_recognizers()]


@pytest.mark.parametrize("rec", _all(), ids=lambda r: r.name)
def test_recognizer_conforms(rec: Recognizer) -> None:
    doc = _sample()
    check_recognizer(rec, doc, segment(doc))


def test_the_sample_is_tagged_by_rules_and_model() -> None:
    doc = _sample()
    seg = segment(doc)
    sources = {h.source.split("/")[0] for r in _all() for h in r.analyze(doc, seg)}
    assert "model:clause-tfidf" in sources and any(s.startswith("rule:") for s in sources)


def test_check_recognizer_rejects_a_hit_outside_the_text() -> None:
    from termguard.model import ClauseHit

    class Broken:
        name, version, topics = "rule:broken", "1", ("x",)

        def analyze(self, doc: Document, seg: object) -> list[ClauseHit]:
            return [ClauseHit("x", "c0000", 0, len(doc.text) + 5, 0.5, "rule:broken")]

    doc = _sample()
    with pytest.raises(AssertionError):
        check_recognizer(Broken(), doc, segment(doc))
