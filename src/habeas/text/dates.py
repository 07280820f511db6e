"""Find and normalise dates in running text.

Reports write dates in many ways: "14 January 2022", "4th December 2009",
"January 21, 2021", "On April 17" (the year is the report's), "March 2024",
"in 2008", "between 2020 and 2023", "from March 16 to May 11", "2017-18",
"as of July 1". Every mention keeps its character span so that facts can cite
the exact words. Values use ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or a period
"start/end".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from habeas.text.patterns import lower_pattern

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<{name}>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"


def _m(name: str) -> str:
    return _MONTH.format(name=name)


def _y(name: str) -> str:
    return _YEAR.format(name=name)


def _d(name: str) -> str:
    return _DAY.format(name=name)


# Ordered: the first pattern that matches at a position wins, longest forms first.
# Each opens on a lookahead for the characters its matches begin with (a year's 1 or 2, a digit,
# the f of "from" or b of "between", a month's initial): the engine rejects every other position
# with that one class test instead of trying the pattern there. Same matches, about twice as fast.
_MONTH_INITIALS = "(?=[adfjmnosADFJMNOS])"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso_day", re.compile(r"(?=[12])\b" + _y("y") + r"-(?P<mo>[01]\d)-(?P<d>[0-3]\d)\b")),
    # from March 16 to May 11[, 2020]
    ("md_period", re.compile(
        r"(?=[bf])\b(?:from|between)\s+" + _m("m1") + r"\s+" + _d("d1") + r"(?:,?\s+" + _y("y1") + r")?"
        r"\s+(?:to|and|until|through|-|–)\s+" + _m("m2") + r"\s+" + _d("d2") + r"\b(?:,?\s+" + _y("y2") + r")?",
        re.I)),
    # from 16 March to 11 May [2020]
    ("dm_period", re.compile(
        r"(?=[bf])\b(?:from|between)\s+" + _d("d1") + r"\s+" + _m("m1") + r"(?:\s+" + _y("y1") + r")?"
        r"\s+(?:to|and|until|through|-|–)\s+" + _d("d2") + r"\s+" + _m("m2") + r"(?:\s+" + _y("y2") + r")?\b",
        re.I)),
    # January–February 2025, from March to May 2024, between June and August 2023
    ("mm_period", re.compile(
        _MONTH_INITIALS.replace("[", "[bfBF") + r"\b(?:between\s+" + _m("m1") + r"\s+and|(?:from\s+)?" + _m("m1").replace("m1", "m1b")
        + r"\.?\s*(?:-|–|—|to|until|through))\s*" + _m("m2") + r"\.?,?\s+" + _y("y") + r"\b", re.I)),
    # between 2020 and 2023, from 2015 to 2019, 2017-2018, 2017–18
    ("year_period", re.compile(
        r"(?=[bf])\b(?:(?:between|from)\s+" + _y("y1") + r"\s+(?:and|to|until|through)\s+" + _y("y2") + r")\b", re.I)),
    ("year_span", re.compile(r"(?=[12])\b" + _y("y1") + r"\s?[-–/]\s?(?P<y2>(?:1[89]|20)?\d\d)\b(?![-–/]\d)")),
    # 14 January 2022, 4th December 2009, 2 June
    ("dmy", re.compile(r"(?=\d)\b" + _d("d") + r"\s+(?:of\s+)?" + _m("m") + r"\.?(?:,?\s+" + _y("y") + r")?\b", re.I)),
    # January 21, 2021 / April 17
    ("mdy", re.compile(_MONTH_INITIALS + r"\b" + _m("m") + r"\s+" + _d("d") + r"\b(?!\s*(?:%|percent|per))(?:,?\s+" + _y("y") + r")?", re.I)),
    # March 2024 / In February
    ("my", re.compile(_MONTH_INITIALS + r"\b" + _m("m") + r"\.?(?:,?\s+(?:of\s+)?" + _y("y") + r")?\b", re.I)),
    ("year", re.compile(r"(?=[12])\b" + _y("y") + r"\b")),
]


# The same patterns in lower case, matched against a lower-cased copy of the text:
# several times faster than re.IGNORECASE, with the same offsets (see extract.analysis).
_LOWER_PATTERNS: list[tuple[str, re.Pattern[str]]] = [(kind, lower_pattern(p)) for kind, p in _PATTERNS]
_DIGIT = re.compile(r"\d")
_MY_INDEX = next(i for i, (kind, _) in enumerate(_PATTERNS) if kind == "my")
_NEEDS_DIGIT = frozenset(kind for kind, _ in _PATTERNS) - {"my"}
_NEEDS_MONTH = frozenset({"md_period", "dm_period", "mm_period", "dmy", "mdy"})
# Characters or words some patterns cannot match without, checked with ``in`` (far cheaper than a
# scan): "2020-05-01" has a hyphen, "2017-18" a hyphen, dash or slash, a period opens on "from" or
# "between" (checked on the lower-cased text only).
_NEEDS_HYPHEN = frozenset({"iso_day"})
_NEEDS_SEPARATOR = frozenset({"year_span"})
_NEEDS_FROM_OR_BETWEEN = frozenset({"md_period", "dm_period", "year_period"})


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO: YYYY, YYYY-MM, YYYY-MM-DD or "start/end"
    kind: str  # "day", "month", "year" or "period"
    year_inferred: bool = False  # the year came from the report, not the words

    @property
    def is_period(self) -> bool:
        return "/" in self.value

    @property
    def year(self) -> int:
        return int(self.value[:4])


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _valid_day(month: int, day: int) -> bool:
    return 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _expand_year(y1: int, y2_text: str) -> int | None:
    if len(y2_text) == 4:
        return int(y2_text)
    y2 = (y1 // 100) * 100 + int(y2_text)
    return y2 if y2 > y1 else None


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


_MAY_VERB = re.compile(r"\bmay\s+(?:be|not|have|also|still|face|apply|request|take|lead|cause|carry|result|suspend|revoke)\b", re.I)


def _convert(kind: str, m: re.Match[str], default_year: int | None, original: str) -> tuple[str, str, bool] | None:
    """Value, kind and year_inferred of one match; ``original`` is the text in its own case
    (``m`` may come from a lower-cased copy), which "May" the month needs."""
    g = m.groupdict()
    if kind == "iso_day":
        mo, d = int(g["mo"]), int(g["d"])
        if not (1 <= mo <= 12 and _valid_day(mo, d)):
            return None
        return _iso(int(g["y"]), mo, d), "day", False
    if kind in ("md_period", "dm_period"):
        m1, m2, d1, d2 = _month(g["m1"]), _month(g["m2"]), int(g["d1"]), int(g["d2"])
        if not (_valid_day(m1, d1) and _valid_day(m2, d2)):
            return None
        y2 = int(g["y2"]) if g.get("y2") else (int(g["y1"]) if g.get("y1") else default_year)
        y1 = int(g["y1"]) if g.get("y1") else y2
        if y1 is None or y2 is None:
            return None
        inferred = not g.get("y1") and not g.get("y2")
        return f"{_iso(y1, m1, d1)}/{_iso(y2, m2, d2)}", "period", inferred
    if kind == "mm_period":
        m1, m2, y = _month(g["m1"] or g["m1b"]), _month(g["m2"]), int(g["y"])
        if m1 >= m2:
            return None  # "November–February 2025" crosses a year the text does not name
        return f"{_iso(y, m1)}/{_iso(y, m2)}", "period", False
    if kind in ("year_period", "year_span"):
        y1 = int(g["y1"])
        y2 = _expand_year(y1, g["y2"]) if kind == "year_span" else int(g["y2"])
        if y2 is None or y2 <= y1 or y2 - y1 > 50:
            return None
        return f"{y1:04d}/{y2:04d}", "period", False
    if kind in ("dmy", "mdy"):
        mo, d = _month(g["m"]), int(g["d"])
        if not _valid_day(mo, d):
            return None
        if g.get("y"):
            return _iso(int(g["y"]), mo, d), "day", False
        if default_year is None:
            return None
        return _iso(default_year, mo, d), "day", True
    if kind == "my":
        name = original[m.start("m"):m.end("m")]
        if name[0].islower() and name.lower() != "may":
            pass
        if name.lower() == "may" and not g.get("y"):
            # "may" is usually the verb: only "May" capitalised and not followed by a verb.
            if name != "May" or _MAY_VERB.match(original, m.start()):
                return None
        if name[0].islower():
            return None
        mo = _month(name)
        if g.get("y"):
            return _iso(int(g["y"]), mo), "month", False
        if default_year is None:
            return None
        return _iso(default_year, mo), "month", True
    if kind == "year":
        return g["y"], "year", False
    return None


def find_dates(text: str, default_year: int | None = None) -> list[DateMention]:
    """Every date mention in ``text``, left to right, without overlaps.

    ``default_year`` (the report's year) completes "On April 17"-style dates;
    without it such mentions are skipped rather than guessed.

    Results are cached: statistics, events, cases and laws each read the dates of
    the same sentences (about a fifth of all calls repeat one), and mentions are immutable.
    """
    return list(_find_dates(text, default_year))


@lru_cache(maxsize=2048)
def _find_dates(text: str, default_year: int | None) -> tuple[DateMention, ...]:
    candidates: list[tuple[int, int, int, DateMention]] = []
    # Every pattern but "my" needs a digit, and every pattern naming a month also matches
    # as "my" wherever it matches: two cheap checks spare most patterns on most sentences.
    low = text.lower()
    scanned, patterns = (low, _LOWER_PATTERNS) if len(low) == len(text) else (text, _PATTERNS)
    has_digit = _DIGIT.search(text) is not None
    # the month-year matches, found once: they say whether a month is named and are the "my" candidates
    month_years = list(patterns[_MY_INDEX][1].finditer(scanned)) if has_digit else None
    has_month = bool(month_years)
    has_hyphen = "-" in text
    has_separator = has_hyphen or "–" in text or "/" in text
    has_from_or_between = scanned is not low or "from" in low or "between" in low
    for priority, (kind, pattern) in enumerate(patterns):
        if kind in _NEEDS_DIGIT and not has_digit or kind in _NEEDS_MONTH and not has_month \
                or kind in _NEEDS_HYPHEN and not has_hyphen or kind in _NEEDS_SEPARATOR and not has_separator \
                or kind in _NEEDS_FROM_OR_BETWEEN and not has_from_or_between:
            continue
        for m in month_years if kind == "my" and month_years is not None else pattern.finditer(scanned):
            converted = _convert(kind, m, default_year, text)
            if converted is None:
                continue
            value, mention_kind, inferred = converted
            candidates.append((m.start(), -(m.end() - m.start()), priority,
                               DateMention(m.start(), m.end(), value, mention_kind, inferred)))
    candidates.sort()
    chosen: list[DateMention] = []
    last_end = -1
    for start, _neg_len, _prio, mention in candidates:
        if start < last_end:
            continue
        chosen.append(mention)
        last_end = mention.end
    return tuple(_joined_month_ranges(text, chosen))


# "in January and February", "between January and November", "from July through August":
# two months of one year joined as a range are one period, as "January–February 2025" is.
_MONTH_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|until|till|[–—-])\s*$", re.IGNORECASE)
_RANGE_OPENER = re.compile(r"(?:\b(?:between|from|in|during|throughout)\s+(?:early\s+|late\s+|mid-?)?)$", re.IGNORECASE)


def _joined_month_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if (b is not None and a.kind == "month" and b.kind == "month" and a.value[:4] == b.value[:4]
                and a.value < b.value and _MONTH_RANGE_JOIN.fullmatch(text[a.end:b.start])
                and _RANGE_OPENER.search(text[max(0, a.start - 20):a.start])):
            out.append(DateMention(a.start, b.end, f"{a.value}/{b.value}", "period",
                                   a.year_inferred and b.year_inferred))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def parse_date(value: str) -> str | None:
    """Normalise one date string ("July 2020", "2020-07-01", "2020-07", "2020") to ISO, or None."""
    iso = re.fullmatch(r"(1[89]\d\d|20\d\d)(?:-(0[1-9]|1[0-2])(?:-([0-3]\d))?)?", value.strip())
    if iso and (iso.group(3) is None or _valid_day(int(iso.group(2)), int(iso.group(3)))):
        return value.strip()
    mentions = find_dates(value.strip())
    if len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end == len(value.strip()):
        return mentions[0].value
    return None


def dates_match(a: str | None, b: str | None) -> bool:
    """The gold-scoring rule: equal, one a prefix of the other, or same start and end years."""
    if not a or not b:
        return False
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    if "/" in a and "/" in b:
        a1, a2 = a.split("/", 1)
        b1, b2 = b.split("/", 1)
        return a1[:4] == b1[:4] and a2[:4] == b2[:4]
    return False
