#!/usr/bin/env python3
"""Train the clause classifier that runs beside the rules, and write the shipped artifact.

    pip install scikit-learn   # training only; inference needs numpy alone
    python scripts/train_classifier.py [--data ../shared/data] [--out src/termguard/models/clause-tfidf-v1.npz]

Data: sentences of CUAD contracts and CLAUDETTE terms (labelled via the category → topic maps in
evaluate/data.py: a sentence is positive for a topic when it overlaps a labelled span), plus the topic files'
own examples. Split by document: a document whose id hashes into fold 0 of 5 is held out (`is_held_out`) and
never trained on; `termguard eval` scores the model on those documents only. Features: TF-IDF over word 1–2-grams
(sublinear tf, l2), one logistic regression per topic; the decision threshold per topic is chosen on the
training documents by cross-validation (best F1 with precision ≥ 0.7).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from termguard.classify.ml import MODEL_TOPICS, TOKEN_PATTERN, is_held_out
from termguard.evaluate.data import LabelledDoc, claudette_docs, cuad_docs, default_data_dir
from termguard.segment import segment
from termguard.topics import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


def sentences_with_labels(doc: LabelledDoc) -> tuple[list[str], list[set[str]]]:
    seg = segment(doc.document())
    spans = defaultdict(list)
    for s in doc.spans:
        spans[s.topic].append((s.start, s.end))
    texts, labels = [], []
    for s in seg.sentences:
        if s.end - s.start < 15:
            continue
        texts.append(doc.text[s.start:s.end])
        labels.append({t for t, ss in spans.items() if any(a < s.end and s.start < b for a, b in ss)})
    return texts, labels


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "termguard" / "models" / "clause-tfidf-v1.npz")
    ap.add_argument("--max-features", type=int, default=30000)
    a = ap.parse_args()
    data = a.data or default_data_dir()
    if not (data / "cuad").is_dir():
        print(f"no training data at {data}", file=sys.stderr)
        return 2
    t0 = time.time()
    texts: list[str] = []
    labels: list[set[str]] = []
    groups: list[str] = []
    held = 0
    for corpus in (cuad_docs(data), claudette_docs(data)):
        for doc in corpus:
            if is_held_out(doc.id):
                held += 1
                continue
            ts, ls = sentences_with_labels(doc)
            texts += ts
            labels += ls
            groups += [doc.id] * len(ts)
    for topic in load_catalogue():  # the topic files' own examples: positives for their topic, negatives for all
        for ex in topic.examples.match:
            texts.append(ex.text)
            labels.append({topic.id} if topic.id in MODEL_TOPICS else set())
            groups.append(f"examples:{topic.id}")
        for ex in topic.examples.no_match:
            texts.append(ex.text)
            labels.append(set())
            groups.append(f"examples:{topic.id}")
    print(f"{len(texts)} training sentences from {len(set(groups))} documents; {held} documents held out "
          f"({time.time() - t0:.1f}s)", file=sys.stderr)
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=3, sublinear_tf=True,
                          max_features=a.max_features, dtype=np.float32)
    X = vec.fit_transform(texts)
    coefs, intercepts, thresholds, card = [], [], [], {}
    gkf = GroupKFold(n_splits=4)
    for topic in MODEL_TOPICS:
        y = np.array([topic in ls for ls in labels], dtype=np.int8)
        clf = LogisticRegression(C=8.0, max_iter=3000)
        proba = cross_val_predict(clf, X, y, groups=groups, cv=gkf, method="predict_proba")[:, 1]
        thr = pick_threshold(proba, y)
        clf.fit(X, y)
        coefs.append(clf.coef_[0].astype(np.float32))
        intercepts.append(float(clf.intercept_[0]))
        thresholds.append(thr)
        pred = proba >= thr
        tp = int((pred & (y == 1)).sum())
        card[topic] = {"positives": int(y.sum()), "threshold": thr,
                       "cv_precision": tp / max(1, int(pred.sum())), "cv_recall": tp / max(1, int(y.sum()))}
        print(f"{topic:<28} pos {int(y.sum()):5d} thr {thr:.2f} cv P {card[topic]['cv_precision']:.2f} "
              f"R {card[topic]['cv_recall']:.2f}", file=sys.stderr)
    vocab = vec.get_feature_names_out()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        a.out, vocabulary=np.array([str(w) for w in vocab], dtype=str), idf=vec.idf_.astype(np.float32), coef=np.stack(coefs).astype(np.float16),
        intercept=np.array(intercepts, dtype=np.float32), threshold=np.array(thresholds, dtype=np.float32),
        topics=np.array(MODEL_TOPICS, dtype=str),
    )
    (a.out.with_suffix(".json")).write_text(json.dumps(
        {"name": "clause-tfidf", "version": "1", "features": len(vocab), "training_sentences": len(texts),
         "held_out_documents": held, "split": "document id hash fold 0 of 5 held out (termguard.classify.ml.is_held_out)",
         "cross_validation": "GroupKFold(4) by document on the training documents", "topics": card}, indent=2))
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


def pick_threshold(proba: np.ndarray, y: np.ndarray, min_precision: float = 0.7) -> float:
    """The threshold with the best cross-validated F1 among those with precision ≥ `min_precision`
    (or the best F1 overall when none reaches it): the model is there for recall, but must not flood."""
    best, best_f1, fallback, fallback_f1 = None, -1.0, 0.9, -1.0
    for thr in np.arange(0.2, 0.96, 0.025):
        pred = proba >= thr
        if pred.sum() == 0:
            continue
        tp = (pred & (y == 1)).sum()
        prec, rec = tp / pred.sum(), tp / max(1, y.sum())
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > fallback_f1:
            fallback, fallback_f1 = thr, f1
        if prec >= min_precision and f1 > best_f1:
            best, best_f1 = thr, f1
    return float(round(best if best is not None else fallback, 3))


if __name__ == "__main__":
    sys.exit(main())
