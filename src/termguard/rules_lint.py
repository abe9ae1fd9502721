"""Lint and self-test the rule files (Semgrep's rule lints, ScanCode's self-detecting rules)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from termguard.errors import RuleError
from termguard.topics import Topic, load_topic_file, topics_dir


@dataclass(frozen=True)
class LintIssue:
    where: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: [{self.code}] {self.message}"


def lint(directory: Path | None = None) -> tuple[list[Topic], list[LintIssue]]:
    """Load every topic file, reporting schema errors and semantic problems instead of raising."""
    from termguard.classify.prefilter import plan
    from termguard.extract.registry import names as extractor_names

    folder = directory or topics_dir()
    topics: list[Topic] = []
    issues: list[LintIssue] = []
    known_params = set(extractor_names())
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            topic = load_topic_file(path)
        except RuleError as exc:
            issues.append(LintIssue(exc.where, exc.code, exc.message))
            continue
        if topic.id in seen:
            issues.append(LintIssue(f"{path}:1", "E221", f"duplicate topic id, also in {seen[topic.id]}"))
        seen[topic.id] = path.name
        for p in topic.parameters:
            if p.name not in known_params:
                issues.append(LintIssue(f"{path}:1", "E222", f"unknown parameter extractor {p.name!r}"))
        if not topic.ask.strip():
            issues.append(LintIssue(f"{path}:1", "E223", "empty ask"))
        # Only patterns run over the whole text matter; sentence/clause signals search a few sentences.
        for pat in [*topic.cues, *topic.exclude, *(x for x in topic.signals if x.scope == "document")]:
            pl = plan(pat.pattern)
            if pl.prefixes is None and not pl.anchors:
                issues.append(LintIssue(f"{path}:1", "W225", f"pattern {pat.name!r} has no literal word to anchor "
                                        "on and scans the whole text (start it with \\b and a word)"))
        for pos in topic.decide.precedence:
            if not any(s.position == pos for s in topic.signals) and pos != topic.decide.default:
                issues.append(LintIssue(f"{path}:1", "W224", f"position {pos!r} in precedence has no signal"))
        topics.append(topic)
    return topics, issues


@dataclass(frozen=True)
class ExampleResult:
    topic: str
    kind: str
    index: int
    expected: str
    got: str
    passed: bool
    xfail: bool


def run_examples(topics: list[Topic]) -> list[ExampleResult]:
    """Review each example as a one-paragraph document and compare the topic's position."""
    from termguard.model import Document, TextMap
    from termguard.pipeline import analyse

    out = []
    for t in topics:
        cases = [("match", i, e.text, e.position or "*", e.xfail_reason) for i, e in enumerate(t.examples.match)]
        cases += [("no_match", i, e.text, "silent", e.xfail_reason) for i, e in enumerate(t.examples.no_match)]
        for kind, i, text, expected, xfail in cases:
            doc = Document("example", hashlib.sha256(text.encode()).hexdigest(), "text", text, TextMap.build(text))
            f = analyse(doc).finding(t.id)
            got = f.position if f else "<missing>"
            ok = got != "silent" if expected == "*" else got == expected
            out.append(ExampleResult(t.id, kind, i, expected, got, ok, bool(xfail)))
    return out
