"""Refuse dangerous zip archives from their central directory, before a single entry is decompressed.

zipfile reads whole members into memory and this Python lacks the overlapping-entry check (CVE-2024-0450), so
entry count, declared sizes, compression ratio and overlaps are checked up front (RELIABILITY.md).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from termguard.errors import IngestError
from termguard.ingest import codes
from termguard.ingest.limits import MB

_LOCAL_HEADER = 30  # fixed part of a local file header


@dataclass(frozen=True)
class ZipCaps:
    """Caps on what a zip may declare. The ratio cap applies only to entries above `ratio_min_bytes`."""

    max_entries: int = 5000
    max_entry_bytes: int = 200 * MB
    max_total_bytes: int = 512 * MB
    max_ratio: float = 100.0
    ratio_min_bytes: int = 1 * MB


def open_zip(data: bytes, name: str, caps: ZipCaps = ZipCaps()) -> zipfile.ZipFile:
    """Open and vet an in-memory zip; raises E105 (corrupt) or E107 (bomb / unsafe)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise codes.fail(codes.CORRUPT, f"corrupt zip archive ({exc})", name) from exc
    check_entries(archive.infolist(), len(data), name, caps)
    return archive


def _bomb(message: str, name: str) -> IngestError:
    return codes.fail(codes.ZIP_BOMB, f"zip bomb: {message}", name)


def check_entries(infos: list[zipfile.ZipInfo], size: int, name: str, caps: ZipCaps = ZipCaps()) -> None:
    """Apply every cap to the declared entries; the first one that trips is the reason given."""
    if len(infos) > caps.max_entries:
        raise _bomb(f"{len(infos)} entries (limit {caps.max_entries})", name)
    total = 0
    seen: set[str] = set()
    for info in infos:
        if info.filename in seen:
            raise codes.fail(codes.ZIP_BOMB, f"unsafe zip: duplicate entry {info.filename!r}", name)
        seen.add(info.filename)
        declared = info.file_size
        total += declared
        if declared > caps.max_entry_bytes:
            raise _bomb(f"declares {declared} bytes for {info.filename!r}", name)
        if declared > caps.ratio_min_bytes:
            ratio = declared / max(info.compress_size, 1)
            if ratio > caps.max_ratio:
                raise _bomb(
                    f"declares {declared} bytes from {info.compress_size} (ratio {ratio:.0f}:1)", name
                )
    if total > caps.max_total_bytes:
        raise _bomb(f"declares {total} bytes in total (limit {caps.max_total_bytes})", name)
    _check_overlaps(infos, size, name)


def _check_overlaps(infos: list[zipfile.ZipInfo], size: int, name: str) -> None:
    """Entries whose compressed data overlap the next entry's header are how 'quoted overlap' bombs work."""
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for this, following in zip(ordered, [*ordered[1:], None], strict=True):
        end = this.header_offset + _LOCAL_HEADER + this.compress_size
        limit = following.header_offset if following is not None else size
        if end > limit:
            raise codes.fail(
                codes.ZIP_BOMB, f"unsafe zip: entry {this.filename!r} overlaps the next one", name
            )


def read_member(archive: zipfile.ZipFile, member: str, name: str) -> bytes:
    """Read one vetted member; zipfile never returns more than the declared (already capped) size."""
    try:
        return archive.read(member)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise codes.fail(codes.CORRUPT, f"corrupt zip entry {member!r} ({exc})", name) from exc
