"""Web speed benchmark (not a test): p50/p95 server time of every page and API route.

Builds a library of 10,000 documents (two passages each) and 100,000 facts
directly through the store with bulk inserts, then calls each route in-process
with FastAPI's TestClient N times and prints p50/p95 and whether p95 < 200 ms.

    .venv/bin/python benchmarks/web.py [--documents 10000] [--facts 100000] [--repeat 20] [--db URL]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert

warnings.filterwarnings("ignore")

COUNTRIES = ["GRC", "ITA", "MLT", "LBY", "MEX", "USA", "AUS", "MYS", "TUR", "ESP", "GBR", "KAZ"]
KINDS = ["profile", "monitor", "submission", "state-report", "ngo-report", "other"]
WORDS = ["detention", "centre", "migrants", "asylum", "seekers", "removal", "deportation", "border", "police", "custody", "children", "families", "alternatives", "ombudsperson", "visit", "monitoring", "overcrowding", "hunger", "strike", "release", "court", "appeal", "transfer", "reception", "facility", "capacity"]
TYPES = ["statistic", "treaty", "law", "event", "facility", "institution", "status", "case"]
TREATIES = ["CAT", "ICCPR", "CRC", "CMW", "OPCAT"]


def sentence(rng: random.Random, n: int = 24) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build_library(url: str, documents: int, facts: int) -> None:
    from habeas.store.database import Database
    from habeas.store.models import DocumentRow, FactRow, PassageRow

    db = Database(url)
    db.upgrade()
    rng = random.Random(7)
    now = datetime.now(UTC)
    started = time.perf_counter()
    with db.engine.begin() as conn:
        doc_rows, passage_rows = [], []
        for i in range(1, documents + 1):
            first, second = sentence(rng), sentence(rng)
            text = f"{first}\n\n{second}"
            doc_rows.append({
                "id": i, "sha256": f"{i:064x}", "filename": f"report-{i}.txt", "media_type": "text/plain",
                "title": f"Report {i} on immigration detention", "publisher": "Bench", "url": None,
                "published": f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-01",
                "country": rng.choice(COUNTRIES), "kind": rng.choice(KINDS),
                "confidential": i % 50 == 0, "size_bytes": len(text), "stored_path": "",
                "text": text, "page_count": 1, "extraction_problems": [], "ingested_at": now})
            passage_rows.append({"document_id": i, "seq": 0, "page": 1, "start_char": 0,
                                 "end_char": len(first), "text": first})
            passage_rows.append({"document_id": i, "seq": 1, "page": 1, "start_char": len(first) + 2,
                                 "end_char": len(text), "text": second})
        conn.execute(insert(DocumentRow), doc_rows)
        conn.execute(insert(PassageRow), passage_rows)
        fact_rows = []
        for j in range(facts):
            doc_id = rng.randint(1, documents)
            fact_type = rng.choice(TYPES)
            year = rng.randint(2005, 2025)
            fields: dict[str, object]
            if fact_type == "statistic":
                fields = {"indicator": "immigration_detainees", "value": rng.randint(1, 90000),
                          "unit": "persons", "date": str(year), "qualifier": None}
            elif fact_type == "treaty":
                fields = {"treaty": rng.choice(TREATIES), "action": "ratification", "year": year}
            elif fact_type == "event":
                fields = {"kind": "hunger_strike", "date": f"{year}-{rng.randint(1, 12):02d}",
                          "count": None, "place": None}
            else:
                fields = {"name": f"Thing {j}", "date": str(year)}
            start = rng.randint(0, 60)
            fact_rows.append({
                "document_id": doc_id, "type": fact_type, "country": doc_rows[doc_id - 1]["country"],
                "fields": fields, "extracted_fields": fields, "indicator": fields.get("indicator"),
                "observation_date": str(fields.get("date") or fields.get("year") or year),
                "quote": "detention", "page": 1, "start_char": start, "end_char": start + 20,
                "extractor": "bench@1", "rule": "bench", "confidence": 0.5,
                "status": rng.choice(["candidate", "candidate", "accepted", "rejected"]),
                "source_note": None, "confidential": bool(doc_rows[doc_id - 1]["confidential"]),
                "version": 1, "created_at": now, "updated_at": now})
            if len(fact_rows) == 20_000:
                conn.execute(insert(FactRow), fact_rows)
                fact_rows = []
        if fact_rows:
            conn.execute(insert(FactRow), fact_rows)
    if db.is_sqlite:
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    db.dispose()
    print(f"library: {documents} documents, {2 * documents} passages, {facts} facts "
          f"built in {time.perf_counter() - started:.1f} s")


def routes(documents: int) -> list[tuple[str, str, str]]:
    doc = documents // 2 + 1
    return [
        ("GET", "/library", "library page"),
        ("GET", "/library?country=GRC&kind=monitor&sort=published", "library filtered"),
        ("GET", "/library?page=100", "library page 100"),
        ("GET", f"/documents/{doc}", "document page"),
        ("GET", "/facts", "facts page"),
        ("GET", "/facts?type=statistic&country=GRC&status=accepted&sort=date&desc=true", "facts filtered"),
        ("GET", "/facts?page=500", "facts page 500"),
        ("GET", "/facts/5000", "fact page"),
        ("GET", "/review", "review queue"),
        ("GET", "/review/card?fact=6000", "review card"),
        ("GET", "/search?q=hunger+strike", "search"),
        ("GET", "/search?q=overcrowding+children&country=GRC&year=2020", "search filtered"),
        ("GET", "/search?q=ombudsperson&fact_type=statistic", "search by fact type"),
        ("GET", "/countries", "countries index"),
        ("GET", "/countries/GRC", "country page"),
        ("GET", "/updates", "updates"),
        ("GET", "/updates/feed.atom", "atom feed"),
        ("GET", "/api/v1/documents?country=ITA", "api documents"),
        ("GET", f"/api/v1/documents/{doc}", "api document"),
        ("GET", "/api/v1/facts?limit=100&type=treaty", "api facts"),
        ("GET", "/api/v1/facts?limit=100&offset=50000", "api facts deep page"),
        ("GET", "/api/v1/facts/7000", "api fact"),
        ("GET", "/api/v1/countries", "api countries"),
        ("GET", "/api/v1/countries/ITA/profile", "api profile"),
        ("GET", "/api/v1/search?q=release+court", "api search"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", default=None, help="database URL (default: a temporary SQLite file)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from habeas.settings import Settings
    from habeas.web import create_app

    workdir = Path(tempfile.mkdtemp(prefix="habeas-bench-"))
    url = args.db or f"sqlite:///{workdir / 'bench.db'}"
    build_library(url, args.documents, args.facts)
    client = TestClient(create_app(Settings(database_url=url, data_dir=workdir / "data")))
    print(f"{'route':28} {'p50 ms':>8} {'p95 ms':>8}  p95<200ms  status")
    slow = 0
    for method, path, label in routes(args.documents):
        client.request(method, path)  # warm caches once
        timings = []
        status = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.request(method, path)
            timings.append((time.perf_counter() - started) * 1000)
            status = response.status_code
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, int(round(0.95 * (len(timings) - 1))))]
        ok = p95 < 200
        slow += not ok
        print(f"{label:28} {p50:8.1f} {p95:8.1f}  {'yes' if ok else 'NO':9}  {status}")
    print(f"{len(routes(args.documents)) - slow} of {len(routes(args.documents))} routes have p95 < 200 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
