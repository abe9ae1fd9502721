"""What the two training scripts share: the topic files' examples as training rows, one logistic regression per
topic over a TF-IDF matrix with a cross-validated threshold, and the artifact `classify/ml.py` loads.

Imported by scripts/train_classifier.py and scripts/train_answer_tagger.py (run from the repository root, so this
folder is on sys.path). Needs scikit-learn (`pip install -e ".[train]"`); the review itself needs numpy only.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from termguard.topics import load_catalogue


def topic_examples(topics: Sequence[str]) -> tuple[list[str], list[set[str]], list[str]]:
    """Every topic file's examples: a match example is positive for its topic when that topic is modelled,
    every example is negative for the others; each topic's examples form one cross-validation group."""
    texts: list[str] = []
    labels: list[set[str]] = []
    groups: list[str] = []
    for topic in load_catalogue():
        for ex in topic.examples.match:
            texts.append(ex.text)
            labels.append({topic.id} if topic.id in topics else set())
            groups.append(f"examples:{topic.id}")
        for ex in topic.examples.no_match:
            texts.append(ex.text)
            labels.append(set())
            groups.append(f"examples:{topic.id}")
    return texts, labels, groups


def pick_threshold(proba: np.ndarray, y: np.ndarray, min_precision: float, lowest: float,
                   fallback: float | None) -> float:
    """The threshold with the best cross-validated F1 among those with precision ≥ `min_precision`. When none
    reaches it: `fallback`, or with None the threshold of the best F1 overall."""
    best, best_f1, overall, overall_f1 = None, -1.0, 0.9, -1.0
    for thr in np.arange(lowest, 0.96, 0.025):
        pred = proba >= thr
        if pred.sum() == 0:
            continue
        tp = (pred & (y == 1)).sum()
        prec, rec = tp / pred.sum(), tp / max(1, y.sum())
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > overall_f1:
            overall, overall_f1 = thr, f1
        if prec >= min_precision and f1 > best_f1:
            best, best_f1 = thr, f1
    if best is None:
        best = overall if fallback is None else fallback
    return float(round(best, 3))


def fit_topics(X: Any, labels: list[set[str]], groups: list[str], topics: Sequence[str],  # noqa: N803
               make_classifier: Callable[[], Any], folds: int, threshold: Callable[[np.ndarray, np.ndarray], float],
               weights: np.ndarray | None = None, card_digits: int | None = None
               ) -> tuple[list[np.ndarray], list[float], list[float], dict[str, dict[str, float]]]:
    """One classifier per topic: cross-validated by group to choose its threshold, then fitted on everything.
    Returns coefficients, intercepts, thresholds and a model card (positives, threshold, CV precision/recall)."""
    from sklearn.model_selection import GroupKFold, cross_val_predict

    fit = {} if weights is None else {"sample_weight": weights}
    coefs, intercepts, thresholds, card = [], [], [], {}
    for topic in topics:
        y = np.array([topic in ls for ls in labels], dtype=np.int8)
        clf = make_classifier()
        proba = cross_val_predict(clf, X, y, groups=groups, cv=GroupKFold(n_splits=folds), method="predict_proba",
                                  **({"params": fit} if fit else {}))[:, 1]
        thr = threshold(proba, y)
        clf.fit(X, y, **fit)
        coefs.append(clf.coef_[0].astype(np.float32))
        intercepts.append(float(clf.intercept_[0]))
        thresholds.append(thr)
        pred = proba >= thr
        tp = int((pred & (y == 1)).sum())
        precision, recall = tp / max(1, int(pred.sum())), tp / max(1, int(y.sum()))
        if card_digits is not None:
            precision, recall = round(precision, card_digits), round(recall, card_digits)
        card[topic] = {"positives": int(y.sum()), "threshold": thr, "cv_precision": precision, "cv_recall": recall}
        print(f"{topic:<28} pos {int(y.sum()):5d} thr {thr:.2f} cv P {precision:.2f} R {recall:.2f}", file=sys.stderr)
    return coefs, intercepts, thresholds, card


def write_artifact(out: Path, vec: Any, coefs: list[np.ndarray], intercepts: list[float], thresholds: list[float],
                   topics: Sequence[str], card: dict[str, Any], **arrays: np.ndarray) -> None:
    """The .npz `classify/ml.py` loads (no pickle) and its .json model card beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out, **arrays, vocabulary=np.array([str(w) for w in vec.get_feature_names_out()], dtype=str),
        idf=vec.idf_.astype(np.float32), coef=np.stack(coefs).astype(np.float16),
        intercept=np.array(intercepts, dtype=np.float32), threshold=np.array(thresholds, dtype=np.float32),
        topics=np.array(list(topics), dtype=str),
    )
    out.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n")
