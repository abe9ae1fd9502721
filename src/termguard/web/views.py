"""Rendering helpers shared by the page routes: every page gets the CSRF token and the feature flags."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from termguard.web.csrf import csrf_token
from termguard.web.features import all_features


def render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    ctx = {"csrf": csrf_token(request), "features": all_features(), "nav": "", **context}
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, name, ctx,
                                                                          status_code=status_code)
    return response


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
