"""Better terms from other vendors' reviewed contracts: the "vendor B already gives this" argument.

Two sources, merged by the CLI with `--against` first:

- `better_terms(report, others)`: contracts given with `--against FILE`, reviewed now; the first that meets
  the playbook on a topic this contract misses is cited.
- `register_terms(report, playbook, register)`: every *other vendor's* document in the register. For each
  shortfall topic the stored findings are ranked on the topic's ladder (`termguard.compare.ranking`, best
  first, the usual parameter tie-breaks) and the best one is cited when it reaches the playbook's required
  position and beats this contract's term. The quote is the finding's first stored evidence row (the sentence
  that decided the position). Contradictory findings and findings without evidence are never cited.

"Other vendor" is strict: the document itself (same SHA-256), every document of this contract's vendor and
documents with no vendor name are left out, so a vendor's own earlier or later version is never offered as
a competitor. This contract's vendor is `vendor=` (the CLI's `--vendor`), else the vendor of the register
entry with the same content, else any register vendor named in the title or file name.

`open_register(url)` opens the register the way `termguard register --db` does, but never creates one: a
register that does not exist yet gives None, and the pack is written exactly as without it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termguard.assess.playbook import Playbook
from termguard.compare.ranking import PARAMETER_DIRECTION, compare_terms, position_rank
from termguard.model import Status
from termguard.model.report import Report
from termguard.negotiate.arguments import BetterTerm
from termguard.topics import Topic, get_topic

if TYPE_CHECKING:
    from termguard.store import DocumentInfo, FindingInfo, Register


def better_terms(report: Report, others: list[Report]) -> list[BetterTerm]:
    """For each topic this contract misses, the first other contract that meets the playbook on it."""
    out = []
    for f in report.findings:
        if f.status == Status.MEETS:
            continue
        for o in others:
            g = o.finding(f.topic)
            if g is not None and g.status == Status.MEETS and g.evidence:
                e = g.evidence[0]
                name = o.document.title or Path(o.document.path).stem
                out.append(BetterTerm(name.strip("# "), f.topic, g.position, e.quote,
                                      f"§ {e.section}" if e.section else f"line {e.line}"))
                break
    return out


# ---- the register ------------------------------------------------------------------------------------------

def open_register(url: str | None = None) -> Register | None:
    """The register `url` / TERMGUARD_DB / the user's default names, or None when that SQLite file does not
    exist (or is in memory): negotiating never creates a register. Other databases are opened as they are."""
    import os

    from termguard.store import Register
    from termguard.store import db as store_db

    url = url or os.environ.get(store_db.ENV_VAR) or ""
    if not url:
        path = store_db.default_path()
        if not path.is_file():
            return None
        url = str(path)
    resolved = store_db.resolve_url(url)
    if store_db.is_sqlite(resolved):
        path_or_none = store_db.sqlite_path(resolved)
        if path_or_none is None or not path_or_none.is_file():
            return None
    return Register(resolved)


def _norm(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def own_vendors(report: Report, docs: Iterable[DocumentInfo], vendor: str | None = None) -> set[str]:
    """This contract's vendor name(s), normalised: `vendor`, else the vendor of the register entry with the
    same content, else every register vendor named (as whole words) in the title or the file name."""
    docs = list(docs)
    if vendor and _norm(vendor):
        return {_norm(vendor)}
    same = {_norm(d.vendor) for d in docs if d.sha256 == report.document.sha256 and _norm(d.vendor)}
    if same:
        return same
    hay = _norm(f"{report.document.title or ''} {re.sub(r'[-_.]+', ' ', Path(report.document.path).stem)}")
    names = {_norm(d.vendor) for d in docs if _norm(d.vendor)}
    return {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", hay)}


def competitor_documents(report: Report, docs: Iterable[DocumentInfo], vendor: str | None = None,
                         exclude_sha256: Iterable[str] = ()) -> list[DocumentInfo]:
    """Register documents of other vendors: not this document, not `exclude_sha256` (the `--against` files,
    already cited), not this contract's vendor, and only documents that carry a vendor name."""
    docs = list(docs)
    own = own_vendors(report, docs, vendor)
    skip = {report.document.sha256, *exclude_sha256}
    return [d for d in docs if d.sha256 not in skip and _norm(d.vendor) and _norm(d.vendor) not in own]


def _required(topic: Topic, playbook: Playbook) -> str:
    policy = playbook.policy(topic.id)
    ladder = topic.ladder
    return policy.required if policy is not None and policy.required in ladder else ladder[0]


def _terms(position: str, params: dict[str, Any]) -> str:
    """The position with the parameters the ranking reads ("hours-stated; hours: 24")."""
    shown = [f"{k}: {params[k]}" for k in PARAMETER_DIRECTION if k in params and params[k] not in (None, [], "")]
    return "; ".join([position, *shown])


def _qualifies(topic: Topic, required: str, mine: tuple[str, dict[str, Any]], g: FindingInfo) -> bool:
    ladder = topic.ladder
    if g.status == Status.CONFLICTING.value or not g.evidence or g.position not in ladder:
        return False
    if ladder.index(g.position) > ladder.index(required):
        return False  # better than ours, maybe, but still below what the playbook asks: not an argument
    theirs = (g.position, g.parameters)
    if position_rank(topic, g.position) == position_rank(topic, mine[0]):
        # same position: only a stated, better number counts, not a number the other vendor never gives
        if not {k for k in PARAMETER_DIRECTION if k in mine[1]} <= set(g.parameters):
            return False
    return compare_terms(topic, theirs, mine) < 0


def _document_words(d: DocumentInfo) -> str:
    return ", ".join(b for b in (d.kind or "", d.version_date.isoformat() if d.version_date else "") if b)


def register_terms(report: Report, playbook: Playbook, register: Register, *, vendor: str | None = None,
                   exclude_sha256: Iterable[str] = ()) -> list[BetterTerm]:
    """For each shortfall topic, the best term any other vendor's document in the register states, when it
    meets the playbook's required position and is better than this contract's term (see the module doc)."""
    shortfalls = [f for f in report.findings if f.status != Status.MEETS]
    if not shortfalls:
        return []
    docs = competitor_documents(report, register.list_documents(), vendor, exclude_sha256)
    by_topic: dict[str, list[tuple[DocumentInfo, FindingInfo]]] = {}
    wanted = {f.topic for f in shortfalls}
    for d in docs:
        for g in register.findings(d.id):
            if g.topic in wanted:
                by_topic.setdefault(g.topic, []).append((d, g))
    out = []
    for f in shortfalls:
        try:
            topic = get_topic(f.topic)
        except KeyError:
            continue
        mine = (f.position, dict(f.parameters))
        required = _required(topic, playbook)
        cands = [(d, g) for d, g in by_topic.get(f.topic, []) if _qualifies(topic, required, mine, g)]
        if not cands:
            continue

        def order(a: tuple[DocumentInfo, FindingInfo], b: tuple[DocumentInfo, FindingInfo],
                  topic: Topic = topic) -> int:
            c = compare_terms(topic, (a[1].position, a[1].parameters), (b[1].position, b[1].parameters))
            if c:
                return c
            # equal terms: the newer version, then the vendor's name, so the choice is stable
            ka = (a[0].version_date.toordinal() if a[0].version_date else 0, a[0].id)
            kb = (b[0].version_date.toordinal() if b[0].version_date else 0, b[0].id)
            if ka != kb:
                return -1 if ka > kb else 1
            return (_norm(a[0].vendor) > _norm(b[0].vendor)) - (_norm(a[0].vendor) < _norm(b[0].vendor))

        d, g = sorted(cands, key=functools.cmp_to_key(order))[0]
        e = g.evidence[0]
        where = f"§ {e.section}" if e.section else (f"line {e.line}" if e.line else "")
        out.append(BetterTerm((d.vendor or "").strip(), f.topic, _terms(g.position, g.parameters), e.quote, where,
                              _document_words(d), "register"))
    return out
