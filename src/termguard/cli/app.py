"""The `termguard` command. Command modules register themselves; this file only assembles them."""

from __future__ import annotations

import importlib
import sys

import typer

from termguard import __version__

app = typer.Typer(
    name="termguard",
    help="Review AI vendors' terms, DPAs and agreements against your playbook — clause by clause, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules, in help order. A module that is not installed (an optional feature) is skipped.
COMMAND_MODULES = ("review", "rules", "playbook", "negotiate", "register", "scan", "compare", "diff", "eval",
                   "serve")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termguard {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """termguard reviews AI vendor contracts locally; contract text never leaves this machine."""


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        modname = f"termguard.cli.{name}"
        try:
            mod = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        mod.register(app)


_register_commands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
