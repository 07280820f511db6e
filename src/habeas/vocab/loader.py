"""Load the vocabularies once; each file is a TSV with a header row.

Optional extra columns: ``synonyms`` and ``cues`` (``|``-separated phrases).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("habeas.vocab").joinpath("data", name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (value or "").split("|") if p.strip())


@dataclass(frozen=True, slots=True)
class Indicator:
    slug: str
    unit: str
    section: str
    label: str
    definition: str
    synonyms: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatusIndicator:
    slug: str
    values: tuple[str, ...]
    section: str
    label: str
    definition: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Treaty:
    code: str
    group: str  # "core" (counted in the ratification ratio) or "complaints"
    name: str
    synonyms: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    return {
        r["slug"]: Indicator(
            slug=r["slug"], unit=r["unit"], section=r["section"], label=r["label"],
            definition=r["what counts"], synonyms=_split(r.get("synonyms")), cues=_split(r.get("cues")),
        )
        for r in _rows("indicators.tsv")
    }


@lru_cache(maxsize=1)
def status_indicators() -> dict[str, StatusIndicator]:
    return {
        r["slug"]: StatusIndicator(
            slug=r["slug"], values=_split(r["values"]), section=r["section"], label=r["label"],
            definition=r["what counts"], synonyms=_split(r.get("synonyms")),
        )
        for r in _rows("statuses.tsv")
    }


@lru_cache(maxsize=1)
def treaties() -> dict[str, Treaty]:
    return {
        r["code"]: Treaty(code=r["code"], group=r["group"], name=r["name"], synonyms=_split(r.get("synonyms")))
        for r in _rows("treaties.tsv")
    }
