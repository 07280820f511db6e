"""Full-text search over passages, one interface for SQLite (FTS5) and PostgreSQL.

The engine is chosen by the session's dialect. User input never reaches the
query language raw: on SQLite it becomes a conjunction of quoted terms and
phrases (so quotes, operators and brackets cannot break FTS5), on PostgreSQL
it goes through ``websearch_to_tsquery``. Snippets are highlighted with
private markers first and HTML-escaped afterwards, so a document's own text
can never inject markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: never expected in report text
PG_TSVECTOR = "to_tsvector('simple', p.text)"  # must match the index of migration 0002
FACET_LIMIT = 30
FACET_SAMPLE = 2000  # facets of broader queries are counted over this many matches
_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Hit:
    document_id: int
    passage_id: int
    page: int | None
    snippet_html: str
    rank: float
    title: str
    country: str | None
    kind: str
    published: str | None


@dataclass(slots=True)
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    total: int = 0
    facets_partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "total": self.total, "facets": self.facets,
                "facets_partial": self.facets_partial,
                "hits": [{"document_id": h.document_id, "passage_id": h.passage_id, "page": h.page,
                          "snippet_html": h.snippet_html, "rank": h.rank, "title": h.title,
                          "country": h.country, "kind": h.kind, "published": h.published}
                         for h in self.hits]}


def fts5_match_expression(query: str) -> str:
    """A safe FTS5 MATCH string: every word or "phrase" quoted, all required.

    Only word characters survive, so operators (AND, NEAR, ^, *, :, brackets)
    typed by a user are searched as plain words or dropped, never parsed.
    """
    parts: list[str] = []
    for match in _TERM.finditer(query):
        words = _WORD.findall(match.group(1) if match.group(1) is not None else match.group(2))
        if words:
            parts.append('"' + " ".join(words) + '"')
    return " ".join(parts)


def snippet_to_html(raw: str) -> str:
    escaped = html.escape(raw or "", quote=False)
    return escaped.replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def _filters(country: str | None, kind: str | None, year: str | None, fact_type: str | None,
             include_confidential: bool, params: dict[str, Any], dialect: str = "sqlite") -> str:
    clauses = []
    if not include_confidential:
        clauses.append("d.confidential = :false")
        params["false"] = False
    if country:
        clauses.append("d.country = :country")
        params["country"] = country.upper()
    if kind:
        clauses.append("d.kind = :kind")
        params["kind"] = kind
    if year:
        clauses.append("d.published LIKE :year")
        params["year"] = f"{str(year)[:4]}%"
    if fact_type:
        clauses.append(
            # On SQLite "+f.type" stops the planner from scanning every fact of that type:
            # the document_id index is the selective one here.
            "EXISTS (SELECT 1 FROM facts f WHERE f.document_id = p.document_id AND "
            + ("+f.type" if dialect == "sqlite" else "f.type") + " = :fact_type"
            " AND f.start_char >= p.start_char AND f.start_char < p.end_char"
            + ("" if include_confidential else " AND f.confidential = :false") + ")")
        params["fact_type"] = fact_type
        params.setdefault("false", False)
    return "".join(f" AND {c}" for c in clauses)


def search_passages(
    session: Session, query: str, *, country: str | None = None, kind: str | None = None,
    year: str | int | None = None, fact_type: str | None = None, include_confidential: bool = False,
    limit: int = 20, offset: int = 0,
) -> SearchResults:
    """Passages matching ``query``, best first, with snippets and facet counts."""
    results = SearchResults(query=query)
    limit = max(1, min(int(limit), 200))
    offset = max(0, int(offset))
    params: dict[str, Any] = {"limit": limit, "offset": offset}
    year_s = str(year) if year else None
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    if dialect == "postgresql":
        if not _WORD.search(query or ""):
            return results
        params["q"] = query
        match_from = "passages p JOIN documents d ON d.id = p.document_id"
        match_where = f"{PG_TSVECTOR} @@ websearch_to_tsquery('simple', :q)"
        rank = f"ts_rank({PG_TSVECTOR}, websearch_to_tsquery('simple', :q))"
        snippet = (f"ts_headline('simple', p.text, websearch_to_tsquery('simple', :q), "
                   f"'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=40, MinWords=15, "
                   f"MaxFragments=2, FragmentDelimiter=\" … \"')")
        order = "rank DESC, p.id"
    else:
        expression = fts5_match_expression(query or "")
        if not expression:
            return results
        params["q"] = expression
        match_from = ("passages_fts JOIN passages p ON p.id = passages_fts.rowid "
                      "JOIN documents d ON d.id = p.document_id")
        match_where = "passages_fts MATCH :q"
        rank = "-bm25(passages_fts)"
        snippet = f"snippet(passages_fts, 0, '{MARK_OPEN}', '{MARK_CLOSE}', ' … ', 24)"
        order = "rank DESC, p.id"
    where = match_where + _filters(country, kind, year_s, fact_type, include_confidential, params, dialect)
    rows = session.execute(text(
        f"SELECT p.id, p.document_id, p.page, {snippet} AS snippet, {rank} AS rank, "
        f"COALESCE(d.title, d.filename) AS title, d.country, d.kind, d.published "
        f"FROM {match_from} WHERE {where} ORDER BY {order} LIMIT :limit OFFSET :offset"), params)
    results.hits = [Hit(document_id=r.document_id, passage_id=r.id, page=r.page,
                        snippet_html=snippet_to_html(r.snippet), rank=float(r.rank or 0.0),
                        title=r.title, country=r.country, kind=r.kind, published=r.published)
                    for r in rows]
    base = f"FROM {match_from} WHERE {where}"
    results.total = int(session.execute(text(f"SELECT COUNT(*) {base}"), params).scalar() or 0)
    results.facets = {"country": {}, "kind": {}, "year": {}, "fact_type": {}}
    if results.total:
        results.facets = _facets(session, base, params, include_confidential)
        results.facets_partial = results.total > FACET_SAMPLE
    return results


def _facets(session: Session, base: str, params: dict[str, Any], include_confidential: bool
            ) -> dict[str, dict[str, int]]:
    """Facet counts over (at most) the first FACET_SAMPLE matches, so broad queries stay fast."""
    sample = (f"(SELECT p.id AS pid, p.document_id AS did, p.start_char AS ps, p.end_char AS pe, "
              f"d.country AS country, d.kind AS kind, SUBSTR(d.published, 1, 4) AS year "
              f"{base} LIMIT {FACET_SAMPLE}) m")
    facets: dict[str, dict[str, int]] = {}
    for name in ("country", "kind", "year"):
        rows = session.execute(text(
            f"SELECT m.{name} AS value, COUNT(*) AS n FROM {sample} GROUP BY m.{name} "
            f"ORDER BY n DESC, value LIMIT {FACET_LIMIT}"), params)
        facets[name] = {str(r.value): int(r.n) for r in rows if r.value}
    fact_params = dict(params)
    fact_params.setdefault("false", False)
    confidential = "" if include_confidential else " AND f.confidential = :false"
    rows = session.execute(text(
        f"SELECT f.type AS value, COUNT(DISTINCT m.pid) AS n FROM {sample} JOIN facts f "
        f"ON f.document_id = m.did AND f.start_char >= m.ps AND f.start_char < m.pe{confidential} "
        f"GROUP BY f.type ORDER BY n DESC"), fact_params)
    facets["fact_type"] = {str(r.value): int(r.n) for r in rows if r.value}
    return facets
