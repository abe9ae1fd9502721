"""Server-rendered pages: upload, register list, playbooks, compare and diff.

Every route works without JavaScript (plain forms and links); `static/app.js` and htmx only make it quicker.
The router carries `require_csrf`, so every state-changing page route checks the form's CSRF token.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from termguard.assess.playbook import load_playbook, shipped_playbooks
from termguard.topics import FAMILIES, load_catalogue
from termguard.web import review_pages
from termguard.web.csrf import require_csrf
from termguard.web.diff_view import ClauseChange, clause_changes
from termguard.web.features import available
from termguard.web.uploads import check_playbook, review_upload
from termguard.web.views import render, wants_json

router = APIRouter(dependencies=[Depends(require_csrf)], include_in_schema=False)
router.include_router(review_pages.router)


@router.get("/")
def upload_page(request: Request) -> Response:
    s = request.app.state.settings
    return render(request, "upload.html", {
        "nav": "upload", "playbooks": shipped_playbooks(), "default_playbook": s.default_playbook,
        "max_mb": s.max_upload_bytes // (1024 * 1024), "recent": request.app.state.store.list()[:5]})


@router.post("/reviews")
async def upload(request: Request, files: list[UploadFile] = File(...), playbook: str | None = Form(None),
                 csrf: str = Form("")) -> Response:
    """One or more files. The page's script sends one file per request and asks for JSON (for progress)."""
    name = check_playbook(playbook, request.app.state.settings.default_playbook)
    if not files:
        raise HTTPException(400, "choose at least one file")
    done = []
    for f in files:
        try:
            done.append(await review_upload(request.app.state.store, f, name))
        except HTTPException as exc:
            if wants_json(request):
                return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
            if len(files) == 1:
                raise
    if wants_json(request):
        return JSONResponse({"reviews": [{"id": r.id, "name": r.name, "url": f"/reviews/{r.id}"} for r in done]},
                            status_code=201)
    target = f"/reviews/{done[0].id}" if len(done) == 1 else "/register"
    return RedirectResponse(target, status_code=303)


@router.get("/register")
def register_page(request: Request, q: str = "", grade: str = "", status: str = "",
                  playbook: str = "") -> Response:
    """Reviews held by this server, searchable by name or title, filterable by grade, status and playbook."""
    items = request.app.state.store.list()
    needle = q.strip().lower()
    rows = [r for r in items
            if (not needle or needle in r.name.lower() or needle in (r.title or "").lower())
            and (not grade or r.grade == grade)
            and (not playbook or r.playbook == playbook)
            and (not status or r.counts.get(status, 0) > 0)]
    return render(request, "register.html", {
        "nav": "register", "rows": rows, "q": q, "grade": grade, "status": status, "playbook": playbook,
        "total": len(items), "playbooks": shipped_playbooks(), "persistent": request.app.state.store.persistent,
        "register_installed": available("register")})


@router.get("/playbooks")
def playbooks_page(request: Request, name: str = Query("")) -> Response:
    names = shipped_playbooks()
    chosen = name if name in names else request.app.state.settings.default_playbook
    pb = load_playbook(chosen)
    rows = []
    for t in load_catalogue():
        policy = pb.policy(t.id)
        rows.append({"topic": t, "policy": policy, "family": FAMILIES.get(t.family, t.family)})
    return render(request, "playbook.html", {"nav": "playbooks", "names": names, "pb": pb, "rows": rows})


@router.get("/compare")
def compare_page(request: Request, ids: list[str] = Query([])) -> Response:
    """Side by side: one row per topic, one column per review (positions and statuses)."""
    store = request.app.state.store
    chosen = [r for r in (store.get(i) for i in ids[:4]) if r is not None]
    topics = load_catalogue()
    best: dict[str, list[int]] = {}
    if len(chosen) > 1 and available("compare"):
        from termguard.compare import compare

        matrix = compare([r.report for r in chosen], labels=[r.report.document.title or r.name for r in chosen])
        best = {row.topic: row.best_columns for row in matrix.rows}
    grid = [{"topic": t, "cells": [r.report.finding(t.id) for r in chosen], "best": best.get(t.id, [])}
            for t in topics]
    return render(request, "compare.html", {"nav": "compare", "chosen": chosen, "grid": grid,
                                            "all": store.list(), "ids": [r.id for r in chosen],
                                            "engine": available("compare")})


@router.get("/diff")
def diff_page(request: Request, old: str = "", new: str = "") -> Response:
    """What changed between two versions: topic by topic, then the changed clauses about data use."""
    store = request.app.state.store
    a, b = store.get(old), store.get(new)
    rows = []
    directions: dict[str, str] = {}
    clauses: list[ClauseChange] = []
    if a and b and available("diff"):
        from termguard.diff import diff

        result = diff(a.report, b.report)
        directions = {c.topic: c.direction for c in result.changes}
        clauses = clause_changes(result)
    if a and b:
        for t in load_catalogue():
            fa, fb = a.report.finding(t.id), b.report.finding(t.id)
            pa, pb = (fa.position if fa else "—"), (fb.position if fb else "—")
            sa, sb = (fa.status.value if fa else "—"), (fb.status.value if fb else "—")
            rows.append({"topic": t, "old": fa, "new": fb, "changed": (pa, sa) != (pb, sb),
                         "direction": directions.get(t.id, "")})
    return render(request, "diff.html", {"nav": "diff", "a": a, "b": b, "rows": rows, "all": store.list(),
                                         "clauses": clauses,
                                         "old": old, "new": new, "engine": available("diff")})
