"""Collect defined terms: “Customer Data” means …, (“Usage Data”), **Output** means …, **Output** — …"""

from __future__ import annotations

import re

from termguard.model import Definition, Sentence

_Q = "\"“”'‘’*_"
_MEANS = re.compile(
    rf"[{_Q}]{{1,3}}(?P<term>[A-Z][\w\- /&]{{1,50}}?)[{_Q}]{{1,3}}\s*(?:\([^)]{{0,60}}\)\s*)?"
    r"(?:means|shall mean|refers to|has the meaning|includes|is defined as|shall include)\b"
)
# A glossary entry: "**Source Text** — any text the Customer sends …", "**Output**: the response …".
_GLOSSARY = re.compile(r"^\W{0,3}\*\*(?P<term>[A-Z][\w\- /&]{1,50}?)\*\*\s*(?:[—–]|:\s)")
_INLINE = re.compile(rf"\((?:collectively,?\s*|each,?\s*|together,?\s*|the\s+|a\s+|an\s+)?[{_Q}]{{1,3}}(?P<term>[A-Z][\w\- /&]{{1,50}}?)[{_Q}]{{1,3}}\)")


def find_definitions(text: str, sentences: list[Sentence]) -> list[Definition]:
    """Definitions with the sentence that defines them; the first definition of a term wins."""
    seen: dict[str, Definition] = {}
    for s in sentences:
        chunk = text[s.start:s.end]
        for rx in (_MEANS, _GLOSSARY, _INLINE):
            for m in rx.finditer(chunk):
                term = m.group("term").strip()
                key = term.lower()
                if key in seen or len(term) < 2:
                    continue
                seen[key] = Definition(term=term, start=s.start, end=s.end, text=chunk)
    return list(seen.values())
