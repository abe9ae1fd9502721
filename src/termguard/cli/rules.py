"""`termguard rules lint|test|docs`: keep the rule files healthy and documented."""

from __future__ import annotations

from pathlib import Path

import typer

from termguard.cli.common import fail

rules_app = typer.Typer(help="Lint, self-test and document the topic rule files.", no_args_is_help=True)


@rules_app.command("lint")
def lint_cmd() -> None:
    """Validate every topic file: schema, position ids, extractor names, empty texts."""
    from termguard.rules_lint import lint

    topics, issues = lint()
    for i in issues:
        typer.echo(str(i))
    errors = [i for i in issues if i.code.startswith("E")]
    typer.echo(f"{len(topics)} topic files, {len(errors)} errors, {len(issues) - len(errors)} warnings")
    if errors:
        raise typer.Exit(1)


@rules_app.command("test")
def test_cmd(topic: str = typer.Option("", "--topic", help="Only this topic.")) -> None:
    """Run every rule file's own examples and report failures."""
    from termguard.rules_lint import lint, run_examples

    topics, _ = lint()
    if topic:
        topics = [t for t in topics if t.id == topic]
        if not topics:
            fail(f"unknown topic {topic!r}")
    results = run_examples(topics)
    bad = [r for r in results if not r.passed and not r.xfail]
    for r in bad:
        typer.echo(f"FAIL {r.topic} {r.kind}[{r.index}]: expected {r.expected}, got {r.got}")
    typer.echo(f"{len(results) - len(bad)} passed, {len(bad)} failed")
    if bad:
        raise typer.Exit(1)


@rules_app.command("docs")
def docs_cmd(out: Path = typer.Option(Path("docs/topics"), "--out", help="Folder for the generated pages.")) -> None:
    """Write docs/topics/<id>.md for every topic from its rule file."""
    from termguard.docs_gen import write_topic_docs

    paths = write_topic_docs(out)
    typer.echo(f"wrote {len(paths)} pages to {out}")


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules")
