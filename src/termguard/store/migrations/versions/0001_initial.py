"""Initial register: documents, texts, reviews, findings, evidence, negotiation, scan state; SQLite FTS5.

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01

The FTS5 table `text_fts` (SQLite only) indexes clause text and evidence quotes for search; `forget` must
purge it explicitly (deleted rows linger in FTS segments until `optimize`). PostgreSQL has no equivalent
table here: search there uses plain LIKE over `document_texts`.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

_TZ = sa.DateTime(timezone=True)


def _doc_fk() -> sa.ForeignKey:
    return sa.ForeignKey("documents.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("vendor", sa.String(200), index=True),
        sa.Column("kind", sa.String(60)),
        sa.Column("version_date", sa.Date),
        sa.Column("source_path", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("format", sa.String(20), nullable=False),
        sa.Column("chars", sa.Integer, nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
    )
    op.create_table(
        "document_texts",
        sa.Column("document_id", sa.Integer, _doc_fk(), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, _doc_fk(), nullable=False, index=True),
        sa.Column("playbook", sa.String(200), nullable=False),
        sa.Column("playbook_version", sa.String(40), nullable=False),
        sa.Column("playbook_sha256", sa.String(64), nullable=False),
        sa.Column("tool_version", sa.String(40), nullable=False),
        sa.Column("rules_version", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("grade", sa.String(4), nullable=False),
        sa.Column("report_json", sa.Text, nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
        sa.UniqueConstraint("document_id", "playbook", "rules_version", name="uq_review"),
    )
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("review_id", sa.Integer, sa.ForeignKey("reviews.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("finding_id", sa.String(32), nullable=False, index=True),
        sa.Column("topic", sa.String(80), nullable=False, index=True),
        sa.Column("family", sa.String(4), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("position", sa.String(60), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("severity", sa.String(20), nullable=False),
        sa.Column("required", sa.String(60), nullable=False),
        sa.Column("parameters", sa.JSON, nullable=False),
        sa.Column("explanation", sa.Text, nullable=False),
        sa.Column("ask", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
    )
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("finding_row_id", sa.Integer, sa.ForeignKey("findings.id", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("page", sa.Integer),
        sa.Column("section", sa.String(60)),
        sa.Column("clause_id", sa.String(20)),
        sa.Column("line", sa.Integer),
    )
    op.create_table(
        "negotiation",
        sa.Column("document_id", sa.Integer, _doc_fk(), primary_key=True),
        sa.Column("finding_id", sa.String(32), primary_key=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", _TZ, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "negotiation_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, _doc_fk(), nullable=False, index=True),
        sa.Column("finding_id", sa.String(32), nullable=False, index=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.Column("at", _TZ, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
    )
    op.create_table(
        "scan_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(64), nullable=False, unique=True),
        sa.Column("playbook", sa.String(200), nullable=False),
        sa.Column("paths", sa.JSON, nullable=False),
        sa.Column("created_at", _TZ, nullable=False),
    )
    op.create_table(
        "scan_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("scan_runs.id", ondelete="CASCADE"), nullable=False,
                  index=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("member", sa.Text),
        sa.Column("state", sa.String(10), nullable=False, index=True),
        sa.Column("status", sa.String(20)),
        sa.Column("reason", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("document_id", sa.Integer, _doc_fk(), index=True),
        sa.Column("seconds", sa.Float),
        sa.Column("finished_at", _TZ),
        sa.UniqueConstraint("run_id", "label", name="uq_scan_item"),
    )
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE text_fts USING fts5(body, document_id UNINDEXED, kind UNINDEXED, "
                   "ref UNINDEXED)")
        op.execute("CREATE VIRTUAL TABLE text_fts_vocab USING fts5vocab(text_fts, row)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE text_fts_vocab")
        op.execute("DROP TABLE text_fts")
    for table in ("scan_items", "scan_runs", "negotiation_events", "negotiation", "evidence", "findings",
                  "reviews", "document_texts", "documents"):
        op.drop_table(table)
