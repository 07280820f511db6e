"""The fast read paths stay correct: cached aggregates follow every write, and the indexes exist.

Counts, the countries index, the review queue size and country profiles are
cached per library state (habeas.web.cache); these tests read them, write
through the API, and read again, so a cache that missed a write would fail.
"""

from __future__ import annotations

from web_helpers import PUBLIC_TEXT, SECRET_TEXT, SECRET_WORD, upload


def _country(client, iso3: str) -> dict:  # type: ignore[no-untyped-def]
    return next(c for c in client.get("/api/v1/countries").json()["countries"] if c["iso3"] == iso3)


def test_cached_counts_follow_review_and_ingest(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "first.txt", PUBLIC_TEXT, country="FIN")
    facts = client.get("/api/v1/facts", params={"country": "FIN"}).json()
    assert facts["total"] >= 2
    before = _country(client, "FIN")
    queue = client.get("/review.json").json()
    assert before["accepted"] == 0 and queue["remaining"] == facts["total"]
    empty_profile = client.get("/api/v1/countries/FIN/profile").json()

    fact = facts["items"][0]
    client.post(f"/api/v1/facts/{fact['id']}/accept", json={"version": fact["version"]})
    after = _country(client, "FIN")
    assert after["accepted"] == 1 and after["candidates"] == before["candidates"] - 1
    assert client.get("/review.json").json()["remaining"] == queue["remaining"] - 1
    assert client.get("/api/v1/facts", params={"status": "accepted"}).json()["total"] == 1
    assert client.get("/api/v1/countries/FIN/profile").json() != empty_profile

    upload(client, "second.txt", PUBLIC_TEXT.replace("4,210", "5,320"), country="FIN")
    assert _country(client, "FIN")["documents"] == 2
    assert client.get("/library.json").json()["paging"]["total"] == 2
    assert client.get("/api/v1/facts").json()["total"] > facts["total"]


def test_confidential_documents_stay_out_of_cached_counts(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "public.txt", PUBLIC_TEXT, country="FIN")
    public_total = client.get("/api/v1/facts").json()["total"]
    upload(client, "secret.txt", SECRET_TEXT, country="FIN", confidential="true")
    assert client.get("/api/v1/facts").json()["total"] == public_total
    assert client.get("/library.json").json()["paging"]["total"] == 1
    assert _country(client, "FIN")["documents"] == 1
    result = client.get("/api/v1/search", params={"q": SECRET_WORD}).json()
    assert result["total"] == 0 and result["hits"] == []


def test_search_total_and_facets_agree_with_hits(client) -> None:  # type: ignore[no-untyped-def]
    upload(client, "a.txt", PUBLIC_TEXT, country="FIN")
    upload(client, "b.txt", PUBLIC_TEXT.replace("4,210", "6,100"), country="EST")
    result = client.get("/api/v1/search", params={"q": "holding centre"}).json()
    assert result["total"] == len(result["hits"]) == 2
    assert result["facets"]["country"] == {"EST": 1, "FIN": 1}
    assert all("<mark>" in hit["snippet_html"] for hit in result["hits"])
    one = client.get("/api/v1/search", params={"q": "holding centre", "country": "fin"}).json()
    assert one["total"] == 1 and one["hits"][0]["country"] == "FIN"


def test_read_indexes_exist(services) -> None:  # type: ignore[no-untyped-def]
    listing = ("SELECT name FROM sqlite_master WHERE type = 'index'" if services.db.is_sqlite
               else "SELECT indexname FROM pg_indexes")
    with services.db.engine.connect() as conn:
        names = set(conn.exec_driver_sql(listing).scalars())
    assert {"ix_facts_queue", "ix_facts_document_start", "ix_facts_country_status", "ix_facts_public",
            "ix_documents_public_ingested"} <= names
    if services.db.dialect == "postgresql":
        from sqlalchemy import inspect

        columns = {c["name"] for c in inspect(services.db.engine).get_columns("passages")}
        assert "tsv" in columns
