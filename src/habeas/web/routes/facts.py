"""Facts: the filterable table with inline correction, and one fact with its history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from habeas.domain.fact import FACT_TYPES, FIELDS_BY_TYPE
from habeas.errors import Conflict, HabeasError, NotFound
from habeas.services import review_fact
from habeas.services.context import Services
from habeas.services.review_fact import STATUSES
from habeas.web import queries
from habeas.web.deps import get_services
from habeas.web.negotiate import render_html, respond
from habeas.web.routes.common import clean, page_route, paging

router = APIRouter()


def editable_fields(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields an editor may correct (unit follows the indicator, so it is not one)."""
    out = []
    for key in FIELDS_BY_TYPE.get(fact["type"], ()):
        if key == "unit":
            continue
        value = fact.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out.append({"name": key, "value": "" if value is None else str(value)})
    return out


def facts_view(services: Services, filters: queries.FactFilters, *, sort: str = "id", desc: bool = False,
               page: int = 1) -> dict[str, Any]:
    with services.db.session() as session:
        total = queries.count_facts(session, filters)
        pager = paging(page, total)
        facts, _ = queries.list_facts(session, filters, sort=sort, descending=desc,
                                      limit=pager["size"], offset=pager["offset"], total=total)
        choices = queries.facet_values(session)
    return {"facts": facts, "paging": pager, "filters": {**filters.to_dict(), "sort": sort, "desc": desc},
            "choices": {**choices, "types": list(FACT_TYPES), "statuses": list(STATUSES),
                        "sorts": list(queries.FACT_SORTS)}}


def public_fact_or_404(services: Services, fact_id: int) -> None:
    with services.db.session() as session:
        if queries.get_public_fact(session, fact_id) is None:
            raise NotFound(f"no fact with id {fact_id}")


def fact_view(services: Services, fact_id: int) -> dict[str, Any]:
    with services.db.session() as session:
        row = queries.get_public_fact(session, fact_id)
        if row is None:
            raise NotFound(f"no fact with id {fact_id}")
        context = queries.passage_around(session, row)
    fact = review_fact.get_fact(services, fact_id)
    return {"fact": fact, "context": context, "history": review_fact.fact_history(services, fact_id),
            "_fields": editable_fields(fact)}


def changes_from_form(fact: dict[str, Any], form: dict[str, Any]) -> dict[str, Any]:
    """Only the fields the editor actually changed, so a correction records what moved."""
    changes = {}
    for field in editable_fields(fact):
        name = field["name"]
        if name in form and str(form[name]).strip() != field["value"]:
            changes[name] = form[name]
    return changes


@page_route(router, "/facts")
def facts_page(request: Request, services: Annotated[Services, Depends(get_services)],
               type: str | None = None, country: str | None = None, status: str | None = None,
               indicator: str | None = None, document_id: int | None = None, sort: str = "id",
               desc: bool = False, page: int = 1) -> Response:
    filters = queries.FactFilters(type=clean(type), country=clean(country), status=clean(status),
                                  indicator=clean(indicator), document_id=document_id)
    view = facts_view(services, filters, sort=sort, desc=desc, page=page)
    return respond(request, "facts.html", {**view, "active": "facts"})


@page_route(router, "/facts/{fact_id}")
def fact_page(request: Request, fact_id: int, services: Annotated[Services, Depends(get_services)]
              ) -> Response:
    return respond(request, "fact.html", {**fact_view(services, fact_id), "active": "facts"})


def _row(request: Request, services: Services, fact_id: int, *, editing: bool = False,
         error: str | None = None) -> HTMLResponse:
    fact = review_fact.get_fact(services, fact_id)
    template = "_fact_row_edit.html" if editing else "_fact_row.html"
    return render_html(request, template, {"fact": fact, "fields": editable_fields(fact), "error": error})


@router.get("/facts/{fact_id}/row")
def fact_row(request: Request, fact_id: int, services: Annotated[Services, Depends(get_services)]
             ) -> Response:
    public_fact_or_404(services, fact_id)
    return _row(request, services, fact_id)


@router.get("/facts/{fact_id}/row/edit")
def fact_row_edit(request: Request, fact_id: int, services: Annotated[Services, Depends(get_services)]
                  ) -> Response:
    public_fact_or_404(services, fact_id)
    return _row(request, services, fact_id, editing=True)


@router.post("/facts/{fact_id}/row")
async def fact_row_save(request: Request, fact_id: int,
                        services: Annotated[Services, Depends(get_services)]) -> Response:
    """Inline correction from the facts table: saves the changed fields, or shows why not."""
    public_fact_or_404(services, fact_id)
    form = dict(await request.form())
    fact = review_fact.get_fact(services, fact_id)
    version = int(str(form.get("version") or fact["version"]))
    changes = changes_from_form(fact, form)
    action = str(form.get("_op") or "save")
    try:
        if changes:
            edited = review_fact.edit_fact(services, fact_id, changes, services.actor,
                                           expected_version=version)
            version = int(edited["version"])
        if action == "accept":
            review_fact.accept_facts(services, [fact_id], services.actor, expected_version=version)
        elif action == "reject":
            review_fact.reject_facts(services, [fact_id], services.actor, expected_version=version)
    except Conflict as exc:
        return _row(request, services, fact_id, editing=True, error=exc.message)
    except HabeasError as exc:
        return _row(request, services, fact_id, editing=True, error=exc.message)
    return _row(request, services, fact_id)
