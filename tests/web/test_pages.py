"""Pages render from plain forms and links, without JavaScript."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from tests.web.conftest import upload


def test_the_review_page_highlights_each_quote_with_an_anchor(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    page = client.get(f"/reviews/{body['id']}").text
    i = next(n for n, f in enumerate(body["findings"]) if f["topic"] == "training.customer-content")
    assert f'id="ev-{i}-0"' in page and f'href="#ev-{i}-0"' in page
    assert "Use of customer data for AI" in page


def test_filters_by_status_and_severity_work_without_javascript(client: TestClient, sample_bytes: bytes) -> None:
    rid = upload(client, sample_bytes)["id"]
    page = client.get(f"/reviews/{rid}?status=partial").text
    cards = re.findall(r'<article class="finding[^>]*data-status="(\w+)"[^>]*?(hidden)?>', page, re.DOTALL)
    assert {s for s, h in cards if not h} == {"partial"}
    assert {s for s, h in cards if h} >= {"short"}


def test_status_form_saves_and_redirects_back_to_the_finding(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    fid = body["findings"][0]["id"]
    r = client.post(f"/reviews/{body['id']}/findings/{fid}/status",
                    data={"status": "agreed", "csrf": client.cookies["tg_csrf"]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].endswith("#f-0")
    assert client.get(f"/api/v1/reviews/{body['id']}").json()["negotiation"][fid] == "agreed"


def test_htmx_status_change_gets_the_updated_control_back(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    fid = body["findings"][1]["id"]
    r = client.post(f"/reviews/{body['id']}/findings/{fid}/status", headers={"hx-request": "true"},
                    data={"status": "rejected", "csrf": client.cookies["tg_csrf"]})
    assert r.status_code == 200
    assert '<option value="rejected" selected>' in r.text and "Saved" in r.text


def test_several_files_upload_in_one_form_and_land_in_the_register(client: TestClient, sample_bytes: bytes) -> None:
    files = [("files", ("one.md", sample_bytes)), ("files", ("two.md", sample_bytes.replace(b"30", b"90")))]
    r = client.post("/reviews", files=files, data={"csrf": client.cookies["tg_csrf"]}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/register"
    page = client.get("/register").text
    assert "one.md" in page and "two.md" in page
    assert "two.md" not in client.get("/register?q=one").text


def test_downloads_are_attachments(client: TestClient, sample_bytes: bytes) -> None:
    rid = upload(client, sample_bytes)["id"]
    for path, ctype in (("report.json", "application/json"), ("report.md", "text/markdown")):
        r = client.get(f"/reviews/{rid}/{path}")
        assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
        assert r.headers["content-disposition"].startswith("attachment;")


def test_compare_diff_and_playbook_pages_render(client: TestClient, sample_bytes: bytes) -> None:
    a = upload(client, sample_bytes, "v1.md")["id"]
    b = upload(client, sample_bytes.replace(b"train", b"learn from"), "v2.md")["id"]
    assert "Position and status per topic" in client.get(f"/compare?ids={a}&ids={b}").text
    assert "changed" in client.get(f"/diff?old={a}&new={b}").text
    page = client.get("/playbooks?name=strict").text
    assert "training.customer-content" in page and "Required position" in page


def test_an_unknown_review_is_a_404_page(client: TestClient) -> None:
    r = client.get("/reviews/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and "Something went wrong" in r.text


def test_the_negotiation_pack_downloads_as_a_zip_with_a_rider(client: TestClient, sample_bytes: bytes) -> None:
    import io
    import zipfile

    import pytest

    from termguard.web.features import available

    if not available("negotiate"):
        pytest.skip("termguard.negotiate is not installed")
    rid = upload(client, sample_bytes)["id"]
    r = client.get(f"/reviews/{rid}/pack.zip")
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment;")
    assert "rider.docx" in zipfile.ZipFile(io.BytesIO(r.content)).namelist()


def test_the_status_form_saves_a_note_and_shows_it_with_who_and_when(client: TestClient, sample_bytes: bytes
                                                                     ) -> None:
    body = upload(client, sample_bytes)
    rid, fid = body["id"], body["findings"][2]["id"]
    page = client.get(f"/reviews/{rid}").text
    assert '<label for="note-2">Note</label>' in page and 'id="note-2" name="note"' in page
    assert "Not discussed yet." in page
    r = client.post(f"/reviews/{rid}/findings/{fid}/status", headers={"hx-request": "true"},
                    data={"status": "asked", "note": "Asked <legal> for a rider", "csrf": client.cookies["tg_csrf"]})
    assert r.status_code == 200 and "Saved" in r.text
    assert 'value="Asked &lt;legal&gt; for a rider"' in r.text  # escaped, and prefilled for the next change
    assert "Note: Asked &lt;legal&gt; for a rider" in r.text and "by <span class=\"who\">web</span>" in r.text
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT[\d:]+\+00:00">\d{4}-\d\d-\d\d \d\d:\d\d UTC</time>',
                     r.text)
    again = client.get(f"/reviews/{rid}").text
    assert "Note: Asked &lt;legal&gt; for a rider" in again


def test_a_note_without_the_csrf_token_is_refused(client: TestClient, sample_bytes: bytes) -> None:
    body = upload(client, sample_bytes)
    r = client.post(f"/reviews/{body['id']}/findings/{body['findings'][0]['id']}/status",
                    data={"status": "asked", "note": "forged"}, follow_redirects=False)
    assert r.status_code == 403
    assert "forged" not in client.get(f"/reviews/{body['id']}").text
