#!/usr/bin/env python3
"""Score key sets with the code of other commits: how a set scored when it was first measured, and before.

    python scripts/score_at_commits.py --commits d7cb455,884ca5a --sets _blind5,_blind6,_blind7,_blind8

Each commit is checked out into a temporary `git worktree` and run from its own source tree (its rules and
its shipped models), always against this checkout's key sets and documents. Prints one Markdown row per
commit: right/items per set and in total. docs/accuracy.md's "first measured" table comes from this.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

_SCORE = """
import sys
from pathlib import Path
from termguard.evaluate.data import keys_from
from termguard.evaluate.runner import score_keys
fx = Path(sys.argv[1])
for suffix in sys.argv[2:]:
    s = score_keys(keys_from(fx / f"synthetic_keys{suffix}", fx / f"synthetic_contracts{suffix}"))
    print(f"{suffix} {s.right} {s.items}")
"""


def score_at(commit: str, sets: list[str]) -> dict[str, tuple[int, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit],
                       check=True, capture_output=True)
        try:
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            out = subprocess.run([sys.executable, "-c", _SCORE, str(FIXTURES), *sets], env=env, cwd=tree,
                                 check=True, capture_output=True, text=True).stdout
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    got = {}
    for line in out.splitlines():
        suffix, right, items = line.split()
        got[suffix] = (int(right), int(items))
    return got


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--commits", required=True, help="comma-separated commits or refs")
    ap.add_argument("--sets", required=True, help="comma-separated synthetic key-set suffixes, e.g. _blind5")
    a = ap.parse_args()
    sets = a.sets.split(",")
    print("| commit | " + " | ".join(s.strip("_") for s in sets) + " | total |")
    print("|---|" + "---|" * (len(sets) + 1))
    for commit in a.commits.split(","):
        got = score_at(commit, sets)
        right = sum(r for r, _ in got.values())
        items = sum(n for _, n in got.values())
        cells = [f"{got[s][0]}/{got[s][1]}" for s in sets]
        print(f"| `{commit}` | " + " | ".join(cells) + f" | {right}/{items} ({right / items:.3f}) |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
