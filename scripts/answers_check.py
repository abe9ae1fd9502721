#!/usr/bin/env python3
"""In-process version of ../shared/tools/score_answers.py for quick rule tuning.

    python scripts/answers_check.py [--topics t1,t2] [--verbose] [--keys DIR] [--docs DIR]

Synthetic keys (doc_id "synthetic/<slug>/1") read their document from DOCS/<slug>.md, e.g.
    python scripts/answers_check.py --keys tests/fixtures/synthetic_keys --docs tests/fixtures/synthetic_contracts

Same measures (position accuracy, high-confidence accuracy, days/hours/notice_days, evidence agreement), run
without a subprocess per document. `termguard eval` is the published measure; this is the tuning loop.
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import sys
from collections import defaultdict

from termguard.evaluate.metrics import quotes_agree as overlaps
from termguard.model import Document, TextMap
from termguard.pipeline import analyse

DATA = os.environ.get("TERMGUARD_DATA", os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--topics", default="")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--keys", default="", help="folder of keys (default: the expert keys in shared data); the "
                    "project's own keys in tests/fixtures/project_keys give evidence as offsets, not text")
    ap.add_argument("--docs", default="", help="folder of documents (default: the vendor docs in shared data); "
                    "keys whose doc_id starts with synthetic/ read DOCS/<slug>.md")
    a = ap.parse_args()
    want = set(filter(None, a.topics.split(",")))
    vt = os.path.join(DATA, "vendor_terms")
    docs = a.docs or os.path.join(vt, "docs")
    keys = sorted(glob.glob(os.path.join(a.keys or os.path.join(vt, "answers"), "*.json")))
    if not keys:
        print(f"no answer keys under {vt}; skipping")
        return 0
    per = defaultdict(lambda: [0, 0])
    n = ok = nh = okh = ne = oke = npar = okpar = 0
    for f in keys:
        key = json.load(open(f))
        vendor, docname, ver = key["doc_id"].split("/")
        if vendor == "synthetic":
            path = os.path.join(docs, docname + ".md")
        else:
            path = os.path.join(docs, vendor, docname, ver + ".md")
        text = open(path, encoding="utf-8").read()
        for lab in key["labels"].values():  # project keys locate evidence by offsets so no vendor text is committed
            lab["evidence"] = [text[e["start"]:e["end"]] if isinstance(e, dict) else e for e in lab["evidence"]]
        doc = Document(path, hashlib.sha256(text.encode()).hexdigest(), "markdown", text, TextMap.build(text))
        got = {x.topic: x for x in analyse(doc).findings}
        for topic, lab in key["labels"].items():
            if want and topic not in want:
                continue
            g = got.get(topic)
            pos = g.position if g else "<missing>"
            hit = pos == lab["position"]
            n += 1; ok += hit
            per[topic][0] += 1; per[topic][1] += hit
            if lab["confidence"] == "high":
                nh += 1; okh += hit
            if not hit and a.verbose:
                ev = " | ".join(e[:90] for e in lab["evidence"][:1])
                mine = " | ".join(e.quote[:90].replace("\n", " ") for e in (g.evidence if g else ())[:1])
                print(f"  {key['doc_id']} {topic}: key {lab['position']} ({lab['confidence']}), review {pos}\n"
                      f"      key: {ev}\n      got: {mine}")
            elif hit and lab["position"] != "silent":
                ne += 1
                agree = any(overlaps(q, e.quote) for q in lab["evidence"] for e in g.evidence)
                oke += agree
                if not agree and a.verbose:
                    print(f"  {key['doc_id']} {topic}: evidence disagrees; key: {lab['evidence'][0][:90]}")
            for k in ("days", "hours", "notice_days"):
                if k in lab.get("params", {}) and hit:
                    npar += 1
                    good = (g.parameters.get(k) == lab["params"][k])
                    okpar += good
                    if not good and a.verbose:
                        print(f"  {key['doc_id']} {topic}: {k} key {lab['params'][k]} got {g.parameters.get(k)}")
    for t, (c, h) in sorted(per.items()):
        print(f"{t:<28} {h}/{c}")
    print(f"parameters right {okpar}/{npar}; evidence agreement {oke / max(ne, 1):.2f} ({oke}/{ne})")
    print(f"position accuracy {ok / max(n, 1):.3f} ({ok}/{n}); high-confidence {okh / max(nh, 1):.3f} ({okh}/{nh})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
