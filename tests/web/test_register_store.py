"""With `serve --register`, reviews and negotiation status live in the register and survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import BASE, csrf_headers, upload

from termguard.web import WebSettings, create_app

pytest.importorskip("termguard.store")


def _client(db: Path) -> TestClient:
    from termguard.web.register_store import RegisterStore

    c = TestClient(create_app(WebSettings.build(), RegisterStore(str(db))), base_url=BASE)
    c.get("/")
    return c


def test_status_set_in_the_browser_survives_a_server_restart(tmp_path: Path, sample_bytes: bytes) -> None:
    db = tmp_path / "register.db"
    c = _client(db)
    body = upload(c, sample_bytes, "acme.md")
    fid = body["findings"][0]["id"]
    r = c.post(f"/reviews/{body['id']}/findings/{fid}/status",
               data={"status": "agreed", "note": "Legal signed off", "csrf": c.cookies["tg_csrf"]},
               follow_redirects=False)
    assert r.status_code == 303
    again = _client(db)  # a new server process would see the same
    review = again.get(f"/api/v1/reviews/{body['id']}").json()
    assert review["negotiation"][fid] == "agreed"
    assert review["negotiation_changes"][fid]["note"] == "Legal signed off"
    assert review["negotiation_changes"][fid]["who"] == "web"
    assert "Note: Legal signed off" in again.get(f"/reviews/{body['id']}").text
    assert "acme.md" in again.get("/register").text
    assert again.get(f"/reviews/{body['id']}/original").status_code == 404  # only the text is kept


def test_unknown_finding_in_the_register_is_404(tmp_path: Path, sample_bytes: bytes) -> None:
    c = _client(tmp_path / "r.db")
    body = upload(c, sample_bytes)
    r = c.put(f"/api/v1/reviews/{body['id']}/findings/nope/status", json={"status": "asked"},
              headers=csrf_headers(c))
    assert r.status_code == 404


def test_the_htmx_answer_in_register_mode_shows_the_new_status(tmp_path: Path, sample_bytes: bytes) -> None:
    c = _client(tmp_path / "r.db")
    body = upload(c, sample_bytes)
    fid = body["findings"][1]["id"]
    r = c.post(f"/reviews/{body['id']}/findings/{fid}/status", headers={"hx-request": "true"},
               data={"status": "rejected", "note": "no", "csrf": c.cookies["tg_csrf"]})
    assert '<option value="rejected" selected>' in r.text and "Note: no" in r.text
