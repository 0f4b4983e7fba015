"""Indexes for the queue: each filter with the id it pages by.

The queue filters on status, effective verdict, language and author and pages oldest first
(``ORDER BY id`` after a cursor id). With 100,000 revisions a filter without an index, or an
index that cannot give the rows in id order, made every page a scan of the whole table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (name, columns): kept in step with RevisionRow.__table_args__ in reviewer.store.schema
QUEUE_INDEXES = (
    ("ix_revisions_status_id", ["status", "id"]),
    ("ix_revisions_effective_verdict_id", ["effective_verdict", "id"]),
    ("ix_revisions_language_id", ["language", "id"]),
    ("ix_revisions_author_id", ["author", "id"]),
)


def upgrade() -> None:
    op.drop_index("ix_revisions_status", table_name="revisions")  # (status, id) covers it
    for name, columns in QUEUE_INDEXES:
        op.create_index(name, "revisions", columns)


def downgrade() -> None:
    for name, _columns in QUEUE_INDEXES:
        op.drop_index(name, table_name="revisions")
    op.create_index("ix_revisions_status", "revisions", ["status"])
