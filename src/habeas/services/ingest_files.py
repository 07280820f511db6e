"""Ingest files into the library: one document per transaction, nothing half-written.

For each file: read and parse it (no database yet), then in one transaction
store the original, the document, its pages and passages and its extracted
facts. Any failure rolls the transaction back and removes the original this
call wrote, so the library holds nothing of a failed file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import IntegrityError

from habeas.domain import Document
from habeas.errors import HabeasError
from habeas.extract import ExtractionResult, extract_facts
from habeas.ingest.loader import DocumentOverrides, document_from_bytes, read_file
from habeas.services.context import Services
from habeas.store import documents as document_store
from habeas.store import facts as fact_store
from habeas.store.models import AuditRow


@dataclass(slots=True)
class IngestOutcome:
    path: str
    status: str  # "ingested", "duplicate" or "failed"
    message: str = ""
    document_id: int | None = None
    title: str | None = None
    country: str | None = None
    kind: str | None = None
    pages: int = 0
    facts: int = 0
    error_code: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def ingest_paths(
    services: Services,
    paths: Iterable[Path],
    overrides: DocumentOverrides | None = None,
    on_done: Callable[[IngestOutcome], None] | None = None,
    *,
    extract: bool = True,
) -> list[IngestOutcome]:
    """Ingest each path in its own transaction; ``extract=False`` defers extraction to extract-all."""
    outcomes = []
    for path in paths:
        try:
            data = read_file(path, max_bytes=services.settings.max_file_size_bytes)
            document = document_from_bytes(data, path.name, overrides=overrides, where=str(path))
            outcome = store_document(services, document, suffix=path.suffix, path=str(path), data=data,
                                     extract=extract)
        except HabeasError as exc:
            outcome = IngestOutcome(str(path), "failed", exc.message, error_code=exc.code)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others
            outcome = IngestOutcome(str(path), "failed", f"unexpected error: {type(exc).__name__}: {exc}",
                                    error_code="internal_error")
        outcomes.append(outcome)
        if on_done:
            on_done(outcome)
    return outcomes


def ingest_upload(
    services: Services, data: bytes, filename: str, overrides: DocumentOverrides | None = None
) -> IngestOutcome:
    """The web upload path: the same rules as files on disk."""
    try:
        if len(data) > services.settings.max_file_size_bytes:
            from habeas.errors import FileTooLarge

            raise FileTooLarge(
                f"file is {len(data) / 1e6:.1f} MB, over the limit of "
                f"{services.settings.max_file_size_mb} MB", path=filename)
        document = document_from_bytes(data, filename, overrides=overrides)
        return store_document(services, document, suffix=Path(filename).suffix, path=filename, data=data)
    except HabeasError as exc:
        return IngestOutcome(filename, "failed", exc.message, error_code=exc.code)
    except Exception as exc:  # noqa: BLE001
        return IngestOutcome(filename, "failed", f"unexpected error: {type(exc).__name__}: {exc}",
                             error_code="internal_error")


def store_document(
    services: Services, document: Document, *, suffix: str, path: str, data: bytes,
    extract: bool = True,
) -> IngestOutcome:
    with services.db.session() as session:
        existing = document_store.find_by_sha(session, document.sha256)
        if existing is not None:
            return IngestOutcome(path, "duplicate", f"already in library as document {existing.id}",
                                 document_id=existing.id, title=existing.title,
                                 country=existing.country, kind=existing.kind,
                                 pages=existing.page_count)
    extraction = extract_facts(document) if extract else ExtractionResult()
    stored_path, created = services.originals.put(document.sha256, suffix, data)
    try:
        with services.db.session() as session:
            row = document_store.add_document(session, document, str(stored_path))
            row.extraction_problems = list(extraction.problems)
            count = fact_store.add_extracted_facts(
                session, extraction.facts, document_id=row.id, confidential=document.confidential,
                actor=services.actor)
            session.add(AuditRow(actor=services.actor, action="document.ingested",
                                 target=f"document:{row.id}",
                                 details={"filename": document.filename, "sha256": document.sha256}))
            document_id = row.id
    except IntegrityError:
        # Another process stored the same bytes between our check and our commit.
        if created:
            services.originals.remove(stored_path)
        with services.db.session() as session:
            existing = document_store.find_by_sha(session, document.sha256)
            return IngestOutcome(path, "duplicate", "already in library",
                                 document_id=existing.id if existing else None)
    except BaseException:
        if created:
            services.originals.remove(stored_path)
        raise
    return IngestOutcome(path, "ingested", "", document_id=document_id, title=document.title,
                         country=document.country, kind=document.kind, pages=len(document.pages),
                         facts=count)
