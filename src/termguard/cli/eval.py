"""`termguard eval`: accuracy on the labelled reference data, per topic."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table


def _fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.2f}"


def eval_cmd(
    data: Path | None = typer.Option(None, "--data", help="Reference data folder (default ../shared/data or $TERMGUARD_DATA)."),
    out: Path = typer.Option(Path("eval.json"), "--out", help="Where to write the JSON results."),
    limit: int | None = typer.Option(None, "--limit", help="Only the first N documents of each set."),
    jobs: int = typer.Option(2, "--jobs", "-j", help="Worker processes for the corpus sets."),
    only: str = typer.Option("", "--only", help="Comma-separated: cuad, claudette, answers."),
    verbose: bool = typer.Option(False, "--verbose", help="List every answer-key miss."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the tables as Markdown (for docs/accuracy.md)."),
    no_model: bool = typer.Option(False, "--no-model", help="Rules only: leave the classifier out."),
    all_docs: bool = typer.Option(False, "--all-docs", help="Score corpus sets on every document, not only the "
                                                            "classifier's held-out ones."),
    held_out: bool = typer.Option(False, "--held-out", help="Score corpus sets only on the classifier's held-out "
                                                            "documents, even rules-only (for a like-for-like view)."),
) -> None:
    """Measure clause detection (CUAD, CLAUDETTE) and positions (vendor answer keys). Missing data is skipped."""
    from termguard.evaluate.data import default_data_dir
    from termguard.evaluate.runner import run_eval, write_json

    console = Console(stderr=True)
    folder = data or default_data_dir()
    if not folder.is_dir():
        console.print(f"eval: reference data not found at {folder}; nothing to measure (skipped)")
        raise typer.Exit(0)
    sets = {s.strip() for s in only.split(",") if s.strip()} or None
    if no_model:
        import os

        from termguard.classify.registry import model_recognizers

        os.environ["TERMGUARD_NO_MODEL"] = "1"  # inherited by the worker processes
        model_recognizers.cache_clear()
    with console.status("evaluating…") as status:
        def progress(name: str, i: int, n: int | None) -> None:
            status.update(f"{name}: {i}{'/' + str(n) if n else ''} documents")

        res = run_eval(folder, limit=limit, jobs=jobs, progress=progress, only=sets,
                       held_out_only=False if all_docs else True if held_out else None)
    write_json(res, out)
    if markdown:
        typer.echo(to_markdown(res))
    else:
        show(res, Console(), verbose)
    console.print(f"wrote {out}")


def show(res: object, console: Console, verbose: bool = False) -> None:
    from termguard.evaluate.runner import EvalResult

    assert isinstance(res, EvalResult)
    for s in res.skipped:
        console.print(f"[yellow]skipped[/] {s}")
    for name, det in res.detection.items():
        t = Table(title=f"{name}: clause detection ({det.documents} documents; {res.model})", title_justify="left")
        for col in ("topic", "spans", "span recall", "clause precision", "doc P", "doc R", "doc F1"):
            t.add_column(col, justify="left" if col == "topic" else "right")
        for topic, tc in sorted(det.topics.items()):
            t.add_row(topic, str(tc.spans), _fmt(tc.span_recall), _fmt(tc.clause_precision), _fmt(tc.doc_precision),
                      _fmt(tc.doc_recall), _fmt(tc.doc_f1))
        t.add_row("macro", "", _fmt(det.macro("span_recall")), _fmt(det.macro("clause_precision")),
                  _fmt(det.macro("doc_precision")), _fmt(det.macro("doc_recall")), _fmt(det.macro("doc_f1")),
                  style="bold")
        console.print(t)
    console.print(f"[dim]{res.model}; split: {res.split}[/]")
    a = res.answers
    if a:
        t = Table(title="vendor answer keys: positions", title_justify="left")
        t.add_column("topic")
        t.add_column("right", justify="right")
        t.add_column("accuracy", justify="right")
        for topic, (n, r) in sorted(a.per_topic.items()):
            t.add_row(topic, f"{r}/{n}", _fmt(r / n if n else None))
        console.print(t)
        console.print(
            f"position accuracy {_fmt(a.right / a.items if a.items else None)} ({a.right}/{a.items}); "
            f"high-confidence {_fmt(a.high_right / a.high if a.high else None)} ({a.high_right}/{a.high}); "
            f"parameters {a.params_right}/{a.params}; evidence agreement "
            f"{_fmt(a.evidence_right / a.evidence if a.evidence else None)} ({a.evidence_right}/{a.evidence})")
        if verbose:
            for m in a.details:
                console.print(f"  miss: {m}")
    for name, x in res.extra_answers.items():
        console.print(f"{name}: {_summary(x)}")
        if verbose:
            for m in x.details:
                console.print(f"  miss: {m}")


def _summary(a: object) -> str:
    from termguard.evaluate.metrics import AnswerScore

    assert isinstance(a, AnswerScore)
    return (f"position accuracy {_fmt(a.right / a.items if a.items else None)} ({a.right}/{a.items}); "
            f"high-confidence {_fmt(a.high_right / a.high if a.high else None)} ({a.high_right}/{a.high}); "
            f"days/hours/notice_days {a.params_right}/{a.params}; evidence agreement "
            f"{_fmt(a.evidence_right / a.evidence if a.evidence else None)} ({a.evidence_right}/{a.evidence})")


def to_markdown(res: object) -> str:
    """The same tables as Markdown."""
    from termguard.evaluate.runner import EvalResult

    assert isinstance(res, EvalResult)
    out = [f"Configuration: {res.model}. Split: {res.split}.", ""]
    for name, det in res.detection.items():
        out += [f"**{name}** ({det.documents} documents)", "",
                "| topic | labelled spans | span recall | clause precision | doc precision | doc recall | doc F1 |",
                "|---|---|---|---|---|---|---|"]
        for topic, tc in sorted(det.topics.items()):
            out.append(f"| `{topic}` | {tc.spans} | {_fmt(tc.span_recall)} | {_fmt(tc.clause_precision)} | "
                       f"{_fmt(tc.doc_precision)} | {_fmt(tc.doc_recall)} | {_fmt(tc.doc_f1)} |")
        out.append(f"| **macro** | | **{_fmt(det.macro('span_recall'))}** | {_fmt(det.macro('clause_precision'))} | "
                   f"{_fmt(det.macro('doc_precision'))} | {_fmt(det.macro('doc_recall'))} | "
                   f"**{_fmt(det.macro('doc_f1'))}** |")
        out.append("")
    a = res.answers
    if a:
        out += ["**vendor answer keys**", "", "| topic | right | accuracy |", "|---|---|---|"]
        for topic, (n, r) in sorted(a.per_topic.items()):
            out.append(f"| `{topic}` | {r}/{n} | {_fmt(r / n if n else None)} |")
        out += ["", f"Position accuracy **{_fmt(a.right / a.items if a.items else None)}** ({a.right}/{a.items}); "
                f"high-confidence **{_fmt(a.high_right / a.high if a.high else None)}** ({a.high_right}/{a.high}); "
                f"days/hours/notice_days right {a.params_right}/{a.params}; evidence agreement "
                f"**{_fmt(a.evidence_right / a.evidence if a.evidence else None)}** ({a.evidence_right}/{a.evidence}).",
                ""]
    if res.extra_answers:
        names = list(res.extra_answers)
        out += ["**the project's own keys**", "", "| topic | " + " | ".join(names) + " |",
                "|---|" + "---|" * len(names)]
        topics = sorted({t for x in res.extra_answers.values() for t in x.per_topic})
        for t in topics:
            cells = []
            for x in res.extra_answers.values():
                n, r = x.per_topic.get(t, [0, 0])
                cells.append(f"{r}/{n}" if n else "—")
            out.append(f"| `{t}` | " + " | ".join(cells) + " |")
        out.append("")
        out += [f"- {name}: {_summary(x)}" for name, x in res.extra_answers.items()] + [""]
    return "\n".join(out)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_cmd)
