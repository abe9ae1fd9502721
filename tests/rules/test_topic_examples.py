"""Every topic file's own examples: `match` ones must give their position (and parameters), `no_match` ones
must leave the topic silent. Generated from the rule files (ScanCode's build_tests idea)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from termguard.assess.playbook import load_playbook
from termguard.model import Document, TextMap
from termguard.pipeline import analyse
from termguard.topics import load_catalogue


def _doc(text: str) -> Document:
    return Document("example.txt", hashlib.sha256(text.encode()).hexdigest(), "text", text, TextMap.build(text))


def _cases() -> list[Any]:
    cases = []
    for topic in load_catalogue():
        for i, ex in enumerate(topic.examples.match):
            marks = [pytest.mark.xfail(reason=ex.xfail_reason, strict=True)] if ex.xfail_reason else []
            cases.append(pytest.param(topic.id, ex.text, ex.position, ex.params, id=f"{topic.id}:match:{i}",
                                      marks=marks))
        for i, ex in enumerate(topic.examples.no_match):
            marks = [pytest.mark.xfail(reason=ex.xfail_reason, strict=True)] if ex.xfail_reason else []
            cases.append(pytest.param(topic.id, ex.text, "silent", {}, id=f"{topic.id}:no_match:{i}",
                                      marks=marks))
    return cases


@pytest.mark.parametrize(("topic", "text", "position", "params"), _cases())
def test_topic_example(topic: str, text: str, position: str | None, params: dict[str, Any]) -> None:
    finding = analyse(_doc(text), load_playbook("strict")).finding(topic)
    assert finding is not None
    if position is None:  # a match example without a stated position only has to be detected
        assert finding.position != "silent", finding.detection_log
        return
    assert finding.position == position, finding.detection_log
    for name, value in params.items():
        assert finding.parameters.get(name) == value, (name, finding.parameters)
    for e in finding.evidence:
        assert text[e.start:e.end] == e.quote


def test_every_topic_has_enough_examples() -> None:
    for topic in load_catalogue():
        assert len(topic.examples.match) >= 5, topic.id
        assert len(topic.examples.no_match) >= 5, topic.id
