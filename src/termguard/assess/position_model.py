"""The position model: what a tagged topic's sentences say, when no position signal matched them.

The topic files' signals decide positions. When the rules or a model tagged a topic but none of its signals
matched (wording the patterns do not know), the finding used to be `silent`. This model reads the tagged
sentences (in the matching view) and names the most likely position; it is used only when its probability
clears the topic's threshold, and every such finding says so in its detection log and sources.

Trained by `scripts/train_position_model.py` (scikit-learn, training only) on the evidence quotes of the answer
keys and the topic files' own examples, each labelled with its position; the artifact
`models/position-tfidf-v1.npz` holds a TF-IDF vocabulary and one multinomial logistic regression per topic,
and loads with numpy alone.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

ARTIFACT = "position-tfidf-v1.npz"
NAME = "model:position-tfidf"
TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # the same tokens as the classifiers (classify/ml.py)


class PositionModel:
    version = "1"

    def __init__(self, path: Path) -> None:
        z = np.load(path, allow_pickle=False)
        self.vocab = {str(w): i for i, w in enumerate(z["vocabulary"])}
        self.idf = z["idf"].astype(np.float32)
        coef = z["coef"].astype(np.float32)
        intercept = z["intercept"].astype(np.float32)
        labels = [str(x) for x in z["labels"]]  # "topic\tposition", rows of coef in topic blocks
        self.thresholds = {str(t): float(v) for t, v in zip(z["threshold_topics"], z["thresholds"])}
        self._by_topic: dict[str, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        for topic in dict.fromkeys(lab.split("\t")[0] for lab in labels):
            rows = [i for i, lab in enumerate(labels) if lab.split("\t")[0] == topic]
            self._by_topic[topic] = (coef[rows], intercept[rows], [labels[i].split("\t")[1] for i in rows])
        self._rx = re.compile(TOKEN_PATTERN)

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(self._by_topic)

    def _vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        toks = self._rx.findall(text.lower())
        grams = toks + [a + " " + b for a, b in zip(toks, toks[1:])]
        ids = [i for i in map(self.vocab.get, grams) if i is not None]
        if not ids:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float32)
        cols, counts = np.unique(np.asarray(ids, dtype=np.int64), return_counts=True)
        vals = (1.0 + np.log(counts)).astype(np.float32) * self.idf[cols]
        vals /= max(float(np.sqrt((vals * vals).sum())), 1e-9)
        return cols, vals

    def predict(self, topic: str, text: str) -> tuple[str, float] | None:
        """The most likely position and its probability, or None when the topic is not modelled or the text
        has no known word. Thresholds are the caller's business (`accepts`)."""
        got = self._by_topic.get(topic)
        if got is None:
            return None
        coef, intercept, positions = got
        cols, vals = self._vector(text)
        if not len(cols):
            return None
        z = intercept + coef[:, cols] @ vals
        if len(positions) == 1:
            return positions[0], float(1.0 / (1.0 + np.exp(-z[0])))
        p = np.exp(z - z.max())
        p /= p.sum()
        best = int(np.argmax(p))
        return positions[best], float(p[best])

    def accepts(self, topic: str, probability: float) -> bool:
        return probability >= self.thresholds.get(topic, 1.1)


@lru_cache(maxsize=1)
def load_position_model() -> PositionModel | None:
    """The shipped model, or the file TERMGUARD_POSITION_MODEL names; None when absent or TERMGUARD_NO_MODEL is
    set (rules only)."""
    if os.environ.get("TERMGUARD_NO_MODEL"):
        return None
    path = Path(os.environ.get("TERMGUARD_POSITION_MODEL") or str(resources.files("termguard") / "models" / ARTIFACT))
    if not path.exists():
        return None
    try:
        return PositionModel(path)
    except Exception:  # noqa: BLE001 — a damaged artifact must not stop reviews: the rules decide alone
        return None
