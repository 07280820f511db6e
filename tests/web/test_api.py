"""REST API in-process (TestClient), on SQLite and PostgreSQL."""

from __future__ import annotations

from web_helpers import PUBLIC_TEXT, upload


def _ingest(client) -> int:  # type: ignore[no-untyped-def]
    response = upload(client, "freedonia.txt", PUBLIC_TEXT, country="FIN", kind="monitor",
                      published="2024-03-01")
    assert response.status_code in (200, 201), response.text
    return response.json()["results"][0]["document_id"]


def test_upload_list_get_delete_document(client) -> None:  # type: ignore[no-untyped-def]
    response = upload(client, "freedonia.txt", PUBLIC_TEXT, country="FRA", kind="monitor",
                      published="2024-03-01")
    assert response.status_code == 201
    result = response.json()["results"][0]
    assert result["status"] == "ingested" and result["facts"] >= 1
    doc_id = result["document_id"]
    listing = client.get("/api/v1/documents", params={"country": "FRA"}).json()
    assert [d["id"] for d in listing["documents"]] == [doc_id]
    assert listing["paging"]["total"] == 1
    detail = client.get(f"/api/v1/documents/{doc_id}", params={"text": "true"}).json()
    assert detail["document"]["country"] == "FRA"
    assert "4,210" in detail["text"]
    assert all(f["document_id"] == doc_id for f in detail["facts"])
    again = upload(client, "copy.txt", PUBLIC_TEXT)
    assert again.json()["results"][0]["status"] == "duplicate"
    assert client.delete(f"/api/v1/documents/{doc_id}").status_code == 200
    missing = client.get(f"/api/v1/documents/{doc_id}")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"


def test_upload_failure_is_a_coded_json_error(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/api/v1/documents", files=[("files", ("empty.txt", b"", "text/plain"))])
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "empty_file" and body["message"]


def test_fact_list_filters_paging_and_review(client) -> None:  # type: ignore[no-untyped-def]
    doc_id = _ingest(client)
    everything = client.get("/api/v1/facts", params={"document_id": doc_id}).json()
    assert everything["total"] >= 1
    page = client.get("/api/v1/facts", params={"document_id": doc_id, "limit": 1, "offset": 0}).json()
    assert len(page["items"]) == 1 and page["total"] == everything["total"]
    fact = page["items"][0]
    assert fact["status"] == "candidate"
    accepted = client.post(f"/api/v1/facts/{fact['id']}/accept", json={"version": fact["version"]}).json()
    assert accepted["status"] == "accepted"
    only_accepted = client.get("/api/v1/facts", params={"status": "accepted"}).json()
    assert [f["id"] for f in only_accepted["items"]] == [fact["id"]]
    rejected = client.post(f"/api/v1/facts/{fact['id']}/reject", json={"reason": "wrong"}).json()
    assert rejected["status"] == "rejected"
    history = client.get(f"/api/v1/facts/{fact['id']}").json()["history"]
    assert [h["action"] for h in history][-2:] == ["accepted", "rejected"]


def test_patch_with_stale_version_is_409(client) -> None:  # type: ignore[no-untyped-def]
    doc_id = _ingest(client)
    facts = client.get("/api/v1/facts", params={"document_id": doc_id, "type": "treaty"}).json()["items"]
    assert facts, "the invented text states a treaty ratification"
    fact = facts[0]
    ok = client.patch(f"/api/v1/facts/{fact['id']}", json={"version": fact["version"],
                                                          "fields": {"year": 1999}})
    assert ok.status_code == 200, ok.text
    assert ok.json()["year"] == 1999 and ok.json()["edited"] is True
    stale = client.patch(f"/api/v1/facts/{fact['id']}", json={"version": fact["version"],
                                                             "fields": {"year": 2000}})
    assert stale.status_code == 409
    assert stale.json()["code"] == "conflict"
    bad = client.patch(f"/api/v1/facts/{fact['id']}", json={"version": ok.json()["version"],
                                                           "fields": {"year": "soon"}})
    assert bad.status_code == 422 and bad.json()["code"] == "validation_failed"


def test_errors_share_one_shape(client) -> None:  # type: ignore[no-untyped-def]
    for path, status in (("/api/v1/facts/987654", 404), ("/api/v1/nothing-here", 404),
                         ("/api/v1/facts?limit=0", 422), ("/api/v1/search", 422)):
        response = client.get(path)
        assert response.status_code == status, path
        assert set(response.json()) >= {"code", "message"}, path


def test_every_page_has_a_json_twin(client) -> None:  # type: ignore[no-untyped-def]
    doc_id = _ingest(client)
    for path in ("/library", f"/documents/{doc_id}", "/facts", "/review", "/search?q=detention",
                 "/countries", "/updates"):
        base, _, query = path.partition("?")
        html = client.get(path)
        assert html.status_code == 200 and html.headers["content-type"].startswith("text/html"), path
        twin = client.get(base + ".json" + ("?" + query if query else ""))
        assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
        by_header = client.get(path, headers={"Accept": "application/json"})
        assert by_header.json() == twin.json(), path


def test_countries_and_profile(client) -> None:  # type: ignore[no-untyped-def]
    doc_id = _ingest(client)
    facts = client.get("/api/v1/facts", params={"document_id": doc_id}).json()["items"]
    for fact in facts:
        client.post(f"/api/v1/facts/{fact['id']}/accept")
    countries = client.get("/api/v1/countries").json()["countries"]
    entry = next(c for c in countries if c["iso3"] == "FIN")
    assert entry["documents"] == 1 and entry["accepted"] == len(facts)
    profile = client.get("/api/v1/countries/FIN/profile")
    assert profile.status_code == 200
    page = client.get("/countries/FIN")
    assert page.status_code == 200 and "profile.pdf" in page.text
    pdf = client.get("/countries/FIN/profile.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    csv = client.get("/countries/FIN/profile.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")


def test_updates_and_feeds(client) -> None:  # type: ignore[no-untyped-def]
    _ingest(client)
    updates = client.get("/updates.json", params={"country": "FIN"}).json()["items"]
    assert any(item["kind"] == "document" for item in updates)
    dates = [str(item["date"] or "") for item in updates]
    assert dates == sorted(dates, reverse=True)
    for path in ("/updates/feed.atom", "/countries/FIN/feed.atom"):
        feed = client.get(path)
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
        assert b"<feed" in feed.content and b"<entry" in feed.content
