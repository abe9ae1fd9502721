"""Turn one uploaded file into a stored review; shared by the API and the upload page.

The playbook must be one of the shipped names: `load_playbook` also accepts a file path, and a web client
must not be able to make the server read arbitrary files.
"""

from __future__ import annotations

import re
import unicodedata

from fastapi import HTTPException, UploadFile
from starlette.concurrency import run_in_threadpool

from termguard.assess.playbook import shipped_playbooks
from termguard.errors import IngestError, RuleError
from termguard.web.engine import review_bytes
from termguard.web.store import ReviewStore, StoredReview

_UNSAFE_NAME = re.compile(r"[^\w.\- ()]+")


def clean_name(filename: str | None) -> str:
    """A display label from a client-supplied file name: last path part, printable, at most 120 characters."""
    base = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in unicodedata.normalize("NFC", base) if unicodedata.category(ch)[0] != "C")
    return base.strip()[:120] or "upload"


def ascii_filename(name: str) -> str:
    """A file name safe inside a Content-Disposition header."""
    ascii_only = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _UNSAFE_NAME.sub("_", ascii_only).strip("._ ") or "download"


def check_playbook(playbook: str | None, default: str) -> str:
    name = playbook or default
    if name not in shipped_playbooks():
        raise HTTPException(400, f"unknown playbook {name!r}; choose one of {', '.join(shipped_playbooks())}")
    return name


async def review_upload(store: ReviewStore, file: UploadFile, playbook: str) -> StoredReview:
    """Read (already bounded by the middleware), review off the event loop, store. 422 when unreadable."""
    data = await file.read()
    name = clean_name(file.filename)
    if not data:
        raise HTTPException(422, {"code": "E100", "status": "rejected", "message": f"{name}: the file is empty"})
    try:
        report = await run_in_threadpool(review_bytes, data, name, playbook)
    except IngestError as exc:
        raise HTTPException(422, {"code": exc.code, "status": exc.status, "message": exc.one_line()}) from exc
    except RuleError as exc:
        raise HTTPException(400, {"code": exc.code, "status": "error", "message": str(exc)}) from exc
    return store.add(name, report, data)
