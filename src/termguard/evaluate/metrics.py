"""Span-level recall, clause-level precision, document-level presence and answer-key agreement."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from termguard.evaluate.data import LabelledDoc
from termguard.model.report import Report


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass
class TopicCounts:
    spans: int = 0
    spans_found: int = 0
    tagged_clauses: int = 0
    tagged_clauses_right: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def span_recall(self) -> float | None:
        return self.spans_found / self.spans if self.spans else None

    @property
    def clause_precision(self) -> float | None:
        return self.tagged_clauses_right / self.tagged_clauses if self.tagged_clauses else None

    @property
    def doc_precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def doc_recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def doc_f1(self) -> float | None:
        p, r = self.doc_precision, self.doc_recall
        if p is None or r is None or p + r == 0:
            return None if p is None and r is None else 0.0
        return 2 * p * r / (p + r)


@dataclass
class DetectionScore:
    """Clause detection on one labelled corpus, per topic."""

    name: str
    topics: dict[str, TopicCounts] = field(default_factory=lambda: defaultdict(TopicCounts))
    documents: int = 0

    def add(self, doc: LabelledDoc, report: Report, topics: set[str]) -> None:
        self.documents += 1
        tagged: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for c in report.clauses:
            for h in report.clause_topics.get(c.id, ()):
                tagged[h.topic].append((c.start, c.end))
        by_topic: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s in doc.spans:
            by_topic[s.topic].append((s.start, s.end))
        for topic in topics:
            tc = self.topics[topic]
            spans, clauses = by_topic.get(topic, []), tagged.get(topic, [])
            tc.spans += len(spans)
            tc.spans_found += sum(1 for s in spans if any(_overlap(*s, *c) for c in clauses))
            tc.tagged_clauses += len(clauses)
            tc.tagged_clauses_right += sum(1 for c in clauses if any(_overlap(*c, *s) for s in spans))
            f = report.finding(topic)
            present = f is not None and f.position != "silent"
            labelled = bool(spans)
            tc.tp += present and labelled
            tc.fp += present and not labelled
            tc.fn += labelled and not present

    def macro(self, attr: str) -> float | None:
        vals = [getattr(tc, attr) for tc in self.topics.values()]
        vals = [v for v in vals if v is not None]
        return sum(vals) / len(vals) if vals else None


def norm(s: str) -> str:
    s = re.sub(r"[*_`#>\[\]\(\)|]", " ", s.lower())
    return re.sub(r"\s+", " ", s).strip()


def quotes_agree(a: str, b: str, k: int = 40) -> bool:
    """The answer-key measure: two quotes agree when they share a 40-character run after folding markup."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) <= k:
        return short in long_
    return any(short[i:i + k] in long_ for i in range(0, len(short) - k + 1, 10))


@dataclass
class AnswerScore:
    items: int = 0
    right: int = 0
    high: int = 0
    high_right: int = 0
    evidence: int = 0
    evidence_right: int = 0
    params: int = 0
    params_right: int = 0
    per_topic: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    misses: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # each miss, evidence or parameter disagreement, with quotes

    def add(self, doc_id: str, labels: dict[str, dict], report: Report, only: set[str] | None = None) -> None:
        for topic, lab in labels.items():
            if only and topic not in only:
                continue
            f = report.finding(topic)
            got = f.position if f else "<missing>"
            hit = got == lab["position"]
            self.items += 1
            self.right += hit
            self.per_topic[topic][0] += 1
            self.per_topic[topic][1] += hit
            if lab.get("confidence") == "high":
                self.high += 1
                self.high_right += hit
            key_quote = _first(lab.get("evidence", []))
            our_quote = _first([e.quote for e in f.evidence] if f else [])
            if not hit:
                miss = f"{doc_id} {topic}: key {lab['position']} ({lab.get('confidence')}), got {got}"
                self.misses.append(miss)
                self.details.append(f"{miss}\n      key: {key_quote}\n      got: {our_quote}")
                continue
            if lab["position"] != "silent" and f is not None:
                self.evidence += 1
                agree = any(quotes_agree(q, e.quote) for q in lab["evidence"] for e in f.evidence)
                self.evidence_right += agree
                if not agree:
                    self.details.append(f"{doc_id} {topic}: evidence disagrees; key: {key_quote}")
            for k in ("days", "hours", "notice_days"):
                if k in lab.get("params", {}) and f is not None:
                    self.params += 1
                    good = f.parameters.get(k) == lab["params"][k]
                    self.params_right += good
                    if not good:
                        self.details.append(f"{doc_id} {topic}: {k} key {lab['params'][k]} got {f.parameters.get(k)}")


def _first(quotes: list[str]) -> str:
    return " ".join(quotes[0].split())[:90] if quotes else ""
