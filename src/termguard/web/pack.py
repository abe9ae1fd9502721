"""The negotiation pack as one zip download, built by `termguard.negotiate.pack.build_pack`.

The pack writer works on folders; we give it a private temporary folder (the uploaded bytes go there only
because annotating a DOCX needs the original), zip what it wrote in memory, and delete the folder at once.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from termguard.assess.playbook import load_playbook
from termguard.web.store import StoredReview


def pack_zip(item: StoredReview) -> bytes:
    from termguard.negotiate.pack import build_pack

    report = item.report
    with tempfile.TemporaryDirectory(prefix="termguard-pack-") as tmp:
        root = Path(tmp)
        source = root / ("source.docx" if report.document.format == "docx" else "source")
        source.write_bytes(item.original or report.document.text.encode("utf-8"))
        out = root / "pack"
        build_pack(report, load_playbook(report.playbook_name), source, out, check=False)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for p in sorted(out.rglob("*")):
                if p.is_file():
                    z.write(p, p.relative_to(out).as_posix())
        return buf.getvalue()
