"""Regression floors: the review must not fall below what it scored on the project's own key sets.

The synthetic contracts and their keys are written by the project and live in the repository, so this runs
everywhere; the project keys for real vendor documents need the reference data. Floors sit a little under the
figures in docs/accuracy.md: raise them when the rules improve, never lower them to make a change pass.
"""

from __future__ import annotations

import pytest

from termguard.evaluate.data import project_keys, synthetic_keys
from termguard.evaluate.runner import score_keys

from tests.conftest import DATA

SYNTHETIC_FLOOR = 0.95
PROJECT_FLOOR = 0.90


def test_synthetic_contracts_stay_above_their_floor() -> None:
    keys = synthetic_keys()
    assert len(keys) >= 8
    score = score_keys(keys)
    accuracy = score.right / score.items
    assert accuracy >= SYNTHETIC_FLOOR, "\n".join(score.misses)


def test_project_keys_stay_above_their_floor() -> None:
    keys = project_keys(DATA)
    if not keys:
        pytest.skip(f"reference data not found at {DATA}")
    score = score_keys(keys)
    assert score.right / score.items >= PROJECT_FLOOR, "\n".join(score.misses)


def test_blind_synthetic_sets_stay_above_their_floors() -> None:
    """Set 1 was tuned on after its blind measurement (0.68), set 2 partly (0.686 → 0.74, and the answer tagger
    trains on it); sets 3 (0.80) and 4 (0.73) have never been tuned or trained on."""
    for suffix, floor in (("_blind", 0.95), ("_blind2", 0.72), ("_blind3", 0.78), ("_blind4", 0.70)):
        keys = synthetic_keys(suffix)
        assert len(keys) >= 3, suffix
        score = score_keys(keys)
        assert score.right / score.items >= floor, (suffix, "\n".join(score.misses))
