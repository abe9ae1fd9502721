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
def model_recognizers() -> tuple[Recognizer, ...]:
    """The shipped classifiers, unless TERMGUARD_NO_MODEL is set or they are not installed (rules-only path)."""
    if os.environ.get("TERMGUARD_NO_MODEL"):
        return ()
    try:
        from termguard.classify.ml import load_shipped
    except ModuleNotFoundError:
        return ()  # the model's dependencies are not installed
    try:
        return cast("tuple[Recognizer, ...]", load_shipped())
    except Exception as exc:  # noqa: BLE001 — a damaged artifact must not stop reviews: fall back to rules
        warnings.warn(f"termguard: the shipped classifiers could not be loaded ({exc}); using rules only",
                      RuntimeWarning, stacklevel=2)
        return ()


def model_name() -> str | None:
    models = model_recognizers()
    return " + ".join(f"{rec.name} v{rec.version}" for rec in models) or None


def recognizers(extra: list[Recognizer] | None = None) -> list[Recognizer]:
    rules = cast("list[Recognizer]", list(rule_recognizers()))
    return [*rules, *model_recognizers(), *plugin_recognizers(), *(extra or [])]
