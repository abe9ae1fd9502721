"""Register edge cases found in QA: search, UTC timestamps, unopenable registers, unknown findings, and
forget's proof not tripping over words that only exist in the schema or across column boundaries."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tests.store._store_helpers import CONTRACT, report_for
from typer.testing import CliRunner


def test_search_finds_clauses_by_their_words_and_treats_input_as_words(reg) -> None:
    a = reg.add_review(report_for(CONTRACT, "a.txt"), vendor="Acme")
    reg.add_review(report_for("1. Fees\n1.1 Customer pays all invoices within thirty days.\n", "b.txt"), vendor="Beta")
    hits = reg.search("security INCIDENT")
    assert hits and {h.document_id for h in hits} == {a.document_id}
    assert "«" in hits[0].snippet and hits[0].kind == "clause" and hits[0].to_dict()["ref"]
    assert reg.search('NEAR("x" * -y') == [] and reg.search("") == [] and reg.search("   ") == []
    assert reg.search("invoices", vendor="acme") == [] and len(reg.search("invoices", vendor="Beta")) == 1


def test_timestamps_read_back_as_utc(reg) -> None:
    res = reg.add_review(report_for(CONTRACT))
    fid = reg.findings(res.document_id)[0].id
    set_at = reg.set_status(fid, "asked", who="ana").at
    (event,) = reg.status_history(fid)
    assert event.at.tzinfo is not None and event.at == set_at
    assert event.to_dict()["at"].endswith("+00:00")
    assert reg.get_document(res.document_id).created_at.utcoffset() == dt.timedelta(0)


def test_a_register_that_cannot_be_opened_is_one_line_and_exit_2(tmp_path: Path) -> None:
    from termguard.cli.app import app

    run = CliRunner()
    missing = tmp_path / "no" / "such" / "r.sqlite"
    for db in (str(missing), "foo://bar", str(tmp_path), "postgresql://u:secret@127.0.0.1:1/x"):
        res = run.invoke(app, ["register", "list", "--db", db])
        assert res.exit_code == 2, (db, res.output)
        assert "Traceback" not in res.output and "secret" not in res.output
        assert res.output.count("\n") == 1 and res.output.startswith("termguard: ")
    assert not (tmp_path / "no").exists()  # a mistyped --db creates nothing
    res = run.invoke(app, ["scan", str(tmp_path), "--db", "foo://bar", "--no-progress"])
    assert res.exit_code == 2 and "unsupported database" in res.output


def test_history_of_an_unknown_finding_is_an_error_and_of_an_untouched_one_says_open(tmp_path: Path) -> None:
    from termguard.cli.app import app

    doc = tmp_path / "dpa.txt"
    doc.write_text(CONTRACT)
    db = str(tmp_path / "r.sqlite")
    run = CliRunner()
    assert run.invoke(app, ["register", "add", str(doc), "--db", db]).exit_code == 0
    res = run.invoke(app, ["register", "history", "deadbeef", "--db", db])
    assert res.exit_code == 2 and "no finding 'deadbeef'" in res.output
    fid = json.loads(run.invoke(app, ["register", "show", "1", "--db", db, "-f", "json"]).output)["findings"][0]["id"]
    res = run.invoke(app, ["register", "history", fid, "--db", db])
    assert res.exit_code == 0 and "open" in res.output
    listed = run.invoke(app, ["register", "list", "--db", db]).output.splitlines()
    assert listed[0].split()[:3] == ["id", "sha256", "vendor"] and len(listed) == 2


def test_control_characters_in_titles_never_reach_the_terminal(tmp_path: Path) -> None:
    from termguard.cli.app import app

    doc = tmp_path / "evil.txt"
    doc.write_text("\x1b]0;pwned\x07Evil title\n\n" + CONTRACT)
    db = str(tmp_path / "r.sqlite")
    run = CliRunner()
    assert run.invoke(app, ["register", "add", str(doc), "--db", db]).exit_code == 0
    for args in (["list"], ["show", "1"]):
        out = run.invoke(app, ["register", *args, "--db", db]).output
        assert "\x1b" not in out and "\x07" not in out


def test_forget_proof_ignores_schema_words_and_words_made_by_adjacent_columns(reg, tmp_path: Path) -> None:
    from termguard.store.forget import _scan_files

    f = tmp_path / "x.sqlite"
    f.write_bytes(b"\x00governing lawarbitrationsilent\x00 the zanzibarian clause \x00")
    assert _scan_files(f"sqlite:///{f}", [], ["arbitrations"])[1] == 0  # "arbitration" + "silent"
    assert _scan_files(f"sqlite:///{f}", [], ["zanzibarian"])[1] == 1
    assert _scan_files(f"sqlite:///{f}", ["the zanzibarian clause"], [])[1] == 1

    reg.add_review(report_for(CONTRACT, "keep.txt"))
    # "seconds" and "finished" are column names of scan_items: in the file, but no trace of this document
    gone = reg.add_review(report_for(CONTRACT + "\n3. Timing\n3.1 Responses arrive within seconds once "
                                     "finished arbitrations conclude.\n", "gone.txt"))
    receipt = reg.forget(gone.document_id)
    assert receipt.proven and receipt.traces_found == 0, receipt.to_dict()
