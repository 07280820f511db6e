"""Library: the document list with upload, and the document page with its facts highlighted."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import func, select

from habeas.domain.document import DOCUMENT_KINDS
from habeas.errors import NotFound
from habeas.ingest.loader import DocumentOverrides
from habeas.services import library as library_service
from habeas.services.context import Services
from habeas.services.ingest_files import IngestOutcome, ingest_upload
from habeas.store import documents as document_store
from habeas.store.models import DocumentRow
from habeas.web import queries
from habeas.web.cache import cached
from habeas.web.deps import get_services
from habeas.web.highlight import highlight_document
from habeas.web.negotiate import respond
from habeas.web.routes.common import clean, page_route, paging

router = APIRouter()


def library_view(services: Services, *, country: str | None = None, kind: str | None = None,
                 year: str | None = None, sort: str = "ingested", desc: bool = True, page: int = 1
                 ) -> dict[str, Any]:
    sort = sort if sort in queries.DOCUMENT_SORTS else "ingested"
    with services.db.session() as session:
        count_query = select(func.count()).select_from(DocumentRow).where(DocumentRow.confidential.is_(False))
        if country:
            count_query = count_query.where(DocumentRow.country == country.upper())
        if kind:
            count_query = count_query.where(DocumentRow.kind == kind)
        if year:
            count_query = count_query.where(DocumentRow.published.like(f"{year}%"))
        total = cached(session, ("count_documents", country, kind, year),
                       lambda: int(session.scalar(count_query) or 0))
        pager = paging(page, total)
        rows = document_store.list_documents(
            session, country=country, kind=kind, year=year, include_confidential=False, order_by=sort,
            descending=desc, limit=pager["size"], offset=pager["offset"])
        counts = document_store.fact_counts_by_document(session, [r.id for r in rows])
        documents = [library_service.document_summary(r, counts.get(r.id, 0)) for r in rows]
        choices = queries.facet_values(session)
    return {"documents": documents, "paging": pager,
            "filters": {"country": country, "kind": kind, "year": year, "sort": sort, "desc": desc},
            "choices": {**choices, "kinds": list(DOCUMENT_KINDS), "sorts": list(queries.DOCUMENT_SORTS)}}


def document_view(services: Services, document_id: int) -> dict[str, Any]:
    with services.db.session() as session:
        row = queries.get_public_document(session, document_id)
        if row is None:
            raise NotFound(f"no document with id {document_id}")
        facts, _ = queries.list_facts(session, queries.FactFilters(document_id=document_id),
                                      sort="id", limit=100_000)
        summary = library_service.document_summary(row, len(facts))
        summary["extraction_problems"] = row.extraction_problems or []
        pages = [(p.number, p.start_char) for p in row.pages] if row.page_count > 1 else []
        text_html = highlight_document(row.text, facts, pages)
        by_status: dict[str, int] = {}
        for fact in facts:
            by_status[fact["status"]] = by_status.get(fact["status"], 0) + 1
    return {"document": summary, "facts": facts, "facts_by_status": by_status, "_text_html": text_html}


def upload_view(services: Services, files: list[tuple[str, bytes]], overrides: DocumentOverrides
                ) -> dict[str, Any]:
    outcomes: list[IngestOutcome] = [ingest_upload(services, data, name, overrides) for name, data in files]
    return {"results": [asdict(o) for o in outcomes],
            "ingested": sum(o.status == "ingested" for o in outcomes),
            "failed": sum(o.failed for o in outcomes)}


def overrides_from_form(country: str | None, kind: str | None, published: str | None,
                        title: str | None, confidential: bool) -> DocumentOverrides:
    return DocumentOverrides(country=clean(country), kind=clean(kind), published=clean(published),
                             title=clean(title), confidential=confidential)


@page_route(router, "/library")
def library_page(request: Request, services: Annotated[Services, Depends(get_services)],
                 country: str | None = None, kind: str | None = None, year: str | None = None,
                 sort: str = "ingested", desc: bool = True, page: int = 1) -> Response:
    view = library_view(services, country=clean(country), kind=clean(kind), year=clean(year), sort=sort,
                        desc=desc, page=page)
    return respond(request, "library.html", {**view, "active": "library"})


@router.post("/library/upload")
async def library_upload(
    request: Request, services: Annotated[Services, Depends(get_services)],
    files: Annotated[list[UploadFile], File()],
    country: Annotated[str | None, Form()] = None, kind: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
    confidential: Annotated[bool, Form()] = False,
) -> Response:
    """The no-JavaScript upload path; the page's script posts each file to the API instead."""
    payload = [(f.filename or "upload", await f.read()) for f in files]
    overrides = overrides_from_form(country, kind, published, title, confidential)
    results = upload_view(services, payload, overrides)
    view = library_view(services)
    return respond(request, "library.html", {**view, "upload": results, "active": "library"})


@page_route(router, "/documents/{document_id}")
def document_page(request: Request, document_id: int,
                  services: Annotated[Services, Depends(get_services)]) -> Response:
    view = document_view(services, document_id)
    return respond(request, "document.html", {**view, "active": "library"})


@router.post("/documents/{document_id}/delete")
def document_delete(document_id: int, services: Annotated[Services, Depends(get_services)]) -> Response:
    with services.db.session() as session:
        if queries.get_public_document(session, document_id) is None:
            raise NotFound(f"no document with id {document_id}")
    library_service.delete_document(services, document_id)
    return RedirectResponse("/library", status_code=303)
