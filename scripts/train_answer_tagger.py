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
import json
import sys
import time
from pathlib import Path

import numpy as np

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
from termguard.topics import load_catalogue

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
    from sklearn.model_selection import GroupKFold, cross_val_predict

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
    for topic in load_catalogue():  # the topic files' own examples
        for ex in topic.examples.match:
            texts.append(ex.text)
            labels.append({topic.id} if topic.id in topics else set())
            groups.append(f"examples:{topic.id}")
        for ex in topic.examples.no_match:
            texts.append(ex.text)
            labels.append(set())
            groups.append(f"examples:{topic.id}")
    print(f"{len(texts)} sentences from {len(keys)} keyed documents and the topic examples "
          f"({time.time() - t0:.1f}s)", file=sys.stderr)
    # The topic files' examples are curated (a no-match example is a known false positive): they weigh more
    # than one sentence of a keyed document.
    weights = np.array([EXAMPLE_WEIGHT if g.startswith("examples:") else 1.0 for g in groups])
    vec = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                          max_features=20000, dtype=np.float32)
    X = vec.fit_transform(texts)  # noqa: N806 — the usual name for a feature matrix
    coefs, intercepts, thresholds, card = [], [], [], {}
    gkf = GroupKFold(n_splits=5)
    for topic in topics:
        y = np.array([topic in ls for ls in labels], dtype=np.int8)
        clf = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced")
        proba = cross_val_predict(clf, X, y, groups=groups, cv=gkf, method="predict_proba",
                                  params={"sample_weight": weights})[:, 1]
        thr = pick_threshold(proba, y, a.min_precision)
        clf.fit(X, y, sample_weight=weights)
        coefs.append(clf.coef_[0].astype(np.float32))
        intercepts.append(float(clf.intercept_[0]))
        thresholds.append(thr)
        pred = proba >= thr
        tp = int((pred & (y == 1)).sum())
        card[topic] = {"positives": int(y.sum()), "threshold": thr,
                       "cv_precision": round(tp / max(1, int(pred.sum())), 3),
                       "cv_recall": round(tp / max(1, int(y.sum())), 3)}
        print(f"{topic:<28} pos {int(y.sum()):4d} thr {thr:.2f} cv P {card[topic]['cv_precision']:.2f} "
              f"R {card[topic]['cv_recall']:.2f}", file=sys.stderr)
    vocab = vec.get_feature_names_out()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        a.out, name=np.array("answer-tfidf"), fills_silence=np.array(a.fill_only), vocabulary=np.array([str(w) for w in vocab], dtype=str),
        idf=vec.idf_.astype(np.float32), coef=np.stack(coefs).astype(np.float16),
        intercept=np.array(intercepts, dtype=np.float32), threshold=np.array(thresholds, dtype=np.float32),
        topics=np.array(topics, dtype=str),
    )
    a.out.with_suffix(".json").write_text(json.dumps(
        {"name": "answer-tfidf", "version": "1", "features": len(vocab), "training_sentences": len(texts),
         "keyed_documents": len(keys),
         "trained_on": [n for n in ("expert", "project") if n not in left]
                       + [f"synthetic_keys{s}" for s in TRAINING_SUFFIXES if s not in left],
         "never_trained_on": [f"synthetic_keys{s}" for s in HELD_OUT_SUFFIXES] + sorted(left),
         "cross_validation": "GroupKFold(5) by document", "topics": card}, indent=2) + "\n")
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


def pick_threshold(proba: np.ndarray, y: np.ndarray, min_precision: float) -> float:
    """The threshold with the best cross-validated F1 among those with precision ≥ `min_precision`
    (the highest threshold tried when none reaches it: then the model tags little)."""
    best, best_f1 = 0.95, -1.0
    for thr in np.arange(0.3, 0.96, 0.025):
        pred = proba >= thr
        if pred.sum() == 0:
            continue
        tp = (pred & (y == 1)).sum()
        prec, rec = tp / pred.sum(), tp / max(1, y.sum())
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if prec >= min_precision and f1 > best_f1:
            best, best_f1 = thr, f1
    return float(round(best, 3))


if __name__ == "__main__":
    sys.exit(main())
