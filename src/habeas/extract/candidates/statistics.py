"""Statistic candidates: every number of a sentence that could count people, places or days.

Years, sums of money and spelled-out vague amounts are left out; everything
else is proposed with the words on each side of it, the words of its sentence
and the date nearest to it. The statistics model names the indicator, if any.
A length in months or weeks is converted to days, the unit indicators use.
"""

from __future__ import annotations

import re

from habeas.extract.analysis import AnalysedDocument
from habeas.extract.candidates.common import MAX_SENTENCE, REPORT_YEAR_PHRASE, sentence_dates
from habeas.extract.candidates.events import Candidate
from habeas.extract.scorer.features import Features, add_context, add_words, tokens
from habeas.text.dates import DateMention
from habeas.text.numbers import find_numbers

_DURATION = re.compile(r"\s*(days?|weeks?|months?|years?)\b", re.I)
_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_WINDOW = 5


def _nearest_date(dates: list[DateMention], at: int) -> DateMention | None:
    """The date closest to the number; a date after the number wins ties ("X in 2022")."""
    if not dates:
        return None
    return min(dates, key=lambda d: (min(abs(d.start - at), abs(d.end - at)), d.start < at))


def propose_statistics(document: AnalysedDocument) -> list[Candidate]:
    text, year = document.text, document.report_year
    out = []
    for sentence in document.sentences:
        length = sentence.end - sentence.start
        if length > MAX_SENTENCE:
            continue
        numbers = [n for n in find_numbers(text[sentence.start:sentence.end])
                   if n.value is not None and not n.is_year_like and not n.has_currency]
        if not numbers:
            continue
        dates = sentence_dates(text, sentence, year)
        date_spans = [(d.start, d.end) for d in dates]
        sentence_words = tokens(text[sentence.start:sentence.end])
        report_year_phrase = REPORT_YEAR_PHRASE.search(text, sentence.start, sentence.end) is not None
        for number in numbers:
            start, end = sentence.start + number.start, sentence.start + number.end
            if any(s <= start < e for s, e in date_spans):
                continue  # the day of a date
            value = float(number.value or 0)
            features: Features = {}
            left = tokens(text[max(sentence.start, start - 80):start])[-_WINDOW:]
            right = tokens(text[end:min(sentence.end, end + 80)])[:_WINDOW]
            add_words(features, left, "L.")
            add_words(features, right, "R.")
            if right:
                features[f"R1={right[0]}"] = 1.0
            if left:
                features[f"L1={left[-1]}"] = 1.0
            add_words(features, sentence_words, "S.", pairs=False)
            add_context(features, document.kind, length)
            features["pct" if number.is_percent else "count"] = 1.0
            if number.qualifier:
                features[f"qual={number.qualifier}"] = 1.0
            features["mag=" + str(min(len(str(int(value))), 7))] = 1.0
            if not number.is_integer:
                features["decimal"] = 1.0
            duration = _DURATION.match(text, end, sentence.end)
            days = None
            if duration:
                unit = duration.group(1).lower().rstrip("s")
                days = value * _DAYS[unit]
                features[f"duration={unit}"] = 1.0
            date = _nearest_date(dates, start)
            observed: str | None
            if date is not None:
                features["date.kind=" + date.kind] = 1.0
                if year is not None:
                    features["date.rel=" + ("same" if date.year == year else "before")] = 1.0
                observed = date.value
            else:
                features["date.none"] = 1.0
                observed = str(year) if year is not None else None
            if report_year_phrase:
                features["year.phrase"] = 1.0
            fields = {"value": value, "days": days, "date": observed, "qualifier": number.qualifier,
                      "sentence": (sentence.start, sentence.end)}
            out.append(Candidate(start, end, fields, features))
    return out
