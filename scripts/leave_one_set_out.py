#!/usr/bin/env python3
"""Measure the answer tagger on key sets it was not trained on: train without one set, score that set.

    pip install -e ".[train]"
    python scripts/leave_one_set_out.py [--sets expert,project,,_blind,_blind2,_blind5,_blind6,_blind7,_blind8]

For each set: the review without the tagger, with a tagger trained on the other sets and allowed to tag every
topic (what ships), and with one trained the same way but limited to topics no rule tagged. Prints the
Markdown table of docs/accuracy.md. The held-out sets (HELD_OUT_SUFFIXES) are never trained on: not listed.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from termguard.evaluate.data import (
    TRAINING_SUFFIXES,
    answer_keys,
    default_data_dir,
    project_keys,
    synthetic_keys,
)

ROOT = Path(__file__).resolve().parent.parent
NAMES = {"expert": "expert keys", "project": "project keys", "": "synthetic", "_blind": "blind set 1",
         **{f"_blind{i}": f"blind set {i}" for i in range(2, 100)}}


def keys_of(name: str, data: Path):
    """A set by name, or several joined with "+" (left out together, scored together)."""
    if "+" in name:
        return [k for part in name.split("+") for k in keys_of(part, data)]
    return answer_keys(data) if name == "expert" else project_keys(data) if name == "project" else synthetic_keys(name)


def score(name: str, model: str) -> str:
    """Score one set in a fresh process (the models are cached per process) with the given tagger artifact."""
    code = ("import sys; from termguard.evaluate.runner import score_keys; from pathlib import Path;"
            "from termguard.evaluate.data import answer_keys, project_keys, synthetic_keys, default_data_dir;"
            f"n={name!r}; d=default_data_dir();"
            "ks=lambda n: [k for p in n.split('+') for k in ks(p)] if '+' in n else answer_keys(d) if n=='expert' "
            "else project_keys(d) if n=='project' else synthetic_keys(n); k=ks(n);"
            "s=score_keys(k); print(f'{s.right}/{s.items}')")
    env = {**os.environ, "TERMGUARD_ANSWER_MODEL": model}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(["expert", "project", "", "_blind+_blind2",
                                                "+".join(x for x in TRAINING_SUFFIXES if x not in ("", "_blind", "_blind2"))]),
                    help='comma-separated; join sets with "+" to leave them out together')
    a = ap.parse_args()
    data = default_data_dir()
    rows = ["| key sets left out | no tagger | + tagger, every topic (shipped) | + tagger, silent topics only |",
            "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.sets.split(","):
            if not keys_of(name, data):
                print(f"skipping {NAMES.get(name, name)}: no keys found", file=sys.stderr)
                continue
            cells = [score(name, "/nonexistent")]
            for extra, tag in (([], "every"), (["--fill-only"], "fill")):
                out = Path(tmp) / f"tagger-{tag}.npz"
                leave = [x for part in name.split("+") for x in ("--leave-out", part)]
                subprocess.run([sys.executable, str(ROOT / "scripts" / "train_answer_tagger.py"), *leave,
                                "--out", str(out), *extra], check=True, capture_output=True)
                cells.append(score(name, str(out)))
            label = " + ".join(NAMES.get(p, p) for p in name.split("+"))
            rows.append(f"| {label} ({len(keys_of(name, data))}) | " + " | ".join(cells) + " |")
            print(rows[-1], file=sys.stderr)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
