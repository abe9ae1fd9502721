"""Word-level changes inside an edited clause, as a short list of operations a reviewer can read.

Long unchanged runs are cut to a few words of context on each side (`…`), so an edited 2,000-word clause
shows only what changed.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
CONTEXT = 6
_CLOSING = set(",.;:)]}!?”’%")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _slice(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
    """Tokens i..j-1 as they were written (punctuation stays attached, "https://x.com" stays whole), with
    runs of white space folded to one space."""
    if i >= j:
        return ""
    return " ".join(text[spans[i][0]:spans[j - 1][1]].split())


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    sa, sb = _spans(old), _spans(new)
    a, b = [old[x:y] for x, y in sa], [new[x:y] for x, y in sb]
    ops: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            text = _slice(old, sa, i1, i2) if i2 - i1 <= 2 * CONTEXT else (
                _slice(old, sa, i1, i1 + CONTEXT) + " … " + _slice(old, sa, i2 - CONTEXT, i2))
            ops.append({"op": "equal", "text": text})
        else:
            op = {"replace": "replace", "delete": "delete", "insert": "insert"}[tag]
            ops.append({"op": op, "old": _slice(old, sa, i1, i2), "new": _slice(new, sb, j1, j2)})
    if ops and ops[0]["op"] == "equal":
        run = ops[0]["text"].split(" … ")
        ops[0]["text"] = "… " + run[-1] if len(run) > 1 else ops[0]["text"]
    return ops


def inline(ops: list[dict[str, str]]) -> str:
    """`[-old-]{+new+}` rendering for the terminal and Markdown."""
    out: list[str] = []
    for op in ops:
        if op["op"] == "equal":
            out.append(op["text"])
        else:
            if op.get("old"):
                out.append(f"[-{op['old']}-]")
            if op.get("new"):
                out.append(f"{{+{op['new']}+}}")
    text = ""
    for piece in out:  # no space before closing punctuation: "you {+with+}, as", not "you {+with+} , as"
        text += piece if not text or piece[:1] in _CLOSING else " " + piece
    return text
