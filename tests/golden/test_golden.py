"""Golden files for the bundled sample: the expected JSON (volatile fields stripped) and a human-readable
rendering of the findings with quotes, caret lines and sections. Regenerate on purpose only:

    TERMGUARD_REGEN=1 python -m pytest tests/golden      # then read the diff before committing
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from termguard.cli.common import sample_path
from termguard.pipeline import review
from termguard.report.json_report import report_to_dict

HERE = Path(__file__).parent
VOLATILE = {"tool", "playbook"}


def _stable(report: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in report.items() if k not in VOLATILE}
    out["document"] = {k: v for k, v in report["document"].items() if k != "path"}
    for f in out["findings"]:
        f.pop("detection_log", None)
    return out


def _findings_text(report: dict[str, Any], text: str) -> str:
    lines = []
    for f in report["findings"]:
        lines.append(f"{f['topic']}: {f['position']} ({f['status']}, {f['severity']}) {f['parameters'] or ''}".rstrip())
        for e in f["evidence"]:
            line_start = text.rfind("\n", 0, e["start"]) + 1
            line_end = text.find("\n", e["start"])
            line = text[line_start: line_end if line_end != -1 else len(text)]
            lines.append(f"    § {e['section'] or '-'} line {e['line']}: {line[:150]}")
            stop = min(e["end"], line_start + len(line), line_start + 150)
            lines.append("    " + " " * (len(f"§ {e['section'] or '-'} line {e['line']}: ") + e["start"] - line_start)
                         + "^" * max(1, stop - e["start"]))
    return "\n".join(lines) + "\n"


def test_sample_agreement_matches_its_golden_files() -> None:
    path = sample_path()
    report = report_to_dict(review(path))
    got_json = json.dumps(_stable(report), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    got_txt = _findings_text(report, path.read_text(encoding="utf-8"))
    exp_json, exp_txt = HERE / "sample-agreement.expected.json", HERE / "sample-agreement.findings.txt"
    if os.environ.get("TERMGUARD_REGEN"):
        exp_json.write_text(got_json, encoding="utf-8")
        exp_txt.write_text(got_txt, encoding="utf-8")
    assert got_txt == exp_txt.read_text(encoding="utf-8"), "findings changed: TERMGUARD_REGEN=1 and read the diff"
    assert got_json == exp_json.read_text(encoding="utf-8"), "report changed: TERMGUARD_REGEN=1 and read the diff"
