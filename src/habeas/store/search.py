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
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

MARK_OPEN, MARK_CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧: never expected in report text
PG_TSVECTOR = "p.tsv"  # stored to_tsvector('simple', text) with a GIN index (migration 0003)
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


def index_passages(connection: Connection | Session, document_id: int | None = None) -> None:
    """Add a document's passages (all passages when ``document_id`` is None) to the index.

    Called by whoever inserts passages. SQLite's FTS5 table is filled by one
    INSERT ... SELECT per document: an AFTER INSERT trigger did the same work
    row by row at six times the cost, more than the rest of storing a long
    report. PostgreSQL indexes its stored tsvector column by itself.
    """
    dialect = connection.dialect if isinstance(connection, Connection) else connection.get_bind().dialect
    if dialect.name != "sqlite":
        return
    if document_id is None:
        connection.execute(text("INSERT INTO passages_fts(passages_fts) VALUES ('rebuild')"))
    else:
        connection.execute(text("INSERT INTO passages_fts(rowid, text) "
                                "SELECT id, text FROM passages WHERE document_id = :d ORDER BY id"),
                           {"d": document_id})


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
    """Passages matching ``query``, best first, with snippets and facet counts.

    Work is split so that nothing costly runs once per match: the page of hits
    is chosen by rank alone, snippets (or ts_headline) are made for that page
    only, and one bounded sample of matches gives both the facets and, when the
    sample is not full, the total (a COUNT runs only for broad queries).
    """
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
        tsquery = "websearch_to_tsquery('simple', :q)"
        match_from = "passages p JOIN documents d ON d.id = p.document_id"
        match_where = f"{PG_TSVECTOR} @@ {tsquery}"
        rank = f"ts_rank({PG_TSVECTOR}, {tsquery})"
        snippet = (f"ts_headline('simple', p.text, {tsquery}, "
                   f"'StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=40, MinWords=15, "
                   f"MaxFragments=2, FragmentDelimiter=\" … \"')")
        page_where = "p.id = ANY(:ids)"
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
        page_where = f"{match_where} AND passages_fts.rowid IN (SELECT value FROM json_each(:ids))"
    where = match_where + _filters(country, kind, year_s, fact_type, include_confidential, params, dialect)
    base = f"FROM {match_from} WHERE {where}"
    if dialect == "sqlite" and not (country or kind or year_s or fact_type):
        # Only the confidentiality filter: rank and count inside the FTS index, excluding the
        # (few) passages of confidential documents, instead of joining every match.
        secret = ("" if include_confidential else " AND passages_fts.rowid NOT IN (SELECT sp.id FROM "
                  "passages sp JOIN documents sd ON sd.id = sp.document_id WHERE sd.confidential = :true)")
        params["true"] = True
        base = f"FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid WHERE {match_where}{secret}"
        count_base = f"FROM passages_fts WHERE {match_where}{secret}"
        rank_from, id_column = count_base, "passages_fts.rowid"
    else:
        count_base, rank_from, id_column = base, base, "p.id"
    ranked = session.execute(text(
        f"SELECT {id_column} AS id, {rank} AS rank {rank_from} ORDER BY rank DESC, {id_column} "
        f"LIMIT :limit OFFSET :offset"),
        params).all()
    results.hits = _page_of_hits(session, ranked, match_from, page_where, snippet, params, dialect)
    results.facets = {"country": {}, "kind": {}, "year": {}, "fact_type": {}}
    sample = session.execute(text(
        f"SELECT m.pid, d.country AS country, d.kind AS kind, SUBSTR(d.published, 1, 4) AS year "
        f"FROM (SELECT p.id AS pid, p.document_id AS did {base} LIMIT {FACET_SAMPLE + 1}) m "
        f"JOIN documents d ON d.id = m.did"), params).all()
    if len(sample) <= FACET_SAMPLE:
        results.total = len(sample)
    else:
        results.total = int(session.execute(text(f"SELECT COUNT(*) {count_base}"), params).scalar() or 0)
        sample = sample[:FACET_SAMPLE]
    if results.total:
        results.facets = _facets(session, sample, base, params, include_confidential)
        results.facets_partial = results.total > FACET_SAMPLE
    return results


def _page_of_hits(session: Session, ranked: Sequence[Any], match_from: str, page_where: str, snippet: str,
                  params: dict[str, Any], dialect: str) -> list[Hit]:
    """Snippets and document details for the chosen page of passages only."""
    if not ranked:
        return []
    ids = [int(r.id) for r in ranked]
    page_params = {"q": params["q"], "ids": ids if dialect == "postgresql" else json.dumps(ids)}
    rows = {r.id: r for r in session.execute(text(
        f"SELECT p.id, p.document_id, p.page, {snippet} AS snippet, "
        f"COALESCE(d.title, d.filename) AS title, d.country, d.kind, d.published "
        f"FROM {match_from} WHERE {page_where}"), page_params)}
    hits = []
    for hit in ranked:
        r = rows.get(hit.id)
        if r is not None:
            hits.append(Hit(document_id=r.document_id, passage_id=r.id, page=r.page,
                            snippet_html=snippet_to_html(r.snippet), rank=float(hit.rank or 0.0),
                            title=r.title, country=r.country, kind=r.kind, published=r.published))
    return hits


def _top(counter: Counter[str]) -> dict[str, int]:
    ordered = sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
    return dict(ordered[:FACET_LIMIT])


def _facets(session: Session, sample: Sequence[Any], base: str, params: dict[str, Any],
            include_confidential: bool) -> dict[str, dict[str, int]]:
    """Facet counts over (at most) the first FACET_SAMPLE matches, so broad queries stay fast.

    Country, kind and year come from the sample already read; fact types need one join.
    """
    facets = {name: _top(Counter(str(getattr(r, name)) for r in sample if getattr(r, name)))
              for name in ("country", "kind", "year")}
    fact_params = dict(params)
    fact_params.setdefault("false", False)
    confidential = "" if include_confidential else " AND f.confidential = :false"
    matches = (f"(SELECT p.id AS pid, p.document_id AS did, p.start_char AS ps, p.end_char AS pe "
               f"{base} LIMIT {FACET_SAMPLE}) m")
    rows = session.execute(text(
        f"SELECT f.type AS value, COUNT(DISTINCT m.pid) AS n FROM {matches} JOIN facts f "
        f"ON f.document_id = m.did AND f.start_char >= m.ps AND f.start_char < m.pe{confidential} "
        f"GROUP BY f.type ORDER BY n DESC"), fact_params)
    facets["fact_type"] = {str(r.value): int(r.n) for r in rows if r.value}
    return facets
