"""Engine features the topic files can use: section scope, all_of, priority, requires in every scope."""

from __future__ import annotations

import hashlib

from termguard.assess.ladder import place
from termguard.classify.rules import RuleRecognizer
from termguard.model import Document, TextMap
from termguard.segment import segment
from termguard.topics import Topic


def _topic(signals: list[dict], decide: dict) -> Topic:
    return Topic.model_validate({
        "id": "test.topic", "family": "A", "title": "t", "detects": "d", "why": "w",
        "positions": [{"id": "best", "label": "b", "explain": "e"}, {"id": "mid", "label": "m", "explain": "e"},
                      {"id": "worst", "label": "w", "explain": "e"}],
        "cues": [{"name": "cue", "pattern": r"\blicen[cs]e\b", "score": 0.8}],
        "signals": signals, "decide": decide, "ask": "a",
        "examples": {"match": [], "no_match": []},
    })


def _place(topic: Topic, text: str) -> str | None:
    doc = Document("t", hashlib.sha256(text.encode()).hexdigest(), "markdown", text, TextMap.build(text))
    seg = segment(doc)
    hits = {h.start: h for h in RuleRecognizer(topic).analyze(doc, seg)}
    return place(topic, doc, seg, hits).position


DOC = "## Licence\n\nYou grant us a licence to your content.\n\n* **Improve.** To develop new models.\n"


def test_section_scope_reaches_the_bullets_under_the_same_heading() -> None:
    sig = {"name": "s", "position": "worst", "pattern": r"\bdevelop new models\b"}
    assert _place(_topic([{**sig, "scope": "clause"}], {"precedence": ["worst"]}), DOC) is None
    assert _place(_topic([{**sig, "scope": "section"}], {"precedence": ["worst"]}), DOC) == "worst"


def test_all_of_demotes_a_position_whose_signals_did_not_all_fire() -> None:
    signals = [{"name": "a", "position": "best", "pattern": r"\bgrant\b"},
               {"name": "b", "position": "best", "pattern": r"\bterminat\w+\b"}]
    decide = {"precedence": ["best", "mid"], "all_of": {"best": {"signals": ["a", "b"], "otherwise": "mid"}}}
    assert _place(_topic(signals, decide), DOC) == "mid"
    assert _place(_topic(signals, decide), DOC.replace("content.", "content until we terminate.")) == "best"


def test_priority_outranks_precedence_order() -> None:
    signals = [{"name": "a", "position": "best", "pattern": r"\bgrant\b"},
               {"name": "b", "position": "worst", "pattern": r"\blicence\b", "priority": 1}]
    assert _place(_topic(signals, {"precedence": ["best", "worst"]}), DOC) == "worst"


def test_requires_applies_in_clause_scope() -> None:
    sig = {"name": "s", "position": "worst", "pattern": r"\bcontent\b", "scope": "clause", "requires": [r"\bnever\b"]}
    assert _place(_topic([sig], {"precedence": ["worst"]}), DOC) is None


def test_general_terms_outrank_a_section_written_for_one_audience() -> None:
    text = ("## Liability\n\nWe accept unlimited liability to you under these licence terms.\n\n"
            "## Business users\n\nFor business users our licence liability is capped at the fees paid.\n")
    signals = [{"name": "u", "position": "best", "pattern": r"\bunlimited\b"},
               {"name": "c", "position": "mid", "pattern": r"\bcapped\b"}]
    plain = {"precedence": ["mid", "best"]}
    assert _place(_topic(signals, plain), text) == "mid"
    assert _place(_topic(signals, {**plain, "prefer_general_terms": True}), text) == "best"
    only_business = text.split("## Business users")[0].replace("unlimited", "some") + "## Business users" + \
        text.split("## Business users")[1]
    assert _place(_topic(signals, {**plain, "prefer_general_terms": True}), only_business) == "mid"
