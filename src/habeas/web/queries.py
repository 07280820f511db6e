"""Read-only queries the pages need beyond the services: paging, sorting, indexes.

Everything here excludes confidential rows: the web app is a public surface,
so confidential documents and facts never leave the store through it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, literal_column, or_, select, tuple_
from sqlalchemy.orm import Session, joinedload

from habeas.services.review_fact import fact_public
from habeas.store.models import DocumentRow, FactRow, PassageRow
from habeas.web.cache import cached

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


def public_facts() -> Select[FactRow]:
    """Facts that may be shown: not confidential and not from a confidential document."""
    # NOT IN over the (few) confidential documents is far cheaper than joining every fact.
    secret_documents = select(DocumentRow.id).where(DocumentRow.confidential.is_(True))
    return select(FactRow).where(
        FactRow.confidential.is_(False),
        or_(FactRow.document_id.is_(None), FactRow.document_id.not_in(secret_documents)))


def _filtered(filters: FactFilters) -> Select[FactRow]:
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


def with_document_title() -> Any:
    """Load a fact's document in the same query, but only what ``fact_public`` reads (not its text)."""
    return joinedload(FactRow.document).load_only(DocumentRow.id, DocumentRow.title, DocumentRow.filename)


def count_facts(session: Session, filters: FactFilters) -> int:
    """Public facts matching ``filters``; counted once per library state (see web.cache)."""
    query = _filtered(filters).with_only_columns(func.count(FactRow.id))
    return cached(session, ("count_facts", filters), lambda: int(session.scalar(query) or 0))


def list_facts(session: Session, filters: FactFilters, *, sort: str = "id", descending: bool = False,
               limit: int = 50, offset: int = 0, total: int | None = None
               ) -> tuple[list[dict[str, Any]], int]:
    """One page of public facts and the total (pass ``total`` if already counted)."""
    query = _filtered(filters)
    if total is None:
        total = count_facts(session, filters)
    column = FACT_SORTS.get(sort, FactRow.id)
    # Deferred join: the page's ids come from an index scan (ix_facts_public holds
    # confidential, id, document_id), then only those rows are read.
    ids = list(session.scalars(query.with_only_columns(FactRow.id).order_by(
        column.desc() if descending else column, FactRow.id).limit(limit).offset(offset)))
    if not ids:
        return [], int(total or 0)
    rows: dict[int, FactRow] = {}
    for start in range(0, len(ids), 500):  # bounded IN lists, whatever the page size
        chunk = ids[start:start + 500]
        rows.update((r.id, r) for r in session.scalars(
            select(FactRow).options(with_document_title()).where(FactRow.id.in_(chunk))).unique())
    return [fact_public(rows[i]) for i in ids if i in rows], int(total or 0)


def get_public_fact(session: Session, fact_id: int) -> FactRow | None:
    return session.scalar(public_facts().where(FactRow.id == fact_id))


def get_public_document(session: Session, document_id: int) -> DocumentRow | None:
    row = session.get(DocumentRow, document_id)
    return row if row is not None and not row.confidential else None


def _queue_base(country: str | None, type_: str | None) -> Select[FactRow]:
    query = public_facts().where(FactRow.status == "candidate")
    if country:
        query = query.where(FactRow.country == country.upper())
    if type_:
        query = query.where(FactRow.type == type_)
    return query


def queue_key_columns() -> tuple[Any, Any, Any]:
    """The queue order. Literal constants (not bound parameters) so the expressions match,
    and the planner uses, the index ix_facts_queue of migration 0003."""
    return (func.coalesce(FactRow.document_id, literal_column("0")),
            func.coalesce(FactRow.start_char, literal_column("-1")), FactRow.id)


def _key_of(row: FactRow) -> tuple[int, int, int]:
    return (row.document_id or 0, row.start_char if row.start_char is not None else -1, row.id)


@dataclass(frozen=True, slots=True)
class QueueSlot:
    """Where one candidate sits in the review queue (document order), found by keyset queries."""

    fact_id: int | None
    position: int
    remaining: int
    previous_id: int | None
    next_id: int | None


def review_slot(session: Session, *, fact_id: int | None = None, after: int | None = None,
                country: str | None = None, type_: str | None = None) -> QueueSlot:
    """The candidate to show: ``fact_id`` if queued, else the first one after ``after``, else the first.

    Keyset queries on (document, position, id) keep this fast on a queue of any length.
    """
    base = _queue_base(country, type_)
    columns = queue_key_columns()
    asc = list(columns)

    def after_key(k: tuple[int, int, int]) -> Any:
        # The plain bound on the first column lets the planner seek the index; the
        # row-value comparison then settles ties.
        return (columns[0] >= k[0]) & (tuple_(*columns) > tuple_(*k))

    def before_key(k: tuple[int, int, int]) -> Any:
        return (columns[0] <= k[0]) & (tuple_(*columns) < tuple_(*k))

    remaining = cached(session, ("queue_remaining", country, type_), lambda: int(session.scalar(
        select(func.count()).select_from(base.with_only_columns(FactRow.id).subquery())) or 0))
    current: FactRow | None = None
    if fact_id is not None:
        current = session.scalar(base.where(FactRow.id == fact_id))
    if current is None and after is not None:
        anchor = session.get(FactRow, after)
        if anchor is not None:
            current = session.scalar(base.where(after_key(_key_of(anchor))).order_by(*asc).limit(1))
    if current is None:
        current = session.scalar(base.order_by(*asc).limit(1))
    if current is None:
        return QueueSlot(None, 0, remaining, None, None)
    here = _key_of(current)
    before = int(session.scalar(select(func.count()).select_from(
        base.where(before_key(here)).with_only_columns(FactRow.id).subquery())) or 0)
    next_id = session.scalar(base.with_only_columns(FactRow.id).where(after_key(here)).order_by(*asc).limit(1))
    previous_id = session.scalar(base.with_only_columns(FactRow.id).where(before_key(here))
                                 .order_by(*[c.desc() for c in asc]).limit(1))
    return QueueSlot(current.id, before + 1, remaining, previous_id, next_id)


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


def countries_index(session: Session, iso3: str | None = None) -> list[dict[str, Any]]:
    """Every country in the library (or just ``iso3``) with counts and freshness (newest observation).

    One grouped query per table, read from covering indexes, and cached per library state.
    Entries are shared between requests: copy before changing them.
    """
    code = iso3.upper() if iso3 else None
    return cached(session, ("countries_index", code), lambda: _countries_index(session, code))


def _countries_index(session: Session, iso3: str | None) -> list[dict[str, Any]]:
    doc_query = select(DocumentRow.country, func.count()).where(DocumentRow.confidential.is_(False),
                                                                DocumentRow.country.is_not(None))
    facts_query = public_facts()
    if iso3:
        doc_query = doc_query.where(DocumentRow.country == iso3.upper())
        facts_query = facts_query.where(FactRow.country == iso3.upper())
    docs = dict(session.execute(doc_query.group_by(DocumentRow.country)).all())
    fact_rows = session.execute(
        facts_query.with_only_columns(
            FactRow.country, func.count(),
            func.sum(case((FactRow.status == "accepted", 1), else_=0)),
            func.sum(case((FactRow.status == "candidate", 1), else_=0)),
            func.max(FactRow.observation_date))
        .where(FactRow.country.is_not(None)).group_by(FactRow.country)).all()
    facts = {r[0]: r for r in fact_rows}
    out = []
    for code in sorted(set(docs) | set(facts), key=lambda c: c or ""):
        row = facts.get(code)
        out.append({"iso3": code, "documents": int(docs.get(code, 0)),
                    "facts": int(row[1]) if row else 0, "accepted": int(row[2] or 0) if row else 0,
                    "candidates": int(row[3] or 0) if row else 0,
                    "freshness": row[4] if row else None})
    return out


def updates(session: Session, *, country: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Dated events and monitor documents, newest first (the "what changed" stream)."""
    events_query = (public_facts().options(with_document_title())
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
    """Choices for filter menus (small, distinct, non-confidential), cached per library state."""
    return cached(session, ("facet_values",), lambda: _facet_values(session))


def _facet_values(session: Session) -> dict[str, list[str]]:
    countries = session.scalars(select(DocumentRow.country).where(
        DocumentRow.confidential.is_(False), DocumentRow.country.is_not(None)).distinct()
        .order_by(DocumentRow.country)).all()
    years = session.scalars(select(func.substr(DocumentRow.published, 1, 4)).where(
        DocumentRow.confidential.is_(False), DocumentRow.published.is_not(None)).distinct()).all()
    return {"countries": [c for c in countries if c],
            "years": sorted({y for y in years if y}, reverse=True)}
