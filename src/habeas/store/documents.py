"""Document repository: rows <-> domain records, queries the CLI and web need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from habeas.domain import Document, Page, Passage
from habeas.store.models import DocumentRow, FactRow, PageRow, PassageRow
from habeas.store.search import index_passages


def find_by_sha(session: Session, sha256: str) -> DocumentRow | None:
    return session.scalar(select(DocumentRow).where(DocumentRow.sha256 == sha256))


def add_document(session: Session, document: Document, stored_path: str) -> DocumentRow:
    """Store a document with its pages and passages (word boxes are not stored).

    Pages and passages go in as two executemany calls rather than through the
    unit of work: a long report has thousands of passages, and one ORM insert
    with its own round trip per row cost more than reading the PDF.
    """
    row = DocumentRow(
        sha256=document.sha256, filename=document.filename, media_type=document.media_type,
        title=document.title, publisher=document.publisher, published=document.published,
        country=document.country, kind=document.kind, url=document.url,
        confidential=document.confidential, size_bytes=document.size_bytes,
        stored_path=stored_path, text=document.text, page_count=len(document.pages),
        extraction_problems=[],
    )
    session.add(row)
    session.flush()
    _insert_many(session, PageRow.__table__, ("document_id", "number", "start_char", "end_char", "width", "height"),
                 [(row.id, p.number, p.start_char, p.end_char, p.width, p.height) for p in document.pages])
    text = document.text
    _insert_many(session, PassageRow.__table__, ("document_id", "seq", "page", "start_char", "end_char", "text"),
                 [(row.id, i, p.page, p.start_char, p.end_char, text[p.start_char:p.end_char])
                  for i, p in enumerate(document.passages)])
    index_passages(session, row.id)
    return row


def _insert_many(session: Session, table: Any, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """One ``executemany`` of plain tuples, straight to the driver.

    SQLAlchemy's own executemany processes every row's parameters in Python,
    which for the passages of a long report cost as much as the insert itself.
    These columns need no type processing (ints, floats, str), so the rows go
    to the DBAPI as they are, in its own placeholder style.
    """
    if not rows:
        return
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([mark] * len(columns))})", rows)


def to_domain(row: DocumentRow) -> Document:
    """The stored document, without word boxes (see ``habeas.services.extract_document``)."""
    pages = [
        Page(number=p.number, start_char=p.start_char, end_char=p.end_char, width=p.width, height=p.height)
        for p in row.pages
    ]
    passages = [Passage(p.start_char, p.end_char, p.page) for p in row.passages]
    return Document(
        id=row.id, sha256=row.sha256, filename=row.filename, media_type=row.media_type, text=row.text,
        pages=pages, passages=passages, title=row.title, publisher=row.publisher,
        published=row.published, country=row.country, kind=row.kind, url=row.url,
        confidential=row.confidential, size_bytes=row.size_bytes,
    )


def list_documents(
    session: Session, *, country: str | None = None, kind: str | None = None,
    year: str | None = None, include_confidential: bool = True,
    order_by: str = "id", descending: bool = False, limit: int | None = None, offset: int = 0,
) -> Sequence[DocumentRow]:
    query = select(DocumentRow)
    if country:
        query = query.where(DocumentRow.country == country.upper())
    if kind:
        query = query.where(DocumentRow.kind == kind)
    if year:
        query = query.where(DocumentRow.published.like(f"{year}%"))
    if not include_confidential:
        query = query.where(DocumentRow.confidential.is_(False))
    column = {
        "id": DocumentRow.id, "title": DocumentRow.title, "published": DocumentRow.published,
        "country": DocumentRow.country, "kind": DocumentRow.kind, "ingested": DocumentRow.ingested_at,
    }.get(order_by, DocumentRow.id)
    query = query.order_by(column.desc() if descending else column, DocumentRow.id)
    if limit is None:
        return session.scalars(query).all()
    # Deferred join: pick the page's ids first (an index, or rows read only up to the sort
    # column), then load those rows; an OFFSET never drags whole documents' text along.
    ids = list(session.scalars(query.with_only_columns(DocumentRow.id).limit(limit).offset(offset)))
    rows = {r.id: r for r in session.scalars(select(DocumentRow).where(DocumentRow.id.in_(ids)))} if ids else {}
    return [rows[i] for i in ids if i in rows]


def fact_counts_by_document(session: Session, document_ids: Sequence[int]) -> dict[int, int]:
    if not document_ids:
        return {}
    rows = session.execute(
        select(FactRow.document_id, func.count()).where(FactRow.document_id.in_(document_ids))
        .group_by(FactRow.document_id)
    )
    return {doc_id: count for doc_id, count in rows if doc_id is not None}


def library_summary(session: Session) -> dict[str, object]:
    documents = session.scalar(select(func.count()).select_from(DocumentRow)) or 0
    pages = session.scalar(select(func.coalesce(func.sum(DocumentRow.page_count), 0))) or 0
    by_country = dict(session.execute(
        select(DocumentRow.country, func.count()).group_by(DocumentRow.country)).all())
    by_kind = dict(session.execute(select(DocumentRow.kind, func.count()).group_by(DocumentRow.kind)).all())
    facts_by_type = dict(session.execute(select(FactRow.type, func.count()).group_by(FactRow.type)).all())
    facts_by_status = dict(session.execute(
        select(FactRow.status, func.count()).group_by(FactRow.status)).all())
    return {"documents": documents, "pages": pages, "by_country": by_country, "by_kind": by_kind,
            "facts_by_type": facts_by_type, "facts_by_status": facts_by_status}
