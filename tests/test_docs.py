"""Docs stay true to the code: generated pages are current, every CLI option and playbook key is documented."""

from __future__ import annotations

import re
from pathlib import Path

from termguard.assess.playbook import Playbook, Thresholds, TopicPolicy
from termguard.docs_gen import cli_reference, topic_page
from termguard.topics import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def test_cli_reference_is_current() -> None:
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == cli_reference(), \
        "docs/cli.md is stale: run `python -m termguard.docs_gen`"


def test_every_cli_option_has_help() -> None:
    empty = [line for line in cli_reference().splitlines() if line.endswith("|  |")]
    assert not empty, f"options without help text: {empty}"


def test_every_topic_page_is_current() -> None:
    for t in load_catalogue():
        page = DOCS / "topics" / f"{t.id}.md"
        assert page.exists(), f"{page} missing: run `python -m termguard.docs_gen`"
        assert page.read_text(encoding="utf-8") == topic_page(t), f"{page} is stale"


def test_every_playbook_key_is_documented() -> None:
    text = (DOCS / "playbooks.md").read_text(encoding="utf-8")
    keys = set(Playbook.model_fields) | set(TopicPolicy.model_fields) | set(Thresholds.model_fields)
    keys -= {"source"}
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"```.*?```", "", text, flags=re.S))
    missing = sorted(k for k in keys if not any(re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", s) for s in spans))
    assert not missing, f"playbook keys not documented in docs/playbooks.md: {missing}"
