"""The review queue: one candidate at a time, decided with buttons or the keys a, e, r (j/k move).

Each decision answers with the next card (an htmx swap), so the editor never
waits for a page reload. The queue is the public candidates in document order.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from habeas.domain.fact import FACT_TYPES
from habeas.errors import HabeasError, NotFound
from habeas.services import review_fact
from habeas.services.context import Services
from habeas.web import queries
from habeas.web.deps import get_services
from habeas.web.negotiate import render_html, respond
from habeas.web.routes.common import clean, page_route
from habeas.web.routes.facts import changes_from_form, editable_fields

router = APIRouter()


def review_view(services: Services, *, fact_id: int | None = None, after: int | None = None,
                country: str | None = None, type_: str | None = None, notice: str | None = None,
                error: str | None = None) -> dict[str, Any]:
    """The card to show: ``fact_id`` if still queued, else the one after ``after``, else the first."""
    with services.db.session() as session:
        slot = queries.review_slot(session, fact_id=fact_id, after=after, country=country, type_=type_)
        choices = queries.facet_values(session)
        context = None
        if slot.fact_id is not None:
            row = queries.get_public_fact(session, slot.fact_id)
            context = queries.passage_around(session, row) if row is not None else None
    fact = review_fact.get_fact(services, slot.fact_id) if slot.fact_id is not None else None
    return {
        "fact": fact, "context": context, "position": slot.position, "remaining": slot.remaining,
        "previous_id": slot.previous_id, "next_id": slot.next_id,
        "filters": {"country": country, "type": type_},
        "choices": {**choices, "types": list(FACT_TYPES)},
        "notice": notice, "error": error, "_fields": editable_fields(fact) if fact else [],
    }


def _card(request: Request, view: dict[str, Any]) -> Response:
    return render_html(request, "_review_card.html", view)


@page_route(router, "/review")
def review_page(request: Request, services: Annotated[Services, Depends(get_services)],
                fact: int | None = None, country: str | None = None, type: str | None = None) -> Response:
    view = review_view(services, fact_id=fact, country=clean(country), type_=clean(type))
    return respond(request, "review.html", {**view, "active": "review"})


@router.get("/review/card")
def review_card(request: Request, services: Annotated[Services, Depends(get_services)],
                fact: int | None = None, country: str | None = None, type: str | None = None) -> Response:
    view = review_view(services, fact_id=fact, country=clean(country), type_=clean(type))
    return respond(request, "_review_card.html", view)


@router.post("/review/{fact_id}")
async def review_decide(request: Request, fact_id: int,
                        services: Annotated[Services, Depends(get_services)]) -> Response:
    """Apply accept / reject / correct to one fact, then answer with the next card."""
    form = dict(await request.form())
    country, type_ = clean(str(form.get("country") or "")), clean(str(form.get("type") or ""))
    with services.db.session() as session:
        if queries.get_public_fact(session, fact_id) is None:
            raise NotFound(f"no fact with id {fact_id}")
    fact = review_fact.get_fact(services, fact_id)
    decision = str(form.get("decision") or "")
    version = int(str(form.get("version") or fact["version"]))
    notice = error = None
    try:
        if decision == "accept":
            review_fact.accept_facts(services, [fact_id], services.actor, expected_version=version)
            notice = f"Accepted fact {fact_id}."
        elif decision == "reject":
            review_fact.reject_facts(services, [fact_id], services.actor,
                                     reason=clean(str(form.get("reason") or "")), expected_version=version)
            notice = f"Rejected fact {fact_id}."
        elif decision == "correct":
            changes = changes_from_form(fact, form)
            changes["status"] = "accepted"
            review_fact.edit_fact(services, fact_id, changes, services.actor, expected_version=version)
            notice = f"Corrected and accepted fact {fact_id}."
        else:
            error = "Choose accept, correct or reject."
    except HabeasError as exc:
        error = exc.message
    if error:
        view = review_view(services, fact_id=fact_id, country=country, type_=type_, error=error)
    else:
        view = review_view(services, after=fact_id, country=country, type_=type_, notice=notice)
    if request.headers.get("hx-request") or "application/json" in request.headers.get("accept", ""):
        return respond(request, "_review_card.html", view)
    target = f"/review?fact={view['fact']['id']}" if view["fact"] else "/review"
    return RedirectResponse(target, status_code=303)
