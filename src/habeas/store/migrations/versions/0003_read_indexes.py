"""indexes that match the web's read queries; stored tsvector on PostgreSQL

Each index below serves a named query, so a slow page can be traced to its index:

- ix_facts_queue: the review queue's keyset order (status, document, position, id);
  the trailing confidential, document_id and start_char let the queue read the index only.
  The COALESCE expressions must match habeas.web.queries.queue_key_columns exactly.
- ix_facts_document_start: facts inside a passage (search by fact type, the fact-type
  facet, the document page, the passage around a fact).
- ix_facts_country_status: the countries index (grouped counts and freshness) and the
  profile's accepted facts of one country, read from the index alone.
- ix_facts_public: whole-library counts of public facts, and their pages in id order
  (confidential, id, document_id: the public filter and the order, read from the index).
- ix_facts_type_date: the updates stream (events, newest first).
- ix_facts_updated_at: max(updated_at), the cheap "last change" marker of the caches.
- ix_documents_public_ingested / ix_documents_country_published: the library's default
  order and its country filter sorted by date.

PostgreSQL: passages.tsv is a stored generated column (to_tsvector('simple', text))
with a GIN index, so ranking and matching do not recompute to_tsvector for each row.

Revision ID: 0003
Revises: 0002
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_facts_queue", "facts",
     "status, (COALESCE(document_id, 0)), (COALESCE(start_char, -1)), id, confidential, document_id, start_char"),
    ("ix_facts_document_start", "facts", "document_id, start_char, type, confidential"),
    ("ix_facts_country_status", "facts", "country, status, observation_date, confidential, document_id"),
    ("ix_facts_public", "facts", "confidential, id, document_id"),
    ("ix_facts_type_date", "facts", "type, observation_date, id"),
    ("ix_facts_updated_at", "facts", "updated_at"),
    ("ix_documents_public_ingested", "documents", "confidential, ingested_at, id"),
    ("ix_documents_country_published", "documents", "country, published, id"),
)

PG_UP = (
    ("ALTER TABLE passages ADD COLUMN IF NOT EXISTS tsv tsvector "
     "GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED"),
    "CREATE INDEX IF NOT EXISTS ix_passages_tsv ON passages USING GIN (tsv)",
    "DROP INDEX IF EXISTS ix_passages_text_fts",
)
PG_DOWN = (
    "CREATE INDEX IF NOT EXISTS ix_passages_text_fts ON passages USING GIN (to_tsvector('simple', text))",
    "DROP INDEX IF EXISTS ix_passages_tsv",
    "ALTER TABLE passages DROP COLUMN IF EXISTS tsv",
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for statement in PG_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_DOWN:
            op.execute(statement)
    for name, _table, _columns in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
