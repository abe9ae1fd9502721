"""The only module that knows the stage order: ingest → segment → classify → extract/assess → report."""

from __future__ import annotations

import functools
import hashlib
import time
from collections import defaultdict
from pathlib import Path

from termguard import __version__
from termguard.assess.assess import assess_topic, credit
from termguard.assess.playbook import Playbook, load_playbook
from termguard.classify.base import Recognizer
from termguard.classify.merge import fuse
from termguard.classify.registry import recognizers
from termguard.classify.rules import RuleRecognizer
from termguard.model import ClauseHit, Document, Finding, Status
from termguard.model.report import Report, Summary
from termguard.policy import evaluate_data_policy
from termguard.segment import segment
from termguard.topics import load_catalogue, topics_dir


@functools.lru_cache(maxsize=1)
def rules_version() -> str:
    """Hash of every topic file: reports say exactly which rules produced them."""
    h = hashlib.sha256()
    for p in sorted(topics_dir().glob("*.yaml")):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()[:12]


def analyse(doc: Document, playbook: Playbook | str = "strict",
            extra_recognizers: list[Recognizer] | None = None) -> Report:
    """Review an already-ingested document."""
    pb = load_playbook(playbook) if isinstance(playbook, str) else playbook
    t0 = time.perf_counter()
    seg = segment(doc)
    t1 = time.perf_counter()
    hits: list[ClauseHit] = []
    vetoes: dict[str, set[int]] = {}
    recs = recognizers(extra_recognizers)
    for rec in recs:
        if isinstance(rec, RuleRecognizer):
            vetoes[rec.topic.id] = rec.excluded(doc, seg)
        hits.extend(rec.analyze(doc, seg))
    # A topic's exclusions ("we may audit your records" is not an audit right) veto every source, models too.
    hits = [h for h in hits if seg.sentence_index(h.start) not in vetoes.get(h.topic, ())]
    hits = _fill_silence_only(hits, recs)
    fused = fuse(hits)
    t2 = time.perf_counter()
    findings = [assess_topic(t, doc, seg, fused.get(t.id, {}), pb, vetoes.get(t.id, set())) for t in load_catalogue()]
    t3 = time.perf_counter()
    by_clause: dict[str, list[ClauseHit]] = defaultdict(list)
    for topic_hits in fused.values():
        for h in topic_hits.values():
            by_clause[h.clause_id].append(h)
    return Report(
        document=doc,
        playbook_name=pb.name,
        playbook_version=pb.version,
        playbook_sha256=hashlib.sha256(pb.model_dump_json().encode()).hexdigest()[:12],
        summary=summarise(findings, pb),
        findings=tuple(findings),
        clauses=seg.clauses,
        clause_topics={k: tuple(sorted(v, key=lambda h: -h.score)) for k, v in by_clause.items()},
        definitions=seg.definitions,
        warnings=doc.warnings,
        tool_version=__version__,
        rules_version=rules_version(),
        timings={"segment": t1 - t0, "classify": t2 - t1, "assess": t3 - t2},
        data_policy=evaluate_data_policy(doc, pb, findings),
    )


def _fill_silence_only(hits: list[ClauseHit], recs: list[Recognizer]) -> list[ClauseHit]:
    """Drop the tags of fill-in recognizers (the answer tagger) on topics another source already tagged."""
    fillers = {r.name for r in recs if getattr(r, "fills_silence", False)}
    if not fillers:
        return hits
    tagged = {h.topic for h in hits if h.source.split("/")[0] not in fillers}
    return [h for h in hits if h.source.split("/")[0] not in fillers or h.topic not in tagged]


def summarise(findings: list[Finding], pb: Playbook) -> Summary:
    counts = {s.value: 0 for s in Status}
    total = got = 0.0
    for f in findings:
        counts[f.status.value] += 1
        policy = pb.policy(f.topic)
        w = policy.weight if policy else 0.0
        total += w
        got += w * credit(f.status)
    score = round(100.0 * got / total, 1) if total else 0.0
    grade = next(g for g, floor in (("A", 85), ("B", 70), ("C", 55), ("D", 40), ("F", -1)) if score >= floor)
    return Summary(score, grade, counts)


def review(path: str | Path, playbook: Playbook | str = "strict") -> Report:
    """Read a file and review it. Raises IngestError for files that cannot be read."""
    from termguard.ingest import load

    t0 = time.perf_counter()
    doc = load(path)
    t1 = time.perf_counter()
    rep = analyse(doc, playbook)
    rep.timings["ingest"] = t1 - t0
    return rep
