"""Assemble the FastAPI app: security middleware outermost, then the API, the pages and the static files.

FastAPI's interactive docs are off (they load Swagger UI from a CDN and the app must work offline); the
OpenAPI document itself is served at `/api/v1/openapi.json`.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from termguard import __version__
from termguard.web.security import SecurityMiddleware
from termguard.web.settings import WebSettings
from termguard.web.store import MemoryStore, ReviewStore
from termguard.web.templating import STATIC, build_templates
from termguard.web.views import render


def create_app(settings: WebSettings | None = None, store: ReviewStore | None = None) -> FastAPI:
    """A new app; tests build one per settings so nothing leaks between them."""
    from termguard.web import api, pages

    s = settings or WebSettings.build()
    app = FastAPI(title="termguard", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Review AI vendors' contracts offline. Automated review assists a person; it can "
                              "miss clauses, and every finding carries its evidence so it can be checked.")
    app.state.settings = s
    app.state.store = store or MemoryStore()
    app.state.templates = build_templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        detail = exc.detail.get("message", exc.detail) if isinstance(exc.detail, dict) else exc.detail
        return render(request, "error.html", {"status": exc.status_code, "detail": str(detail)},
                      status_code=exc.status_code)

    app.add_middleware(SecurityMiddleware, settings=s)
    return app
