"""Shipped playbooks, user playbooks that extend them, `playbook check` errors with line and field, and the
data policy evaluated per tier."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from termguard.assess.playbook import check_file, load_playbook, shipped_playbooks
from termguard.cli.app import app
from termguard.model import Finding, Severity, Status
from termguard.policy.evaluate import evaluate_tier

runner = CliRunner()


def test_three_playbooks_ship_and_validate() -> None:
    assert {"strict", "balanced", "baseline"} <= set(shipped_playbooks())
    for name in ("strict", "balanced", "baseline"):
        pb = load_playbook(name)
        assert pb.description and len(pb.topics) == 41
        from termguard.assess.playbook import playbooks_dir
        assert check_file(playbooks_dir() / f"{name}.yaml") == [], name


def test_user_playbook_extends_strict_and_overrides_a_threshold(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("name: mine\nextends: strict\ncontext: healthcare\n"
                 "topics:\n  retention.period: {thresholds: {max_days: 7}}\n")
    pb = load_playbook(str(f))
    assert pb.policy("retention.period").thresholds.max_days == 7
    assert pb.policy("retention.period").required == "zero-retention"  # inherited
    assert "HIPAA" in pb.active_regimes


def test_check_names_line_and_field_for_each_error(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("name: bad\nextends: strict\ntopics:\n  retention.period:\n    severity: huge\n"
                 "  incident-notification:\n    required: someday\n  not.a-topic: {required: x}\n")
    errors = check_file(f)
    wheres = {e.message.split(":")[0]: e.where for e in errors}
    assert wheres["topics.retention.period.severity"].endswith(":5")
    assert wheres["topics.not.a-topic"].endswith(":8")
    result = runner.invoke(app, ["playbook", "check", str(f)])
    assert result.exit_code == 1 and "bad.yaml:5" in result.output


def test_init_writes_a_starter_that_checks_clean(tmp_path: Path) -> None:
    out = tmp_path / "starter.yaml"
    assert runner.invoke(app, ["playbook", "init", "--out", str(out)]).exit_code == 0
    assert out.read_text().startswith("#")
    result = runner.invoke(app, ["playbook", "check", str(out)])
    assert result.exit_code == 0, result.output


def test_show_prints_the_resolved_playbook() -> None:
    result = runner.invoke(app, ["playbook", "show", "balanced"])
    assert result.exit_code == 0 and "data_policy" in result.output and "threat-telemetry" in result.output


def _finding(topic: str, position: str, status: Status = Status.SHORT) -> Finding:
    return Finding(topic, "A", topic, position, status, Severity.HIGH, "x", {}, "", "", (), (), 1.0)


@pytest.mark.parametrize(("playbook", "tier", "position", "exceeds"), [
    ("strict", "user-content", "opt-out", True),
    ("strict", "user-content", "prohibited", False),
    ("strict", "user-content", "opt-in", False),
    ("balanced", "threat-telemetry", "narrow", False),
    ("balanced", "threat-telemetry", "broad", True),
    ("balanced", "public-content", "permitted", False),
    ("strict", "personal-data", "permitted", True),
])
def test_data_policy_flags_tiers_where_the_contract_allows_more(playbook: str, tier: str, position: str,
                                                               exceeds: bool) -> None:
    topic = "training.derived-data" if tier == "threat-telemetry" else "training.customer-content"
    use = evaluate_tier(tier, load_playbook(playbook), [_finding(topic, position)])
    assert use.exceeds is exceeds, use.reason


def test_guardrails_missing_from_the_contract_are_flagged() -> None:
    # strict asks for deletion as a guardrail on telemetry; narrow derived data without deletion falls short
    use = evaluate_tier("threat-telemetry", load_playbook("strict"), [_finding("training.derived-data", "narrow")])
    assert use.exceeds and "deletion" in use.reason
    ok = evaluate_tier("threat-telemetry", load_playbook("strict"),
                       [_finding("training.derived-data", "narrow"), _finding("deletion.on-request",
                                                                              "request-and-termination")])
    assert not ok.exceeds


def test_silence_on_training_is_flagged_under_a_deny_policy() -> None:
    use = evaluate_tier("user-content", load_playbook("strict"),
                        [_finding("training.customer-content", "silent", Status.SILENT)])
    assert use.allowance == "not-addressed" and use.exceeds
