"""The register on PostgreSQL: a throwaway cluster from the Debian binaries (initdb refuses root, so it runs
as the `postgres` user). Skipped when the binaries or psycopg are missing."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.store._store_helpers import CONTRACT, report_for

pytestmark = pytest.mark.postgres


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for base in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (base / name).exists():
            return str(base / name)
    return None


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd] if shutil.which("runuser") else ["su", "postgres", "-c",
                                                                                       " ".join(cmd)]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    pytest.importorskip("psycopg")
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL server binaries not installed (Debian: postgresql)")
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root without a postgres user")
    root = Path(tempfile.mkdtemp(prefix="tg-pg-"))
    os.chmod(root, 0o777)
    data = root / "data"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(_as_postgres([initdb, "-D", str(data), "-U", "tg", "--auth=trust", "-E", "UTF8"]), check=True,
                   capture_output=True)
    opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c fsync=off -c unix_socket_directories={root}"
    subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-o", opts, "-w", "-l", str(root / "log"), "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql://tg@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        time.sleep(0.2)
        shutil.rmtree(root, ignore_errors=True)


def test_register_works_on_postgresql(pg_url: str) -> None:
    from termguard.store import Register

    reg = Register(pg_url)
    res = reg.add_review(report_for(CONTRACT), vendor="Acme")
    assert not reg.add_review(report_for(CONTRACT)).new_review
    fid = reg.findings(res.document_id)[0].id
    reg.set_status(fid, "accepted-risk", who="ana", note="low value contract")
    assert reg.findings(res.document_id)[0].negotiation_status == "accepted-risk"
    receipt = reg.forget(res.document_id)
    assert receipt.backend == "postgresql" and not receipt.proven and receipt.removed["documents"] == 1
    assert reg.list_documents() == []
    reg.close()
