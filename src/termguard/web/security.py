"""One ASGI middleware that applies every web security rule before a route runs.

Order, cheapest refusal first:
1. Host allow-list (DNS rebinding: a page on evil.example resolved to 127.0.0.1 still says `Host: evil.example`).
2. Token, when bound beyond loopback: `Authorization: Bearer`, or the session cookie the browser got by opening
   the printed `?token=` URL once.
3. State-changing methods: refuse `Sec-Fetch-Site: cross-site|same-site` and any `Origin` that is not this
   server's own (`same-site` matters: localhost:3000 and localhost:8000 are the same site to a browser). Then a
   CSRF token (double submit: `tg_csrf` cookie vs `X-CSRF-Token` header or the `csrf` form field, the latter
   checked by `csrf.require_csrf` on the page router, since reading a form here would consume the body).
4. Upload size: a declared `Content-Length` over the limit is refused before a byte is read; a body that grows
   past it while streaming stops being read and the response becomes 413.
Every response gets nosniff, a strict CSP and no-store (pages show contract text; caches must not keep it).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Awaitable, Callable
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from termguard.web.settings import WebSettings

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE, SESSION_COOKIE, CSRF_HEADER = "tg_csrf", "tg_session", "x-csrf-token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
ATTACHMENT_CSP = "default-src 'none'; sandbox"
_COMMON = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"x-frame-options", b"DENY"), (b"cross-origin-opener-policy", b"same-origin"),
           (b"cross-origin-resource-policy", b"same-origin"))


def headers_of(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}


def cookies_of(headers: dict[str, str]) -> dict[str, str]:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed Cookie header is treated as no cookies
        return {}
    return {k: m.value for k, m in jar.items()}


def session_value(token: str) -> str:
    """What the session cookie holds: a hash of the token, so the cookie is not the token itself."""
    return hashlib.sha256(b"termguard-session\0" + token.encode()).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(str(a).encode(), str(b).encode())


def host_name(host_header: str) -> str:
    """`Host: example:8000` → `example`; `[::1]:8000` → `[::1]`."""
    h = host_header.strip().lower()
    if h.startswith("["):
        return h.split("]", 1)[0] + "]"
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


async def respond(send: Send, status: int, body: str, api: bool, extra: list[tuple[bytes, bytes]] | None = None
                  ) -> None:
    """A small refusal response, JSON for the API and plain text for pages."""
    data = json.dumps({"detail": body}).encode() if api else (body + "\n").encode()
    ctype = b"application/json" if api else b"text/plain; charset=utf-8"
    headers = [(b"content-type", ctype), (b"content-length", str(len(data)).encode()), *(extra or []),
               (b"content-security-policy", PAGE_CSP.encode()), (b"cache-control", b"no-store"), *_COMMON]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})


class TooLarge(Exception):
    """Raised from `receive` when the body passes the limit; the response is replaced by 413 anyway."""


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, settings: WebSettings) -> None:
        self.app = app
        self.s = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await send({"type": "websocket.close", "code": 1008})
            return
        h = headers_of(scope)
        path: str = scope.get("path", "/")
        api = path.startswith("/api/")
        if host_name(h.get("host", "")) not in self.s.allowed_hosts:
            await respond(send, 400, "Host header not allowed", api)
            return
        cookies = cookies_of(h)
        bearer = h.get("authorization", "")
        bearer_ok = self.s.token is not None and bearer.startswith("Bearer ") and same(bearer[7:], self.s.token)
        if (self.s.token is not None and not bearer_ok
                and not same(cookies.get(SESSION_COOKIE), session_value(self.s.token))):
            await self._login_or_refuse(scope, send, api)
            return
        method = scope.get("method", "GET")
        if method in UNSAFE:
            why = self._cross_site(h) or self._csrf(h, cookies, api, bearer_ok, scope)
            if why:
                await respond(send, 403, why, api)
                return
            length = h.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.s.max_upload_bytes):
                await respond(send, 413, f"request body over the {self.s.max_upload_bytes} byte limit", api,
                              [(b"connection", b"close")])
                return
        csrf = cookies.get(CSRF_COOKIE) or ""
        fresh = not csrf or len(csrf) < 16
        if fresh:
            csrf = secrets.token_urlsafe(24)
        scope.setdefault("state", {})["csrf"] = csrf
        await self._run(scope, receive, send, api, fresh, csrf)

    async def _login_or_refuse(self, scope: Scope, send: Send, api: bool) -> None:
        """`GET /?token=T` with the right token sets the session cookie and redirects to the clean URL."""
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if scope.get("method") == "GET" and self.s.token and same(query.get("token"), self.s.token):
            rest = urlencode({k: v for k, v in query.items() if k != "token"})
            location = scope.get("path", "/") + (f"?{rest}" if rest else "")
            cookie = (f"{SESSION_COOKIE}={session_value(self.s.token)}; Path=/; HttpOnly; SameSite=Strict")
            await respond(send, 303, "signed in", api, [(b"location", location.encode()),
                                                        (b"set-cookie", cookie.encode())])
            return
        await respond(send, 401, "token required: open the URL printed by `termguard serve`, or send "
                      "Authorization: Bearer <token>", api, [(b"www-authenticate", b"Bearer")])

    def _cross_site(self, h: dict[str, str]) -> str | None:
        site = h.get("sec-fetch-site", "").lower()
        if site in ("cross-site", "same-site"):
            return f"cross-site request refused (Sec-Fetch-Site: {site})"
        origin = h.get("origin")
        if origin is not None:
            parts = urlsplit(origin)
            if origin == "null" or not parts.netloc or parts.netloc.lower() != h.get("host", "").lower():
                return "cross-site request refused (foreign Origin)"
        return None

    def _csrf(self, h: dict[str, str], cookies: dict[str, str], api: bool, bearer_ok: bool, scope: Scope
              ) -> str | None:
        """Bearer-authenticated and cookieless API calls cannot be forged by a browser; everything else can."""
        if bearer_ok or (api and CSRF_COOKIE not in cookies):
            return None
        sent = h.get(CSRF_HEADER)
        if sent is None and not api:
            scope.setdefault("state", {})["csrf_form_check"] = True  # the page router reads the form field
            return None if cookies.get(CSRF_COOKIE) else "CSRF cookie missing: reload the page and try again"
        if not same(sent, cookies.get(CSRF_COOKIE)):
            return "CSRF token missing or wrong: reload the page and try again"
        return None

    async def _run(self, scope: Scope, receive: Receive, send: Send, api: bool, fresh: bool, csrf: str) -> None:
        limit, seen, state = self.s.max_upload_bytes, 0, {"over": False, "started": False}

        async def counted() -> Message:
            nonlocal seen
            if state["over"]:
                raise TooLarge()
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > limit:
                    state["over"] = True
                    raise TooLarge()
            return msg

        async def guarded(msg: Message) -> None:
            if state["over"]:
                if msg["type"] == "http.response.start" and not state["started"]:
                    state["started"] = True
                    await respond(send, 413, f"request body over the {limit} byte limit", api,
                                  [(b"connection", b"close")])
                return
            if msg["type"] == "http.response.start":
                state["started"] = True
                msg = dict(msg)
                msg["headers"] = self._headers(list(msg.get("headers", [])), fresh, csrf)
            await send(msg)

        try:
            await self.app(scope, counted, guarded)
        except TooLarge:
            if not state["started"]:
                await respond(send, 413, f"request body over the {limit} byte limit", api,
                              [(b"connection", b"close")])

    def _headers(self, headers: list[tuple[bytes, bytes]], fresh: bool, csrf: str) -> list[tuple[bytes, bytes]]:
        present = {k.lower() for k, _ in headers}
        if b"content-security-policy" not in present:
            headers.append((b"content-security-policy", PAGE_CSP.encode()))
        if b"cache-control" not in present:
            headers.append((b"cache-control", b"no-store"))
        headers += [(k, v) for k, v in _COMMON if k not in present]
        if fresh:
            headers.append((b"set-cookie", f"{CSRF_COOKIE}={csrf}; Path=/; HttpOnly; SameSite=Strict".encode()))
        return headers
