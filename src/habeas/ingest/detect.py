"""Guess what a document is about, what kind of source it is, and when it appeared.

These guesses fill metadata the file does not carry; an editor can always
override them. They must work for any country and publisher, so they rest on
general tables (every country's names, common demonyms and capitals) and on
genre cues of the kinds of source Habeas reads, never on one document's words.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import islice

from habeas.text.dates import find_dates
from habeas.text.gazetteer import WEIGHT, country_table

TOP_CHARS = 2000  # the head of a document names its subject and genre
HEADING_CHARS = 300  # the heading block ("... periodic report of Uzbekistan") names the subject
SCAN_CHARS = 200_000  # enough text to judge subject and period; bounds the cost on long reports
KIND_SCAN_CHARS = 50_000  # genre shows in the opening pages

def _word_char(char: str) -> bool:
    """What ``\\w`` matches: alphanumerics and the underscore."""
    return char.isalnum() or char == "_"


def _not_after_word(char: str) -> bool:
    return _word_char(char) or char == "-"


def _year_glued(char: str) -> bool:
    return char.isdecimal() or char in "/.-"


def _matches_not_after(
    pattern: re.Pattern[str], text: str, glued: Callable[[str], bool], end: int | None = None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer`` keeping matches whose preceding character is not ``glued``.

    Equivalent to a leading look-behind (or ``\\b``), which these long scans
    avoid: a pattern that opens with one cannot use the regex engine's fast
    scan for its first character. A rejected match is retried one character
    later, so nothing it overlapped is lost.
    """
    end = len(text) if end is None else min(end, len(text))
    pos = 0
    while (match := pattern.search(text, pos, end)) is not None:
        start = match.start()
        if start and glued(text[start - 1]):
            pos = start + 1
            continue
        yield match
        pos = match.end() if match.end() > start else start + 1


# US states, counted for the United States. "Georgia" is also a country: when other
# states are named, its mentions are read as the state.
_US_STATES = re.compile(  # a word boundary must precede: see _matches_not_after
    r"(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|"
    r"Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
    r"Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    r"New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
    r"South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|"
    r"West Virginia|Wisconsin|Wyoming)\b")


def country_scores(text: str, title: str | None = None) -> dict[str, float]:
    """Weighted mention counts per ISO alpha-3 code: a title mention counts 20, the heading block 6, the head 3."""
    pattern, table = country_table()
    scores: defaultdict[str, float] = defaultdict(float)
    for match in _matches_not_after(pattern, title or "", _not_after_word):
        code, weight = table[match.group(0)]
        scores[code] += weight * 20.0
    for match in _matches_not_after(pattern, text, _not_after_word, SCAN_CHARS):
        code, weight = table[match.group(0)]
        position = match.start()
        scores[code] += weight * (6.0 if position < HEADING_CHARS else 3.0 if position < TOP_CHARS else 1.0)
    states = list(_matches_not_after(_US_STATES, (title or "") + "\n" + text[:SCAN_CHARS], _word_char))
    if states:
        scores["USA"] += 0.5 * len(states)
        if "GEO" in scores:
            scores["USA"] += scores.pop("GEO")
    return scores


def heading_lines(text: str) -> list[str]:
    """The short lines that open a document: its title block ("Italy 2023 Human Rights Report")."""
    lines = []
    for line in text[:HEADING_CHARS].splitlines():
        stripped = _MARKUP.sub("", line).strip()
        if len(stripped) > 100 or stripped.endswith((".", ";", ",")):
            break  # body text has begun
        if stripped:
            lines.append(stripped)
    return lines


def named_countries(text: str) -> list[str]:
    """Codes of the countries ``text`` names by name (not by adjective or city), in order."""
    pattern, table = country_table()
    found = []
    for match in _matches_not_after(pattern, text, _not_after_word):
        code, weight = table[match.group(0)]
        if weight == WEIGHT["name"] and code not in found:
            found.append(code)
    return found


def detect_country(text: str, title: str | None = None) -> str | None:
    """ISO alpha-3 code of the country the text is about, or None when none is named.

    A title or heading block that names one country decides: a report on
    Bangladesh mentions Burma more often than Bangladesh, and is still about
    Bangladesh. Otherwise the weighted count of mentions decides.
    """
    for head in (title or "", "\n".join(heading_lines(text))):
        named = named_countries(head)
        if len(named) == 1:
            return named[0]
    scores = country_scores(text, title)
    return max(scores, key=scores.__getitem__) if scores else None


# (pattern, kind, weight). Genre cues of the kinds of source Habeas reads, matched in
# lower-cased text. Each cue starts at a word boundary, which _matches_not_after checks:
# a pattern that begins with \b cannot use the regex engine's fast literal-prefix
# search, and these cues run over the first 50,000 characters of every document.
_KIND_CUES: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(p), kind, w)
    for p, kind, w in [
        (r"data profile\b", "profile", 3),
        (r"quick facts\b", "profile", 3),
        (r"observation dates?\b", "profile", 2),
        (r"country profile\b", "profile", 2),
        (r"(?:immigration )?detention profile\b", "profile", 2),
        (r"immigration detention monitor\b", "monitor", 3),
        (r"detention monitor\b", "monitor", 1),
        (r"(?:news|country) update\b", "monitor", 1),
        (r"(?:bulletin|newsletter|news digest|weekly update|monthly update)\b", "monitor", 2),
        (r"(?:updates? compiled\b|last (?:revised|updated)\b)", "monitor", 1),
        (r"submission to\b", "submission", 3),
        (r"joint submission\b", "submission", 3),
        (r"list of issues\b", "submission", 3),
        (r"(?:shadow|alternative|parallel|stakeholder) report\b", "submission", 3),
        (r"universal periodic review\b", "submission", 2),
        (r"human rights committee\b", "submission", 1),
        (r"committee (?:against|on) \w+", "submission", 0.5),
        (r"suggested questions\b", "submission", 1),
        (r"country reports on human rights practices\b", "state-report", 4),
        (r"(?:19|20)\d\d human rights report\b", "state-report", 4),
        (r"department of state\b", "state-report", 2),
        (r"bureau of democracy, human rights\b", "state-report", 3),
        (r"section \d+\. (?:respect for|freedom|discrimination|worker)", "state-report", 3),
        (r"state party(?:'s)? (?:periodic )?report\b", "state-report", 3),
        (r"periodic report (?:submitted by|of)\b", "state-report", 3),
        (r"trafficking in persons report\b", "state-report", 3),
        (r"human rights watch\b", "ngo-report", 1.5),
        (r"amnesty international\b", "ngo-report", 1.5),
        (r"(?:asylum information database\b|aida\b)", "ngo-report", 2),
        (r"ecre\b", "ngo-report", 1),
        (r"unhcr\b", "ngo-report", 0.5),
        (r"executive summary\b", "ngo-report", 1),
        (r"briefing(?: paper| note)?\b", "ngo-report", 1),
        (r"methodology\b", "ngo-report", 0.5),
    ]
]
_DATELINE = re.compile(r"^[#\s]*\d{1,2} [A-Z][a-z]+ \d{4}\s*[–—-]\s*\S", re.MULTILINE)
_MIN_KIND_SCORE = 2.0


def _cue_count(pattern: re.Pattern[str], text: str, limit: int) -> int:
    """Matches of a cue that start a word, up to ``limit``."""
    return sum(1 for _ in islice(_matches_not_after(pattern, text, _word_char), limit))


def kind_scores(text: str, title: str | None = None) -> dict[str, float]:
    """Cue scores per kind: a cue in the title or head counts three times its weight once,
    repeats in the body add half a weight each (at most three)."""
    head = ((title or "") + "\n" + text[:TOP_CHARS]).lower()
    body = text[TOP_CHARS:KIND_SCAN_CHARS].lower()
    scores: defaultdict[str, float] = defaultdict(float)
    for pattern, kind, weight in _KIND_CUES:
        if _cue_count(pattern, head, 1):
            scores[kind] += 3 * weight
        scores[kind] += 0.5 * weight * _cue_count(pattern, body, 3)
    if _DATELINE.search(text[:600]):
        scores["monitor"] += 2
    return scores


def detect_kind(
    text: str, title: str | None = None, media_type: str | None = None, has_pages: bool = False
) -> str:
    """One of DOCUMENT_KINDS from genre cues; "other" when no cue is strong enough.

    ``media_type`` and ``has_pages`` only break ties: a web page leans to a
    monitor update, a paged document to a report.
    """
    scores = kind_scores(text, title)
    if media_type == "text/html":
        scores["monitor"] += 0.5
    if has_pages:
        scores["ngo-report"] += 0.25
    kind, score = max(scores.items(), key=lambda item: item[1], default=("other", 0.0))
    return kind if score >= _MIN_KIND_SCORE else "other"


_PLACE_BEFORE_DATE = re.compile(r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},\s*)?")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:[^\n\d]{0,80}?)\b(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE)
_PUBLISHED_CUE = re.compile(r"\b(?:published|updated|last updated|posted)\s*(?:on|:)?\s*", re.IGNORECASE)
_RANGE_END = re.compile(r"\d|[–—-]\s*$|\bto\s*$")
_YEAR = re.compile(r"((?:19[5-9]|20\d)\d)(?![\d])")  # not after a digit, "/", "." or "-": _year_glued
# Words before a year that make it a plan or deadline rather than something past.
_FUTURE_CUE = re.compile(
    r"\b(?:through|until|till|before|planned|scheduled|upcoming|expected|due|next|will|"
    r"deadline|ahead of|forthcoming)\b[^.\n]{0,80}$",
    re.IGNORECASE,
)


def detect_published(text: str, title: str | None = None, today: date | None = None) -> str | None:
    """Publication date (or year) guessed from the text, for ``Document.year``.

    In order: a dateline near the top ("14 June 2020 – Country"), a
    "Published:" cue, a copyright line, a year in the title, else the year the
    text reports on: the latest past year it cites, or the year before the
    first future year it looks ahead to, whichever is later (reports that date
    events as "On April 17" name only past and future years, never their own).
    """
    this_year = (today or date.today()).year
    for line in text[:1500].splitlines()[:15]:
        if len(line) > 100:
            continue
        mentions = find_dates(line)
        if len(mentions) != 1 or _RANGE_END.search(line[: mentions[0].start]):
            continue  # session dates and ranges are not publication dates
        mention = mentions[0]
        if mention.year_inferred or mention.year > this_year:
            continue
        if mention.kind == "day":
            return mention.value
        # a signature line of its own: "Baku, January 2025", "March 2024"
        if mention.kind == "month" and not line[mention.end:].strip() and _PLACE_BEFORE_DATE.fullmatch(line[:mention.start]):
            return mention.value
    for match in _PUBLISHED_CUE.finditer(text[:5000]):
        mentions = find_dates(text[match.end(): match.end() + 40])
        first = mentions[0] if mentions else None
        if first and first.start == 0 and not first.is_period and not first.year_inferred \
                and first.year <= this_year:
            return first.value
    copyright_match = _COPYRIGHT.search(text[:5000])
    if copyright_match and int(copyright_match.group("y")) <= this_year:
        return copyright_match.group("y")
    for head in (title or "", "\n".join(heading_lines(text))):
        head_years = [int(m.group(1)) for m in _matches_not_after(_YEAR, head, _year_glued)
                      if int(m.group(1)) <= this_year]
        if head_years:
            return str(max(head_years))
    return _reported_year(text, this_year)


def _reported_year(text: str, this_year: int) -> str | None:
    past: Counter[int] = Counter()
    future: list[int] = []
    for match in _matches_not_after(_YEAR, text, _year_glued, SCAN_CHARS):
        year = int(match.group(1))
        if year > this_year:
            continue
        before = text[max(0, match.start() - 100): match.start()]
        (future.append(year) if _FUTURE_CUE.search(before) else past.update([year]))
    if not past and not future:
        return None
    latest_past = max(past) if past else 0
    if past[latest_past] < 2:
        # A single mention of the latest year may be a stray; prefer a repeated, close one.
        repeated = [y for y, n in past.items() if n >= 2 and y >= latest_past - 1]
        latest_past = max(repeated, default=latest_past)
    first_future = min(future) if future else 0
    return str(max(latest_past, first_future - 1))


_MARKUP = re.compile(r"^[#>*_\s-]+|[*_\s#]+$")


# Saved web pages often start with site navigation ("back to the Monitor", "Home", "Skip to content").
_NAVIGATION_LINE = re.compile(
    r"^(?:back to|return to|go to|skip to|home\b|menu\b|search\b|share\b|print\b|download\b)", re.I)


def detect_title(text: str) -> str | None:
    """The first line that reads like a title (letters, not too long, not site navigation)."""
    for line in text[:3000].splitlines():
        candidate = _MARKUP.sub("", line).strip()
        if _NAVIGATION_LINE.match(candidate):
            continue
        if 4 <= len(candidate) <= 200 and sum(ch.isalpha() for ch in candidate) >= 4:
            return candidate
    return None
