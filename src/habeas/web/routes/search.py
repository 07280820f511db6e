"""Search: full text over every public passage, with highlighted snippets and facets."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from habeas.services.context import Services
from habeas.store.search import search_passages
from habeas.web.deps import get_services
from habeas.web.negotiate import respond
from habeas.web.routes.common import clean, page_route

router = APIRouter()
SEARCH_PAGE_SIZE = 20


def search_view(services: Services, q: str | None, *, country: str | None = None, kind: str | None = None,
                year: str | None = None, fact_type: str | None = None, page: int = 1,
                size: int = SEARCH_PAGE_SIZE) -> dict[str, Any]:
    page = max(1, page)
    filters = {"q": q or "", "country": country, "kind": kind, "year": year, "fact_type": fact_type}
    if not q or not q.strip():
        return {"query": "", "total": 0, "hits": [], "facets": {}, "filters": filters,
                "paging": {"page": 1, "pages": 1, "has_prev": False, "has_next": False}}
    with services.db.session() as session:
        results = search_passages(session, q, country=country, kind=kind, year=year, fact_type=fact_type,
                                  include_confidential=False, limit=size, offset=(page - 1) * size)
    pages = max(1, (results.total + size - 1) // size)
    return {**results.to_dict(), "filters": filters,
            "paging": {"page": page, "pages": pages, "has_prev": page > 1, "has_next": page < pages}}


@page_route(router, "/search")
def search_page(request: Request, services: Annotated[Services, Depends(get_services)],
                q: str | None = None, country: str | None = None, kind: str | None = None,
                year: str | None = None, fact_type: str | None = None, page: int = 1) -> Response:
    view = search_view(services, q, country=clean(country), kind=clean(kind), year=clean(year),
                       fact_type=clean(fact_type), page=page)
    return respond(request, "search.html", {**view, "active": "search"})
