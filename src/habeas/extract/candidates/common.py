"""What the proposers of several fact types share: dated sentences and year phrases."""

from __future__ import annotations

import re

from habeas.text.dates import DateMention, find_dates
from habeas.text.sentences import Sentence

# "during the year", "throughout the year", "this year": the report's own year.
REPORT_YEAR_PHRASE = re.compile(
    r"\b(?:during|throughout|over|in|for|(?:by|at) the end of) the (?:reporting )?(?:year|period)\b|\bthis year\b",
    re.IGNORECASE)
# A year that names a law or a thing ("Law No. 12 of 2015", "the 2013 Act"), not a time.
_TITLE_YEAR_BEFORE = re.compile(r"(?:\b(?:law|act|code|decree|order|resolution|no\.?|number)\s*(?:\d+\S*\s*)?"
                                r"(?:of\s*)?)$", re.IGNORECASE)
MAX_SENTENCE = 700


def sentence_dates(text: str, sentence: Sentence, report_year: int | None) -> list[DateMention]:
    """The date mentions of a sentence, offsets in the document, law-title years dropped."""
    out = []
    for d in find_dates(text[sentence.start:sentence.end], default_year=report_year):
        start = sentence.start + d.start
        if _TITLE_YEAR_BEFORE.search(text[max(sentence.start, start - 30):start]):
            continue
        if report_year is not None and d.year > report_year + 1:
            continue  # a plan or deadline, not a time the report records
        out.append(DateMention(start, sentence.start + d.end, d.value, d.kind, d.year_inferred))
    return out


def date_of(dates: list[DateMention], text: str, sentence: Sentence, report_year: int | None) -> str | None:
    """The date a dated sentence reports: its first date, else the report's year when it
    says "during the year"; None for an undated sentence."""
    if dates:
        return dates[0].value
    if report_year is not None and REPORT_YEAR_PHRASE.search(text, sentence.start, sentence.end):
        return str(report_year)
    return None
