"""Generate docs/topics/<id>.md from the rule files, with fixed headings (Ruff's self-documenting rules)."""

from __future__ import annotations

from pathlib import Path

from termguard.topics import FAMILIES, Topic, load_catalogue

HEADINGS = ("What it detects", "Why it matters", "Positions", "Example clause", "Better wording", "Parameters",
            "What to ask for", "References")


def topic_page(t: Topic) -> str:
    ex = next((e for e in t.examples.match if e.position), None)
    lines = [f"# {t.title} (`{t.id}`)", "", f"Family {t.family}: {FAMILIES[t.family]}.", "",
             "## What it detects", "", t.detects.strip(), "", "## Why it matters", "", t.why.strip(), "",
             "## Positions", "", "Best for the customer first; `silent` when the document does not address it.", ""]
    lines += [f"{i + 1}. `{p.id}` — **{p.label}**: {p.explain.strip()}" for i, p in enumerate(t.positions)]
    lines += ["", "## Example clause", ""]
    lines += [f"> {ex.text.strip()}", "", f"Position: `{ex.position}`."] if ex else ["(none)"]
    lines += ["", "## Better wording", "", t.better_wording.strip() or "(see the clause library)", "",
              "## Parameters", ""]
    lines += [f"- `{p.name}`" + (" (all values)" if p.many else "") for p in t.parameters] or ["(none)"]
    lines += ["", "## What to ask for", "", t.ask.strip(), ""]
    if t.fallback:
        lines += [f"Fallback: {t.fallback.strip()}", ""]
    if t.walk_away:
        lines += [f"Walk away when: {t.walk_away.strip()}", ""]
    lines += ["## References", ""] + ([f"- {r}" for r in t.references] or ["(none)"])
    lines += ["", f"*Generated from `src/termguard/rules/topics/{t.source_file}` by `termguard rules docs`.*", ""]
    return "\n".join(lines)


def write_topic_docs(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for t in load_catalogue():
        p = out / f"{t.id}.md"
        p.write_text(topic_page(t), encoding="utf-8")
        paths.append(p)
    index = ["# Topic catalogue", "", "| topic | family | positions (best first) |", "|---|---|---|"]
    index += [f"| [{t.id}]({t.id}.md) | {t.family} | {' › '.join(t.ladder)} |" for t in load_catalogue()]
    (out / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")
    return paths
