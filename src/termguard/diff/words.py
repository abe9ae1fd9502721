"""Word-level changes inside an edited clause, as a short list of operations a reviewer can read.

Long unchanged runs are cut to a few words of context on each side (`…`), so an edited 2,000-word clause
shows only what changed.
"""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")
CONTEXT = 6


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[dict[str, str]]:
    a, b = tokens(old), tokens(new)
    ops: list[dict[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            run = a[i1:i2]
            text = " ".join(run) if len(run) <= 2 * CONTEXT else (
                " ".join(run[:CONTEXT]) + " … " + " ".join(run[-CONTEXT:]))
            ops.append({"op": "equal", "text": text})
        else:
            op = {"replace": "replace", "delete": "delete", "insert": "insert"}[tag]
            ops.append({"op": op, "old": " ".join(a[i1:i2]), "new": " ".join(b[j1:j2])})
    if ops and ops[0]["op"] == "equal":
        run = ops[0]["text"].split(" … ")
        ops[0]["text"] = "… " + run[-1] if len(run) > 1 else ops[0]["text"]
    return ops


def inline(ops: list[dict[str, str]]) -> str:
    """`[-old-]{+new+}` rendering for the terminal and Markdown."""
    out = []
    for op in ops:
        if op["op"] == "equal":
            out.append(op["text"])
        else:
            if op.get("old"):
                out.append(f"[-{op['old']}-]")
            if op.get("new"):
                out.append(f"{{+{op['new']}+}}")
    return " ".join(out)
