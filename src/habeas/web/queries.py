"""Read-only queries the pages need beyond the services: paging, sorting, indexes.

Everything here excludes confidential rows: the web app is a public surface,
so confidential documents and facts never leave the store through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, joinedload

from habeas.services.review_fact import fact_public
from habeas.store.models import DocumentRow, FactRow, PassageRow

FACT_SORTS = {
    "id": FactRow.id, "type": FactRow.type, "indicator": FactRow.indicator, "country": FactRow.country,
    "date": FactRow.observation_date, "status": FactRow.status, "document": FactRow.document_id,
    "confidence": FactRow.confidence,
}
DOCUMENT_SORTS = ("id", "title", "published", "country", "kind", "ingested")


@dataclass(frozen=True, slots=True)
class FactFilters:
    type: str | None = None
    country: str | None = None
    status: str | None = None
    indicator: str | None = None
    document_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "country": self.country, "status": self.status,
                "indicator": self.indicator, "document_id": self.document_id}


def public_facts() -> Select[tuple[FactRow]]:
    """Facts that may be shown: not confidential and not from a confidential document."""
    return (select(FactRow).outerjoin(DocumentRow, DocumentRow.id == FactRow.document_id)
            .where(FactRow.confidential.is_(False),
                   or_(FactRow.document_id.is_(None), DocumentRow.confidential.is_(False))))


def _filtered(filters: FactFilters) -> Select[tuple[FactRow]]:
    query = public_facts()
    if filters.type:
        query = query.where(FactRow.type == filters.type)
    if filters.country:
        query = query.where(FactRow.country == filters.country.upper())
    if filters.status:
        query = query.where(FactRow.status == filters.status)
    if filters.indicator:
        query = query.where(FactRow.indicator == filters.indicator)
    if filters.document_id is not None:
        query = query.where(FactRow.document_id == filters.document_id)
    return query


def list_facts(session: Session, filters: FactFilters, *, sort: str = "id", descending: bool = False,
               limit: int = 50, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    query = _filtered(filters)
    total = session.scalar(select(func.count()).select_from(query.with_only_columns(FactRow.id).subquery()))
    column = FACT_SORTS.get(sort, FactRow.id)
    ordered = query.options(joinedload(FactRow.document)).order_by(
        column.desc() if descending else column, FactRow.id).limit(limit).offset(offset)
    return [fact_public(r) for r in session.scalars(ordered).unique()], int(total or 0)


def get_public_fact(session: Session, fact_id: int) -> FactRow | None:
    return session.scalar(public_facts().where(FactRow.id == fact_id))


def get_public_document(session: Session, document_id: int) -> DocumentRow | None:
    row = session.get(DocumentRow, document_id)
    return row if row is not None and not row.confidential else None


def review_queue_ids(session: Session, *, country: str | None = None, type_: str | None = None) -> list[int]:
    """Public candidate fact ids in review order: document, then position in it."""
    query = public_facts().with_only_columns(FactRow.id).where(FactRow.status == "candidate")
    if country:
        query = query.where(FactRow.country == country.upper())
    if type_:
        query = query.where(FactRow.type == type_)
    query = query.order_by(FactRow.document_id, FactRow.start_char, FactRow.id)
    return list(session.scalars(query))


def _queue_key(row: FactRow) -> tuple[int, int, int]:
    return (row.document_id or 0, row.start_char if row.start_char is not None else -1, row.id)


def queue_position_after(session: Session, queue: list[int], after: int) -> int:
    """Where the queue continues after fact ``after`` (just decided, so usually no longer queued)."""
    if after in queue:
        return min(queue.index(after) + 1, len(queue) - 1)
    decided = session.get(FactRow, after)
    if decided is None:
        return 0
    key = _queue_key(decided)
    rows = session.execute(select(FactRow.id, FactRow.document_id, FactRow.start_char)
                           .where(FactRow.id.in_(queue[:2000]))).all()
    keys = {r.id: (r.document_id or 0, r.start_char if r.start_char is not None else -1, r.id) for r in rows}
    for index, fact_id in enumerate(queue[:2000]):
        if keys.get(fact_id, (0, 0, 0)) > key:
            return index
    return 0


def passage_around(session: Session, fact: FactRow) -> dict[str, Any] | None:
    """The passage holding a fact's quote, split so the quote can be highlighted in place."""
    if fact.document_id is None or fact.start_char is None or fact.end_char is None:
        return None
    passage = session.scalar(
        select(PassageRow).where(PassageRow.document_id == fact.document_id,
                                 PassageRow.start_char <= fact.start_char,
                                 PassageRow.end_char > fact.start_char).order_by(PassageRow.seq).limit(1))
    if passage is None:
        return None
    start = fact.start_char - passage.start_char
    end = min(fact.end_char - passage.start_char, len(passage.text))
    text = passage.text
    # The quote may run past the passage end: extend with the document text.
    if fact.end_char > passage.end_char and fact.document is not None:
        text = fact.document.text[passage.start_char:fact.end_char]
        end = len(text)
    return {"before": text[:start], "quote": text[start:end], "after": text[end:],
            "page": passage.page, "passage_id": passage.id}


def countries_index(session: Session) -> list[dict[str, Any]]:
    """Every country in the library with counts and freshness (newest observation date)."""
    docs = dict(session.execute(
        select(DocumentRow.country, func.count()).where(DocumentRow.confidential.is_(False),
                                                        DocumentRow.country.is_not(None))
        .group_by(DocumentRow.country)).all())
    fact_rows = session.execute(
        public_facts().with_only_columns(
            FactRow.country, func.count(),
            func.sum(case((FactRow.status == "accepted", 1), else_=0)),
            func.sum(case((FactRow.status == "candidate", 1), else_=0)),
            func.max(FactRow.observation_date))
        .where(FactRow.country.is_not(None)).group_by(FactRow.country)).all()
    facts = {r[0]: r for r in fact_rows}
    out = []
    for iso3 in sorted(set(docs) | set(facts)):
        row = facts.get(iso3)
        out.append({"iso3": iso3, "documents": int(docs.get(iso3, 0)),
                    "facts": int(row[1]) if row else 0, "accepted": int(row[2] or 0) if row else 0,
                    "candidates": int(row[3] or 0) if row else 0,
                    "freshness": row[4] if row else None})
    return out


def updates(session: Session, *, country: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Dated events and monitor documents, newest first (the "what changed" stream)."""
    events_query = (public_facts().options(joinedload(FactRow.document))
                    .where(FactRow.type == "event", FactRow.status != "rejected",
                           FactRow.observation_date.is_not(None)))
    docs_query = select(DocumentRow).where(DocumentRow.confidential.is_(False),
                                           DocumentRow.kind == "monitor")
    if country:
        events_query = events_query.where(FactRow.country == country.upper())
        docs_query = docs_query.where(DocumentRow.country == country.upper())
    events_query = events_query.order_by(FactRow.observation_date.desc(), FactRow.id.desc()).limit(limit)
    docs_query = docs_query.order_by(DocumentRow.published.desc(), DocumentRow.id.desc()).limit(limit)
    items: list[dict[str, Any]] = []
    for fact in session.scalars(events_query).unique():
        public = fact_public(fact)
        items.append({"kind": "event", "date": fact.observation_date, "country": fact.country,
                      "title": _event_title(public), "fact_id": fact.id, "document_id": fact.document_id,
                      "document_title": public["document_title"], "quote": fact.quote,
                      "status": fact.status, "updated": (fact.updated_at.isoformat()
                                                         if fact.updated_at else None)})
    for doc in session.scalars(docs_query):
        items.append({"kind": "document", "date": doc.published, "country": doc.country,
                      "title": doc.title or doc.filename, "fact_id": None, "document_id": doc.id,
                      "document_title": doc.title or doc.filename, "quote": "",
                      "status": None, "updated": doc.ingested_at.isoformat() if doc.ingested_at else None})
    items.sort(key=lambda item: (str(item["date"] or ""), item["kind"]), reverse=True)
    return items[:limit]


def _event_title(fact: dict[str, Any]) -> str:
    kind = str(fact.get("kind") or "event").replace("_", " ")
    parts = [kind[:1].upper() + kind[1:]]
    if fact.get("count"):
        parts.append(f"({fact['count']} people)")
    if fact.get("place"):
        parts.append(f"at {fact['place']}")
    return " ".join(parts)


def facet_values(session: Session) -> dict[str, list[str]]:
    """Choices for filter menus (small, distinct, non-confidential)."""
    countries = session.scalars(select(DocumentRow.country).where(
        DocumentRow.confidential.is_(False), DocumentRow.country.is_not(None)).distinct()
        .order_by(DocumentRow.country)).all()
    years = session.scalars(select(func.substr(DocumentRow.published, 1, 4)).where(
        DocumentRow.confidential.is_(False), DocumentRow.published.is_not(None)).distinct()).all()
    return {"countries": [c for c in countries if c],
            "years": sorted({y for y in years if y}, reverse=True)}
