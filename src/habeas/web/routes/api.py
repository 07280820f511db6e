"""The REST API under /api/v1: documents, facts, countries, search.

Routes call the same view functions as the pages, so the API and the HTML
cannot disagree. Schemas for request bodies live here (FactPatch, Decision);
responses are the public dict shapes of the services.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from habeas.errors import HabeasError, NotFound
from habeas.services import library as library_service
from habeas.services import review_fact
from habeas.services.context import Services
from habeas.web import queries
from habeas.web.deps import get_services
from habeas.web.negotiate import json_response, to_jsonable
from habeas.web.routes import countries as country_routes
from habeas.web.routes.facts import fact_view, public_fact_or_404
from habeas.web.routes.library import document_view, library_view, overrides_from_form, upload_view
from habeas.web.routes.search import search_view

router = APIRouter(tags=["api"])
ServicesDep = Annotated[Services, Depends(get_services)]


class FactPatch(BaseModel):
    """A correction: the version the editor saw, and the fields (or status/country) to change."""

    version: int = Field(description="The fact's version when it was read; a stale one gives 409.")
    fields: dict[str, Any] = Field(default_factory=dict)
    status: str | None = None
    country: str | None = None
    reason: str | None = None


class Decision(BaseModel):
    version: int | None = Field(default=None, description="If given, refused with 409 when stale.")
    reason: str | None = None


def _public_document(services: Services, document_id: int) -> None:
    with services.db.session() as session:
        if queries.get_public_document(session, document_id) is None:
            raise NotFound(f"no document with id {document_id}")


@router.post("/documents", status_code=201)
async def upload_documents(
    services: ServicesDep, files: Annotated[list[UploadFile], File(description="One or more files")],
    country: Annotated[str | None, Form()] = None, kind: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None, title: Annotated[str | None, Form()] = None,
    confidential: Annotated[bool, Form()] = False,
) -> Response:
    """Ingest files; each gets its own result. All failed -> the first failure's status and code."""
    payload = [(f.filename or "upload", await f.read()) for f in files]
    view = upload_view(services, payload, overrides_from_form(country, kind, published, title, confidential))
    results = view["results"]
    if results and all(r["status"] == "failed" for r in results):
        from habeas.errors import HabeasError

        code = results[0]["error_code"] or "bad_input"
        status = next((cls.http_status for cls in _error_classes(HabeasError) if cls.code == code), 400)
        return JSONResponse({"code": code, "message": results[0]["message"], "results": results},
                            status_code=status)
    status = 201 if view["ingested"] else 200
    return JSONResponse(view, status_code=status)


def _error_classes(root: type[HabeasError]) -> list[type[HabeasError]]:
    out: list[type[HabeasError]] = [root]
    for sub in root.__subclasses__():
        out += _error_classes(sub)
    return out


@router.get("/documents")
def list_documents(services: ServicesDep, country: str | None = None, kind: str | None = None,
                   year: str | None = None, sort: str = "ingested", desc: bool = True,
                   page: Annotated[int, Query(ge=1)] = 1) -> Any:
    return json_response(library_view(services, country=country, kind=kind, year=year, sort=sort, desc=desc,
                                    page=page))


@router.get("/documents/{document_id}")
def get_document(document_id: int, services: ServicesDep, text: bool = False) -> Any:
    view = document_view(services, document_id)
    out = to_jsonable(view)
    if text:
        out["text"] = library_service.show_document(services, document_id, with_text=True)["text"]
    return out


@router.delete("/documents/{document_id}")
def delete_document(document_id: int, services: ServicesDep) -> Any:
    _public_document(services, document_id)
    return {"deleted": library_service.delete_document(services, document_id)}


@router.get("/facts")
def list_facts(services: ServicesDep, type: str | None = None, country: str | None = None,
               status: str | None = None, indicator: str | None = None, document_id: int | None = None,
               sort: str = "id", desc: bool = False, limit: Annotated[int, Query(ge=1, le=500)] = 50,
               offset: Annotated[int, Query(ge=0)] = 0) -> Any:
    filters = queries.FactFilters(type=type, country=country, status=status, indicator=indicator,
                                  document_id=document_id)
    with services.db.session() as session:
        items, total = queries.list_facts(session, filters, sort=sort, descending=desc, limit=limit,
                                          offset=offset)
    return json_response({"items": items, "total": total, "limit": limit, "offset": offset,
                          "filters": filters.to_dict()})


@router.get("/facts/{fact_id}")
def get_fact(fact_id: int, services: ServicesDep) -> Any:
    return json_response(fact_view(services, fact_id))


@router.patch("/facts/{fact_id}")
def patch_fact(fact_id: int, patch: FactPatch, services: ServicesDep) -> Any:
    public_fact_or_404(services, fact_id)
    changes: dict[str, Any] = dict(patch.fields)
    if patch.status is not None:
        changes["status"] = patch.status
    if patch.country is not None:
        changes["country"] = patch.country
    return review_fact.edit_fact(services, fact_id, changes, services.actor,
                                 expected_version=patch.version, reason=patch.reason)


@router.post("/facts/{fact_id}/accept")
def accept_fact(fact_id: int, services: ServicesDep, decision: Decision | None = None) -> Any:
    public_fact_or_404(services, fact_id)
    version = decision.version if decision else None
    return review_fact.accept_facts(services, [fact_id], services.actor, expected_version=version)[0]


@router.post("/facts/{fact_id}/reject")
def reject_fact(fact_id: int, services: ServicesDep, decision: Decision | None = None) -> Any:
    public_fact_or_404(services, fact_id)
    return review_fact.reject_facts(services, [fact_id], services.actor,
                                    reason=decision.reason if decision else None,
                                    expected_version=decision.version if decision else None)[0]


@router.get("/countries")
def list_countries(services: ServicesDep) -> Any:
    return json_response(country_routes.countries_view(services))


@router.get("/countries/{iso3}/profile")
def country_profile(iso3: str, services: ServicesDep) -> Any:
    return json_response(country_routes.profile_view(services, iso3), drop_private=False)


@router.get("/search")
def search(services: ServicesDep, q: str, country: str | None = None, kind: str | None = None,
           year: str | None = None, fact_type: str | None = None,
           page: Annotated[int, Query(ge=1)] = 1) -> Any:
    return json_response(search_view(services, q, country=country, kind=kind, year=year, fact_type=fact_type,
                                   page=page))
