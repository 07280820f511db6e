"""Event candidates: every dated sentence, with the count of people it names.

Generous on purpose: a sentence that carries a date (or says "during the year")
may report a raid, a ruling, a pushback or a policy change in words no rule
foresaw. The events model decides whether it does and of which kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from habeas.extract.analysis import AnalysedDocument
from habeas.extract.candidates.common import MAX_SENTENCE, date_of, sentence_dates
from habeas.extract.scorer.features import Features, add_context, add_dates, add_words, tokens
from habeas.text.dates import DateMention
from habeas.text.numbers import find_numbers

# Words after a number that make it a length, a sum or a share rather than a head count.
_NOT_PEOPLE = re.compile(r"\s*(?:%|per ?cent|percent|days?|weeks?|months?|years?|hours?|km|kilomet|miles?|"
                         r"dollars?|euros?|usd|eur|million|billion|times|cases|articles?|pages?)\b", re.I)


@dataclass(slots=True)
class Candidate:
    """A span that may state a fact, the fields it would have, and why."""

    start: int
    end: int
    fields: dict[str, Any]
    features: Features = field(default_factory=dict)


def people_count(text: str, start: int, end: int, dates: list[DateMention] = ()) -> int | None:  # type: ignore[assignment]
    """The first head count of a sentence: a whole number that is not a year, a day, a length or a sum."""
    for number in find_numbers(text[start:end]):
        at = start + number.start
        if any(d.start <= at < d.end for d in dates):
            continue  # the day of a date ("May 5")
        if (number.value is None or number.is_year_like or number.is_percent or number.has_currency
                or not number.is_integer or number.value < 2):
            continue
        if _NOT_PEOPLE.match(text, start + number.end, end):
            continue
        return int(number.value)
    return None


def propose_events(document: AnalysedDocument) -> list[Candidate]:
    text, year = document.text, document.report_year
    out = []
    for sentence in document.sentences:
        if sentence.end - sentence.start > MAX_SENTENCE:
            continue
        dates = sentence_dates(text, sentence, year)
        date = date_of(dates, text, sentence, year)
        if date is None:
            continue
        features: Features = {}
        add_words(features, tokens(text[sentence.start:sentence.end]), "")
        add_dates(features, dates, year, sentence.start)
        add_context(features, document.kind, sentence.end - sentence.start)
        count = people_count(text, sentence.start, sentence.end, dates)
        if count is not None:
            features["count"] = 1.0
        fields: dict[str, Any] = {"date": date}
        if count is not None:
            fields["count"] = count
        out.append(Candidate(sentence.start, sentence.end, fields, features))
    return out
