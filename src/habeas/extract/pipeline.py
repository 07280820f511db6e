"""Run every registered extractor over a document.

Errors inside one extractor are reported as data (``problems``) and do not stop
the others: one bad regex must not cost a researcher every other fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import registered_extractors


@dataclass(slots=True)
class ExtractionResult:
    facts: list[Fact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def extract_facts(document: Document) -> ExtractionResult:
    result = ExtractionResult()
    for extractor in registered_extractors():
        try:
            produced = list(extractor.run(document))
        except Exception as exc:  # noqa: BLE001 - reported as data, by design
            result.problems.append(f"{extractor.id}: {type(exc).__name__}: {exc}")
            continue
        for fact in produced:
            if fact.country is None:
                fact.country = document.country
            if fact.span.page is None and document.pages:
                fact.span = type(fact.span)(fact.span.start_char, fact.span.end_char,
                                            document.page_at(fact.span.start_char))
            result.facts.append(fact)
    result.facts = _without_repeated_statistics(result.facts)
    return result


def _without_repeated_statistics(facts: list[Fact]) -> list[Fact]:
    """One statistic per (indicator, value, date): a figure in a key-figures table and
    again in prose is one fact, kept from the more confident extractor."""
    best: dict[tuple[object, ...], int] = {}
    for i, fact in enumerate(facts):
        if fact.type is not FactType.STATISTIC:
            continue
        key = (fact.fields.get("indicator"), fact.fields.get("value"), fact.fields.get("date"))
        j = best.get(key)
        if j is None or fact.confidence > facts[j].confidence:
            best[key] = i
    keep = set(best.values())
    return [f for i, f in enumerate(facts) if f.type is not FactType.STATISTIC or i in keep]
