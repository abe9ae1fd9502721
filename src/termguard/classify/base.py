"""The one small interface every recognizer implements, rules and models alike."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from termguard.model import ClauseHit, Document
from termguard.segment import Segmentation


@runtime_checkable
class Recognizer(Protocol):
    name: str
    version: str
    topics: tuple[str, ...]

    def analyze(self, doc: Document, seg: Segmentation) -> list[ClauseHit]:
        """Topic hits over the document's sentences; each hit names its source and explains its score."""
        ...


def check_recognizer(rec: Recognizer, doc: Document, seg: Segmentation) -> list[ClauseHit]:
    """Conformance: hits lie inside one sentence, name a known topic and source, and scores are in [0, 1]."""
    hits = rec.analyze(doc, seg)
    clause_ids = {c.id for c in seg.clauses}
    for h in hits:
        assert h.topic in rec.topics, f"{rec.name}: unknown topic {h.topic}"
        assert 0.0 <= h.score <= 1.0, f"{rec.name}: score {h.score} out of range"
        assert h.clause_id in clause_ids, f"{rec.name}: unknown clause {h.clause_id}"
        assert 0 <= h.start < h.end <= len(doc.text), f"{rec.name}: bad span {h.start}-{h.end}"
        assert h.source.startswith(("rule:", "model:")), f"{rec.name}: source {h.source!r}"
    return hits
