"""Web speed benchmark (not a test): p50/p95 server time of every page and API route.

Builds a realistic library (benchmarks/library_gen.py: Zipf-distributed
vocabulary, real indicators and treaties, 15 countries) of 10,000 documents
and 100,000 facts straight through the store, then calls each route
in-process with FastAPI's TestClient N times and prints p50/p95 and whether
p95 < 200 ms. The route list keeps a worst-case search too (the commonest
word, which matches nearly every passage).

    .venv/bin/python benchmarks/web.py [--documents 10000] [--facts 100000] [--repeat 20]
                                       [--db sqlite|postgresql|URL] [--reuse PATH]

``--db postgresql`` creates a scratch database on 127.0.0.1:5432 (trust auth)
and drops it afterwards; ``--reuse PATH`` keeps (or reuses) a SQLite library
at PATH so repeated runs skip the build.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from library_gen import build_library  # noqa: E402 - found through the sys.path line above

PG_ADMIN_URL = os.environ.get("HABEAS_BENCH_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/test")


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
        ("GET", "/search?q=the", "search worst case"),
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
        ("GET", "/api/v1/search?q=the+of", "api search worst case"),
    ]


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """A fresh PostgreSQL database for one run, dropped afterwards."""
    import psycopg

    name = f"habeas_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def time_routes(url: str, workdir: Path, documents: int, repeat: int) -> int:
    from fastapi.testclient import TestClient

    from habeas.settings import Settings
    from habeas.web import create_app

    client = TestClient(create_app(Settings(database_url=url, data_dir=workdir / "data")))
    table = routes(documents)
    print(f"{'route':28} {'p50 ms':>8} {'p95 ms':>8}  p95<200ms  status", flush=True)
    slow = 0
    for method, path, label in table:
        client.request(method, path)  # warm caches once
        timings = []
        status = 0
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.request(method, path)
            timings.append((time.perf_counter() - started) * 1000)
            status = response.status_code
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        ok = p95 < 200
        slow += not ok
        print(f"{label:28} {p50:8.1f} {p95:8.1f}  {'yes' if ok else 'NO':9}  {status}", flush=True)
    print(f"{len(table) - slow} of {len(table)} routes have p95 < 200 ms")
    return slow


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--db", default="sqlite",
                        help="sqlite (temporary file), postgresql (scratch database) or a database URL")
    parser.add_argument("--reuse", type=Path, default=None,
                        help="SQLite file to build once and reuse on later runs")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="habeas-bench-"))
    if args.db == "postgresql":
        with scratch_postgres() as url:
            build_library(url, documents=args.documents, facts=args.facts)
            time_routes(url, workdir, args.documents, args.repeat)
        return 0
    if args.db == "sqlite":
        path = args.reuse or workdir / "bench.db"
        url = f"sqlite:///{path}"
        if not path.exists():
            build_library(url, documents=args.documents, facts=args.facts)
    else:
        url = args.db
        build_library(url, documents=args.documents, facts=args.facts)
    time_routes(url, workdir, args.documents, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
