"""The review page, in-place status editing and the downloads of one review.

Downloads of what the user uploaded are attachments only, with `nosniff` and a sandboxing CSP: a hostile
"contract" that is really an HTML page can never run in this origin.
"""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from termguard.report.json_report import render_json
from termguard.report.markdown import render_markdown
from termguard.web.features import available
from termguard.web.review_view import SEVERITY_ORDER, STATUS_ORDER, build_view
from termguard.web.security import ATTACHMENT_CSP
from termguard.web.store import NEGOTIATION_STATUSES, StoredReview
from termguard.web.uploads import ascii_filename
from termguard.web.views import is_htmx, render

router = APIRouter()
NOTE_MAX = 2000


def _get(request: Request, review_id: str) -> StoredReview:
    item = request.app.state.store.get(review_id)
    if item is None:
        raise HTTPException(404, f"no review {review_id!r}")
    return item


def attachment(body: bytes, filename: str, media_type: str) -> Response:
    safe = ascii_filename(filename)
    return Response(body, media_type=media_type, headers={
        "content-disposition": f'attachment; filename="{safe}"',
        "x-content-type-options": "nosniff",
        "content-security-policy": ATTACHMENT_CSP,
        "cache-control": "no-store"})


@router.get("/reviews/{review_id}")
def review_page(request: Request, review_id: str) -> Response:
    item = _get(request, review_id)
    status = request.query_params.getlist("status")
    severity = request.query_params.getlist("severity")
    return render(request, "review.html", {
        "nav": "register", "v": build_view(item), "item": item, "statuses": STATUS_ORDER,
        "severities": SEVERITY_ORDER, "negotiation": NEGOTIATION_STATUSES,
        "show_status": set(status) or set(STATUS_ORDER), "show_severity": set(severity) or set(SEVERITY_ORDER),
        "pack": available("negotiate"), "note_max": NOTE_MAX})


@router.post("/reviews/{review_id}/findings/{finding_id}/status")
def set_status(request: Request, review_id: str, finding_id: str, status: str = Form(...),
               note: str = Form(""), csrf: str = Form("")) -> Response:
    """Save one finding's negotiation status and note; htmx gets the updated control back, a plain form a redirect."""
    _get(request, review_id)
    if status not in NEGOTIATION_STATUSES:
        raise HTTPException(400, f"unknown status {status!r}")
    try:
        request.app.state.store.set_status(review_id, finding_id, status, note.strip()[:NOTE_MAX], "web")
    except KeyError as exc:
        raise HTTPException(404, f"no finding {finding_id!r}") from exc
    item = _get(request, review_id)  # read back: the register builds a fresh item on every get
    index = next(i for i, f in enumerate(item.report.findings) if f.id == finding_id)
    if is_htmx(request):
        return render(request, "_status.html", {"item": item, "f": item.report.findings[index], "index": index,
                                                "negotiation": NEGOTIATION_STATUSES, "saved": True,
                                                "note_max": NOTE_MAX})
    return RedirectResponse(f"/reviews/{review_id}#f-{index}", status_code=303)


def _stem(item: StoredReview) -> str:
    return ascii_filename(item.name.rsplit(".", 1)[0]) or "review"


@router.get("/reviews/{review_id}/report.json")
def download_json(request: Request, review_id: str) -> Response:
    item = _get(request, review_id)
    return attachment(render_json(item.report).encode(), f"{_stem(item)}.termguard.json", "application/json")


@router.get("/reviews/{review_id}/report.md")
def download_markdown(request: Request, review_id: str) -> Response:
    item = _get(request, review_id)
    return attachment(render_markdown(item.report).encode(), f"{_stem(item)}.termguard.md", "text/markdown")


@router.get("/reviews/{review_id}/original")
def download_original(request: Request, review_id: str) -> Response:
    """The uploaded bytes, exactly, as an opaque attachment."""
    item = _get(request, review_id)
    if item.original is None:
        raise HTTPException(404, "the register keeps the extracted text, not the uploaded file")
    return attachment(item.original, item.name, "application/octet-stream")


@router.get("/reviews/{review_id}/pack.zip")
async def download_pack(request: Request, review_id: str) -> Response:
    item = _get(request, review_id)
    if not available("negotiate"):
        raise HTTPException(501, "the negotiation pack is not available in this build (termguard.negotiate "
                                 "is not installed)")
    from termguard.web.pack import pack_zip

    data = await run_in_threadpool(pack_zip, item)
    return attachment(data, f"{_stem(item)}.negotiation-pack.zip", "application/zip")
