"""The web security rules, each refused the way RELIABILITY.md ("Web defaults") asks."""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from tests.web.conftest import client_for, csrf_headers, upload

from termguard.web import WebSettings, create_app
from termguard.web.csrf import require_csrf


def test_a_foreign_host_header_is_refused() -> None:
    c = client_for(base_url="http://evil.example:8000")
    assert c.get("/").status_code == 400
    assert c.get("/api/v1/healthz").status_code == 400


def test_loopback_host_names_are_accepted() -> None:
    for base in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"):
        assert client_for(base_url=base).get("/api/v1/healthz").status_code == 200


def test_cross_site_post_is_refused_by_fetch_metadata_and_by_origin(client: TestClient, sample_bytes: bytes
                                                                    ) -> None:
    files = {"file": ("a.md", sample_bytes)}
    for headers in ({"sec-fetch-site": "cross-site"}, {"sec-fetch-site": "same-site"},
                    {"origin": "http://evil.example"}, {"origin": "http://localhost:3000"}, {"origin": "null"}):
        r = client.post("/api/v1/reviews", files=files, headers={**csrf_headers(client), **headers})
        assert r.status_code == 403, headers
        assert "cross-site" in r.json()["detail"]
    ok = client.post("/api/v1/reviews", files=files, headers={**csrf_headers(client), "sec-fetch-site":
                                                              "same-origin", "origin": "http://127.0.0.1:8000"})
    assert ok.status_code == 201


def test_a_form_post_without_the_csrf_token_is_refused(client: TestClient, sample_bytes: bytes) -> None:
    files = {"files": ("a.md", sample_bytes)}
    assert client.post("/reviews", files=files, follow_redirects=False).status_code == 403
    assert client.post("/reviews", files=files, data={"csrf": "wrong"}, follow_redirects=False).status_code == 403
    good = client.post("/reviews", files=files, data={"csrf": client.cookies["tg_csrf"]}, follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"].startswith("/reviews/")


def test_an_api_call_from_a_browser_session_needs_the_csrf_header(client: TestClient, sample_bytes: bytes) -> None:
    r = client.post("/api/v1/reviews", files={"file": ("a.md", sample_bytes)})  # has the cookie, no header
    assert r.status_code == 403


def test_every_state_changing_page_route_checks_the_csrf_form_field() -> None:
    app = create_app()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.methods & {"POST", "PUT", "PATCH", "DELETE"} \
                and not route.path.startswith("/api/"):
            assert any(d.call is require_csrf for d in route.dependant.dependencies), route.path


def _asgi_post(app: Any, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[int, int]:
    """Drive the ASGI app directly; return (status, number of body chunks the app pulled)."""
    pulled = 0
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        i = pulled - 1
        return {"type": "http.request", "body": chunks[i] if i < len(chunks) else b"",
                "more_body": i < len(chunks) - 1}

    async def send(msg: dict[str, Any]) -> None:
        nonlocal status
        if msg["type"] == "http.response.start":
            status = msg["status"]

    scope = {"type": "http", "method": "POST", "path": "/api/v1/reviews", "raw_path": b"/api/v1/reviews",
             "query_string": b"", "headers": [(b"host", b"127.0.0.1:8000"), *headers], "scheme": "http",
             "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 1234), "http_version": "1.1",
             "root_path": "", "asgi": {"version": "3.0"}}
    asyncio.run(app(scope, receive, send))
    return status, pulled


def test_an_oversized_upload_is_refused_from_its_declared_length_without_reading_a_byte() -> None:
    app = create_app(WebSettings.build(max_upload_bytes=1000))
    status, pulled = _asgi_post(app, [(b"content-length", b"5000000000"),
                                      (b"content-type", b"multipart/form-data; boundary=x")], [b"x" * 1000] * 10)
    assert (status, pulled) == (413, 0)


def test_an_oversized_streamed_upload_stops_being_read_at_the_limit() -> None:
    app = create_app(WebSettings.build(max_upload_bytes=64 * 1024))
    body = b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.md\"\r\n\r\n"
    chunks = [body] + [b"a" * 16384] * 1000  # 16 MB offered, no Content-Length (chunked)
    status, pulled = _asgi_post(app, [(b"content-type", b"multipart/form-data; boundary=x")], chunks)
    assert status == 413
    assert pulled <= 6  # stopped just past 64 KB, not after 16 MB


def test_off_loopback_every_request_needs_the_token() -> None:
    s = WebSettings.build("0.0.0.0", 8000, token="s3cret-token-value")
    c = TestClient(create_app(s), base_url="http://127.0.0.1:8000")
    assert c.get("/api/v1/healthz").status_code == 401
    assert c.get("/").status_code == 401
    assert c.get("/api/v1/healthz", headers={"authorization": "Bearer wrong"}).status_code == 401
    assert c.get("/api/v1/healthz", headers={"authorization": "Bearer s3cret-token-value"}).status_code == 200


def test_opening_the_printed_token_url_signs_the_browser_in_with_a_strict_cookie() -> None:
    s = WebSettings.build("0.0.0.0", 8000, token="s3cret-token-value")
    c = TestClient(create_app(s), base_url="http://127.0.0.1:8000")
    r = c.get("/?token=s3cret-token-value", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "s3cret" not in cookie
    assert c.get("/").status_code == 200


def test_a_token_is_generated_whenever_the_address_is_not_loopback() -> None:
    assert WebSettings.build("0.0.0.0").token
    assert WebSettings.build("192.168.1.5").token
    assert WebSettings.build("127.0.0.1").token is None


def test_the_original_upload_is_only_ever_an_opaque_sandboxed_attachment(client: TestClient) -> None:
    hostile = b"<html><script>alert(document.cookie)</script>Vendor may train on Customer Data.</html>"
    rid = upload(client, hostile, "evil.html")["id"]
    r = client.get(f"/reviews/{rid}/original")
    assert r.content == hostile
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.headers["content-type"] == "application/octet-stream"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["content-security-policy"] == "default-src 'none'; sandbox"


def test_contract_text_is_escaped_never_rendered_as_html(client: TestClient) -> None:
    text = b"# Terms\n\n1. The vendor may use Customer Data to train its models. <script>alert(1)</script>\n"
    rid = upload(client, text, "t.md")["id"]
    page = client.get(f"/reviews/{rid}").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_pages_carry_a_strict_csp_nosniff_and_no_store(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["cache-control"] == "no-store"
    assert "SameSite=Strict" in client_for().get("/").headers["set-cookie"]
