"""Best-effort register metadata from a file's name and title: version date, document kind, vendor.

Why guess at all: a legacy portfolio arrives as a folder of files, and the register is only useful for
comparison and change tracking when entries carry a vendor, a kind and a date. Guesses are conservative
(nothing rather than something wrong) and `--vendor` / `--kind` on the command line override them.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

_DATE = re.compile(r"(?<!\d)(20\d\d|19\d\d)[-_.](0[1-9]|1[0-2])[-_.](0[1-9]|[12]\d|3[01])(?!\d)")
_KINDS = (
    ("dpa", r"data[ _-]?processing|\bdpa\b"),
    ("security", r"security (?:schedule|addendum|exhibit)"),
    ("order-form", r"order[ _-]?form"),
    ("ai-addendum", r"\bai\b.{0,20}(?:addendum|terms)|generative[ _-]ai"),
    ("msa", r"master (?:services? |subscription )?agreement|\bmsa\b"),
    ("privacy-policy", r"privacy (?:policy|notice)"),
    ("terms", r"terms of (?:service|use)|service terms|terms and conditions|product terms"),
    ("agreement", r"agreement|contract"),
)


def version_date(label: str) -> dt.date | None:
    """A date written into the file name (`2024-05-22_x.md`), else None."""
    m = _DATE.search(PurePath(label.split("!")[-1]).name)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def kind(label: str, title: str | None) -> str | None:
    hay = f"{title or ''} {label.replace('/', ' ')}".lower()
    for name, pattern in _KINDS:
        if re.search(pattern, hay):
            return name
    return None
