"""A generated library with realistic word statistics, written straight through the store.

benchmarks/web.py builds its passages from 26 words, so any one-word search
matches most of the library: a worst case, not a library. Here passages draw
from a Zipf-distributed vocabulary of a few thousand words (common function
words, domain words, and synthetic rare words), so a search for a domain
word matches a few percent of passages, as in real report collections.
Facts use the real vocabularies (indicators, treaties), carry ISO dates, sit
inside a real passage (quote and offsets agree) and are spread over 15
countries with candidate/accepted/rejected statuses.

Bulk inserts with SQLAlchemy core ``insert()`` in batches after
``Database(url).upgrade()``; once the passages are inserted, ``index_passages``
fills the FTS5 index on SQLite; PostgreSQL's stored tsvector column needs nothing.

    from library_gen import build_library, search_words
    build_library("sqlite:///x.db", documents=2000, facts=20000)
"""

from __future__ import annotations

import bisect
import itertools
import random
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert

COUNTRIES = ["GRC", "ITA", "MLT", "LBY", "MEX", "USA", "AUS", "MYS", "TUR", "ESP", "GBR", "KAZ",
             "ZAF", "IDN", "CAN"]
KINDS = ["profile", "monitor", "submission", "state-report", "ngo-report", "other"]
COMMON = ("the of and to in a for on by with that is was were are as at from or be this have has not "  # noqa: SIM905
          "which their been its it an they these also all other any who more than under into such "
          "per cent no only after during while within without between about against").split()
DOMAIN = ("detention centre centres migrants asylum seekers removal deportation border police custody "  # noqa: SIM905
          "children families alternatives ombudsperson visit monitoring overcrowding hunger strike "
          "release court appeal transfer reception facility capacity detainees nationals authorities "
          "ministry law article decree refugees stateless trafficking victims lawyer interpreter "
          "medical health guards cells conditions complaint inspection committee recommendation "
          "judicial review maximum period months days unaccompanied minors women isolation "
          "readmission expulsion airport transit zone prison criminal administrative penalty").split()
EVENT_KINDS = ["hunger_strike", "death_in_custody", "riot", "escape", "fire", "protest", "suicide"]
STATUSES = ["candidate", "candidate", "candidate", "accepted", "accepted", "rejected"]
TYPES = ["statistic"] * 4 + ["treaty", "law", "event", "facility", "institution", "case", "status",
                             "recommendation"]


def _vocabulary(rng: random.Random, rare: int = 4000) -> list[str]:
    """Common words first (most frequent), then domain words, then synthetic rare words."""
    syllables = ["ka", "lo", "ri", "ten", "mar", "vo", "sel", "dun", "pra", "que", "lis", "tor", "ben"]
    synthetic = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(rare)}
    return COMMON + DOMAIN + sorted(synthetic - set(COMMON) - set(DOMAIN))


class Zipf:
    """Draw words with probability ~ 1/rank (Zipf's law, s = 1)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.cumulative = list(itertools.accumulate(1.0 / (i + 1) for i in range(len(words))))

    def draw(self, rng: random.Random) -> str:
        index = bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])
        return self.words[min(index, len(self.words) - 1)]


def search_words() -> list[str]:
    """What a researcher types: domain words, each matching a minority of passages."""
    return list(DOMAIN)


def _passage(rng: random.Random, zipf: Zipf) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [zipf.draw(rng) for _ in range(rng.randint(12, 28))]
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def _fields(rng: random.Random, fact_type: str, year: int, j: int,
            indicator_slugs: list[str], treaty_codes: list[str]) -> dict[str, Any]:
    month = f"{year}-{rng.randint(1, 12):02d}"
    if fact_type == "statistic":
        return {"indicator": rng.choice(indicator_slugs), "value": rng.randint(1, 90000),
                "unit": "persons", "date": rng.choice([str(year), month, f"{year}-12-31"]), "qualifier": None}
    if fact_type == "treaty":
        return {"treaty": rng.choice(treaty_codes), "action": rng.choice(["ratification", "signature",
                                                                          "accession"]), "year": year}
    if fact_type == "event":
        return {"kind": rng.choice(EVENT_KINDS), "date": month, "count": rng.choice([None, rng.randint(2, 300)]),
                "place": None}
    if fact_type == "law":
        return {"title": f"Law on the legal status of foreigners no. {j}", "number": str(j),
                "year_adopted": year, "year_amended": None, "articles": [str(rng.randint(1, 90))]}
    if fact_type == "case":
        return {"name": f"Applicant {j} v. State", "nationality": None, "outcome": "violation", "date": month}
    if fact_type == "status":
        return {"indicator": "detains_children", "value": rng.choice(["yes", "no"]), "date": str(year)}
    if fact_type == "recommendation":
        return {"text": "End the detention of children.", "addressee": None, "articles": []}
    return {"name": f"{fact_type.capitalize()} {j % 400}", "place": None, "kind": None, "date": str(year)}


def build_library(url: str, documents: int = 2000, facts: int = 20000, passages_per_document: int = 5,
                  seed: int = 7, batch: int = 5000) -> dict[str, int]:
    """Fill an empty database at ``url``; returns the counts written."""
    from habeas.store.database import Database
    from habeas.store.models import DocumentRow, FactRow, PassageRow
    from habeas.store.search import index_passages
    from habeas.vocab import indicators, treaties

    db = Database(url)
    db.upgrade()
    rng = random.Random(seed)
    zipf = Zipf(_vocabulary(rng))
    indicator_slugs, treaty_codes = sorted(indicators()), sorted(treaties())
    now = datetime.now(UTC)
    started = time.perf_counter()
    spans: list[list[tuple[int, int]]] = []  # per document: passage (start, end)
    docs: list[dict[str, Any]] = []
    try:
        with db.engine.begin() as conn:
            passage_rows: list[dict[str, Any]] = []
            for i in range(1, documents + 1):
                parts = [_passage(rng, zipf) for _ in range(passages_per_document)]
                text = "\n\n".join(parts)
                offsets, cursor = [], 0
                for seq, part in enumerate(parts):
                    offsets.append((cursor, cursor + len(part)))
                    passage_rows.append({"document_id": i, "seq": seq, "page": seq // 2 + 1,
                                         "start_char": cursor, "end_char": cursor + len(part), "text": part})
                    cursor += len(part) + 2
                spans.append(offsets)
                docs.append({
                    "id": i, "sha256": f"{i:064x}", "filename": f"report-{i}.pdf", "media_type": "application/pdf",
                    "title": f"Immigration detention report {i}", "publisher": rng.choice(["NGO", "Monitor", "UN"]),
                    "url": None, "published": f"{rng.randint(2005, 2025)}-{rng.randint(1, 12):02d}-01",
                    "country": COUNTRIES[i % len(COUNTRIES)], "kind": rng.choice(KINDS),
                    "confidential": i % 50 == 0, "size_bytes": len(text), "stored_path": "", "text": text,
                    "page_count": (passages_per_document + 1) // 2, "extraction_problems": [],
                    "ingested_at": now})
                if len(docs) % batch == 0:
                    conn.execute(insert(DocumentRow), docs[-batch:])
            if len(docs) % batch:
                conn.execute(insert(DocumentRow), docs[-(len(docs) % batch):])
            for k in range(0, len(passage_rows), batch):
                conn.execute(insert(PassageRow), passage_rows[k:k + batch])
            index_passages(conn)
            fact_rows: list[dict[str, Any]] = []
            for j in range(facts):
                doc = docs[rng.randrange(documents)]
                seq = rng.randrange(passages_per_document)
                p_start, p_end = spans[doc["id"] - 1][seq]
                start = rng.randint(p_start, max(p_start, p_end - 40))
                end = min(p_end, start + 40)
                fact_type = rng.choice(TYPES)
                year = int(doc["published"][:4]) - rng.randint(0, 3)
                fields = _fields(rng, fact_type, year, j, indicator_slugs, treaty_codes)
                fact_rows.append({
                    "document_id": doc["id"], "type": fact_type, "country": doc["country"],
                    "fields": fields, "extracted_fields": fields, "indicator": fields.get("indicator"),
                    "observation_date": str(fields.get("date") or fields.get("year") or
                                            fields.get("year_adopted") or year),
                    "quote": doc["text"][start:end], "page": seq // 2 + 1, "start_char": start, "end_char": end,
                    "extractor": f"{fact_type}@1", "rule": "generated", "confidence": round(rng.random(), 2),
                    "status": rng.choice(STATUSES), "source_note": None, "confidential": doc["confidential"],
                    "version": 1, "created_at": now, "updated_at": now})
                if len(fact_rows) == batch:
                    conn.execute(insert(FactRow), fact_rows)
                    fact_rows = []
            if fact_rows:
                conn.execute(insert(FactRow), fact_rows)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    counts = {"documents": documents, "passages": documents * passages_per_document, "facts": facts}
    print(f"library: {counts['documents']} documents, {counts['passages']} passages, {facts} facts, "
          f"{len(COUNTRIES)} countries, built in {time.perf_counter() - started:.1f} s", flush=True)
    return counts
