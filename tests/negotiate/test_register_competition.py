"""The brief's "competing offer" argument drawn from the register: another vendor's better term, quoted from
its stored evidence; never the vendor's own other version; nothing (and no error) without a register."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from termguard.cli.app import app
from termguard.negotiate.compare import open_register, register_terms
from termguard.store import Register
from termguard.topics import get_topic

ALPHA = """# Alpha AI Service Terms

## 1. Data

1.1 We may use your content to develop and improve our services, including to train our machine learning models.

1.2 We will notify you of any Security Incident promptly.
"""

ALPHA_2023 = """# Alpha AI Service Terms (2023)

## 1. Data

1.1 Alpha shall not use Customer Content to train or improve any machine learning models.
"""

BRAVO = """# Bravo Data Processing Addendum

## 2. Use of data

2.1 Bravo will not use Customer Content to train, retrain or fine-tune any artificial intelligence or machine
learning models.

2.2 Bravo will notify Customer of any Security Incident within 24 hours.
"""

CHARLIE = BRAVO.replace("Bravo", "Charlie")
BRAVO_QUOTE = "Bravo will not use Customer Content to train, retrain or fine-tune"

runner = CliRunner()


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def contracts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("contracts")
    return {"alpha": _write(d, "alpha-terms.md", ALPHA), "alpha_2023": _write(d, "alpha-terms-2023.md", ALPHA_2023),
            "bravo": _write(d, "bravo-dpa.md", BRAVO), "charlie": _write(d, "charlie-dpa.md", CHARLIE)}


@pytest.fixture(scope="module")
def register_db(contracts: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> str:
    """Alpha (the contract under negotiation) and its own 2023 version, which prohibited training, and Bravo."""
    from termguard.pipeline import review

    url = f"sqlite:///{tmp_path_factory.mktemp('register')}/r.sqlite"
    with Register(url) as reg:
        reg.add_review(review(contracts["alpha"], "strict"), vendor="Alpha", kind="terms",
                       version_date=dt.date(2025, 1, 1))
        reg.add_review(review(contracts["alpha_2023"], "strict"), vendor="Alpha", kind="terms",
                       version_date=dt.date(2023, 1, 1))
        reg.add_review(review(contracts["bravo"], "strict"), vendor="Bravo", kind="dpa",
                       version_date=dt.date(2025, 3, 1))
    return url


def _negotiate(contract: Path, out: Path, *args: str) -> str:
    res = runner.invoke(app, ["negotiate", str(contract), "--no-check", "-o", str(out), *args])
    assert res.exit_code == 0, res.output
    return (out / "brief.md").read_text(encoding="utf-8")


def _competing(brief: str) -> list[str]:
    return [line for line in brief.splitlines() if line.startswith("- competing offer:")]


def _section(brief: str, topic_id: str) -> str:
    """The brief's section for one shortfall, found by its heading."""
    title = get_topic(topic_id).title
    lines = brief.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and title in line)
    rest = lines[start + 1:]
    end = next((i for i, line in enumerate(rest) if line.startswith("## ")), len(rest))
    return "\n".join(rest[:end])


@pytest.fixture(scope="module")
def alpha_pack(contracts: dict[str, Path], register_db: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("alpha") / "pack"
    _negotiate(contracts["alpha"], out, "--db", register_db)
    return out


def test_brief_cites_another_vendors_better_training_term_with_its_quote(alpha_pack: Path) -> None:
    brief = (alpha_pack / "brief.md").read_text(encoding="utf-8")
    training = _competing(_section(brief, "training.customer-content"))
    assert len(training) == 1, training
    line = training[0]
    assert line.startswith("- competing offer: Bravo (dpa, 2025-03-01) already gives this (prohibited) (§ 2.1): ")
    assert BRAVO_QUOTE in line
    incident = _competing(_section(brief, "incident-notification"))
    assert incident and "hours: 24" in incident[0] and "within 24 hours" in incident[0]
    manifest = json.loads((alpha_pack / "pack.json").read_text())
    term = next(t for t in manifest["competing_terms"] if t["topic"] == "training.customer-content")
    assert (term["vendor"], term["source"], term["document"]) == ("Bravo", "register", "dpa, 2025-03-01")


def test_the_vendors_own_other_version_is_never_a_competitor(alpha_pack: Path) -> None:
    # Alpha's 2023 terms prohibited training; they are Alpha's own version, not a competing offer
    brief = (alpha_pack / "brief.md").read_text(encoding="utf-8")
    assert _competing(brief) and not [line for line in _competing(brief) if "Alpha" in line]


def _terms_for(text: str, folder: Path, register_db: str, vendor: str | None = None) -> list[tuple[str, str]]:
    from termguard.assess.playbook import load_playbook
    from termguard.pipeline import review

    path = _write(folder, "contract.md", text)
    pb = load_playbook("strict")
    reg = open_register(register_db)
    assert reg is not None
    with reg:
        return [(b.vendor, b.document) for b in register_terms(review(path, pb), pb, reg, vendor=vendor)
                if b.topic == "training.customer-content"]


def test_the_vendor_is_known_from_the_title_or_from_vendor(register_db: str, tmp_path: Path) -> None:
    # not in the register, but its title names a register vendor: Alpha's documents are still left out
    stranger = ALPHA.replace("We may use", "The provider may use")
    assert _terms_for(stranger, tmp_path, register_db) == [("Bravo", "dpa, 2025-03-01")]
    # names no vendor: of two equal terms the newer version is cited, unless --vendor says that is its own
    anonymous = stranger.replace("# Alpha AI", "# AI")
    assert _terms_for(anonymous, tmp_path, register_db) == [("Bravo", "dpa, 2025-03-01")]
    assert _terms_for(anonymous, tmp_path, register_db, vendor=" BRAVO ") == [("Alpha", "terms, 2023-01-01")]


def test_against_files_come_first_and_merge_with_the_register(
        contracts: dict[str, Path], register_db: str, tmp_path: Path) -> None:
    brief = _negotiate(contracts["alpha"], tmp_path / "pack", "--db", register_db, "--against",
                       str(contracts["charlie"]))
    training = _competing(_section(brief, "training.customer-content"))
    assert [line.split(" ")[3] for line in training] == ["Charlie", "Bravo"], training


def test_a_document_given_with_against_is_not_cited_again_from_the_register(
        contracts: dict[str, Path], register_db: str) -> None:
    from termguard.assess.playbook import load_playbook
    from termguard.pipeline import review

    pb = load_playbook("strict")
    report, bravo = review(contracts["alpha"], pb), review(contracts["bravo"], pb)
    reg = open_register(register_db)
    assert reg is not None
    with reg:
        assert register_terms(report, pb, reg)
        assert register_terms(report, pb, reg, exclude_sha256=[bravo.document.sha256]) == []


def test_empty_register_gives_no_competitor_line(contracts: dict[str, Path], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/r.sqlite"
    Register(url).close()
    brief = _negotiate(contracts["alpha"], tmp_path / "pack", "--db", url)
    assert "Arguments:" in brief and _competing(brief) == []


def test_missing_register_is_skipped_and_never_created(
        contracts: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "nowhere" / "r.sqlite"
    assert open_register(str(missing)) is None and open_register(f"sqlite:///{missing}") is None
    monkeypatch.setenv("TERMGUARD_DB", str(missing))
    assert _competing(_negotiate(contracts["alpha"], tmp_path / "pack")) == []
    assert not missing.parent.exists()


def test_no_register_ignores_the_register(contracts: dict[str, Path], register_db: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERMGUARD_DB", register_db)
    reg = open_register()  # TERMGUARD_DB is the default
    assert reg is not None and reg.url == register_db
    reg.close()
    assert _competing(_negotiate(contracts["alpha"], tmp_path / "pack", "--no-register")) == []
    res = runner.invoke(app, ["negotiate", str(contracts["alpha"]), "--db", register_db, "--no-register"])
    assert res.exit_code != 0 and "contradict" in res.output
