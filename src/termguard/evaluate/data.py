"""Loaders for the reference data sets, and the category → topic maps of shared/data/README.md."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from termguard.model import Document, TextMap

CUAD_TOPICS: dict[str, str] = {
    "Audit Rights": "audit-rights",
    "Cap On Liability": "liability.cap",
    "Uncapped Liability": "liability.cap",
    "Governing Law": "commercial.governing-law",
    "Termination For Convenience": "commercial.termination",
    "Renewal Term": "commercial.renewal",
    "Notice Period To Terminate Renewal": "commercial.renewal",
    "Anti-Assignment": "commercial.assignment",
    "Change Of Control": "commercial.assignment",
    "Warranty Duration": "commercial.warranty",
    "Ip Ownership Assignment": "ownership.inputs-outputs",
    "Joint Ip Ownership": "ownership.inputs-outputs",
    "Liquidated Damages": "remedies.termination",
}
# CLAUDETTE tags carry a fairness digit (ltd2, ch3): the letters name the kind.
CLAUDETTE_TOPICS: dict[str, str] = {
    "ltd": "liability.cap",
    "ch": "change-of-terms",
    "ter": "commercial.termination",
    "law": "commercial.governing-law",
    "j": "commercial.governing-law",
    "a": "commercial.governing-law",
}


def default_data_dir() -> Path:
    env = os.environ.get("TERMGUARD_DATA")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for up in here.parents:
        cand = up.parent / "shared" / "data"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "data"


@dataclass(frozen=True)
class Span:
    topic: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class LabelledDoc:
    id: str
    text: str
    spans: tuple[Span, ...]

    def document(self, fmt: str = "text") -> Document:
        return Document(self.id, hashlib.sha256(self.text.encode()).hexdigest(), fmt, self.text,
                        TextMap.build(self.text))


def cuad_docs(data: Path, limit: int | None = None) -> Iterator[LabelledDoc]:
    path = data / "cuad" / "cuad_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            d = json.loads(line)
            spans = tuple(Span(CUAD_TOPICS[cat], s["start"], s["end"], cat)
                          for cat, ss in d["labels"].items() if cat in CUAD_TOPICS for s in ss
                          if s.get("end", 0) > s.get("start", 0))
            yield LabelledDoc(d["id"], d["text"], spans)


def claudette_docs(data: Path, limit: int | None = None) -> Iterator[LabelledDoc]:
    path = data / "claudette" / "claudette_dev_documents.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            d = json.loads(line)
            spans = []
            for s in d["spans"]:
                kind = s["tag"].rstrip("0123456789")
                if kind in CLAUDETTE_TOPICS:
                    spans.append(Span(CLAUDETTE_TOPICS[kind], s["start"], s["end"], s["tag"]))
            yield LabelledDoc(d["doc"], d["text"], tuple(spans))


@dataclass(frozen=True)
class AnswerKey:
    doc_id: str
    path: Path
    labels: dict[str, dict]


def answer_keys(data: Path) -> list[AnswerKey]:
    """The expert answer keys of the shared data."""
    vt = data / "vendor_terms"
    return keys_from(vt / "answers", vt / "docs")


def repo_fixtures() -> Path | None:
    """tests/fixtures of a source checkout (the project's own keys live there), or None when installed."""
    for up in Path(__file__).resolve().parents:
        cand = up / "tests" / "fixtures"
        if cand.is_dir() and (up / "pyproject.toml").exists():
            return cand
    return None


def _offset_keys(keys_dir: Path, doc_path: Callable[[str], Path]) -> list[AnswerKey]:
    """Keys whose evidence is {start, end} offsets (no vendor text committed): turned back into quotes."""
    out = []
    for f in sorted(keys_dir.glob("*.json")):
        key = json.loads(f.read_text(encoding="utf-8"))
        path = doc_path(key["doc_id"])
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        labels = {}
        for topic, lab in key["labels"].items():
            ev = [text[e["start"]:e["end"]] if isinstance(e, dict) else e for e in lab.get("evidence", [])]
            labels[topic] = {**lab, "evidence": ev}
        out.append(AnswerKey(key["doc_id"], path, labels))
    return out


def keys_from(keys_dir: Path, docs_dir: Path) -> list[AnswerKey]:
    """Any key folder: doc ids `vendor/document/version` read docs_dir/vendor/document/version.md, and
    `synthetic/<slug>/1` read docs_dir/<slug>.md; evidence may be quotes or offsets."""

    def path(doc_id: str) -> Path:
        vendor, doc, ver = doc_id.split("/")
        return docs_dir / f"{doc}.md" if vendor == "synthetic" else docs_dir / vendor / doc / f"{ver}.md"

    return _offset_keys(keys_dir, path)


def project_keys(data: Path) -> list[AnswerKey]:
    """The project's blind keys for vendor documents that have no expert key (evidence as offsets)."""
    fx = repo_fixtures()
    if fx is None or not (fx / "project_keys").is_dir():
        return []
    return keys_from(fx / "project_keys", data / "vendor_terms" / "docs")


def synthetic_keys(suffix: str = "") -> list[AnswerKey]:
    """Project-written contracts in other vendors' styles, with the project's keys (both in the repository).

    `suffix="_blind"`, `"_blind2"`, …: sets written blind by people who never saw the rules. Those in
    TRAINING_SUFFIXES were measured blind once, then tuned and trained on; those in HELD_OUT_SUFFIXES never are
    (docs/accuracy.md).
    """
    fx = repo_fixtures()
    if fx is None or not (fx / f"synthetic_keys{suffix}").is_dir():
        return []
    return keys_from(fx / f"synthetic_keys{suffix}", fx / f"synthetic_contracts{suffix}")


def synthetic_suffixes() -> list[str]:
    """"" for the tuned synthetic set, then "_blind", "_blind2", … for the sets written blind."""
    fx = repo_fixtures()
    if fx is None:
        return []
    return sorted(p.name[len("synthetic_keys"):] for p in fx.glob("synthetic_keys*") if p.is_dir())


# The key sets the shipped models may learn from, and those kept back to measure an unseen document.
TRAINING_SUFFIXES = ("", "_blind", "_blind2", "_blind5", "_blind6", "_blind7", "_blind8", "_blind10", "_blind11",
                     "_blind12", "_blind13", "_blind16", "_blind17", "_blind18", "_blind19", "_blind21", "_blind22",
                     "_blind23", "_blind25", "_blind26", "_blind27", "_blind29", "_blind30", "_blind31", "_blind33",
                     "_blind34", "_blind35")
HELD_OUT_SUFFIXES = ("_blind3", "_blind4", "_blind9", "_blind14", "_blind15", "_blind20", "_blind24", "_blind28",
                     "_blind32", "_blind36")


def training_keys(data: Path, leave_out: set[str] | frozenset[str] = frozenset()) -> list[AnswerKey]:
    """Keys for training the answer models: expert, project and the synthetic sets in TRAINING_SUFFIXES, minus
    any named in `leave_out` ("expert", "project", or a suffix) — never the HELD_OUT_SUFFIXES sets."""
    return [*(answer_keys(data) if "expert" not in leave_out else []),
            *(project_keys(data) if "project" not in leave_out else []),
            *(k for s in TRAINING_SUFFIXES if s not in leave_out for k in synthetic_keys(s))]
