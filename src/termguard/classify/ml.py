"""The shipped clause classifier: TF-IDF word 1–2-grams + one logistic regression per topic, numpy inference.

Trained by `scripts/train_classifier.py` (scikit-learn, training only); the artifact
`models/clause-tfidf-v1.npz` (vocabulary, idf, weights, per-topic thresholds) loads offline in milliseconds.
It only covers topics with labelled corpus data (CUAD, CLAUDETTE); the rules cover every topic. Its hits say
`model:clause-tfidf` and carry the top-weighted features as their explanation.
"""

from __future__ import annotations

import hashlib
import math
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


def is_held_out(doc_id: str) -> bool:
    """Document-level split: fold 0 of 5 by a hash of the id is never trained on."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0


class TfidfRecognizer:
    name = "model:clause-tfidf"
    version = "1"

    def __init__(self, path: Path) -> None:
        z = np.load(path, allow_pickle=False)
        self.vocab = {str(w): i for i, w in enumerate(z["vocabulary"])}
        self.idf = z["idf"].astype(np.float32)
        self.coef = z["coef"].astype(np.float32)  # topics × features
        self.coef_t = np.ascontiguousarray(self.coef.T)
        self.intercept = z["intercept"]
        self.threshold = z["threshold"]
        self.topics = tuple(str(t) for t in z["topics"])
        self._rx = re.compile(TOKEN_PATTERN)
        self._words = list(self.vocab)

    def _features(self, sentence: str) -> tuple[np.ndarray, np.ndarray]:
        toks = self._rx.findall(sentence.lower())
        counts: dict[int, int] = {}
        vocab = self.vocab
        for i, t in enumerate(toks):
            j = vocab.get(t)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
            if i + 1 < len(toks):
                j = vocab.get(t + " " + toks[i + 1])
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        vals = tf * self.idf[idx]
        vals /= np.linalg.norm(vals) or 1.0
        return idx, vals

    def probabilities(self, sentence: str) -> np.ndarray:
        idx, vals = self._features(sentence)
        z = self.intercept + (vals @ self.coef_t[idx] if len(idx) else 0.0)
        return 1.0 / (1.0 + np.exp(-z))

    def analyze(self, doc: Document, seg: Segmentation) -> list[ClauseHit]:
        hits = []
        text = doc.text
        for si, s in enumerate(seg.sentences):
            if s.end - s.start < 15:
                continue
            sentence = text[s.start:s.end]
            idx, vals = self._features(sentence)
            if not len(idx):
                continue
            contrib = vals[:, None] * self.coef_t[idx]  # features × topics
            z = self.intercept + contrib.sum(axis=0)
            p = 1.0 / (1.0 + np.exp(-z))
            for ti in np.nonzero(p >= self.threshold)[0]:
                top = np.argsort(-contrib[:, ti])[:3]
                words = ", ".join(self._words[idx[k]] for k in top)
                score = float(round(min(1.0, 0.5 + 0.5 * (p[ti] - self.threshold[ti]) / (1 - self.threshold[ti])), 3))
                hits.append(ClauseHit(
                    topic=self.topics[ti], clause_id=seg.clauses[seg.sentence_clause[si]].id, start=s.start,
                    end=s.end, score=score, source=self.name,
                    explanation=(Explanation(self.name, f"p={p[ti]:.2f} ≥ {self.threshold[ti]:.2f}; top features: "
                                             f"{words}", 0.0, score),),
                ))
        return hits


@lru_cache(maxsize=1)
def load_shipped() -> TfidfRecognizer | None:
    path = Path(str(resources.files("termguard") / "models" / ARTIFACT))
    return TfidfRecognizer(path) if path.exists() else None
