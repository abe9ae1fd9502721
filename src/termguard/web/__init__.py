"""termguard's local web app: a thin layer over the pipeline and the register.

`create_app(settings)` builds the FastAPI application; `termguard serve` runs it under uvicorn on
127.0.0.1. Security lives in one ASGI middleware (`security.py`) so that every route, page or API, gets the
same Host allow-list, CSRF, token and upload-size rules without remembering to ask for them.
"""

from termguard.web.app import create_app
from termguard.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
