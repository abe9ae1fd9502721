"""The JSON API, versioned under /api/v1 and described by the OpenAPI document FastAPI generates.

Responses carry the `termguard.report/1` JSON unchanged, plus the review `id` and the negotiation status of
each finding, so a script sees exactly what `termguard review --format json` prints.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from pydantic import BaseModel, Field

from termguard import __version__
from termguard.assess.playbook import shipped_playbooks
from termguard.report.json_report import report_to_dict
from termguard.web.features import all_features
from termguard.web.store import NEGOTIATION_STATUSES, StoredReview
from termguard.web.uploads import check_playbook, review_upload

router = APIRouter(prefix="/api/v1", tags=["api"])

NegotiationStatus = Literal["open", "asked", "agreed", "rejected", "accepted-risk"]
assert set(NegotiationStatus.__args__) == set(NEGOTIATION_STATUSES)  # type: ignore[attr-defined]


class StatusChange(BaseModel):
    status: NegotiationStatus
    note: str | None = Field(None, max_length=2000,
                             description="Why, or what was said; omitted keeps the current note, \"\" clears it")
    who: str = Field("api", min_length=1, max_length=100, description="Who made the change")


def review_json(item: StoredReview) -> dict[str, Any]:
    body = report_to_dict(item.report)
    changes = {f.id: c.to_dict() for f in item.report.findings if (c := item.change_of(f.id)) is not None}
    return {"id": item.id, **body, "negotiation": {f.id: item.status_of(f.id) for f in item.report.findings},
            "negotiation_changes": changes}


def _get(request: Request, review_id: str) -> StoredReview:
    item = request.app.state.store.get(review_id)
    if item is None:
        raise HTTPException(404, f"no review {review_id!r}")
    return item


@router.get("/healthz")
def healthz() -> dict[str, Any]:
    """Liveness, the version and which optional features are installed."""
    return {"status": "ok", "version": __version__, "features": all_features()}


@router.post("/reviews", status_code=201)
async def create_review(request: Request, file: UploadFile = File(..., description="The contract to review"),
                        playbook: str | None = Form(None, description="A shipped playbook name")
                        ) -> dict[str, Any]:
    """Review one file; returns the termguard.report/1 JSON plus its `id`."""
    name = check_playbook(playbook, request.app.state.settings.default_playbook)
    item = await review_upload(request.app.state.store, file, name)
    return review_json(item)


@router.get("/reviews")
def list_reviews(request: Request) -> list[dict[str, Any]]:
    """Reviews held by this server, newest first (summary only)."""
    return [{"id": r.id, "name": r.name, "title": r.title, "playbook": r.playbook, "score": r.score,
             "grade": r.grade, "counts": r.counts, "created": r.created} for r in request.app.state.store.list()]


@router.get("/reviews/{review_id}")
def get_review(request: Request, review_id: str) -> dict[str, Any]:
    return review_json(_get(request, review_id))


@router.put("/reviews/{review_id}/findings/{finding_id}/status")
def set_status(request: Request, review_id: str, finding_id: str, change: StatusChange) -> dict[str, str]:
    """Record where the negotiation of one finding stands, with an optional note."""
    item = _get(request, review_id)
    note = item.note_of(finding_id) if change.note is None else change.note
    try:
        request.app.state.store.set_status(review_id, finding_id, change.status, note, change.who)
    except KeyError as exc:
        raise HTTPException(404, f"no finding {finding_id!r} in review {review_id!r}") from exc
    return {"id": finding_id, "status": change.status, "note": note}


@router.get("/playbooks")
def playbooks() -> list[str]:
    return shipped_playbooks()
