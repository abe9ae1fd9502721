"""Run the evaluation: the real review on every labelled document, then the tables."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from termguard.evaluate.data import (
    CLAUDETTE_TOPICS,
    CUAD_TOPICS,
    AnswerKey,
    LabelledDoc,
    answer_keys,
    claudette_docs,
    cuad_docs,
    project_keys,
    synthetic_keys,
    synthetic_suffixes,
)
from termguard.evaluate.metrics import AnswerScore, DetectionScore, TopicCounts
from termguard.model import Document, TextMap
from termguard.pipeline import analyse

Progress = Callable[[str, int, int | None], None]


@dataclass
class EvalResult:
    data_dir: str
    model: str
    detection: dict[str, DetectionScore] = field(default_factory=dict)
    answers: AnswerScore | None = None
    extra_answers: dict[str, AnswerScore] = field(default_factory=dict)  # project / synthetic key sets
    skipped: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    split: str = ""

    def to_dict(self) -> dict[str, Any]:
        det = {}
        for name, d in self.detection.items():
            det[name] = {
                "documents": d.documents,
                "macro": {k: d.macro(k) for k in ("span_recall", "clause_precision", "doc_precision",
                                                  "doc_recall", "doc_f1")},
                "topics": {t: {**asdict(tc), "span_recall": tc.span_recall, "clause_precision": tc.clause_precision,
                               "doc_precision": tc.doc_precision, "doc_recall": tc.doc_recall, "doc_f1": tc.doc_f1}
                           for t, tc in sorted(d.topics.items())},
            }
        ans = None
        if self.answers:
            a = self.answers
            ans = {"items": a.items, "position_accuracy": a.right / a.items if a.items else None,
                   "high_confidence_accuracy": a.high_right / a.high if a.high else None,
                   "high_items": a.high,
                   "parameter_accuracy": a.params_right / a.params if a.params else None, "parameters": a.params,
                   "evidence_agreement": a.evidence_right / a.evidence if a.evidence else None,
                   "per_topic": {t: {"items": n, "right": r} for t, (n, r) in sorted(a.per_topic.items())},
                   "misses": a.misses}
        extra = {name: _answer_dict(a) for name, a in self.extra_answers.items()}
        return {"schema": "termguard.eval/1", "data_dir": self.data_dir, "model": self.model, "split": self.split,
                "detection": det, "answers": ans, "extra_answers": extra, "skipped": self.skipped,
                "seconds": self.seconds}


def _answer_dict(a: AnswerScore) -> dict[str, Any]:
    return {"items": a.items, "position_accuracy": a.right / a.items if a.items else None,
            "high_confidence_accuracy": a.high_right / a.high if a.high else None, "high_items": a.high,
            "parameter_accuracy": a.params_right / a.params if a.params else None, "parameters": a.params,
            "evidence_agreement": a.evidence_right / a.evidence if a.evidence else None,
            "per_topic": {t: {"items": n, "right": r} for t, (n, r) in sorted(a.per_topic.items())},
            "misses": a.misses}


def score_keys(keys: list[AnswerKey], progress: Progress | None = None, name: str = "answers",
               only: set[str] | None = None) -> AnswerScore:
    """Review each keyed document and compare every labelled topic (or only those in `only`)."""
    score = AnswerScore()
    for i, key in enumerate(keys, 1):
        text = key.path.read_text(encoding="utf-8")
        doc = Document(str(key.path), hashlib.sha256(text.encode()).hexdigest(), "markdown", text,
                       TextMap.build(text))
        score.add(key.doc_id, key.labels, analyse(doc), only)
        if progress:
            progress(name, i, len(keys))
    return score


def _detect_one(args: tuple[LabelledDoc, tuple[str, ...]]) -> dict[str, TopicCounts]:
    doc, topics = args
    score = DetectionScore("one")
    score.add(doc, analyse(doc.document()), set(topics))
    return dict(score.topics)


def _detection(name: str, docs: Iterable[LabelledDoc], topics: set[str], jobs: int,
               progress: Progress | None) -> DetectionScore:
    score = DetectionScore(name)
    work = ((d, tuple(sorted(topics))) for d in docs)
    results: Iterable[dict[str, TopicCounts]]
    pool = ProcessPoolExecutor(max_workers=jobs) if jobs > 1 else None
    try:
        results = pool.map(_detect_one, work, chunksize=4) if pool else map(_detect_one, work)
        for i, counts in enumerate(results, 1):
            score.documents += 1
            for t, tc in counts.items():
                acc = score.topics[t]
                for k, v in asdict(tc).items():
                    setattr(acc, k, getattr(acc, k) + v)
            if progress:
                progress(name, i, None)
    finally:
        if pool:
            pool.shutdown()
    return score


def run_eval(data: Path, limit: int | None = None, jobs: int = 1, progress: Progress | None = None,
             only: set[str] | None = None, held_out_only: bool | None = None) -> EvalResult:
    """Measure the review. With the classifier active, the corpus sets are scored only on the documents it
    was not trained on (`held_out_only` defaults to that). The answer tagger is trained on the answer keys except
    the last blind sets, so with it active only those sets measure an unseen document."""
    from termguard.classify.ml import is_held_out
    from termguard.classify.registry import model_name
    from termguard.evaluate.data import HELD_OUT_SUFFIXES, TRAINING_SUFFIXES

    model = model_name()
    res = EvalResult(str(data), f"rules + {model}" if model else "rules only")
    held = bool(model) if held_out_only is None else held_out_only
    res.split = ("corpus sets: held-out documents only (document-id hash fold 0 of 5, never trained on)" if held
                 else "corpus sets: all development documents (rules only: nothing is trained)" if not model
                 else "corpus sets: all development documents, INCLUDING those the classifier was trained on")
    res.split += ("; answer keys: the answer tagger was trained on the expert and project keys and the synthetic "
                  f"sets {', '.join(repr(x) for x in TRAINING_SUFFIXES)} (figures there overstate); "
                  f"{', '.join(HELD_OUT_SUFFIXES)} were never trained or tuned on"
                  if "answer-tfidf" in (model or "") else "; answer keys: rules only (nothing trained on them)")
    keep = (lambda d: is_held_out(d.id)) if held else (lambda d: True)
    sets = only or {"cuad", "claudette", "answers"}
    if "cuad" in sets:
        t0 = time.perf_counter()
        if (data / "cuad" / "cuad_dev.jsonl.gz").exists():
            res.detection["cuad"] = _detection("cuad", (d for d in cuad_docs(data, limit) if keep(d)), set(CUAD_TOPICS.values()), jobs,
                                               progress)
        else:
            res.skipped.append(f"cuad: {data / 'cuad'} not found")
        res.seconds["cuad"] = time.perf_counter() - t0
    if "claudette" in sets:
        t0 = time.perf_counter()
        if (data / "claudette" / "claudette_dev_documents.jsonl.gz").exists():
            res.detection["claudette"] = _detection("claudette", (d for d in claudette_docs(data, limit) if keep(d)),
                                                    set(CLAUDETTE_TOPICS.values()), jobs, progress)
        else:
            res.skipped.append(f"claudette: {data / 'claudette'} not found")
        res.seconds["claudette"] = time.perf_counter() - t0
    if "answers" in sets:
        t0 = time.perf_counter()
        keys = answer_keys(data) if (data / "vendor_terms" / "answers").is_dir() else []
        if keys:
            res.answers = score_keys(keys[:limit] if limit else keys, progress)
        else:
            res.skipped.append(f"answers: no answer keys under {data / 'vendor_terms' / 'answers'}")
        extras = [("project keys", project_keys(data)), ("synthetic contracts", synthetic_keys()),
                  ("blind sets, tuned and trained on", [k for x in TRAINING_SUFFIXES if x for k in synthetic_keys(x)]),
                  ("held-out blind sets", [k for x in HELD_OUT_SUFFIXES for k in synthetic_keys(x)])]
        # A set in neither list (one just written) is shown on its own: measured blind, nothing learnt from it yet.
        extras += [(f"new set {suffix.strip('_')}", synthetic_keys(suffix)) for suffix in synthetic_suffixes()
                   if suffix and suffix not in TRAINING_SUFFIXES and suffix not in HELD_OUT_SUFFIXES]
        for name, extra in extras:
            if extra:
                res.extra_answers[name] = score_keys(extra[:limit] if limit else extra, progress, name)
        res.seconds["answers"] = time.perf_counter() - t0
    return res


def write_json(res: EvalResult, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(res.to_dict(), indent=2), encoding="utf-8")
    tmp.replace(path)
