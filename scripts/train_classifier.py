#!/usr/bin/env python3
"""Train the clause classifier that runs beside the rules, and write the shipped artifact.

    pip install -e ".[train]"   # scikit-learn, training only; inference needs numpy alone
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
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
from tfidf_training import fit_topics, pick_threshold, topic_examples, write_artifact

from termguard.classify.ml import MODEL_TOPICS, TOKEN_PATTERN, is_held_out
from termguard.evaluate.data import LabelledDoc, claudette_docs, cuad_docs, default_data_dir
from termguard.segment import segment

ROOT = Path(__file__).resolve().parent.parent


def sentences_with_labels(doc: LabelledDoc) -> tuple[list[str], list[set[str]]]:
    seg = segment(doc.document())
    text = seg.view(doc.text)  # the matching view: what the recognizer reads at review time
    spans = defaultdict(list)
    for s in doc.spans:
        spans[s.topic].append((s.start, s.end))
    texts, labels = [], []
    for s in seg.sentences:
        if s.end - s.start < 15:
            continue
        texts.append(text[s.start:s.end])
        labels.append({t for t, ss in spans.items() if any(a < s.end and s.start < b for a, b in ss)})
    return texts, labels


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

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
    ex_texts, ex_labels, ex_groups = topic_examples(MODEL_TOPICS)
    texts, labels, groups = texts + ex_texts, labels + ex_labels, groups + ex_groups
    print(f"{len(texts)} training sentences from {len(set(groups))} documents; {held} documents held out "
          f"({time.time() - t0:.1f}s)", file=sys.stderr)
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=3, sublinear_tf=True,
                          max_features=a.max_features, dtype=np.float32)
    X = vec.fit_transform(texts)  # noqa: N806 — the usual name for a feature matrix
    coefs, intercepts, thresholds, card = fit_topics(
        X, labels, groups, MODEL_TOPICS, lambda: LogisticRegression(C=8.0, max_iter=3000), folds=4,
        threshold=lambda proba, y: pick_threshold(proba, y, min_precision=0.7, lowest=0.2, fallback=None))
    write_artifact(a.out, vec, coefs, intercepts, thresholds, MODEL_TOPICS, {
        "name": "clause-tfidf", "version": "1", "features": len(vec.idf_), "training_sentences": len(texts),
        "held_out_documents": held, "split": "document id hash fold 0 of 5 held out (termguard.classify.ml.is_held_out)",
        "cross_validation": "GroupKFold(4) by document on the training documents", "topics": card})
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
