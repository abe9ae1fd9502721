"""`forget` removes a document and everything derived from it, and no trace of its text stays on disk."""

from __future__ import annotations

from pathlib import Path

from tests.store._store_helpers import CONTRACT, report_for

CANARY = "Zyxwvutcanary"


def _files(db: Path) -> list[Path]:
    return [p for p in db.parent.iterdir() if p.name.startswith(db.name)]


def test_forget_leaves_no_trace_in_database_wal_or_fulltext_index(reg, tmp_path: Path) -> None:
    keep = reg.add_review(report_for(CONTRACT, "keep.txt"))
    secret = CONTRACT.replace("Customer Data", f"{CANARY} Customer Data") + f"\n3. {CANARY} clause\n3.1 {CANARY}.\n"
    gone = reg.add_review(report_for(secret, "secret.txt"), vendor="Secretco")
    fid = reg.findings(gone.document_id)[0].id
    reg.set_status(fid, "asked", who="ana", note="about the canary")
    db = tmp_path / "register.sqlite"
    assert any(CANARY.encode() in p.read_bytes() or CANARY.lower().encode() in p.read_bytes() for p in _files(db))

    receipt = reg.forget(gone.document_id)

    assert receipt.proven and receipt.traces_found == 0 and receipt.probes > 0
    assert receipt.removed["documents"] == 1 and receipt.removed["findings"] > 0
    assert receipt.removed["negotiation_events"] == 1 and receipt.removed["text_fts"] > 0
    assert CANARY.lower() not in str(receipt.to_dict()).lower()  # the receipt carries no content
    reg.close()
    for p in _files(db):
        data = p.read_bytes().lower()
        assert CANARY.lower().encode() not in data, p.name
    from termguard.store import Register

    again = Register(f"sqlite:///{db}")
    assert [d.id for d in again.list_documents()] == [keep.document_id]
    assert again.findings(keep.document_id)
    again.close()


def test_forget_command_prints_a_receipt_without_content(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from termguard.cli.app import app

    doc = tmp_path / "dpa.txt"
    doc.write_text(CONTRACT + f"\n9. {CANARY} terms\n")
    db = str(tmp_path / "r.sqlite")
    run = CliRunner()
    assert run.invoke(app, ["register", "add", str(doc), "--db", db, "--vendor", "Acme"]).exit_code == 0
    again = run.invoke(app, ["register", "add", str(doc), "--db", db])
    assert "already in the register" in again.output
    listed = json.loads(run.invoke(app, ["register", "list", "--db", db, "--format", "json"]).output)
    assert [d["vendor"] for d in listed] == ["Acme"]
    shown = json.loads(run.invoke(app, ["register", "show", "1", "--db", db, "--format", "json"]).output)
    fid = shown["findings"][0]["id"]
    st = run.invoke(app, ["register", "status", fid, "rejected", "--who", "ana", "--db", db, "--format", "json"])
    assert json.loads(st.output)["status"] == "rejected"
    res = run.invoke(app, ["register", "forget", "1", "--yes", "--db", db, "--format", "json"])
    assert res.exit_code == 0, res.output
    receipt = json.loads(res.output)
    assert receipt["proven"] and receipt["traces_found"] == 0
    assert CANARY.lower() not in res.output.lower()
    assert json.loads(run.invoke(app, ["register", "list", "--db", db, "--format", "json"]).output) == []
