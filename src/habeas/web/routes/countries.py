"""Countries: the index with counts and freshness, and each country's published profile."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from habeas.errors import InputError
from habeas.publish.model import Profile
from habeas.services.build_profile import FORMATS, build_profile, render_profile
from habeas.services.context import Services
from habeas.web import queries
from habeas.web.cache import cached
from habeas.web.deps import get_services
from habeas.web.filters import country_name
from habeas.web.negotiate import respond
from habeas.web.routes.common import page_route

router = APIRouter()
DOWNLOAD_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8", "json": "application/json",
                  "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                  "html": "text/html; charset=utf-8"}


def countries_view(services: Services) -> dict[str, Any]:
    with services.db.session() as session:
        # Copies: the index is cached and shared between requests.
        countries = [dict(c) for c in queries.countries_index(session)]
    for country in countries:
        country["name"] = country_name(country["iso3"])
    countries.sort(key=lambda c: c["name"])
    return {"countries": countries}


def _published_profile(services: Services, session: Session, iso3: str) -> tuple[Profile, dict[str, Any]]:
    """The published profile (accepted facts only) and its dict, assembled once per library state."""
    from habeas.publish.exports import profile_to_dict

    def compute() -> tuple[Profile, dict[str, Any]]:
        profile = build_profile(services, iso3, include_candidates=False)
        return profile, profile_to_dict(profile)

    return cached(session, ("published_profile", iso3.strip().upper()), compute)


def profile_view(services: Services, iso3: str) -> dict[str, Any]:
    """The published profile as data (the API), without rendering any HTML."""
    with services.db.session() as session:
        return _published_profile(services, session, iso3)[1]


def country_view(services: Services, iso3: str) -> dict[str, Any]:
    """The published profile (accepted facts only) as data, and as an embeddable HTML fragment."""
    from habeas.publish.html import profile_css, render_profile_html

    with services.db.session() as session:
        profile, data = _published_profile(services, session, iso3)
        code = profile.iso3
        summary = next(iter(queries.countries_index(session, code)), None)
        html = cached(session, ("published_profile_html", code),
                      lambda: render_profile_html(profile, standalone=False))
    return {"iso3": code, "name": country_name(code), "summary": summary,
            "profile": data,
            "downloads": {fmt: f"/countries/{code}/profile.{fmt}" for fmt in ("pdf", "csv", "xlsx", "json")},
            "feed": f"/countries/{code}/feed.atom",
            "_profile_html": html, "_profile_css": profile_css()}


@page_route(router, "/countries")
def countries_page(request: Request, services: Annotated[Services, Depends(get_services)]) -> Response:
    return respond(request, "countries.html", {**countries_view(services), "active": "countries"})


@router.get("/countries/{iso3}/profile.{fmt}")
def country_download(iso3: str, fmt: str, services: Annotated[Services, Depends(get_services)]) -> Response:
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise InputError(f"unknown profile format {fmt!r}; choose one of {', '.join(FORMATS)}")
    body = render_profile(services, iso3, fmt, include_candidates=False)
    filename = f"habeas-{iso3.upper()}-profile.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    return Response(body, media_type=DOWNLOAD_TYPES[fmt],
                    headers={"Content-Disposition": f'{disposition}; filename="{filename}"'})


@page_route(router, "/countries/{iso3}")
def country_page(request: Request, iso3: str, services: Annotated[Services, Depends(get_services)]
                 ) -> Response:
    return respond(request, "country.html", {**country_view(services, iso3), "active": "countries"})
