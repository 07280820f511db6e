"""Run every registered extractor over a document.

Errors inside one extractor are reported as data (``problems``) and do not stop
the others: one bad regex must not cost a researcher every other fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from habeas.domain import Document, Fact, FactType
from habeas.extract.analysis import analyse
from habeas.extract.registry import registered_extractors
from habeas.extract.scoring import values_match
from habeas.text.dates import dates_match

if TYPE_CHECKING:
    from habeas.extract.scorer.model import Models


@dataclass(slots=True)
class ExtractionResult:
    facts: list[Fact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def extract_facts(document: Document, models: Models | None = None) -> ExtractionResult:
    """Every registered extractor over the analysed document; ``models`` replaces the
    shipped scoring models (cross-validation trains its own)."""
    result = ExtractionResult()
    reading = analyse(document, models)
    original = reading.original_text
    for extractor in registered_extractors():
        try:
            produced = list(extractor.run(reading))
        except Exception as exc:  # noqa: BLE001 - reported as data, by design
            result.problems.append(f"{extractor.id}: {type(exc).__name__}: {exc}")
            continue
        for fact in produced:
            if fact.country is None:
                fact.country = document.country
            # quote the original characters, line breaks and all
            fact.quote = original[fact.span.start_char:fact.span.end_char] or fact.quote
            if fact.span.page is None and document.pages:
                fact.span = type(fact.span)(fact.span.start_char, fact.span.end_char,
                                            document.page_at(fact.span.start_char))
            result.facts.append(fact)
    result.facts = _without_repeated_statistics(_without_learned_repeats(result.facts))
    return result


def _learned(fact: Fact) -> bool:
    return fact.rule.startswith("model:")


def _overlap(a: Fact, b: Fact) -> bool:
    return a.span.start_char < b.span.end_char and b.span.start_char < a.span.end_char


def _without_learned_repeats(facts: list[Fact]) -> list[Fact]:
    """A model's fact gives way to a phrase rule's fact that states the same thing.

    Rules are precise where they fire; models add what no rule foresaw. So a
    learned event is dropped where a rule found an event in the same sentence or
    of the same kind and date, a learned status where a rule gave that status,
    and a learned statistic where a rule read the same figure.
    """
    ruled = [f for f in facts if not _learned(f)]
    events = [f for f in ruled if f.type is FactType.EVENT]
    statuses = {f.fields.get("indicator") for f in ruled if f.type is FactType.STATUS}
    figures = [f for f in ruled if f.type is FactType.STATISTIC]
    kept = []
    for fact in facts:
        if _learned(fact):
            if fact.type is FactType.EVENT and any(
                    _overlap(fact, e) or (e.fields.get("kind") == fact.fields.get("kind")
                                          and dates_match(str(e.fields.get("date") or ""),
                                                          str(fact.fields.get("date") or "")))
                    for e in events):
                continue
            if fact.type is FactType.STATUS and fact.fields.get("indicator") in statuses:
                continue
            if fact.type is FactType.STATISTIC and any(
                    values_match(s.fields.get("value"), fact.fields.get("value")) for s in figures):
                continue
        kept.append(fact)
    return kept


def _without_repeated_statistics(facts: list[Fact]) -> list[Fact]:
    """One statistic per figure: a figure in a key-figures table and again in prose is one fact.

    Two statistics are the same figure when indicator and value agree and one
    date is the other or a less precise form of it ("2023" and "2023-12-31": a
    table gives the year, the prose the day). The more precise date is kept,
    then the more confident extractor. Contrasting figures (other values) and
    figures for other dates stay apart.
    """
    groups: dict[tuple[object, object], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.type is FactType.STATISTIC:
            groups.setdefault((fact.fields.get("indicator"), fact.fields.get("value")), []).append(i)
    drop: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        # most precise date first, then most confident, then first found
        ranked = sorted(members, key=lambda i: (-len(str(facts[i].fields.get("date") or "")),
                                                -facts[i].confidence, i))
        kept: list[str] = []
        for i in ranked:
            date = str(facts[i].fields.get("date") or "")
            if any(_same_or_coarser(date, other) for other in kept):
                drop.add(i)
            else:
                kept.append(date)
    return [f for i, f in enumerate(facts) if i not in drop]


def _same_or_coarser(date: str, other: str) -> bool:
    """``date`` equals ``other`` or is a less precise form of it ("2023" of "2023-12-31")."""
    if date == other:
        return True
    if "/" in date or "/" in other:
        return False
    return bool(date) and other.startswith(date + "-")
