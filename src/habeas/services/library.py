"""Browse and manage the document library."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from habeas.errors import NotFound
from habeas.services.context import Services
from habeas.store import documents as document_store
from habeas.store.models import AuditRow, DocumentRow, FactRow


def document_summary(row: DocumentRow, fact_count: int | None = None) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "id": row.id, "title": row.title, "filename": row.filename, "publisher": row.publisher,
        "published": row.published, "country": row.country, "kind": row.kind, "url": row.url,
        "media_type": row.media_type, "pages": row.page_count, "size_bytes": row.size_bytes,
        "sha256": row.sha256, "confidential": row.confidential,
        "ingested_at": row.ingested_at.isoformat() if row.ingested_at else None,
    }
    if fact_count is not None:
        summary["facts"] = fact_count
    return summary


def list_documents(services: Services, **filters: Any) -> list[dict[str, Any]]:
    with services.db.session() as session:
        rows = document_store.list_documents(session, **filters)
        counts = document_store.fact_counts_by_document(session, [r.id for r in rows])
        return [document_summary(r, counts.get(r.id, 0)) for r in rows]


def show_document(services: Services, document_id: int, *, with_text: bool = False) -> dict[str, Any]:
    with services.db.session() as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            raise NotFound(f"no document with id {document_id}")
        fact_count = session.scalar(
            select(func.count()).select_from(FactRow).where(FactRow.document_id == document_id))
        summary = document_summary(row, fact_count or 0)
        summary["passages"] = len(row.passages)
        summary["stored_path"] = row.stored_path
        summary["extraction_problems"] = row.extraction_problems or []
        if with_text:
            summary["text"] = row.text
            summary["page_ranges"] = [[p.number, p.start_char, p.end_char] for p in row.pages]
        return summary


def delete_document(services: Services, document_id: int) -> dict[str, Any]:
    """Delete a document, its facts and its stored original (if no other row uses it)."""
    with services.db.session() as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            raise NotFound(f"no document with id {document_id}")
        summary = document_summary(row)
        stored_path = row.stored_path
        session.delete(row)
        session.add(AuditRow(actor=services.actor, action="document.deleted",
                             target=f"document:{document_id}",
                             details={"filename": summary["filename"], "sha256": summary["sha256"]}))
    services.originals.remove(stored_path)
    return summary


def summary(services: Services) -> dict[str, Any]:
    with services.db.session() as session:
        return document_store.library_summary(session)
