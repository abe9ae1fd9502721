"""The diff page lists the changed clauses about data use, word changes marked with <ins>/<del>, escaped."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import upload

from termguard.web.features import available

pytestmark = pytest.mark.skipif(not available("diff"), reason="termguard.diff is not installed")

V1 = """# Acme AI Data Terms

## 1. Definitions
"Customer Data" means data you submit to the Services.

## 2. Use of Customer Data
Acme will not use Customer Data to train its models. Acme processes Customer Data only to provide the Services.

## 3. Retention
Acme deletes Customer Data within 30 days after termination.

## 4. Payment
Fees are due within 30 days of invoice.

## 5. Telemetry
Acme may collect usage data to operate the Services.
"""
V2 = (V1.replace("will not use Customer Data to train its models", "may use Customer Data to train <b>and</b> "
                 "improve its models")
      .replace("within 30 days after termination", "within 90 days after termination")
      .replace("## 5. Telemetry\nAcme may collect usage data to operate the Services.",
               "## 5. Model improvement\nAcme may share de-identified Customer Data with its affiliates to improve "
               "artificial intelligence models. <script>alert(1)</script>"))


@pytest.fixture
def diff_page(client: TestClient) -> str:
    a = upload(client, V1.encode(), "acme-v1.md")["id"]
    b = upload(client, V2.encode(), "acme-v2.md")["id"]
    r = client.get(f"/diff?old={a}&new={b}")
    assert r.status_code == 200
    return r.text


def _clauses(page: str) -> dict[str, str]:
    """kind of each listed clause → its <details> element's HTML (the first of each kind)."""
    out: dict[str, str] = {}
    for kind, body in re.findall(r'<details class="clause[^"]*" data-kind="(\w+)">(.*?)</details>', page, re.S):
        out.setdefault(kind, body)
    return out


def test_changed_clauses_about_data_use_are_listed_collapsed(diff_page: str) -> None:
    assert "Changed clauses about data use" in diff_page
    kinds = re.findall(r'<details class="clause[^"]*" data-kind="(\w+)"', diff_page)
    assert sorted(kinds) == ["added", "edited", "edited", "removed"]  # not the untouched payment clause
    assert "<details open" not in diff_page and "Fees are due" not in diff_page


def test_word_changes_are_marked_with_ins_and_del(diff_page: str) -> None:
    edited = re.findall(r'data-kind="edited">(.*?)</details>', diff_page, re.S)
    use = next(e for e in edited if "Use of Customer Data" in e)
    assert re.search(r"<del><span class=\"sr-only\">deleted: </span>will not</del>", use)
    assert re.search(r"<ins><span class=\"sr-only\">inserted: </span>may</ins>", use)
    retention = next(e for e in edited if "Retention" in e)
    assert "<del><span class=\"sr-only\">deleted: </span>30</del>" in retention
    assert "<ins><span class=\"sr-only\">inserted: </span>90</ins>" in retention
    clauses = _clauses(diff_page)
    assert "<del>" in clauses["removed"] and "usage data" in clauses["removed"] and "<ins>" not in clauses["removed"]
    assert "<ins>" in clauses["added"] and "de-identified" in clauses["added"]


def test_contract_text_in_a_clause_diff_is_escaped(diff_page: str) -> None:
    assert "<script>alert(1)</script>" not in diff_page
    assert "&lt;script&gt;" in diff_page
    assert "<b>and</b>" not in diff_page and "&lt;" in _clauses(diff_page)["added"]


def test_the_clause_pieces_rebuild_both_sides() -> None:
    from termguard.web.diff_view import pieces_from_words

    ops = [{"op": "equal", "text": "Acme"}, {"op": "replace", "old": "will not", "new": "may"},
           {"op": "insert", "old": "", "new": "and improve"}, {"op": "delete", "old": "never", "new": ""}]
    pieces = pieces_from_words(ops)
    assert pieces == (("equal", "Acme"), ("del", "will not"), ("ins", "may"), ("ins", "and improve"),
                      ("del", "never"))
    assert " ".join(t for op, t in pieces if op != "ins") == "Acme will not never"
    assert " ".join(t for op, t in pieces if op != "del") == "Acme may and improve"
