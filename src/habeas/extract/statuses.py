"""Yes/no and categorical statuses of statuses.tsv.

Data profiles print them as table rows ("Constitutional guarantees?<TAB>Yes",
"recognized as independent?<TAB>No<TAB>2016"); the row labels are the
``synonyms`` column of statuses.tsv, so a new profile layout needs a data
change, not a code change. The observation date is the first year after the
value on the row (for UPR rows, the year the recommendation was issued).

Prose is read conservatively, for one status only: a sentence that ties
irregular entry or border crossing to a criminal sanction says that irregular
entry is criminalised; its date is the report's year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from habeas.domain import Document, Fact, FactType
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.vocab import status_indicators

NAME = "statuses"
VERSION = 1

_YES_NO = re.compile(r"(?:(?<=[\t ])|^)(Yes|No|YES|NO)(?=[\t .,;]|$)")
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_CATEGORY_VALUES = {
    "legal_tradition": {
        "civil law": "civil law", "common law": "common law", "mixed": "mixed", "customary": "customary",
        "religious": "religious", "islamic law": "religious", "sharia": "religious",
    },
    "facility_types": {
        "administrative": "administrative", "ad hoc": "ad hoc", "ad-hoc": "ad hoc", "criminal": "criminal",
        "unknown": "unknown",
    },
}
# Rows that may continue on the following lines (one UPR cycle or facility type per line).
_CONTINUED = {"upr_detention_recommendation", "facility_types"}
_MAX_VALUE_DISTANCE = 80
_MAX_DATE_DISTANCE = 40


def _label_pattern(label: str) -> str:
    words = [re.escape(w.rstrip("?")) for w in label.replace("-", " ").split()]
    return r"\b" + r"[\s-]+".join(words) + (r"\s*\??" if label.endswith("?") else r"\b")


@lru_cache(maxsize=1)
def _labels() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for slug, indicator in status_indicators().items():
        labels = sorted({*indicator.synonyms}, key=len, reverse=True)
        if labels:
            out.append((slug, re.compile("|".join(_label_pattern(lab) for lab in labels), re.I)))
    return out


@lru_cache(maxsize=1)
def _category_patterns() -> dict[str, re.Pattern[str]]:
    return {
        slug: re.compile(r"(?<![\w-])(" + "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
                         + r")(?![\w-])", re.I)
        for slug, values in _CATEGORY_VALUES.items()
    }


def _value_in(slug: str, line: str, start: int) -> tuple[str, int, int] | None:
    """The status value written after ``start`` on the row: (value, start, end)."""
    window_end = min(len(line), start + _MAX_VALUE_DISTANCE)
    if slug in _CATEGORY_VALUES:
        m = _category_patterns()[slug].search(line, start, window_end)
        if not m:
            return None
        return _CATEGORY_VALUES[slug][m.group(1).casefold()], m.start(), m.end()
    m = _YES_NO.search(line, start, window_end)
    if not m:
        return None
    return m.group(1).casefold(), m.start(), m.end()


def _date_after(line: str, start: int) -> re.Match[str] | None:
    m = _YEAR.search(line, start)
    if m and m.start() - start <= _MAX_DATE_DISTANCE and "\n" not in line[start:m.start()]:
        return m
    return None


def _row_fact(document: Document, slug: str, line: str, line_start: int, label_start: int,
              value_from: int, rule: str) -> Fact | None:
    found = _value_in(slug, line, value_from)
    if found is None:
        return None
    value, v_start, v_end = found
    gap = line[value_from:v_start]
    if "\t" not in gap and gap.strip(" ?:-–.|"):
        return None  # a value must sit in its own cell, not somewhere later in a sentence
    date = _date_after(line, v_end)
    end = date.end() if date else v_end
    fields = {"indicator": slug, "value": value, "date": date.group(1) if date else None}
    return make_fact(document, FactType.STATUS, line_start + label_start, line_start + end, fields,
                     extractor=f"{NAME}@{VERSION}", rule=rule, confidence=0.85)


def _table_facts(document: Document) -> Iterator[Fact]:
    lines = document.text.split("\n")
    starts = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    labels = _labels()
    for i, line in enumerate(lines):
        for slug, pattern in labels:
            m = pattern.search(line)
            if not m:
                continue
            fact = _row_fact(document, slug, line, starts[i], m.start(), m.end(), "table.row")
            if fact is None:
                continue
            yield fact
            if slug in _CONTINUED:
                yield from _continuation(document, slug, lines, starts, i + 1)
            break


def _continuation(document: Document, slug: str, lines: list[str], starts: list[int], first: int) -> Iterator[Fact]:
    """Further cycles or types of a row, one per following line, until a line that has none."""
    labels = _labels()
    for j in range(first, min(first + 6, len(lines))):
        line = lines[j]
        if any(p.search(line) for _, p in labels):
            return
        cells = [c for c in line.split("\t")]
        if len(cells) < 2:
            return
        value_from = len(cells[0])  # skip the wrapped label text in the first cell
        fact = _row_fact(document, slug, line, starts[j], value_from, value_from, "table.continued")
        if fact is None or (slug == "upr_detention_recommendation" and fact.fields["date"] is None):
            return
        yield fact


# --- prose ----------------------------------------------------------------------------

_IRREGULAR_ENTRY = re.compile(
    r"\b(?:(?:irregular(?:ly)?|illegal(?:ly)?|unlawful(?:ly)?|unauthori[sz]ed|clandestine(?:ly)?)\s+"
    r"(?:border[\s-]+)?(?:crossing|cross(?:es|ed)?|entry|entering|enter(?:ed|s)?|stay(?:ing)?|presence)"
    r"|cross(?:es|ed|ing)?\s+(?:the\s+|a\s+|state\s+)*(?:border|frontier)s?\s+(?:illegally|irregularly|unlawfully)"
    r"|entr(?:y|ies)\s+(?:in)?to\s+the\s+country\s+(?:illegally|irregularly|unlawfully|without\s+(?:a\s+)?(?:valid\s+)?(?:visa|documents?|authori[sz]ation)))",
    re.I,
)
_CRIMINAL_SANCTION = re.compile(
    r"\b(?:punish(?:ed|able)\s+(?:by|with)\s+(?:a\s+)?(?:fines?\s+or\s+)?(?:fine|imprisonment|prison|jail|deprivation\s+of\s+liberty|up\s+to)"
    r"|prosecuted\s+(?:in|before)\s+(?:a\s+)?criminal\s+courts?"
    r"|(?:is|are|was|were|remains?|constitutes?)\s+(?:a\s+)?(?:criminal\s+offen[cs]es?|crimes?)\b"
    r"|criminal(?:ly)?\s+(?:offen[cs]es?|liab\w+|penalt\w+|prosecut\w+|charges?|sanctions?|proceedings)"
    r"|criminali[sz](?:es|ed|ing|e)\b)",
    re.I,
)
_NOT_CRIMINAL = re.compile(
    r"\b(?:decriminali[sz]\w*|(?:is|are)\s+not\s+(?:a\s+)?(?:criminal\s+offen[cs]es?|crimes?|criminali[sz]ed))", re.I)
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])\.\s|[;\n]")
_MAX_CUE_DISTANCE = 200


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(0, pos - 400)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    end_match = _SENTENCE_END.search(text, pos, min(len(text), pos + 400))
    return start, (end_match.start() + 1 if end_match else min(len(text), pos + 400))


def _prose_facts(document: Document) -> Iterator[Fact]:
    text = document.text
    date = str(document.year) if document.year else None
    for entry in _IRREGULAR_ENTRY.finditer(text):
        s_start, s_end = _sentence_bounds(text, entry.start())
        window = (max(s_start, entry.start() - _MAX_CUE_DISTANCE), min(s_end, entry.end() + _MAX_CUE_DISTANCE))
        negated = _NOT_CRIMINAL.search(text, *window)
        sanction = negated or _CRIMINAL_SANCTION.search(text, *window)
        if not sanction:
            continue
        start = s_start if entry.start() - s_start <= 150 else min(entry.start(), sanction.start())
        end = max(entry.end(), sanction.end())
        yield make_fact(document, FactType.STATUS, start, end,
                        {"indicator": "criminalises_irregular_entry", "value": "no" if negated else "yes",
                         "date": date},
                        extractor=f"{NAME}@{VERSION}", rule="prose.criminal_entry", confidence=0.7)


@register(NAME, version=VERSION, produces=[FactType.STATUS])
def extract_statuses(document: Document) -> Iterable[Fact]:
    """Table rows first; prose only for statuses no table row gave. One fact per (status, value, date)."""
    seen: set[tuple[str, str, str | None]] = set()
    from_tables: set[str] = set()
    for fact in _table_facts(document):
        key = (fact.fields["indicator"], fact.fields["value"], fact.fields["date"])
        if key not in seen:
            seen.add(key)
            from_tables.add(fact.fields["indicator"])
            yield fact
    prose_seen: set[tuple[str, str]] = set()
    for fact in _prose_facts(document):
        key2 = (fact.fields["indicator"], fact.fields["value"])
        if fact.fields["indicator"] in from_tables or key2 in prose_seen:
            continue
        prose_seen.add(key2)
        yield fact
