"""Renderer registry: {format: render(report) -> str}. Plugins add to it through entry points."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import entry_points

from termguard.model.report import Report

Renderer = Callable[[Report], str]
ENTRY_POINT_GROUP = "termguard.renderers"


def renderers() -> dict[str, Renderer]:
    from termguard.report.json_report import render_json
    from termguard.report.markdown import render_markdown
    from termguard.report.terminal import render_text

    found: dict[str, Renderer] = {"text": render_text, "json": render_json, "markdown": render_markdown}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep.load())
    return found
