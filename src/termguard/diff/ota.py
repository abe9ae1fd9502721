"""Dated versions from a local clone of an Open Terms Archive *versions* repository, read from git history.

An OTA versions repository holds one Markdown file per service and terms type (`<Service>/<Terms type>.md`)
and records every change as a commit. `versions()` lists the commits that touched that file (oldest first,
following renames); `history()` reviews each version and reports, for every consecutive pair, the changes to
data-use topics. Git is run with a fixed argument list (no shell) on the local clone only; nothing is fetched.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termguard.diff.result import DiffResult, diff
from termguard.errors import UsageError
from termguard.model.report import Report

# Families A (use of customer data for AI) and B (data lifecycle), plus where the data goes.
DATA_USE_TOPICS: tuple[str, ...] = ("A", "B", "subprocessors", "third-party-models", "data-residency")


@dataclass(frozen=True)
class Version:
    commit: str
    date: str  # ISO 8601, from the commit
    path: str


def _git(repo: Path, *args: str) -> str:
    try:
        return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True,
                              timeout=120).stdout
    except FileNotFoundError as exc:
        raise UsageError("E301", "git is not installed") from exc
    except subprocess.CalledProcessError as exc:
        raise UsageError("E302", f"git failed in {repo}: {exc.stderr.strip()[:200]}") from exc


def versions(repo: Path, service: str, document: str) -> list[Version]:
    rel = f"{service}/{document}.md"
    out = _git(repo, "log", "--follow", "--name-only", "--format=@@%H%x09%aI", "--", rel)
    found: list[Version] = []
    commit = date = ""
    for line in out.splitlines():
        if line.startswith("@@"):
            commit, date = line[2:].split("\t")
        elif line.strip() and commit:
            found.append(Version(commit, date, line.strip()))
            commit = ""
    if not found:
        raise UsageError("E303", f"no versions of {rel!r} in {repo} (check --service and --document)")
    return list(reversed(found))


def read(repo: Path, v: Version) -> str:
    return _git(repo, "show", f"{v.commit}:{v.path}")


def review_text(text: str, label: str, playbook: str) -> Report:
    from termguard.ingest import load_bytes
    from termguard.pipeline import analyse

    return analyse(load_bytes(text.encode("utf-8"), label), playbook)


def history(repo: Path, service: str, document: str, playbook: str = "strict",
            topics: Sequence[str] = DATA_USE_TOPICS) -> list[dict[str, Any]]:
    """One entry per consecutive pair of versions: dates, commits and the data-use changes (JSON-ready)."""
    vs = versions(repo, service, document)
    out: list[dict[str, Any]] = []
    prev: tuple[Version, Report] | None = None
    for v in vs:
        rep = review_text(read(repo, v), f"{v.path}@{v.commit[:9]}", playbook)
        if prev is not None:
            d: DiffResult = diff(prev[1], rep, topics)
            body = d.to_dict()
            out.append({"old": {"commit": prev[0].commit, "date": prev[0].date},
                        "new": {"commit": v.commit, "date": v.date},
                        "changes": body["changes"],
                        "clauses": [c for c in body["clauses"] if c["data_use"] or c["topics"]],
                        "summary": body["summary"]})
        prev = (v, rep)
    return out
