"""cheaper ingest: no stored word boxes, passages indexed per document

Storing a long PDF cost more than reading it; two changes fix that.

- Word boxes are no longer stored. The per-word JSON served only table
  reconstruction during extraction; ingest extracts from the boxes it has just
  read, and re-extraction reads them again from the original file, which the
  library always keeps (content-addressed).
- SQLite: the AFTER INSERT trigger that copied each new passage into the FTS5
  index is dropped; ``habeas.store.search.index_passages`` adds a document's
  passages in one INSERT ... SELECT, six times faster. The delete and update
  triggers stay.

Revision ID: 0004
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# As created by migration 0002.
INSERT_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS passages_fts_ai AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END"
)


def upgrade() -> None:
    with op.batch_alter_table("pages") as batch:
        batch.drop_column("words")
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS passages_fts_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(INSERT_TRIGGER)
    with op.batch_alter_table("pages") as batch:
        batch.add_column(sa.Column("words", sa.JSON(), nullable=False, server_default="[]"))
