"""Full-text search on SQLite (FTS5) and PostgreSQL: ranking, snippets, facets, hostile queries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.ingest.loader import DocumentOverrides
from habeas.services.ingest_files import ingest_upload
from habeas.store.search import fts5_match_expression, search_passages, snippet_to_html

DOC_A = ("Harbour Watch report\n\nThe Eastport removal centre held 310 people in 2021, "
         "including families with children.\n\nLawyers could not visit the removal centre.\n")
DOC_B = ("Annual overview\n\nNo removal centre exists in the north; people are held in "
         "police stations <script>alert(1)</script> instead.\n")


@pytest.fixture
def library(services):  # type: ignore[no-untyped-def]
    ingest_upload(services, DOC_A.encode(), "a.txt", DocumentOverrides(country="PRT", kind="ngo-report",
                                                                      published="2021-05-01"))
    ingest_upload(services, DOC_B.encode(), "b.txt", DocumentOverrides(country="ESP", kind="state-report",
                                                                      published="2022-02-01"))
    ingest_upload(services, b"Hidden note\n\nThe removal centre plan is secret.\n", "c.txt",
                  DocumentOverrides(country="PRT", kind="other", confidential=True))
    return services


def test_search_finds_ranks_and_highlights(library) -> None:  # type: ignore[no-untyped-def]
    with library.db.session() as session:
        results = search_passages(session, "removal centre")
    assert results.total >= 3
    assert all("<mark>" in hit.snippet_html for hit in results.hits)
    assert {hit.country for hit in results.hits} == {"PRT", "ESP"}
    assert results.facets["country"]["PRT"] == 2 and results.facets["country"]["ESP"] == 1
    assert set(results.facets["year"]) == {"2021", "2022"}
    assert all("secret" not in hit.snippet_html for hit in results.hits)


def test_snippets_escape_document_markup(library) -> None:  # type: ignore[no-untyped-def]
    with library.db.session() as session:
        results = search_passages(session, "police stations")
    assert results.total == 1
    assert "<script>" not in results.hits[0].snippet_html


def test_filters_narrow_results(library) -> None:  # type: ignore[no-untyped-def]
    with library.db.session() as session:
        only_esp = search_passages(session, "removal", country="esp")
        by_kind = search_passages(session, "removal", kind="ngo-report")
        by_year = search_passages(session, "removal", year="2022")
        paged = search_passages(session, "removal", limit=1, offset=1)
        with_secret = search_passages(session, "secret", include_confidential=True)
        without = search_passages(session, "secret")
    assert {h.country for h in only_esp.hits} == {"ESP"}
    assert {h.kind for h in by_kind.hits} == {"ngo-report"}
    assert by_year.total == 1
    assert len(paged.hits) == 1 and paged.total >= 3
    assert with_secret.total == 1 and without.total == 0


def test_fact_type_filter_and_facet(library) -> None:  # type: ignore[no-untyped-def]
    with library.db.session() as session:
        facets = search_passages(session, "removal").facets["fact_type"]
        if not facets:
            pytest.skip("no extractor produced a fact in these passages")
        fact_type = next(iter(facets))
        narrowed = search_passages(session, "removal", fact_type=fact_type)
    assert 0 < narrowed.total <= facets[fact_type]


HOSTILE = ['"', '"unbalanced', "((", ")", "AND", "NOT OR", "NEAR(a b)", "col:value", "*", "^start",
           "a - b", "'; DROP TABLE passages; --", "\u0000", "removal\"centre", ""]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_crash(library, query: str) -> None:  # type: ignore[no-untyped-def]
    with library.db.session() as session:
        results = search_passages(session, query.replace("\u0000", ""))
    assert results.total >= 0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_match_expression_is_only_quoted_terms(query: str) -> None:
    expression = fts5_match_expression(query)
    if expression:
        for part in expression.split('" "'):
            assert '"' not in part.strip('"')


def test_snippet_html_escapes_then_marks() -> None:
    assert snippet_to_html("a <b> \u27e6c\u27e7") == "a &lt;b&gt; <mark>c</mark>"
