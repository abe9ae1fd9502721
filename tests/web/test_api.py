"""The JSON API: reviews in and out as termguard.report/1, negotiation status, health, OpenAPI."""

from __future__ import annotations

from fastapi.testclient import TestClient
from tests.web.conftest import csrf_headers, upload


def test_post_review_returns_the_report_json_plus_its_id(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    assert body["schema"] == "termguard.report/1"
    assert body["id"]
    training = next(f for f in body["findings"] if f["topic"] == "training.customer-content")
    ev = training["evidence"][0]
    assert sample_bytes.decode()[ev["start"]:ev["end"]] == ev["quote"]


def test_get_review_returns_the_same_report(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    again = client.get(f"/api/v1/reviews/{body['id']}").json()
    assert again["findings"] == body["findings"]
    assert client.get("/api/v1/reviews/unknown").status_code == 404


def test_a_cookieless_script_on_loopback_can_post_without_a_csrf_token(sample_bytes: bytes) -> None:
    from tests.web.conftest import client_for

    r = client_for().post("/api/v1/reviews", files={"file": ("a.md", sample_bytes)}, data={"playbook": "strict"})
    assert r.status_code == 201


def test_negotiation_status_is_set_and_read_back(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    fid = body["findings"][0]["id"]
    r = client.put(f"/api/v1/reviews/{body['id']}/findings/{fid}/status", json={"status": "asked"},
                   headers=csrf_headers(client))
    assert r.status_code == 200
    assert client.get(f"/api/v1/reviews/{body['id']}").json()["negotiation"][fid] == "asked"
    bad = client.put(f"/api/v1/reviews/{body['id']}/findings/{fid}/status", json={"status": "won"},
                     headers=csrf_headers(client))
    assert bad.status_code == 422


def test_an_unreadable_file_is_422_with_its_ingest_status(client: TestClient) -> None:
    r = client.post("/api/v1/reviews", files={"file": ("x.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)},
                    headers=csrf_headers(client))
    assert r.status_code == 422
    assert r.json()["detail"]["status"] in ("unsupported", "rejected")


def test_only_shipped_playbooks_are_accepted_never_a_path(client: TestClient, sample_bytes: bytes) -> None:
    r = client.post("/api/v1/reviews", files={"file": ("a.md", sample_bytes)}, data={"playbook": "/etc/passwd"},
                    headers=csrf_headers(client))
    assert r.status_code == 400


def test_healthz_and_openapi_document(client: TestClient) -> None:
    assert client.get("/api/v1/healthz").json()["status"] == "ok"
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/api/v1/reviews", "/api/v1/reviews/{review_id}", "/api/v1/healthz"} <= set(paths)
    assert not any(p.startswith("/reviews") for p in paths)  # pages are not part of the API


def test_list_reviews(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    assert body["id"] in [r["id"] for r in client.get("/api/v1/reviews").json()]


def test_a_status_change_keeps_its_note_who_and_when(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    rid, fid = body["id"], body["findings"][0]["id"]
    url = f"/api/v1/reviews/{rid}/findings/{fid}/status"
    r = client.put(url, json={"status": "asked", "note": "sent rider v1", "who": "ana"}, headers=csrf_headers(client))
    assert r.json() == {"id": fid, "status": "asked", "note": "sent rider v1"}
    change = client.get(f"/api/v1/reviews/{rid}").json()["negotiation_changes"][fid]
    assert change["status"] == "asked" and change["note"] == "sent rider v1" and change["who"] == "ana"
    assert change["at"].endswith("+00:00")
    client.put(url, json={"status": "agreed"}, headers=csrf_headers(client))  # no note: the note stays
    assert client.get(f"/api/v1/reviews/{rid}").json()["negotiation_changes"][fid]["note"] == "sent rider v1"
    client.put(url, json={"status": "agreed", "note": ""}, headers=csrf_headers(client))  # "" clears it
    assert client.get(f"/api/v1/reviews/{rid}").json()["negotiation_changes"][fid]["note"] == ""
    too_long = client.put(url, json={"status": "agreed", "note": "x" * 2001}, headers=csrf_headers(client))
    assert too_long.status_code == 422
