"""Helpers shared by CLI commands: error reporting and exit codes."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import NoReturn

import typer

from termguard.errors import IngestError, TermguardError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print one line to stderr and exit."""
    sys.stderr.write(f"termguard: {message}\n")
    raise typer.Exit(code)


def fail_from(exc: TermguardError) -> NoReturn:
    if isinstance(exc, IngestError):
        fail(exc.one_line())
    fail(str(exc))


def sample_path() -> Path:
    """The bundled sample agreement (written by the project) reviewed when no file is given."""
    return Path(str(resources.files("termguard") / "data" / "sample-agreement.md"))


def write_output(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    if not out.parent.is_dir():
        fail(f"{out}: folder {out.parent} does not exist")
    tmp = out.with_name(out.name + ".tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror or exc}")
    sys.stderr.write(f"wrote {out}\n")
