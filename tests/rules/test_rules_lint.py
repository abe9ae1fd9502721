"""The rule files lint clean (errors fail; warnings are reported), and broken files give errors with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from termguard.errors import RuleError
from termguard.rules_lint import lint
from termguard.topics import load_topic_file


def test_shipped_rule_files_have_no_lint_errors() -> None:
    topics, issues = lint()
    assert len(topics) == 41
    errors = [str(i) for i in issues if i.code.startswith("E")]
    assert not errors


def test_a_file_with_an_unknown_position_names_the_file_and_line(tmp_path: Path) -> None:
    src = (Path(__file__).resolve().parents[2] / "src/termguard/rules/topics/training.feedback.yaml").read_text()
    bad = tmp_path / "training.feedback.yaml"
    bad.write_text(src.replace("precedence: [", "precedence: [no-such-position, ", 1))
    with pytest.raises(RuleError) as exc:
        load_topic_file(bad)
    assert "no-such-position" in exc.value.message and str(bad) in exc.value.where


def test_invalid_yaml_reports_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("id: x\nfamily: A\ncues: [unclosed\n")
    with pytest.raises(RuleError) as exc:
        load_topic_file(bad)
    assert exc.value.code == "E201" and exc.value.where.endswith((":3", ":4"))


def test_an_invalid_regex_is_refused(tmp_path: Path) -> None:
    src = (Path(__file__).resolve().parents[2] / "src/termguard/rules/topics/training.feedback.yaml").read_text()
    bad = tmp_path / "training.feedback.yaml"
    import re
    bad.write_text(re.sub(r"pattern: '[^']*'", "pattern: '(unclosed'", src, count=1))
    with pytest.raises(RuleError) as exc:
        load_topic_file(bad)
    assert "invalid regex" in exc.value.message
