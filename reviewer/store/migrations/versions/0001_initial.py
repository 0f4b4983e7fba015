"""Initial schema: documents, revisions, waivers and the append-only audit log.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
TZ = sa.DateTime(timezone=True)

_PG_APPEND_ONLY = [
    """CREATE FUNCTION reviewer_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'the audit log is append-only: rows are never updated or deleted';
       END;
       $$""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
       FOR EACH ROW EXECUTE FUNCTION reviewer_audit_append_only()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION reviewer_audit_append_only()""",
]

_SQLITE_APPEND_ONLY = [
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows are never updated or deleted'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows are never updated or deleted'); END""",
]


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(1024), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "revisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True
        ),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("author", sa.String(256)),
        sa.Column("verdict", sa.String(32), nullable=False),
        sa.Column("effective_verdict", sa.String(32), nullable=False),
        sa.Column("score", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("warnings", sa.Integer, nullable=False),
        sa.Column("infos", sa.Integer, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("brief", JSON),
        sa.Column("report", JSON, nullable=False),
        sa.Column("submitted_by", sa.String(256)),
        sa.Column("submitted_at", TZ, nullable=False),
        sa.Column("decided_by", sa.String(256)),
        sa.Column("decided_at", TZ),
        sa.Column("decision_note", sa.Text),
        sa.Column("override_reason", sa.Text),
        sa.UniqueConstraint("document_id", "number", name="uq_revisions_document_number"),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected', 'changes_requested', 'superseded')",
            name="ck_revisions_status",
        ),
    )
    op.create_index("ix_revisions_status", "revisions", ["status"])
    op.create_index("ix_revisions_content_sha256", "revisions", ["content_sha256"])
    op.create_table(
        "waivers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "revision_id", sa.Integer, sa.ForeignKey("revisions.id"), nullable=False, index=True
        ),
        sa.Column("finding_id", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("by", sa.String(256), nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("carried_from", sa.Integer, sa.ForeignKey("revisions.id")),
        sa.UniqueConstraint("revision_id", "finding_id", name="uq_waivers_revision_finding"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(256)),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column(
            "revision_id", sa.Integer, sa.ForeignKey("revisions.id"), nullable=False, index=True
        ),
        sa.Column(
            "document_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False, index=True
        ),
        sa.Column("from_state", sa.String(32)),
        sa.Column("to_state", sa.String(32)),
        sa.Column("content_sha256", sa.String(64), nullable=False),
        sa.Column("finding_id", sa.String(128)),
        sa.Column("note", sa.Text),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in _PG_APPEND_ONLY if postgres else _SQLITE_APPEND_ONLY:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS reviewer_audit_append_only()")
    for table in ("audit_log", "waivers", "revisions", "documents"):
        op.drop_table(table)
