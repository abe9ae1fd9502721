"""The shipped clause classifier: TF-IDF word 1–2-grams + one logistic regression per topic, numpy inference.

Trained by `scripts/train_classifier.py` (scikit-learn, training only); the artifact
`models/clause-tfidf-v1.npz` (vocabulary, idf, weights, per-topic thresholds) loads offline in milliseconds.
It only covers topics with labelled corpus data (CUAD, CLAUDETTE); the rules cover every topic. Its hits say
`model:clause-tfidf` and carry the top-weighted features as their explanation.

A second artifact of the same form, `models/answer-tfidf-v1.npz` (`scripts/train_answer_tagger.py`), tags
sentences for the answer-key topics from the evidence the keys quote (`model:answer-tfidf`). Both only tag:
positions always come from the topic's signals. Both read the matching view (segment/aliases.py).
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from termguard.model import ClauseHit, Document, Explanation
from termguard.segment import Segmentation

MODEL_TOPICS = (
    "liability.cap", "commercial.governing-law", "commercial.termination", "commercial.renewal",
    "commercial.assignment", "commercial.warranty", "ownership.inputs-outputs", "audit-rights",
    "change-of-terms",
)
TOKEN_PATTERN = r"(?u)\b\w\w+\b"
ARTIFACT = "clause-tfidf-v1.npz"
ANSWER_ARTIFACT = "answer-tfidf-v1.npz"  # scripts/train_answer_tagger.py


def is_held_out(doc_id: str) -> bool:
    """Document-level split: fold 0 of 5 by a hash of the id is never trained on."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0


class TfidfRecognizer:
    version = "1"

    def __init__(self, path: Path) -> None:
        z = np.load(path, allow_pickle=False)
        self.name = f"model:{z['name'] if 'name' in z.files else 'clause-tfidf'}"
        # A tagger trained with --fill-only speaks only where the rules found nothing. With 38 keyed documents
        # that was the better choice; with 92, tagging every topic gains more held out (docs/accuracy.md).
        self.fills_silence = bool(z["fills_silence"]) if "fills_silence" in z.files else False
        self.vocab = {str(w): i for i, w in enumerate(z["vocabulary"])}
        self.idf = z["idf"].astype(np.float32)
        self.coef = z["coef"].astype(np.float32)  # topics × features
        self.coef_t = np.ascontiguousarray(self.coef.T)
        self.intercept = z["intercept"]
        self.threshold = z["threshold"]
        self.topics = tuple(str(t) for t in z["topics"])
        self._rx = re.compile(TOKEN_PATTERN)
        self._words = list(self.vocab)

    def _grams(self, text: str, seg: Segmentation) -> list[tuple[int, list[str]]]:
        """Word 1- and 2-grams of every sentence, computed once per document and shared by both models."""
        cached = seg.__dict__.get("_ml_grams")
        if cached is not None and cached[0] is text:
            return cached[1]
        find = self._rx.findall
        grams = []
        for si, s in enumerate(seg.sentences):
            if s.end - s.start < 15:
                continue
            toks = find(text[s.start:s.end].lower())
            grams.append((si, toks + [a + " " + b for a, b in zip(toks, toks[1:])]))
        object.__setattr__(seg, "_ml_grams", (text, grams))
        return grams

    def _matrix(self, text: str, seg: Segmentation) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
        """Sparse TF-IDF rows for every sentence at once: (row, feature, value) arrays and the sentence ids."""
        rows: list[int] = []
        cols: list[int] = []
        kept: list[int] = []
        get = self.vocab.get
        for si, grams in self._grams(text, seg):
            ids = [i for i in map(get, grams) if i is not None]
            if not ids:
                continue
            row = len(kept)
            kept.append(si)
            rows.extend([row] * len(ids))
            cols.extend(ids)
        if not kept:
            e = np.empty(0, dtype=np.int64)
            return e, e, np.empty(0, dtype=np.float32), kept
        pair = np.asarray(rows, dtype=np.int64) * len(self.idf) + np.asarray(cols, dtype=np.int64)
        uniq, counts = np.unique(pair, return_counts=True)
        rc = np.divmod(uniq, len(self.idf))
        r, c = np.asarray(rc[0]), np.asarray(rc[1])
        vals = (1.0 + np.log(counts)).astype(np.float32) * self.idf[c]
        norms = np.sqrt(np.bincount(r, weights=vals * vals, minlength=len(kept))).astype(np.float32)
        vals /= np.where(norms > 0, norms, 1.0)[r]
        return r, c, vals, kept

    def analyze(self, doc: Document, seg: Segmentation) -> list[ClauseHit]:
        text = seg.view(doc.text)
        r, c, vals, kept = self._matrix(text, seg)
        if not kept:
            return []
        z = np.tile(self.intercept.astype(np.float32), (len(kept), 1))
        np.add.at(z, r, vals[:, None] * self.coef_t[c])
        p = 1.0 / (1.0 + np.exp(-z))
        hits = []
        bounds = np.searchsorted(r, np.arange(len(kept) + 1))  # r is sorted: each row's entries are one slice
        for row, ti in zip(*np.nonzero(p >= self.threshold)):
            si = kept[row]
            s = seg.sentences[si]
            lo, hi = bounds[row], bounds[row + 1]
            contrib = vals[lo:hi] * self.coef_t[c[lo:hi], ti]
            words = ", ".join(self._words[c[lo + k]] for k in np.argsort(-contrib)[:3])
            thr = float(self.threshold[ti])
            score = float(round(min(1.0, 0.5 + 0.5 * (p[row, ti] - thr) / (1 - thr)), 3))
            hits.append(ClauseHit(
                topic=self.topics[ti], clause_id=seg.clauses[seg.sentence_clause[si]].id, start=s.start,
                end=s.end, score=score, source=self.name,
                explanation=(Explanation(self.name, f"p={p[row, ti]:.2f} ≥ {thr:.2f}; top features: {words}",
                                         0.0, score),),
            ))
        return hits


def _artifact(name: str, override: str) -> Path:
    """The shipped artifact, or the file an environment variable names (for held-out experiments)."""
    return Path(os.environ.get(override) or str(resources.files("termguard") / "models" / name))


@lru_cache(maxsize=1)
def load_shipped() -> tuple[TfidfRecognizer, ...]:
    """The clause classifier (CUAD/CLAUDETTE topics) and the answer tagger (answer-key topics), when present."""
    paths = (_artifact(ARTIFACT, "TERMGUARD_CLAUSE_MODEL"), _artifact(ANSWER_ARTIFACT, "TERMGUARD_ANSWER_MODEL"))
    return tuple(TfidfRecognizer(p) for p in paths if p.exists())
