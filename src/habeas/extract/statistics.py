"""Statistics stated in prose: "in 2008 136,000 foreigners were arrested".

A number becomes a statistic only when its own clause names what it counts:
the words right after it ("510 recognized refugees"), the verb that follows
("17,000 were deported"), the verb before it ("legalized the status of
146,970 foreign citizens") or, for "a figure of 1.9 million for that same
year", the statistic just before it. Everything else (years, ages, money,
sentence lengths, article numbers, shares of a total, counts of NGOs or cities)
is left alone: a researcher prefers a missed figure to a wrong one.

The observation date is the date mention nearest the number in its sentence,
else the last one of the previous sentence in the same paragraph, else the
report's year (figures in the present tense describe the report's time).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from habeas.domain import Document, Fact, FactType
from habeas.extract.dates import DateMention, find_dates
from habeas.extract.numbers import NumberMention, find_numbers
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.vocab import indicators

NAME = "statistics.prose"
VERSION = 1

# Sentence ends: terminal punctuation before a capital, or a line break that is not a
# mere hard wrap (wrapped PDF text continues a sentence on the next line).
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’)]?[ \t]+(?=[A-Z“\"(\d])"
    r"|(?<=[.!?:;\"”’)])[ \t]*\n\s*"
    r"|[ \t]*\n(?:[ \t]*\n)+\s*"
    r"|(?<=\t)[ \t]*\n\s*|[ \t]*\n(?=[^\n]*\t)\s*"
    r"|[ \t]*\n(?=\s*(?:[-•*\uf0b7]|\d+\.\s))\s*")
_CANDIDATE_LINE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b",
    re.I)
# A clause ends at dashes, semicolons, colons, brackets, or a comma followed by a space.
_CLAUSE_BREAK = re.compile(r"[–—;:()\[\]]|,\s|\s-\s|\.(?:\s|$)")

_MIGRANT = (r"(?:(?:international|irregular|undocumented|illegal|foreign|labou?r|economic|[A-Z][a-z]+)\s+)?"
            r"(?:migrants?|migrant\s+workers|immigrants|foreigners|foreign\s+(?:nationals|citizens|workers)|"
            r"non-?citizens|non-?nationals|aliens|asylum[- ]seekers|third-country\s+nationals)")
_PEOPLE = r"(?:persons|people|individuals|citizens|nationals|men|women|children|minors)"

_REFERENCE_BEFORE = re.compile(
    r"(?:\barticles?|\bart\.|\bno\.|\bnos\.|\bsections?|\bparagraphs?|\bparas?\.|§|\bpages?|\bp\.|\bpp\.|"
    r"\bchapters?|\bresolutions?|\brules?|\bdecrees?|\borders?|\bsessions?|\bitems?|\bpoints?|\bnumber|#|\blaw)\s*$",
    re.I)
# The last word each backward-anchored pattern can end with. A window whose last word is
# none of these cannot match, and ``str.endswith`` says so far faster than the regex,
# which would otherwise be tried at every position of the window.
_REFERENCE_ENDINGS = ("article", "articles", "art.", "no.", "nos.", "section", "sections", "paragraph",
                      "paragraphs", "para.", "paras.", "§", "page", "pages", "p.", "chapter", "chapters",
                      "resolution", "resolutions", "rule", "rules", "decree", "decrees", "order", "orders",
                      "session", "sessions", "item", "items", "point", "points", "number", "#", "law")
_AGE_ENDINGS = ("aged", "of", "under")
_SHARE_ENDINGS = ("whom", "which", "including", "them")
_AGE_BEFORE = re.compile(r"\b(?:aged|age\s+of|ages\s+of|under|over\s+the\s+age\s+of)\s*$", re.I)
_DURATION_AFTER = re.compile(r"^\s*(?:-|\s)?(?:calendar\s+|working\s+|consecutive\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b", re.I)
_HYPHEN_WORD_AFTER = re.compile(r"^-[A-Za-z]")
_SHARE_AFTER = re.compile(r"^\s*(?:%|percent|per\s?cent)?\s*(?:of\s+(?:whom|them|these|those|which|the)\b|out\s+of\b)", re.I)
_SHARE_BEFORE = re.compile(r"(?:\bof\s+whom|\bof\s+which|\bincluding|\bamong\s+them|\bamong\s+whom)\s*$", re.I)
_OPEN_PAREN = re.compile(r"\([^)]*$")

_AFTER_RULES: list[tuple[str, re.Pattern[str], float]] = [
    ("refugees_per_1000", re.compile(r"^\s*refugees\s+per\s+(?:1,000|1000|thousand)", re.I), 0.85),
    ("stateless_persons", re.compile(
        r"^\s*(?:\w+\s+){0,2}?stateless\s+(?:persons|people|individuals)\b"
        rf"|^\s*(?:\w+\s+){{0,2}}?{_PEOPLE}\b[^.]*?\b(?:registered|recogni[sz]ed|identified|documented)\b[^.]*?\bas\s+stateless\b",
        re.I), 0.85),
    ("asylum_applications", re.compile(
        r"^\s*(?:new\s+|first-time\s+)?(?:asylum|refugee(?:\s+status)?|international\s+protection)\s+(?:applications|claims|requests)\b"
        r"|^\s*(?:new\s+|first-time\s+)?(?:applications|claims|requests)\s+for\s+(?:asylum|refugee\s+status|international\s+protection)\b"
        r"|^\s*(?:\w+\s+){0,2}?asylum[- ]seekers\s+(?:applied|lodged|filed|registered)\b",
        re.I), 0.85),
    ("employers_sanctioned", re.compile(
        r"^\s*employers\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:\w+\s+)?(?:held\s+liable|sanctioned|fined|penali[sz]ed|prosecuted)\b",
        re.I), 0.85),
    ("detained_minors", re.compile(
        r"^\s*(?:\w+\s+){0,2}?(?:children|minors)\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:held\s+|placed\s+|detained\s+)?"
        r"(?:detained|in\s+(?:immigration\s+)?detention)\b",
        re.I), 0.8),
    ("immigration_detainees", re.compile(
        r"^\s*(?:immigration\s+|migrant\s+|foreign\s+)?detainees\b(?!\s+(?:were\s+)?(?:released|tested|confirmed))"
        rf"|^\s*(?:\w+\s+){{0,2}}?(?:{_PEOPLE}|{_MIGRANT})\s+(?:were\s+|are\s+|had\s+been\s+|have\s+been\s+)?(?:held\s+|placed\s+|detained\s+|kept\s+)?"
        r"in\s+(?:immigration\s+detention|(?:immigration\s+|migrant\s+)?detention\s+(?:centres|centers|facilities)|deportation\s+(?:centres|centers))",
        re.I), 0.8),
    ("detention_facilities", re.compile(
        r"^\s*(?:immigration\s+|pre-?removal\s+|migrant\s+)?(?:removal|detention|deportation|holding)\s+(?:centres|centers|facilities|camps)\b",
        re.I), 0.7),
    ("refugees", re.compile(
        r"^\s*(?:officially\s+)?(?:recogni[sz]ed|registered|mandate|UNHCR-recogni[sz]ed)\s+refugees\b(?!\s+(?:were|had\s+been|have\s+been)\s+\w+ed\b)"
        r"|^\s*refugees\s+(?:(?:were\s+|are\s+)?(?:living\s+|residing\s+)?in\s+the\s+country|(?:were\s+|are\s+)?(?:living|residing)\s+in)\b",
        re.I), 0.75),
    ("criminal_prison_population", re.compile(
        r"^\s*(?:prisoners|inmates|(?:people|persons)\s+(?:held\s+)?in\s+prisons?)\b(?!\s+of\s+conscience)", re.I), 0.7),
]

_AFTER_RULES_BY_SLUG = {slug: pattern for slug, pattern, _ in _AFTER_RULES}

_VERB_RULES: list[tuple[str, re.Pattern[str], float]] = [
    ("deportations", re.compile(r"^\s*(?:(?:were|had\s+been|have\s+been|was|being)\s+(?:\w+\s+)?)?(?:deported|expelled|removed|forcibly\s+returned)\b", re.I), 0.75),
    ("immigration_detainees", re.compile(
        r"^\s*(?:(?:were|are|had\s+been|have\s+been)\s+(?:being\s+)?held\s+in\s+(?:the\s+|official\s+)?(?:immigration\s+)?(?:detention|removal|[A-Z]{2,5}s?\b)"
        r"|entered\s+(?:immigration\s+)?detention)", re.I), 0.65),
    ("returns", re.compile(r"\b(?:had\s+|have\s+|has\s+)?(?:returned\s+(?:home|to\s+their\s+(?:home\s+)?countr)|left\s+the\s+country|were\s+returned\s+home)", re.I), 0.75),
    ("migrant_arrivals", re.compile(r"\b(?:migrated|immigrated|arrived|entered)\s+(?:to|in|into)?\s*(?:the\s+)?(?:country|[A-Z])", re.I), 0.75),
    ("apprehensions", re.compile(r"\b(?:were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:arrested|apprehended|intercepted)\b", re.I), 0.75),
    ("stateless_persons", re.compile(r"\b(?:registered|recogni[sz]ed)\b[^.]*?\bas\s+stateless\b", re.I), 0.8),
]
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_STOCK_AFTER = re.compile(
    r"^(?!\s*(?:who|that|which)\b)[^,]*?\b(?:in\s+the\s+country|living\s+in|live\s+in|resid(?:e|ing)\s+in|present\s+in|"
    rf"in\s+(?!{_MONTH_NAMES}\b)[A-Z][a-z]+\b(?!\s+\d))")
_STOCK_BEFORE = re.compile(r"\b(?:host|hosts|hosted|hosting|home\s+to|there\s+(?:were|are|was|is))\s*$", re.I)
_REGULARISED_BEFORE = re.compile(r"\b(?:legali[sz]ed|regulari[sz]ed)\s+(?:the\s+(?:status|stay|residence)\s+of\s+)?$", re.I)
_ANAPHORA_BEFORE = re.compile(r"\b(?:a\s+)?(?:figure|estimate|number|total)\s+of\s*$|\bestimated\s*$", re.I)
_ANAPHORA_AFTER = re.compile(r"^\s*(?:for\b|in\b|$)", re.I)
_SAME_YEAR = re.compile(r"\b(?:that|the)\s+same\s+(?:year|period)\b|\bthat\s+year\b", re.I)
_DETENTION_LENGTH_CONTEXT = re.compile(r"\b(?:held|detained|detention|kept|hold|holding)\b", re.I)
_NOT_DETENTION_LENGTH = re.compile(r"\b(?:imprison\w*|arrest|sentence\w*|prison|pre-?trial|probation|stay|register\w*|ban|visa|permit|contact)\b", re.I)
_PERCENT_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("refugee_recognition_rate", re.compile(r"\b(?:recognition|approval|acceptance)\s+rate\b", re.I)),
    ("foreign_prisoners_pct", re.compile(r"\bforeign\b[^.]*\b(?:prisoners|inmates|prison\s+population)\b|\b(?:prisoners|inmates)\b[^.]*\bforeign", re.I)),
    ("international_migrants_pct", re.compile(r"\bmigrants?\b[^.]*\bof\s+the\s+(?:national\s+|total\s+)?population\b|\bpopulation\b[^.]*\b(?:migrants|foreign-born)\b", re.I)),
]
_CAPACITY_BEFORE = re.compile(r"\bcapacity\s+of\s*$", re.I)
_CAPACITY_AFTER = re.compile(r"^\s*(?:bed\s+spaces|beds|places)\b", re.I)
_DETENTION_WORDS = re.compile(r"\b(?:detention|detain\w*|removal\s+cent|holding\s+cent|deportation\s+cent)", re.I)
_COMPARISON_BEFORE = re.compile(r"\b(?:up\s+from|down\s+from|compared\s+(?:with|to)|against|fell\s+to|rose\s+to|increased\s+to|decreased\s+to)\s*$", re.I)
_YEAR_RIGHT_AFTER = re.compile(r"^\s*(?:in|during|for)\s+(?:19|20)\d\d\b", re.I)
_REPORT_YEAR = re.compile(r"\b(?:during|in|over|throughout)\s+the\s+year\b|\bthis\s+year\b", re.I)
_PER_100K = re.compile(r"^\s*(?:prisoners\s+)?per\s+100[, ]?000\b", re.I)
_POPULATION_BEFORE = re.compile(r"\bpopulation\s+of\s*(?:about|some|around|approximately|nearly|over|more\s+than)?\s*$", re.I)


@dataclass(slots=True)
class _Found:
    indicator: str
    number: NumberMention
    start: int
    end: int
    date: str | None
    rule: str
    confidence: float


def _sentences(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, end, paragraph index) of each sentence; paragraphs are lines."""
    paragraph = 0
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            yield pos, m.start(), paragraph
        gap = m.group(0)
        if "\n" in gap and (gap.count("\n") > 1 or text[m.start() - 1:m.start()] in ".!?:;\"”’)\t" or "\t" in text[m.end():text.find("\n", m.end())]):
            paragraph += 1
        pos = m.end()
    if pos < len(text):
        yield pos, len(text), paragraph


def _clause_after(sentence: str, start: int, limit: int) -> str:
    window = sentence[start:limit]
    m = _CLAUSE_BREAK.search(window)
    return window[: m.start()] if m else window


def _clause_before(sentence: str, end: int, floor: int) -> str:
    window = sentence[floor:end]
    last = None
    for last in _CLAUSE_BREAK.finditer(window):
        pass
    return window[last.end():] if last else window


def _last_word(window: str) -> str:
    """The end of ``window`` without trailing space, lower-cased: what backward patterns test."""
    return window.rstrip()[-16:].lower()


def _plainly_rejected(n: NumberMention) -> bool:
    """Rejections that need no context: checked before any date is parsed."""
    return n.value is None or n.is_year_like or n.has_currency or n.value <= 0


def _rejected(n: NumberMention, sentence: str, s_start: int, dates: list[DateMention]) -> bool:
    if _plainly_rejected(n):
        return True
    a, b = n.start - s_start, n.end - s_start
    if any(d.start <= a < d.end for d in dates):
        return True
    before = sentence[max(0, a - 40):a]
    after = sentence[b:b + 40]
    last = _last_word(before)
    if (last.endswith(_REFERENCE_ENDINGS) and _REFERENCE_BEFORE.search(before)
            or last.endswith(_AGE_ENDINGS) and _AGE_BEFORE.search(before)):
        return True
    if _HYPHEN_WORD_AFTER.match(after) or _SHARE_AFTER.match(after) \
            or last.endswith(_SHARE_ENDINGS) and _SHARE_BEFORE.search(before):
        return True
    if _OPEN_PAREN.search(sentence[max(0, a - 80):a]):
        return True
    return False


def _classify(n: NumberMention, sentence: str, s_start: int, after: str, before: str,
              previous: _Found | None) -> tuple[str, str, float] | None:
    """(indicator, rule, confidence) for one number, or None."""
    if previous is not None and _COMPARISON_BEFORE.search(before) and _YEAR_RIGHT_AFTER.match(after) \
            and n.is_percent == (indicators()[previous.indicator].unit == "percent"):
        return previous.indicator, "comparison", 0.55
    if n.is_percent:
        clause = before + " " + after
        for slug, pattern in _PERCENT_RULES:
            if pattern.search(clause):
                return slug, f"percent:{slug}", 0.7
        return None
    if _PER_100K.match(after) and re.search(r"prison|incarcerat|imprison", before + after, re.I):
        return "prison_population_rate", "per_100k", 0.7
    duration = _DURATION_AFTER.match(after)
    if duration:
        if re.match(r"^\s*-?\s*days?\b", after, re.I) and re.search(
                r"\baverage\s+(?:length|duration)\s+of\s+(?:stay|detention)\b", before, re.I) and _DETENTION_WORDS.search(sentence):
            return "detention_length_avg_days", "detention_length:average", 0.6
        if re.match(r"^\s*-?\s*days?\b", after, re.I) and _DETENTION_LENGTH_CONTEXT.search(before) \
                and not _NOT_DETENTION_LENGTH.search(before + after):
            if re.search(r"\baverage\b", before, re.I):
                return "detention_length_avg_days", "detention_length:average", 0.6
            if n.qualifier == "max" or re.search(r"\b(?:maximum|no\s+longer\s+than|up\s+to)\b", before, re.I):
                return "detention_length_max_days", "detention_length:max", 0.6
        return None
    if _CAPACITY_BEFORE.search(before) or _CAPACITY_AFTER.match(after):
        if _DETENTION_WORDS.search(sentence) or re.search(r"\bcapacity\b", before, re.I) and re.search(r"\bcent(?:re|er)s?\b|[A-Z]{2,}s\b", sentence):
            return "detention_capacity", "capacity", 0.6
        return None
    if n.is_word and n.value < 100:
        facilities = _AFTER_RULES_BY_SLUG["detention_facilities"]
        return ("detention_facilities", "noun:detention_facilities", 0.6) if facilities.match(after) else None  # spelled-out small counts describe people in an incident, not a statistic
    for slug, pattern, confidence in _AFTER_RULES:
        if pattern.match(after):
            return slug, f"noun:{slug}", confidence
    noun = re.match(rf"^\s*(?:[\w’'-]+\s+){{0,2}}?(?P<noun>{_MIGRANT}|{_PEOPLE}|employers)\b", after)
    elliptical = re.match(r"^\s*(?:were|had|have|was)\b", after, re.I)
    if noun and re.search(r"\b(?:deported|expelled|removed|returned)\s*$", before, re.I) \
            and re.match(r"^\s*\S+\s+(?:to\s+their|back\s+to|to\s+(?:the\s+)?countr)", after, re.I):
        return "deportations", "verb_before:deported", 0.6
    if _REGULARISED_BEFORE.search(before) and (noun or not after.strip()):
        return "regularisations", "verb_before:regularised", 0.75
    if noun or elliptical:
        tail = after[noun.end():] if noun else after
        migrant_noun = bool(noun and re.fullmatch(_MIGRANT, noun.group("noun").strip()))
        for slug, pattern, confidence in _VERB_RULES:
            if pattern.search(tail):
                if slug == "apprehensions" and not (migrant_noun or (elliptical and previous and previous.indicator == "apprehensions")):
                    continue
                if slug == "migrant_arrivals" and not migrant_noun:
                    continue
                return slug, f"verb:{slug}", confidence if noun else confidence - 0.1
        if migrant_noun and re.search(r"\b(?:were|had\s+been|have\s+been)\s+detained\b", tail, re.I) \
                and re.search(r"\b(?:immigration|migration|deport|irregular|illegal)", sentence, re.I):
            return "immigration_detainees", "verb:detained", 0.55
        if migrant_noun and (_STOCK_AFTER.search(tail) or _STOCK_BEFORE.search(before)) \
                and not re.search(r"\b(?:were|was|had\s+been|have\s+been)\s+\w+ed\b", tail):
            return "international_migrants", "stock", 0.7
    if _POPULATION_BEFORE.search(before):
        return "population", "population_of", 0.7
    if previous is not None and _ANAPHORA_BEFORE.search(before) and _ANAPHORA_AFTER.match(after):
        return previous.indicator, "anaphora", 0.55
    return None


class _PreviousDates:
    """The usable dates of the previous sentence, parsed only if a figure falls back on them.

    Most sentences hold only years or sums; parsing their dates just in case the next
    sentence needs them was a large share of this extractor's time.
    """

    __slots__ = ("_args", "_dates")

    def __init__(self, args: tuple[str, int | None, list[NumberMention], int] | None = None,
                 dates: list[DateMention] | None = None) -> None:
        self._args = args
        self._dates = dates

    def get(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = _usable_dates(*self._args) if self._args is not None else []
        return self._dates


def _choose_date(n: NumberMention, s_start: int, dates: list[DateMention], previous_dates: _PreviousDates,
                 sentence: str, previous: _Found | None, default_year: int | None, after: str) -> str | None:
    a = n.start - s_start
    if previous is not None and previous.date and _SAME_YEAR.search(sentence[n.end - s_start:n.end - s_start + 40]):
        return previous.date
    right_after = [d for d in dates if 0 <= d.start - (n.end - s_start) <= 12 and d.kind == "year"
                   and _YEAR_RIGHT_AFTER.match(sentence[n.end - s_start:])]
    if right_after:
        return right_after[0].value
    clause_end = n.end - s_start + len(after)
    in_clause = [d for d in dates if n.end - s_start <= d.start and d.end <= clause_end]
    if in_clause:
        return in_clause[0].value
    if default_year and _REPORT_YEAR.search(after):
        return str(default_year)
    before = [d for d in dates if d.end <= a]
    if before:
        return before[-1].value
    after = [d for d in dates if d.start >= n.end - s_start]
    if after:
        return after[0].value
    earlier = previous_dates.get()
    if earlier:
        return earlier[-1].value
    return str(default_year) if default_year else None


def _usable_dates(sentence: str, default_year: int | None, numbers: list[NumberMention], s_start: int) -> list[DateMention]:
    spans = [(n.start - s_start, n.end - s_start) for n in numbers if not n.is_year_like]
    return [d for d in find_dates(sentence, default_year)
            if not any(a < d.end and d.start < b and not (d.start <= a and b <= d.end and d.kind != "year") for a, b in spans)
            and not (_last_word(sentence[max(0, d.start - 12):d.start]).endswith(_REFERENCE_ENDINGS)
                     and _REFERENCE_BEFORE.search(sentence[max(0, d.start - 12):d.start]))]


def find_statistics(document: Document) -> Iterable[Fact]:
    text = document.text
    vocabulary = indicators()
    default_year = document.year
    previous_paragraph = -1
    previous_dates = _PreviousDates()
    previous: _Found | None = None
    for s_start, s_end, paragraph in _sentences(text):
        sentence = text[s_start:s_end]
        if paragraph != previous_paragraph:
            previous_dates, previous, previous_paragraph = _PreviousDates(), None, paragraph
        if not _CANDIDATE_LINE.search(sentence):
            previous_dates = _PreviousDates()
            continue
        numbers = [n for n in find_numbers(sentence)]
        numbers = [NumberMention(n.start + s_start, n.end + s_start, n.value, n.qualifier,
                                 None if n.qualifier_start is None else n.qualifier_start + s_start,
                                 n.is_percent, n.has_currency, n.is_word, n.is_decimal, n.has_grouping)
                   for n in numbers]
        dates: list[DateMention] | None = None
        found_here: list[_Found] = []
        for i, n in enumerate(numbers):
            if _plainly_rejected(n):
                continue  # years and sums: no need to parse this sentence's dates for them
            if dates is None:
                dates = _usable_dates(sentence, default_year, numbers, s_start)
            if _rejected(n, sentence, s_start, dates):
                continue
            a, b = n.start - s_start, n.end - s_start
            following = next((m for m in numbers[i + 1:] if not m.is_year_like), None)
            next_start = following.start - s_start if following else len(sentence)
            previous_end = numbers[i - 1].end - s_start if i > 0 else 0
            after = _clause_after(sentence, b, next_start)
            q_start = (n.qualifier_start - s_start) if n.qualifier_start is not None else a
            before = _clause_before(sentence, q_start, max(previous_end, q_start - 120))
            classified = _classify(n, sentence, s_start, after, before, previous)
            if classified is None:
                continue
            slug, rule, confidence = classified
            date = _choose_date(n, s_start, dates, previous_dates, sentence, previous,
                                None if slug.startswith("detention_length") else default_year, after)
            if date is None:
                continue
            start = min(q_start, a) + s_start
            found = _Found(slug, n, start, n.end + len(after.rstrip()), date, rule, confidence)
            found_here.append(found)
            previous = found
        for found in found_here:
            indicator = vocabulary[found.indicator]
            value = found.number.value
            fields = {
                "indicator": found.indicator,
                "value": int(value) if value is not None and float(value).is_integer() else value,
                "unit": indicator.unit,
                "date": found.date,
            }
            if found.number.qualifier:
                fields["qualifier"] = found.number.qualifier
            yield make_fact(document, FactType.STATISTIC, found.start, found.end, fields,
                            extractor=f"{NAME}@{VERSION}", rule=found.rule, confidence=found.confidence)
        if dates is not None:
            previous_dates = _PreviousDates(dates=dates)
        elif any(n.value is not None for n in numbers):
            previous_dates = _PreviousDates((sentence, default_year, numbers, s_start))
        else:
            previous_dates = _PreviousDates()


@register(NAME, version=VERSION, produces=[FactType.STATISTIC])
def extract(document: Document) -> Iterable[Fact]:
    return list(find_statistics(document))
