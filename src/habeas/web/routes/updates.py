"""Updates: dated events and monitor documents per country, newest first, with Atom feeds."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from habeas.services.context import Services
from habeas.web import queries
from habeas.web.deps import get_services
from habeas.web.feeds import atom_feed
from habeas.web.filters import country_name
from habeas.web.negotiate import respond
from habeas.web.routes.common import clean, page_route

router = APIRouter()


def updates_view(services: Services, country: str | None = None, limit: int = 100) -> dict[str, Any]:
    with services.db.session() as session:
        items = queries.updates(session, country=country, limit=limit)
        choices = queries.facet_values(session)
    return {"country": country.upper() if country else None, "items": items,
            "choices": choices}


def feed_response(request: Request, services: Services, country: str | None) -> Response:
    view = updates_view(services, country, limit=50)
    base = str(request.base_url).rstrip("/")
    title = f"Habeas updates: {country_name(country)}" if country else "Habeas updates: all countries"
    body = atom_feed(title, base + request.url.path, base + "/updates", view["items"])
    return Response(body, media_type="application/atom+xml")


@page_route(router, "/updates")
def updates_page(request: Request, services: Annotated[Services, Depends(get_services)],
                 country: str | None = None) -> Response:
    return respond(request, "updates.html", {**updates_view(services, clean(country)), "active": "updates"})


@router.get("/updates/feed.atom")
def updates_feed(request: Request, services: Annotated[Services, Depends(get_services)]) -> Response:
    return feed_response(request, services, None)


@router.get("/countries/{iso3}/feed.atom")
def country_feed(request: Request, iso3: str, services: Annotated[Services, Depends(get_services)]
                 ) -> Response:
    return feed_response(request, services, iso3.upper())
