#!/usr/bin/env python3
"""The rule-tuning loop: answer-key scores for any key folder, optionally for a few topics, with every miss.

    python scripts/answers_check.py [--topics t1,t2] [--verbose]                      # expert keys
    python scripts/answers_check.py --keys tests/fixtures/project_keys                 # project keys
    python scripts/answers_check.py --keys tests/fixtures/synthetic_keys --docs tests/fixtures/synthetic_contracts

Same measure as ../shared/tools/score_answers.py and `termguard eval` (it uses the eval's scorer), without a
subprocess per document.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from termguard.evaluate.data import default_data_dir, keys_from
from termguard.evaluate.metrics import AnswerScore
from termguard.evaluate.runner import score_keys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--topics", default="", help="comma-separated topic ids (default: all)")
    ap.add_argument("--verbose", action="store_true", help="list every miss with the key's quote and ours")
    ap.add_argument("--keys", default="", help="folder of keys (default: the expert keys in the shared data); "
                    "the project's keys give evidence as offsets, not text")
    ap.add_argument("--docs", default="", help="folder of documents (default: the shared vendor documents); "
                    "keys whose doc_id starts with synthetic/ read DOCS/<slug>.md")
    a = ap.parse_args()
    vt = default_data_dir() / "vendor_terms"
    keys = keys_from(Path(a.keys) if a.keys else vt / "answers", Path(a.docs) if a.docs else vt / "docs")
    if not keys:
        print(f"no answer keys found ({a.keys or vt / 'answers'}); skipping")
        return 0
    only = set(filter(None, a.topics.split(","))) or None
    s: AnswerScore = score_keys(keys, only=only)
    if a.verbose:
        print("\n".join(f"  {d}" for d in s.details))
    for topic, (n, r) in sorted(s.per_topic.items()):
        print(f"{topic:<28} {r}/{n}")
    print(f"parameters right {s.params_right}/{s.params}; evidence agreement "
          f"{s.evidence_right / max(s.evidence, 1):.2f} ({s.evidence_right}/{s.evidence})")
    print(f"position accuracy {s.right / max(s.items, 1):.3f} ({s.right}/{s.items}); "
          f"high-confidence {s.high_right / max(s.high, 1):.3f} ({s.high_right}/{s.high})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
