"""Review facts: accept, reject, correct, add by hand, import from CSV.

Every change writes a history entry (who, when, before, after). A correction
never overwrites what the extractor found: ``extracted_fields`` keeps it.
Writes carry the version the editor saw; a stale version is refused with a
``Conflict`` that shows the other edit, so nothing is silently overwritten.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from habeas.domain.fact import FACT_TYPES, FIELDS_BY_TYPE
from habeas.errors import Conflict, NotFound, ValidationFailed
from habeas.services.context import Services
from habeas.store import facts as fact_store
from habeas.store.models import DocumentRow, FactHistoryRow, FactRow, utcnow
from habeas.vocab import indicators, status_indicators, treaties

STATUSES = ("candidate", "accepted", "rejected")
INT_FIELDS = {"year", "year_adopted", "year_amended", "count"}
LIST_FIELDS = {"articles"}


def fact_public(row: FactRow, document: DocumentRow | None = None) -> dict[str, Any]:
    """The one outward shape of a fact (CLI JSON, API, exports)."""
    doc = document if document is not None else row.document
    return {
        "id": row.id, "type": row.type, "country": row.country, "status": row.status,
        **(row.fields or {}),
        "quote": row.quote, "page": row.page, "document_id": row.document_id,
        "document_title": (doc.title or doc.filename) if doc is not None else None,
        "source_note": row.source_note, "extractor": row.extractor, "rule": row.rule,
        "confidence": row.confidence, "version": row.version, "confidential": row.confidential,
        "edited": bool(row.extracted_fields is not None and row.extracted_fields != row.fields),
        "start_char": row.start_char, "end_char": row.end_char,
    }


def _get(session: Session, fact_id: int) -> FactRow:
    row = session.get(FactRow, fact_id)
    if row is None:
        raise NotFound(f"no fact with id {fact_id}")
    return row


def _check_version(row: FactRow, expected_version: int | None) -> None:
    if expected_version is not None and row.version != expected_version:
        last = row.history[-1] if row.history else None
        other = (f"{last.actor} changed it ({last.action}) at {last.at:%Y-%m-%d %H:%M:%S}: "
                 f"{json.dumps(last.after, ensure_ascii=False)}") if last else "someone changed it"
        raise Conflict(
            f"fact {row.id} was changed since you opened it (your version {expected_version}, "
            f"now {row.version}); {other}. Reload and apply your change again.")


def _record(row: FactRow, actor: str, action: str, before: dict[str, Any], reason: str | None = None) -> None:
    """Append a history entry; one change of a fact is one UPDATE (one version step)."""
    row.updated_at = utcnow()
    session = object_session(row)
    # Loading the history must not flush the half-made change as a separate UPDATE.
    with session.no_autoflush if session is not None else nullcontext():
        row.history.append(FactHistoryRow(actor=actor, action=action, before=before,
                                          after=fact_store.fact_snapshot(row), reason=reason, at=utcnow()))


def _set_status(services: Services, ids: Iterable[int], status: str, actor: str,
                reason: str | None = None, expected_version: int | None = None) -> list[dict[str, Any]]:
    changed = []
    try:
        with services.db.session() as session:
            for fact_id in ids:
                row = _get(session, fact_id)
                _check_version(row, expected_version)
                if row.status == status:
                    changed.append(fact_public(row))
                    continue
                before = fact_store.fact_snapshot(row)
                row.status = status
                row.reviewed_by, row.reviewed_at = actor, utcnow()
                _record(row, actor, {"accepted": "accepted", "rejected": "rejected"}.get(status, status),
                        before, reason)
                session.flush()
                changed.append(fact_public(row))
    except StaleDataError as exc:
        raise Conflict("another editor saved this fact at the same moment; reload and retry") from exc
    return changed


def accept_facts(services: Services, ids: Sequence[int], actor: str,
                 expected_version: int | None = None) -> list[dict[str, Any]]:
    return _set_status(services, ids, "accepted", actor, expected_version=expected_version)


def reject_facts(services: Services, ids: Sequence[int], actor: str, reason: str | None = None,
                 expected_version: int | None = None) -> list[dict[str, Any]]:
    return _set_status(services, ids, "rejected", actor, reason, expected_version)


def reopen_facts(services: Services, ids: Sequence[int], actor: str) -> list[dict[str, Any]]:
    return _set_status(services, ids, "candidate", actor)


def matching_ids(services: Services, *, country: str | None = None, type_: str | None = None,
                 status: str | None = "candidate", document_id: int | None = None) -> list[int]:
    with services.db.session() as session:
        return [r.id for r in fact_store.list_facts(session, country=country, type_=type_, status=status,
                                                     document_id=document_id)]


def coerce_field(fact_type: str, key: str, raw: Any) -> Any:
    """Turn a typed-in value into the field's JSON type, validating vocabulary fields."""
    if key not in FIELDS_BY_TYPE[fact_type]:
        raise ValidationFailed(f"{fact_type} facts have no field {key!r}; fields are "
                               f"{', '.join(FIELDS_BY_TYPE[fact_type])}")
    if raw is None or (isinstance(raw, str) and raw.strip() in ("", "null", "none")):
        return [] if key in LIST_FIELDS else None
    if key in LIST_FIELDS:
        if isinstance(raw, list):
            return [str(x) for x in raw]
        return [p.strip() for p in str(raw).split(",") if p.strip()]
    if key in INT_FIELDS:
        try:
            return int(str(raw).replace(",", ""))
        except ValueError as exc:
            raise ValidationFailed(f"{key} must be a whole number, not {raw!r}") from exc
    if fact_type == "statistic" and key == "value":
        try:
            return float(str(raw).replace(",", "")) if "." in str(raw) else int(str(raw).replace(",", ""))
        except ValueError as exc:
            raise ValidationFailed(f"value must be a number or null, not {raw!r}") from exc
    value = str(raw).strip()
    if fact_type == "statistic" and key == "indicator" and value not in indicators():
        raise ValidationFailed(f"unknown indicator {value!r}")
    if fact_type == "status" and key == "indicator" and value not in status_indicators():
        raise ValidationFailed(f"unknown status indicator {value!r}")
    if fact_type == "treaty" and key == "treaty" and value not in treaties():
        raise ValidationFailed(f"unknown treaty code {value!r}")
    if key == "date":
        from habeas.text.dates import parse_date

        if "/" in value:
            parts = [parse_date(p) for p in value.split("/", 1)]
            if not all(parts):
                raise ValidationFailed(f"date {value!r} is not an ISO date or period")
            return "/".join(p for p in parts if p)
        parsed = parse_date(value)
        if parsed is None:
            raise ValidationFailed(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return parsed
    return value


def edit_fact(services: Services, fact_id: int, changes: dict[str, Any], actor: str,
              expected_version: int | None = None, reason: str | None = None) -> dict[str, Any]:
    """Correct fields (and optionally status/country) of a fact; the extraction is kept."""
    try:
        with services.db.session() as session:
            row = _get(session, fact_id)
            _check_version(row, expected_version)
            before = fact_store.fact_snapshot(row)
            fields = dict(row.fields or {})
            for key, raw in changes.items():
                if key == "status":
                    if raw not in STATUSES:
                        raise ValidationFailed(f"status must be one of {', '.join(STATUSES)}")
                    row.status = raw
                elif key == "country":
                    row.country = str(raw).upper() or None
                else:
                    fields[key] = coerce_field(row.type, key, raw)
            if row.type == "statistic" and fields.get("indicator") in indicators():
                fields["unit"] = indicators()[fields["indicator"]].unit
            row.fields = fields
            row.indicator = fields.get("indicator")
            row.observation_date = fact_store._observation_date(fields)
            row.reviewed_by, row.reviewed_at = actor, utcnow()
            _record(row, actor, "edited", before, reason)
            session.flush()
            return fact_public(row)
    except StaleDataError as exc:
        raise Conflict("another editor saved this fact at the same moment; reload and retry") from exc


def add_fact(services: Services, fact_type: str, country: str, fields: dict[str, Any], actor: str,
             *, source_note: str, quote: str = "", document_id: int | None = None,
             status: str = "accepted", confidential: bool = False) -> dict[str, Any]:
    """A fact entered by hand: first-class, with a source note instead of an extractor."""
    with services.db.session() as session:
        return _add_fact(session, fact_type, country, fields, actor, source_note=source_note,
                         quote=quote, document_id=document_id, status=status,
                         confidential=confidential)


def _add_fact(session: Session, fact_type: str, country: str, fields: dict[str, Any], actor: str,
              *, source_note: str, quote: str, document_id: int | None, status: str,
              confidential: bool) -> dict[str, Any]:
    if fact_type not in FACT_TYPES:
        raise ValidationFailed(f"unknown fact type {fact_type!r}")
    if not source_note.strip():
        raise ValidationFailed("a hand-added fact needs a source note (where the figure comes from)")
    if status not in STATUSES:
        raise ValidationFailed(f"status must be one of {', '.join(STATUSES)}")
    import pycountry

    if not country or pycountry.countries.get(alpha_3=country.upper()) is None:
        raise ValidationFailed(f"unknown ISO 3166-1 alpha-3 country code {country!r}")
    clean = {key: coerce_field(fact_type, key, value) for key, value in fields.items()}
    if fact_type == "statistic":
        if clean.get("indicator") not in indicators():
            raise ValidationFailed("a statistic needs a known indicator")
        clean["unit"] = indicators()[clean["indicator"]].unit
    for key in FIELDS_BY_TYPE[fact_type]:
        if key in LIST_FIELDS:
            clean.setdefault(key, [])
    if document_id is not None and session.get(DocumentRow, document_id) is None:
        raise NotFound(f"no document with id {document_id}")
    row = FactRow(document_id=document_id, type=fact_type, country=country.upper(), fields=clean,
                  extracted_fields=None, indicator=clean.get("indicator"),
                  observation_date=fact_store._observation_date(clean), quote=quote or "",
                  extractor="manual", rule="hand-added", confidence=1.0, status=status,
                  source_note=source_note, confidential=confidential,
                  reviewed_by=actor, reviewed_at=utcnow())
    session.add(row)
    row.history.append(FactHistoryRow(actor=actor, action="added", before=None,
                                      after=fact_store.fact_snapshot(row), reason=source_note))
    session.flush()
    return fact_public(row)


def import_csv(services: Services, data: str, actor: str, *, default_source_note: str | None = None
               ) -> list[dict[str, Any]]:
    """Import hand-collected facts from CSV (one row per fact, all-or-nothing).

    Columns: type, country, source_note (or a default), quote, status, and the
    type's own field names (indicator, value, date, treaty, year, title ...).
    """
    reader = csv.DictReader(io.StringIO(data))
    if not reader.fieldnames or "type" not in reader.fieldnames or "country" not in reader.fieldnames:
        raise ValidationFailed("the CSV needs a header row with at least the columns type and country")
    prepared = []
    for line_number, record in enumerate(reader, start=2):
        fact_type = (record.get("type") or "").strip()
        if fact_type not in FACT_TYPES:
            raise ValidationFailed(f"line {line_number}: unknown fact type {fact_type!r}")
        note = (record.get("source_note") or default_source_note or "").strip()
        if not note:
            raise ValidationFailed(f"line {line_number}: no source_note (give --source-note for all rows)")
        fields = {k: v for k, v in record.items()
                  if k in FIELDS_BY_TYPE[fact_type] and k != "unit" and v not in (None, "")}
        try:
            for key, value in fields.items():
                coerce_field(fact_type, key, value)
        except ValidationFailed as exc:
            raise ValidationFailed(f"line {line_number}: {exc.message}") from exc
        prepared.append((fact_type, record["country"].strip(), fields, note,
                         (record.get("quote") or "").strip(), (record.get("status") or "accepted").strip()))
    # One transaction: a bad row anywhere imports nothing.
    with services.db.session() as session:
        return [_add_fact(session, fact_type, country, fields, actor, source_note=note, quote=quote,
                          document_id=None, status=status, confidential=False)
                for fact_type, country, fields, note, quote, status in prepared]


def list_review(services: Services, *, country: str | None = None, type_: str | None = None,
                status: str | None = None, document_id: int | None = None,
                include_confidential: bool = True, limit: int | None = None, offset: int = 0
                ) -> list[dict[str, Any]]:
    with services.db.session() as session:
        rows = fact_store.list_facts(session, country=country, type_=type_, status=status,
                                     document_id=document_id, include_confidential=include_confidential,
                                     limit=limit, offset=offset)
        return [fact_public(r) for r in rows]


def get_fact(services: Services, fact_id: int) -> dict[str, Any]:
    with services.db.session() as session:
        row = _get(session, fact_id)
        public = fact_public(row)
        public["extracted_fields"] = row.extracted_fields
        return public


def fact_history(services: Services, fact_id: int) -> list[dict[str, Any]]:
    with services.db.session() as session:
        row = _get(session, fact_id)
        return [{"at": h.at.isoformat(), "actor": h.actor, "action": h.action, "before": h.before,
                 "after": h.after, "reason": h.reason} for h in row.history]


def review_queue(services: Services, *, country: str | None = None, type_: str | None = None
                 ) -> list[int]:
    """Candidate fact ids in review order (document, then position in it)."""
    with services.db.session() as session:
        query = select(FactRow.id).where(FactRow.status == "candidate")
        if country:
            query = query.where(FactRow.country == country.upper())
        if type_:
            query = query.where(FactRow.type == type_)
        query = query.order_by(FactRow.document_id, FactRow.start_char, FactRow.id)
        return list(session.scalars(query))
