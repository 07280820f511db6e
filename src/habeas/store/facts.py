"""Fact repository: storing extracted facts and reading them back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from habeas.domain import Fact
from habeas.store.models import FactHistoryRow, FactRow, utcnow

REVIEWED_STATUSES = ("accepted", "rejected")


def _observation_date(fields: dict[str, Any]) -> str | None:
    for key in ("date", "year", "year_adopted"):
        value = fields.get(key)
        if value is not None:
            return str(value)
    return None


def fact_row_from_domain(fact: Fact, *, document_id: int | None, confidential: bool = False) -> FactRow:
    fields = {k: v for k, v in fact.to_interchange().items()
              if k not in ("type", "country", "quote", "page", "confidence")}
    return FactRow(
        document_id=document_id, type=fact.type.value, country=fact.country, fields=fields,
        extracted_fields=dict(fields), indicator=fields.get("indicator"),
        observation_date=_observation_date(fields), quote=fact.quote, page=fact.span.page,
        start_char=fact.span.start_char, end_char=fact.span.end_char, extractor=fact.extractor,
        rule=fact.rule, confidence=fact.confidence, status="candidate", confidential=confidential,
    )


def add_extracted_facts(
    session: Session, facts: Iterable[Fact], *, document_id: int, confidential: bool, actor: str
) -> int:
    count = 0
    for fact in facts:
        row = fact_row_from_domain(fact, document_id=document_id, confidential=confidential)
        row.history.append(FactHistoryRow(actor=actor, action="extracted", before=None,
                                          after=fact_snapshot(row), at=utcnow()))
        session.add(row)
        count += 1
    session.flush()
    return count


def delete_unreviewed_facts(session: Session, document_id: int) -> int:
    """Drop candidate facts of a document that no editor has touched (for re-extraction)."""
    untouched = select(FactRow.id).where(
        FactRow.document_id == document_id, FactRow.status == "candidate",
        FactRow.version == 1, FactRow.extractor != "manual",
    )
    ids = list(session.scalars(untouched))
    if ids:
        session.execute(delete(FactHistoryRow).where(FactHistoryRow.fact_id.in_(ids)))
        session.execute(delete(FactRow).where(FactRow.id.in_(ids)))
    return len(ids)


def kept_fact_keys(session: Session, document_id: int) -> set[tuple[str, str]]:
    """(type, canonical fields) of the facts kept through a re-extraction, to avoid duplicates."""
    rows = session.scalars(select(FactRow).where(FactRow.document_id == document_id))
    return {(r.type, canonical_key(r.extracted_fields or r.fields)) for r in rows}


def canonical_key(fields: dict[str, Any]) -> str:
    import json

    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def fact_snapshot(row: FactRow) -> dict[str, Any]:
    return {"status": row.status, "country": row.country, "fields": dict(row.fields or {})}


def list_facts(
    session: Session, *, country: str | None = None, type_: str | None = None,
    status: str | None = None, document_id: int | None = None, indicator: str | None = None,
    include_confidential: bool = True, limit: int | None = None, offset: int = 0,
) -> Sequence[FactRow]:
    query = select(FactRow)
    if country:
        query = query.where(FactRow.country == country.upper())
    if type_:
        query = query.where(FactRow.type == type_)
    if status:
        query = query.where(FactRow.status == status)
    if document_id is not None:
        query = query.where(FactRow.document_id == document_id)
    if indicator:
        query = query.where(FactRow.indicator == indicator)
    if not include_confidential:
        query = query.where(FactRow.confidential.is_(False))
    query = query.order_by(FactRow.id)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return session.scalars(query).all()
