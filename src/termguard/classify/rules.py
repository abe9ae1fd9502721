"""Rule recognizer: the cue patterns of every topic file, run over the whole text at once.

Each cue is a case-insensitive regex. It is run with `finditer` over the document (fast: one C loop per
pattern), every match is mapped to its sentence, and the sentence is tagged with the topic unless an `unless`
pattern or one of the topic's exclusions matches that sentence. A context word from `near` within the window
raises the score and is recorded (Presidio's context enhancer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from termguard.classify.prefilter import Plan, TextIndex, anchor_positions, iter_matches, plan
from termguard.model import ClauseHit, Document, Explanation
from termguard.segment import Segmentation
from termguard.topics import Pattern, Topic

TAG_THRESHOLD = 0.5
CONTINUATION_SCORE = 0.55
# A sentence whose subject or object points back at the one before: "It is used …", "We use it for …",
# "These data are …", "We may combine this with …".
_REFERS_BACK = re.compile(
    r"\W*(?:(?:it|this|these|those|such|they|that)\b(?!\s+(?:is|are)\s+(?:why|because|not\s+clear))"
    r"|(?:we|you|the\s+\w+|[A-Z][\w-]+)\s+(?:may\s+|will\s+|can\s+|also\s+|shall\s+|only\s+)*"
    r"(?:use|uses|combine|combines|share|shares|process|processes|keep|keeps|retain|retains|store|stores|analy[sz]es?|"
    r"delete|deletes)\s+(?:it|them|this|these|those|such|that)\b)",
    re.IGNORECASE)


@dataclass(frozen=True)
class CompiledPattern:
    spec: Pattern
    rx: re.Pattern[str]
    unless: tuple[re.Pattern[str], ...]
    near: re.Pattern[str] | None
    plan: Plan


_COMPILED: dict[int, CompiledPattern] = {}


def compile_pattern(spec: Pattern) -> CompiledPattern:
    """Compiled once per spec object (the cache entry keeps the spec alive, so its id is never reused)."""
    cached = _COMPILED.get(id(spec))
    if cached is not None:
        return cached
    cached = _compile(spec)
    _COMPILED[id(spec)] = cached
    return cached


def _compile(spec: Pattern) -> CompiledPattern:
    near = None
    if spec.near:
        near = re.compile(r"\b(?:" + "|".join(spec.near) + r")", re.IGNORECASE)
    return CompiledPattern(
        spec,
        re.compile(spec.pattern, re.IGNORECASE),
        tuple(re.compile(u, re.IGNORECASE) for u in spec.unless),
        near,
        plan(spec.pattern),
    )


@dataclass(frozen=True)
class PatternMatch:
    """One match of a pattern, placed in its sentence, with the score after context."""

    sentence: int
    start: int
    end: int
    score: float
    context_word: str | None
    pattern: CompiledPattern


def text_index(text: str, seg: Segmentation) -> TextIndex:
    """The word index of the document, built once per segmentation and kept on it."""
    idx = seg.__dict__.get("_text_index")
    if idx is None or idx.text is not text:
        idx = TextIndex.build(text)
        object.__setattr__(seg, "_text_index", idx)
    return idx


def find_matches(cp: CompiledPattern, text: str, seg: Segmentation,
                 within: set[int] | None = None) -> list[PatternMatch]:
    """Matches of a pattern, at most one per sentence (the first), honouring `unless` and context words.

    With `within`, only those sentences are searched (position signals look only where the topic is discussed).
    """
    out: list[PatternMatch] = []
    seen: set[int] = set()
    for si, m in _candidates(cp, text, seg, within):
        if si in seen:
            continue
        s = seg.sentences[si]
        if m.start() >= s.end:  # between sentences (whitespace): not part of any sentence
            continue
        end = min(m.end(), s.end)
        sentence_text = text[s.start:s.end]
        if any(u.search(sentence_text) for u in cp.unless):
            continue
        seen.add(si)
        score, word = cp.spec.score, None
        if cp.near is not None:
            lo, hi = max(s.start, m.start() - cp.spec.window), min(s.end, m.end() + cp.spec.window)
            w = cp.near.search(text, lo, hi)
            if w:
                score, word = min(1.0, score + cp.spec.boost), w.group(0)
        out.append(PatternMatch(si, m.start(), end, score, word, cp))
    return out


def _candidates(cp: CompiledPattern, text: str, seg: Segmentation,
                within: set[int] | None) -> Iterator[tuple[int, re.Match[str]]]:
    """Matches placed in their sentences. A match over the whole text can run past the end of its sentence
    (a heading "Who owns what" joined to "4.1 … you own Your Material"): it is searched again inside each
    sentence it touched, so every path gives what a search sentence by sentence would."""
    for si, m in _raw_candidates(cp, text, seg, within):
        s = seg.sentences[si]
        if m.end() <= s.end or within is not None:
            yield si, m
            continue
        inner = cp.rx.search(text, s.start, s.end)
        if inner:
            yield si, inner
        sj = si + 1
        while sj < len(seg.sentences) and seg.sentences[sj].start < m.end():
            t = seg.sentences[sj]
            inner = cp.rx.search(text, t.start, t.end)
            if inner:
                yield sj, inner
            sj += 1


def _raw_candidates(cp: CompiledPattern, text: str, seg: Segmentation,
                    within: set[int] | None) -> Iterator[tuple[int, re.Match[str]]]:
    if within is not None:
        for si in sorted(within):
            s = seg.sentences[si]
            m = cp.rx.search(text, s.start, s.end)
            if m:
                yield si, m
        return
    if cp.plan.prefixes is None and not cp.plan.anchors:
        # A whole-text scan: topic files share some patterns verbatim (the "points to another document"
        # exclusion), so scan once per document and pattern, not once per topic.
        cache = seg.__dict__.setdefault("_full_scans", {})
        key = (cp.rx.pattern, cp.rx.flags)
        found = cache.get(key)
        if found is None:
            found = cache[key] = [(seg.sentence_index(m.start()), m) for m in cp.rx.finditer(text)]
        yield from found
        return
    index = text_index(text, seg)
    anchors = anchor_positions(cp.plan, index)
    if anchors is not None and (cp.plan.prefixes is None or len(anchors) < _prefix_count(cp.plan, index)):
        # Search only the sentences that contain the pattern's rarest required word.
        done: set[int] = set()
        for pos in sorted(anchors):
            si = seg.sentence_index(pos)
            if si in done:
                continue
            done.add(si)
            s = seg.sentences[si]
            m = cp.rx.search(text, s.start, s.end)
            if m:
                yield si, m
        return
    for m in iter_matches(cp.rx, cp.plan, index):
        yield seg.sentence_index(m.start()), m


def _prefix_count(pl: Plan, index: TextIndex) -> int:
    if pl.prefixes is None:
        return 1 << 30
    if pl.word_start:
        return sum(len(index.word_positions(p)) for p in pl.prefixes)
    return 1 << 20  # find-based prefixes: unknown, assume many


class RuleRecognizer:
    """All cue patterns of one topic file."""

    version = "1"

    def __init__(self, topic: Topic) -> None:
        self.topic = topic
        self.name = f"rule:{topic.id}"
        self.topics = (topic.id,)
        self._cues = [compile_pattern(c) for c in topic.cues]
        self._exclude = [compile_pattern(e) for e in topic.exclude]

    def excluded(self, doc: Document, seg: Segmentation) -> set[int]:
        """Sentences the topic's exclusions rule out; they veto the topic for every recognizer, models included."""
        cached = seg.__dict__.setdefault("_excluded", {})
        got = cached.get(self.topic.id)
        if got is None:
            got = set()
            for ex in self._exclude:
                got.update(m.sentence for m in find_matches(ex, seg.view(doc.text), seg))
            cached[self.topic.id] = got
        return got

    def analyze(self, doc: Document, seg: Segmentation) -> list[ClauseHit]:
        text = seg.view(doc.text)
        excluded = self.excluded(doc, seg)
        best: dict[int, PatternMatch] = {}
        for cue in self._cues:
            for m in find_matches(cue, text, seg):
                if m.sentence in excluded:
                    continue
                if m.sentence not in best or m.score > best[m.sentence].score:
                    best[m.sentence] = m
        hits = []
        continued = self._continuations(text, seg, best, excluded)
        for si, m in sorted(best.items()):
            if m.score < TAG_THRESHOLD:
                continue
            s = seg.sentences[si]
            note = f"cue '{m.pattern.spec.name}' matched {doc.text[m.start:m.end][:60]!r}"
            expl = [Explanation(f"{self.name}/{m.pattern.spec.name}", note, 0.0, m.pattern.spec.score)]
            if m.context_word:
                expl.append(Explanation(self.name, f"context word {m.context_word!r}", m.pattern.spec.score, m.score))
            hits.append(ClauseHit(
                topic=self.topic.id,
                clause_id=seg.clauses[seg.sentence_clause[si]].id,
                start=s.start,
                end=s.end,
                score=round(m.score, 3),
                source=f"{self.name}/{m.pattern.spec.name}",
                explanation=tuple(expl),
                context_word=m.context_word,
            ))
        for si, prev in continued:
            s = seg.sentences[si]
            note = f"continues sentence {prev} (tagged), which it refers back to: {doc.text[s.start:s.end][:40]!r}"
            hits.append(ClauseHit(
                topic=self.topic.id, clause_id=seg.clauses[seg.sentence_clause[si]].id, start=s.start, end=s.end,
                score=CONTINUATION_SCORE, source=f"{self.name}/continuation",
                explanation=(Explanation(f"{self.name}/continuation", note, 0.0, CONTINUATION_SCORE),),
            ))
        return hits

    def _continuations(self, text: str, seg: Segmentation, best: dict[int, PatternMatch],
                       excluded: set[int]) -> list[tuple[int, int]]:
        """Sentences that refer back to a tagged one in the same clause ("We use it for billing …" after "We
        collect usage data …"): the topic carries over, one sentence at a time."""
        out = []
        for si, m in best.items():
            nxt = si + 1
            if (m.score < TAG_THRESHOLD or nxt >= len(seg.sentences) or nxt in best or nxt in excluded
                    or seg.sentence_clause[nxt] != seg.sentence_clause[si]):
                continue
            s = seg.sentences[nxt]
            if _REFERS_BACK.match(text, s.start, s.end):
                out.append((nxt, si))
        return out
