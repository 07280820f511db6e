"""Shared scaffolding for extractor tests: small documents, and one extractor scored on the seeds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from habeas.domain import Document, Fact
from habeas.extract.scoring import ScoreReport, score_facts

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
# The year each seed reports on: completes dates such as "On April 17".
SEED_YEARS = {"000": 2020, "001": 2025, "002": 2020, "003": 2020, "004": 2010}


def doc(text: str, year: int = 2021, country: str = "XXX") -> Document:
    return Document(sha256="x", filename="t.txt", media_type="text/plain", text=text, country=country,
                    published=str(year))


def seed_report(kind: str, extract: Callable[[Document], Iterable[Fact]]) -> ScoreReport:
    """One extractor's ``kind`` facts scored against the seed gold, per seed and in total."""
    report = ScoreReport()
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        gold = [json.loads(line) for line in (SHARED / "gold" / f"{seed.stem}.jsonl").read_text().splitlines()
                if line.strip()]
        d = doc(seed.read_text(), SEED_YEARS.get(seed.name[:3], 2020), "KAZ")
        report.merge(score_facts([g for g in gold if g["type"] == kind], [f.to_interchange() for f in extract(d)],
                                 document=seed.name[:3]))
    return report


def seed_counts(kind: str, extract: Callable[[Document], Iterable[Fact]]) -> tuple[int, int, int]:
    """(true positives, false positives, misses) of one extractor's ``kind`` facts on the seed gold."""
    counts = seed_report(kind, extract).by_type.get(kind)
    return (counts.tp, counts.fp, counts.fn) if counts else (0, 0, 0)


def verbatim(d: Document, facts: Iterable[Fact]) -> bool:
    return all(d.text[f.span.start_char:f.span.end_char] == f.quote for f in facts)
