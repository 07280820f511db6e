"""full-text search over passages

SQLite: an external-content FTS5 table over passages(text), kept in step by
triggers and backfilled from the passages already stored.
PostgreSQL: a GIN index on the tsvector expression the search query uses.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Must match habeas.store.search.PG_TSVECTOR, or PostgreSQL will not use the index.
PG_INDEX = "CREATE INDEX IF NOT EXISTS ix_passages_text_fts ON passages USING GIN (to_tsvector('simple', text))"

SQLITE_STATEMENTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5("
    "text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_ai AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_ad AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_au AFTER UPDATE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')",
)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_STATEMENTS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(PG_INDEX)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("passages_fts_ai", "passages_fts_ad", "passages_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS passages_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_passages_text_fts")
