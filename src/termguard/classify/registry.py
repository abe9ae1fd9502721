"""Recognizers are registered automatically: one per topic file, plus any installed through entry points."""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from importlib.metadata import entry_points
from typing import cast

from termguard.classify.base import Recognizer
from termguard.classify.rules import RuleRecognizer
from termguard.topics import load_catalogue

ENTRY_POINT_GROUP = "termguard.recognizers"


@lru_cache(maxsize=1)
def rule_recognizers() -> tuple[RuleRecognizer, ...]:
    return tuple(RuleRecognizer(t) for t in load_catalogue())


@lru_cache(maxsize=1)
def plugin_recognizers() -> tuple[Recognizer, ...]:
    """Recognizers from other packages: an entry point names a zero-argument factory."""
    found: list[Recognizer] = []
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.append(ep.load()())
    return tuple(found)


@lru_cache(maxsize=1)
def model_recognizer() -> Recognizer | None:
    """The shipped classifier, unless TERMGUARD_NO_MODEL is set or it is not installed (rules-only path)."""
    if os.environ.get("TERMGUARD_NO_MODEL"):
        return None
    try:
        from termguard.classify.ml import load_shipped
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("termguard"):
            return None
        return None  # the model's optional dependencies are not installed
    try:
        return load_shipped()
    except Exception as exc:  # noqa: BLE001 — a damaged artifact must not stop reviews: fall back to rules
        warnings.warn(f"termguard: the shipped classifier could not be loaded ({exc}); using rules only",
                      RuntimeWarning, stacklevel=2)
        return None


def model_name() -> str | None:
    rec = model_recognizer()
    return f"{rec.name} v{rec.version}" if rec else None


def recognizers(extra: list[Recognizer] | None = None) -> list[Recognizer]:
    model = model_recognizer()
    rules = cast("list[Recognizer]", list(rule_recognizers()))
    return [*rules, *([model] if model else []), *plugin_recognizers(), *(extra or [])]
