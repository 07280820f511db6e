"""Confidential documents and facts never leave through any public surface."""

from __future__ import annotations

from web_helpers import PUBLIC_TEXT, SECRET_TEXT, SECRET_WORD, upload


def test_confidential_never_appears(client) -> None:  # type: ignore[no-untyped-def]
    public = upload(client, "public.txt", PUBLIC_TEXT, country="FIN", kind="monitor", published="2024-01-01")
    secret = upload(client, "secret.txt", SECRET_TEXT, country="FIN", kind="monitor", published="2025-01-01",
                    confidential="true")
    assert public.status_code == 201 and secret.status_code == 201
    secret_id = secret.json()["results"][0]["document_id"]
    public_id = public.json()["results"][0]["document_id"]
    # Accept everything through the service layer, as an editor with store access would.
    from habeas.services import review_fact

    services = client.app.state.services
    all_ids = review_fact.matching_ids(services, status="candidate")
    secret_fact_ids = review_fact.matching_ids(services, status="candidate", document_id=secret_id)
    assert secret_fact_ids, "the secret text states facts too"
    review_fact.accept_facts(services, all_ids, "tester")

    pages = ["/library", "/library.json", "/facts", "/facts.json?limit=500", "/review", "/review.json",
             f"/search?q={SECRET_WORD}", f"/search.json?q={SECRET_WORD}", "/search.json?q=detention",
             "/countries", "/countries.json", "/countries/FIN", "/countries/FIN.json", "/updates",
             "/updates.json", "/updates/feed.atom", "/countries/FIN/feed.atom",
             "/countries/FIN/profile.json", "/countries/FIN/profile.csv",
             "/api/v1/documents", "/api/v1/facts?limit=500", f"/api/v1/search?q={SECRET_WORD}",
             "/api/v1/countries", "/api/v1/countries/FIN/profile", f"/documents/{public_id}.json"]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.text
        if SECRET_WORD not in path:  # a search page echoes the query itself
            assert SECRET_WORD not in body, path
        assert "Confidential briefing" not in body, path
        assert "9,999" not in body and "9999" not in body, path
        assert "secret.txt" not in body, path
    assert client.get("/api/v1/search", params={"q": SECRET_WORD}).json()["total"] == 0
    assert client.get(f"/api/v1/documents/{secret_id}").status_code == 404
    assert client.get(f"/documents/{secret_id}").status_code == 404
    for fact_id in secret_fact_ids:
        assert client.get(f"/api/v1/facts/{fact_id}").status_code == 404
        assert client.get(f"/facts/{fact_id}").status_code == 404
        assert client.post(f"/api/v1/facts/{fact_id}/reject").status_code == 404
        assert client.get(f"/review?fact={fact_id}").text.count(f'data-fact-id="{fact_id}"') == 0
    assert client.delete(f"/api/v1/documents/{secret_id}").status_code == 404
    counts = {c["iso3"]: c for c in client.get("/api/v1/countries").json()["countries"]}
    assert counts["FIN"]["documents"] == 1
