#!/usr/bin/env python3
"""Train the answer tagger: a sentence classifier for the 17 answer-key topics, and write the shipped artifact.

    pip install scikit-learn   # training only; inference needs numpy alone
    python scripts/train_answer_tagger.py [--data ../shared/data] [--out src/termguard/models/answer-tfidf-v1.npz]

Why: on documents written in words the cue patterns do not know ("Verbalis will inform the Customer without
undue delay after becoming aware of a breach"), the rules tag nothing and the topic reads as silent even when a
position signal would have matched. This model *tags* sentences; the position still comes from the topic's
signals (and a tagged sentence with no signal stays silent for the topics whose ladder has no default).

Data: the sentences quoted as evidence by the answer keys are positives for their topic; every other sentence of
the same document is a negative (noisy: keys quote one to three sentences, not every one on the topic). Keys
used: the expert keys, the project keys for seven more real documents, and the synthetic sets in
`TRAINING_SUFFIXES`. Never used: `HELD_OUT_SUFFIXES` (evaluate/data.py) — the blind sets kept back to measure
generalisation. Threshold per topic by
cross-validation grouped by document (best F1 with precision ≥ 0.6 against those noisy negatives).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from tfidf_training import fit_topics, pick_threshold, topic_examples, write_artifact

from termguard.classify.ml import TOKEN_PATTERN
from termguard.evaluate.data import (
    HELD_OUT_SUFFIXES,
    TRAINING_SUFFIXES,
    AnswerKey,
    default_data_dir,
    training_keys,
)
from termguard.ingest import load
from termguard.segment import segment

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_WEIGHT = 5.0


def key_sentences(key: AnswerKey) -> tuple[list[str], list[set[str]]]:
    """Every sentence of the keyed document, with the topics whose evidence quotes overlap it."""
    doc = load(key.path)
    seg = segment(doc)
    text = seg.view(doc.text)  # train on the matching view: what the recognizer will see
    spans: list[tuple[str, int, int]] = []
    for topic, lab in key.labels.items():
        for quote in lab.get("evidence", []):
            at = doc.text.find(quote)
            if at >= 0:
                spans.append((topic, at, at + len(quote)))
    texts, labels = [], []
    for s in seg.sentences:
        if s.end - s.start < 15:
            continue
        texts.append(text[s.start:s.end])
        labels.append({t for t, a, b in spans if a < s.end and s.start < b})
    return texts, labels


def main() -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "termguard" / "models" / "answer-tfidf-v1.npz")
    ap.add_argument("--min-precision", type=float, default=0.6)
    ap.add_argument("--fill-only", action="store_true",
                    help="let the tagger tag only topics no rule tagged (the earlier design; for comparison)")
    ap.add_argument("--leave-out", action="append", default=[], metavar="SET",
                    help="also leave out a key set (expert, project, or a synthetic suffix such as _blind2), to "
                         "measure the tagger on it held out; repeatable")
    a = ap.parse_args()
    data = a.data or default_data_dir()
    left = set(a.leave_out)
    keys = training_keys(data, left)
    if not keys:
        print(f"no answer keys found (data at {data})", file=sys.stderr)
        return 2
    t0 = time.time()
    topics = sorted({t for k in keys for t in k.labels})
    texts: list[str] = []
    labels: list[set[str]] = []
    groups: list[str] = []
    for key in keys:
        ts, ls = key_sentences(key)
        texts += ts
        labels += ls
        groups += [key.doc_id] * len(ts)
    ex_texts, ex_labels, ex_groups = topic_examples(topics)
    texts, labels, groups = texts + ex_texts, labels + ex_labels, groups + ex_groups
    print(f"{len(texts)} sentences from {len(keys)} keyed documents and the topic examples "
          f"({time.time() - t0:.1f}s)", file=sys.stderr)
    # The topic files' examples are curated (a no-match example is a known false positive): they weigh more
    # than one sentence of a keyed document.
    weights = np.array([EXAMPLE_WEIGHT if g.startswith("examples:") else 1.0 for g in groups])
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                          max_features=20000, dtype=np.float32)
    X = vec.fit_transform(texts)  # noqa: N806 — the usual name for a feature matrix
    coefs, intercepts, thresholds, card = fit_topics(
        X, labels, groups, topics, lambda: LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced"),
        folds=5, weights=weights, card_digits=3,
        # none reaching the precision floor: the highest threshold tried, so the model tags little
        threshold=lambda proba, y: pick_threshold(proba, y, a.min_precision, lowest=0.3, fallback=0.95))
    write_artifact(a.out, vec, coefs, intercepts, thresholds, topics, {
        "name": "answer-tfidf", "version": "1", "features": len(vec.idf_), "training_sentences": len(texts),
        "keyed_documents": len(keys),
        "trained_on": [n for n in ("expert", "project") if n not in left]
                      + [f"synthetic_keys{s}" for s in TRAINING_SUFFIXES if s not in left],
        "never_trained_on": [f"synthetic_keys{s}" for s in HELD_OUT_SUFFIXES] + sorted(left),
        "cross_validation": "GroupKFold(5) by document", "topics": card},
        name=np.array("answer-tfidf"), fills_silence=np.array(a.fill_only))
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
