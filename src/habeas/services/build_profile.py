"""Build and render a country profile from the library: the one place that reads the store for it.

Rows are turned into the profile's own typed records here, so the publish
package stays a pure function of its inputs and never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import or_, select

from habeas.errors import InputError
from habeas.publish.model import Profile, SourceDocument, SourceFact
from habeas.publish.profile import assemble_profile
from habeas.services.context import Services
from habeas.store.models import DocumentRow, FactRow

FORMATS = ("html", "pdf", "json", "csv", "xlsx")


def _valid_iso3(iso3: str) -> str:
    code = (iso3 or "").strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise InputError(f"country must be an ISO 3166-1 alpha-3 code such as KAZ, not {iso3!r}")
    return code


def load_profile_inputs(
    services: Services, iso3: str, include_candidates: bool
) -> tuple[list[SourceFact], list[SourceDocument]]:
    """The country's publishable facts and their documents (filtering is repeated, and
    enforced, by ``assemble_profile``)."""
    statuses = ["accepted", "candidate"] if include_candidates else ["accepted"]
    with services.db.session() as session:
        query = (
            select(FactRow, DocumentRow)
            .outerjoin(DocumentRow, FactRow.document_id == DocumentRow.id)
            .where(FactRow.status.in_(statuses), FactRow.confidential.is_(False))
            .where(or_(FactRow.country == iso3, (FactRow.country.is_(None) & (DocumentRow.country == iso3))))
        )
        facts: list[SourceFact] = []
        documents: dict[int, SourceDocument] = {}
        for fact, document in session.execute(query):
            facts.append(SourceFact(
                id=fact.id, type=fact.type, fields=dict(fact.fields or {}), quote=fact.quote or "",
                page=fact.page, document_id=fact.document_id, country=fact.country, status=fact.status,
                confidential=bool(fact.confidential), source_note=fact.source_note))
            if document is not None and document.id not in documents:
                documents[document.id] = SourceDocument(
                    id=document.id, title=document.title, filename=document.filename,
                    publisher=document.publisher, published=document.published, kind=document.kind,
                    url=document.url, country=document.country, confidential=bool(document.confidential))
    return facts, list(documents.values())


def build_profile(services: Services, iso3: str, include_candidates: bool = False) -> Profile:
    code = _valid_iso3(iso3)
    facts, documents = load_profile_inputs(services, code, include_candidates)
    return assemble_profile(code, facts, documents, include_candidates)


def renderer(fmt: str) -> Callable[[Profile], bytes]:
    if fmt == "html":
        from habeas.publish.html import render_profile_html

        return lambda p: render_profile_html(p, standalone=True).encode("utf-8")
    if fmt == "pdf":
        from habeas.publish.pdf import render_profile_pdf

        return render_profile_pdf
    from habeas.publish import exports

    table = {"json": exports.render_profile_json, "csv": exports.render_profile_csv,
             "xlsx": exports.render_profile_xlsx}
    if fmt not in table:
        raise InputError(f"unknown profile format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return table[fmt]


def render_profile(services: Services, iso3: str, fmt: str = "html", include_candidates: bool = False) -> bytes:
    render = renderer(fmt.lower())  # fail on a bad format before reading the library
    return render(build_profile(services, iso3, include_candidates))
