"""Re-extract facts for documents already in the library.

Reviewed or edited facts are never touched: only untouched candidates are
replaced, and a fresh extraction that repeats a kept fact is not added twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from habeas.domain import Document
from habeas.extract import extract_facts
from habeas.ingest.loader import reread_pages
from habeas.services.context import Services
from habeas.store import documents as document_store
from habeas.store import facts as fact_store
from habeas.store.models import AuditRow, DocumentRow


@dataclass(slots=True)
class ReextractOutcome:
    document_id: int
    removed: int
    added: int
    kept: int
    problems: list[str]


def reextract_all(services: Services, *, country: str | None = None) -> list[ReextractOutcome]:
    with services.db.session() as session:
        query = select(DocumentRow.id).order_by(DocumentRow.id)
        if country:
            query = query.where(DocumentRow.country == country.upper())
        ids = list(session.scalars(query))
    return [reextract_document(services, doc_id) for doc_id in ids]


def reextract_document(services: Services, document_id: int) -> ReextractOutcome:
    with services.db.session() as session:
        row = session.get(DocumentRow, document_id)
        if row is None:
            from habeas.errors import NotFound

            raise NotFound(f"no document {document_id}")
        document = _with_word_boxes(document_store.to_domain(row), row.stored_path)
        removed = fact_store.delete_unreviewed_facts(session, document_id)
        kept_keys = fact_store.kept_fact_keys(session, document_id)
        extraction = extract_facts(document)
        fresh = []
        for fact in extraction.facts:
            row_candidate = fact_store.fact_row_from_domain(fact, document_id=document_id)
            if (fact.type.value, fact_store.canonical_key(row_candidate.fields)) not in kept_keys:
                fresh.append(fact)
        added = fact_store.add_extracted_facts(session, fresh, document_id=document_id,
                                               confidential=row.confidential, actor=services.actor)
        row.extraction_problems = list(extraction.problems)
        session.add(AuditRow(actor=services.actor, action="document.reextracted",
                             target=f"document:{document_id}",
                             details={"removed": removed, "added": added}))
        return ReextractOutcome(document_id, removed, added, len(kept_keys), list(extraction.problems))


def _with_word_boxes(document: Document, stored_path: str) -> Document:
    """The document with the word boxes of its PDF pages, re-read from the stored original.

    Boxes let extraction rebuild garbled tables from positions; without them
    (original missing, or read differently by a newer reader) it uses text alone.
    """
    if document.media_type != "application/pdf":
        return document
    try:
        data = Path(stored_path).read_bytes()
    except OSError:
        return document
    pages = reread_pages(data, document.filename, document.text)
    if pages is not None:
        document.pages = pages
    return document
