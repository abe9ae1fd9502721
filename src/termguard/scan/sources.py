"""Turn the PATHs of `termguard scan` into an ordered list of inputs, without reading any document.

Folders are walked in sorted order (symlinks are not followed: a link can point anywhere). A zip that is not
a DOCX is an archive: its central directory is vetted (zipguard: entry count, declared sizes, ratio,
overlaps) and each member becomes an input labelled `archive.zip!member`. Member names are labels only,
never joined to a path, and nothing is ever extracted to disk; a zip inside an archive is not opened (one
level only). Inputs that are refused before reading get a terminal status here (`Refused`).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from termguard.errors import IngestError
from termguard.ingest.zipguard import check_entries

_ZIP_MAGIC = b"PK\x03\x04"
_SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True)
class Input:
    """One document to scan. `member` is set for a zip member; `path` is always a real file."""

    label: str
    path: str
    member: str | None = None
    refused: tuple[str, str] | None = None  # (status, reason) when refused before reading


def is_archive(path: str) -> bool:
    """A zip that is not an Office document (DOCX has word/document.xml)."""
    try:
        with open(path, "rb") as fh:
            if fh.read(4) != _ZIP_MAGIC:
                return False
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False
    return "word/document.xml" not in names and "[Content_Types].xml" not in names


def _archive(path: str) -> Iterator[Input]:
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            check_entries(infos, os.path.getsize(path), path)
    except IngestError as exc:
        yield Input(path, path, refused=(exc.status, exc.message))
        return
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        yield Input(path, path, refused=("error", f"corrupt zip archive ({exc})"))
        return
    seen: dict[str, int] = {}
    for info in infos:
        if info.is_dir() or info.filename.rsplit("/", 1)[-1] in _SKIP_NAMES or "__MACOSX/" in info.filename:
            continue
        label = f"{path}!{info.filename}"
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:  # duplicate member names are legal in zip files; keep each one distinct
            label = f"{label}#{seen[label]}"
        yield Input(label, path, info.filename)


def _file(path: str) -> Iterator[Input]:
    if is_archive(path):
        yield from _archive(path)
    else:
        yield Input(path, path)


def collect(paths: list[str]) -> list[Input]:
    """Every input under `paths`, in a stable order; a missing PATH is an input with status `error`."""
    out: list[Input] = []
    for raw in paths:
        p = Path(raw)
        if p.is_symlink():
            out.append(Input(str(p), str(p), refused=("rejected", "symbolic link (not followed)")))
        elif p.is_dir():
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name in _SKIP_NAMES or name.startswith("."):
                        continue
                    if os.path.islink(full):
                        out.append(Input(full, full, refused=("rejected", "symbolic link (not followed)")))
                    else:
                        out.extend(_file(full))
        elif p.is_file():
            out.extend(_file(str(p)))
        else:
            out.append(Input(str(p), str(p), refused=("error", "no such file or folder")))
    return out
