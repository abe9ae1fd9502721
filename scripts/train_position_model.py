#!/usr/bin/env python3
"""Train the position model (assess/position_model.py) and write the shipped artifact.

    pip install -e ".[train]"
    python scripts/train_position_model.py [--data ../shared/data] [--out src/termguard/models/position-tfidf-v1.npz]

Items: for every answer-key label that is not `silent`, the text of its evidence quotes (read in the matching
view, as the review sees it) labelled with the key's position; for a `silent` label, the sentences the review
tags with the topic anyway, labelled `silent`; plus every topic-file example that names a position. Keys: `training_keys` (expert, project, synthetic "", _blind, _blind2; never _blind3/_blind4).
One multinomial logistic regression per topic over a shared TF-IDF vocabulary. The threshold a prediction must
clear is one number for all topics (`--threshold`), chosen by the leave-one-set-out runs in docs/accuracy.md.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from termguard.assess.position_model import TOKEN_PATTERN
from termguard.evaluate.data import HELD_OUT_SUFFIXES, AnswerKey, default_data_dir, training_keys
from termguard.ingest import load
from termguard.pipeline import analyse
from termguard.segment import segment
from termguard.topics import load_catalogue

ROOT = Path(__file__).resolve().parent.parent


def key_items(key: AnswerKey) -> list[tuple[str, str, str]]:
    """(topic, position, text in the matching view) for each label of a key: the evidence quotes of a position;
    for a `silent` label, the sentences the review tags with the topic anyway (mentions that take no position
    are what the model must learn to leave silent)."""
    doc = load(key.path)
    view = segment(doc).view(doc.text)
    report = analyse(doc)  # the position model is switched off in main(): tags from rules and classifiers only
    tagged: dict[str, list[tuple[int, int]]] = {}
    for hits in report.clause_topics.values():
        for h in hits:
            tagged.setdefault(h.topic, []).append((h.start, h.end))
    out = []
    for topic, lab in key.labels.items():
        if lab["position"] == "silent":
            spans = sorted(set(tagged.get(topic, [])))
            if spans:
                out.append((topic, "silent", " ".join(view[a:b] for a, b in spans)))
            continue
        parts = []
        for quote in lab.get("evidence", []):
            at = doc.text.find(quote)
            parts.append(view[at:at + len(quote)] if at >= 0 else quote)
        if parts:
            out.append((topic, lab["position"], " ".join(parts)))
    return out


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "termguard" / "models" / "position-tfidf-v1.npz")
    ap.add_argument("--threshold", type=float, default=0.6)
    ap.add_argument("--leave-out", action="append", default=[], metavar="SET",
                    help="also leave out a key set (expert, project, or a synthetic suffix), to measure on it")
    a = ap.parse_args()
    os.environ["TERMGUARD_POSITION_MODEL"] = "/nonexistent"  # the tags it learns from must not depend on itself
    data = a.data or default_data_dir()
    left = set(a.leave_out)
    keys = training_keys(data, left)
    if not keys:
        print(f"no answer keys found (data at {data})", file=sys.stderr)
        return 2
    t0 = time.time()
    keyed_topics = sorted({t for k in keys for t in k.labels})
    items = [it for k in keys for it in key_items(k)]
    for topic in load_catalogue():
        if topic.id in keyed_topics:
            items += [(topic.id, ex.position, ex.text) for ex in topic.examples.match if ex.position]
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                          max_features=30000, dtype=np.float32)
    X = vec.fit_transform([t for _, _, t in items])
    labels: list[str] = []
    coefs: list[np.ndarray] = []
    intercepts: list[float] = []
    card = {}
    for topic in keyed_topics:
        idx = [i for i, (t, _, _) in enumerate(items) if t == topic]
        y = [items[i][1] for i in idx]
        counts = Counter(y)
        if len(counts) < 2:
            continue
        clf = LogisticRegression(C=10.0, max_iter=5000)
        clf.fit(X[idx], y)
        classes = [str(c) for c in clf.classes_]
        w, b = clf.coef_.astype(np.float32), clf.intercept_.astype(np.float32)
        if len(classes) == 2:  # binary: write it as a two-row softmax with the same probabilities
            w, b = np.vstack([-w[0] / 2, w[0] / 2]), np.array([-b[0] / 2, b[0] / 2], dtype=np.float32)
        for row, cls in enumerate(classes):
            labels.append(f"{topic}\t{cls}")
            coefs.append(w[row])
            intercepts.append(float(b[row]))
        card[topic] = {"items": len(idx), "positions": dict(counts)}
        print(f"{topic:<28} items {len(idx):4d} {dict(counts)}", file=sys.stderr)
    topics = sorted(card)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        a.out, vocabulary=np.array([str(w) for w in vec.get_feature_names_out()], dtype=str),
        idf=vec.idf_.astype(np.float32), coef=np.stack(coefs).astype(np.float16),
        intercept=np.array(intercepts, dtype=np.float32), labels=np.array(labels, dtype=str),
        threshold_topics=np.array(topics, dtype=str), thresholds=np.full(len(topics), a.threshold, dtype=np.float32),
    )
    a.out.with_suffix(".json").write_text(json.dumps(
        {"name": "position-tfidf", "version": "1", "items": len(items), "keyed_documents": len(keys),
         "threshold": a.threshold, "never_trained_on": [f"synthetic_keys{s}" for s in HELD_OUT_SUFFIXES] + sorted(left),
         "topics": card}, indent=2) + "\n")
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB) from {len(items)} items in {time.time() - t0:.0f}s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
