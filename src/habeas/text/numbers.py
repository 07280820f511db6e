"""Find numbers in running text, in every form reports write them.

Statistics arrive as "1,240", "3.7 million", "some 3.5 million", "thirty",
"twenty-three", "more than 230", "0.04", "18,800,000" and OCR-broken
"54, 000". Each mention keeps its span and what surrounds it that matters to
an extractor: a qualifier just before it ("at least", "up to"), whether it is
a percentage, money or a year. Vague amounts ("hundreds", "dozens") are found
too but carry no value, so that no statistic is ever invented from them.

One compiled alternation scans the text; the context checks look only at a few
characters around each hit, so the cost stays linear in the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from habeas.text.patterns import lowered

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_VAGUE = ("hundreds", "thousands", "millions", "dozens", "scores", "tens of thousands", "hundreds of thousands")

_UNIT_WORDS = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(_TENS)
_WORD_NUMBER = (
    rf"(?:(?:{_TEN_WORDS})(?:[-\s](?:{_UNIT_WORDS}))?|(?:{_UNIT_WORDS}))"
    rf"(?:\s+(?:hundred|thousand|million|billion))?"
)
# Digits: grouped thousands (also OCR "54, 000"), plain integers, decimals.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:,\s\d{3})+(?=\D|$)|\d+)(?:\.\d+)?"

_NUMBER_RE = re.compile(
    rf"(?<![\w.,/\-+])(?P<digits>{_DIGITS})(?![\w/]|[.,]\d|-\d)"
    r"(?P<scale>\s+(?:million|billion|thousand)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b)?"
    rf"|\b(?P<words>{_WORD_NUMBER})\b(?!-(?:year|day|month|week|hour))"
    rf"|\b(?P<vague>{'|'.join(_VAGUE)})\b",
    re.I,
)

# Matched against a lower-cased copy: several times faster than re.IGNORECASE, same offsets.
# Every alternative starts with a digit or with the first letter of a number word: the
# leading lookahead rejects all other positions with one test (about 40% faster).
_FIRST_LETTERS = "".join(sorted({w[0] for w in (*_UNITS, *_TENS, *_VAGUE)}))
_NUMBER_LOWER = re.compile(rf"(?=[\d{_FIRST_LETTERS}])(?:{_NUMBER_RE.pattern})")
# The same matches in two scans of the lower-cased text, digits and words. Digits and number
# words never share a match, nor does one begin inside the other, so the two scans together
# find what the one alternation finds. The digit pattern begins with its first digit and checks
# what may not precede it behind that digit, so the engine skips from digit to digit (four
# times faster); number words, the costlier scan, are then looked for only in the sentences a
# caller asks about. Each pattern also carries the other's group names, in a group that never
# matches ("(?!)"), so that every match answers the same five names.
_DIGITS_FIRST = r"\d(?<![\w.,/\-+]\d)(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:,\s\d{3})+(?=\D|$)|\d*)(?:\.\d+)?"  # = _DIGITS
_NUMBER_DIGITS_LOWER = re.compile(
    rf"(?P<digits>{_DIGITS_FIRST})(?![\w/]|[.,]\d|-\d)"
    r"(?P<scale>\s+(?:million|billion|thousand)\b)?"
    r"(?P<pct>\s?%|\s+per\s?cent\b)?"
    r"(?:(?!)(?P<words>)(?P<vague>))?")
_NUMBER_WORDS_LOWER = re.compile(
    rf"(?=[{_FIRST_LETTERS}])(?:\b(?P<words>{_WORD_NUMBER})\b(?!-(?:year|day|month|week|hour))"
    rf"|\b(?P<vague>{'|'.join(_VAGUE)})\b)"
    r"(?:(?!)(?P<digits>)(?P<scale>)(?P<pct>))?")
_QUALIFIER_RE = re.compile(
    r"(?:(?P<min>\b(?:at\s+least|more\s+than|over|in\s+excess\s+of|upwards\s+of|no\s+fewer\s+than|not\s+less\s+than)"
    r"|\bminimum\s+of)"
    r"|(?P<max>\b(?:up\s+to|no\s+more\s+than|fewer\s+than|less\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|not\s+exceeding))"
    r"|(?P<approx>\b(?:some|about|around|approximately|approx\.|nearly|almost|an\s+estimated|estimated|roughly|close\s+to|circa|c\.|over\s+some)))"
    r"\s*$",
    re.I,
)
# Every qualifier above ends with one of these words: a window whose last word is none of
# them cannot end in a qualifier, and ``str.endswith`` rules that out far faster than
# trying the whole alternation at each of its 40 positions.
_QUALIFIER_ENDINGS = ("least", "than", "over", "of", "to", "most", "exceeding", "some", "about", "around",
                      "approximately", "approx.", "nearly", "almost", "estimated", "roughly", "circa", "c.")
_CURRENCY_BEFORE = re.compile(r"(?:\$|€|£|\bUSD|\bEUR|\bGBP|\bUS\$|\bKZT|\bRUB)\s*$", re.I)
_CURRENCY_ENDINGS = ("$", "€", "£", "usd", "eur", "gbp", "us$", "kzt", "rub")
_CURRENCY_AFTER = re.compile(
    r"\s*(?:million\s+|billion\s+)?(?:USD|US\s?dollars?|dollars?|euros?|EUR|tenge|KZT|rubles?|roubles?|soms?|pounds|francs|CHF|GBP)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One number in the text. ``value`` is None for vague amounts ("hundreds")."""

    start: int
    end: int
    value: float | None
    qualifier: str | None = None  # "approx", "min" or "max"
    qualifier_start: int | None = None  # where the qualifier words begin
    is_percent: bool = False
    has_currency: bool = False
    is_word: bool = False  # spelled out ("thirty")
    is_decimal: bool = False
    has_grouping: bool = False  # written with thousands separators

    @property
    def is_year_like(self) -> bool:
        """A bare integer 1800-2099 written without separators: most likely a year."""
        return (self.value is not None and not self.has_grouping and not self.is_decimal
                and not self.is_word and not self.is_percent and 1800 <= self.value <= 2099
                and float(self.value).is_integer())

    @property
    def is_integer(self) -> bool:
        return self.value is not None and float(self.value).is_integer()


def word_number_value(words: str) -> float | None:
    """Value of a spelled-out number: "twenty-three" -> 23, "three hundred" -> 300."""
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[-\s]+", words.lower().strip()):
        if not part:
            continue
        if part in _UNITS:
            current += _UNITS[part]
            seen = True
        elif part in _TENS:
            current += _TENS[part]
            seen = True
        elif part in _SCALES:
            current = max(current, 1.0) * _SCALES[part]
            if _SCALES[part] >= 1000:
                total += current
                current = 0.0
            seen = True
        else:
            return None
    return total + current if seen else None


def _digits_value(text: str) -> float:
    return float("".join(text.replace(",", "").split()))


def _mention(text: str, m: re.Match[str], lo: int, hi: int) -> NumberMention | None:
    """The mention for match ``m`` with its context read only within ``text[lo:hi]``.

    ``m`` may come from a lower-cased copy of ``text`` (same offsets): its groups are
    only read case-insensitively. Bounding the context to ``lo:hi`` makes a mention found
    in a whole document identical to one found in the sentence ``text[lo:hi]`` alone.
    """
    start, end = m.start(), m.end()
    value: float | None
    is_word = is_decimal = grouping = is_percent = False
    digits = m.group("digits")
    if digits:
        value = _digits_value(digits)
        is_decimal = "." in digits
        grouping = "," in digits
        scale = m.group("scale")
        if scale:
            value *= _SCALES[scale.strip().lower()]
            grouping = True
        is_percent = bool(m.group("pct"))
    elif m.group("words"):
        value = word_number_value(m.group("words"))
        if value is None:
            return None
        is_word = True
    else:
        value = None
    before = text[max(lo, start - 40):start]
    tail = before.rstrip()[-14:].lower()
    q = _QUALIFIER_RE.search(before) if tail.endswith(_QUALIFIER_ENDINGS) else None
    qualifier = q.lastgroup if q else None
    qualifier_start = start - len(before) + q.start() if q else None
    currency = bool((tail[-6:].endswith(_CURRENCY_ENDINGS) and _CURRENCY_BEFORE.search(before[-6:]))
                    or _CURRENCY_AFTER.match(text, end, min(hi, end + 30)))
    return NumberMention(
        start=start, end=end, value=value, qualifier=qualifier, qualifier_start=qualifier_start,
        is_percent=is_percent, has_currency=currency, is_word=is_word, is_decimal=is_decimal,
        has_grouping=grouping,
    )


def _lower_matches(low: str, start: int, end: int,
                   digits: list[re.Match[str]] | None = None) -> list[re.Match[str]]:
    """``_NUMBER_LOWER.finditer(low[start:end])``'s matches, by the two faster scans, left to right.

    ``digits``, when given, are the digit matches of the span, found beforehand.
    """
    if digits is None:
        digits = list(_NUMBER_DIGITS_LOWER.finditer(low, start, end))
    words = list(_NUMBER_WORDS_LOWER.finditer(low, start, end))
    if not words:
        return digits
    return sorted(digits + words, key=lambda m: m.start())


def find_numbers(text: str) -> list[NumberMention]:
    """Every number mention in ``text``, left to right."""
    low = text.lower()
    # group texts may come out lower-cased: every use below ignores case anyway
    matches = _lower_matches(low, 0, len(low)) if len(low) == len(text) else _NUMBER_RE.finditer(text)
    found = [_mention(text, m, 0, len(text)) for m in matches]
    return [n for n in found if n is not None]


class NumberIndex:
    """The digit matches of a document, scanned once, handed out sentence by sentence.

    ``within(start, end)`` returns exactly ``find_numbers(text[start:end])`` shifted to
    document offsets, without scanning the sentence for digits again (number words,
    rarer and costlier to find, are scanned within the span itself). That holds because
    sentence boundaries fall on whitespace: a match of the whole text lying inside the
    span is the match the span alone gives, and the context checks are bounded to the
    span. Only when a match of the whole text straddles a boundary ("5<newline><newline>
    million") does the span differ; then it is scanned on its own, as before.
    """

    __slots__ = ("_ends", "_low", "_matches", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        low = lowered(text)  # the document's shared lower-cased copy
        self._low = low
        if low is not None:  # digits now; number words per span asked for (see _lower_matches)
            self._matches: list[re.Match[str]] | None = list(_NUMBER_DIGITS_LOWER.finditer(low))
            self._starts = [m.start() for m in self._matches]
            self._ends = [m.end() for m in self._matches]
        else:  # lower-casing moved offsets: scan each span on its own, as find_numbers does
            self._matches = None
            self._starts, self._ends = [], []

    def within(self, start: int, end: int) -> list[NumberMention]:
        """The mentions of ``text[start:end]`` read as a text of its own, at document offsets."""
        text = self._text
        if self._matches is not None and self._low is not None:
            i = bisect_left(self._starts, start)
            j = bisect_left(self._starts, end, i)
            if not (i > 0 and self._ends[i - 1] > start) and not (j > i and self._ends[j - 1] > end):
                # number words are scanned within the span itself, as find_numbers would
                matches = _lower_matches(self._low, start, end, self._matches[i:j])
                found = [_mention(text, m, start, end) for m in matches]
                return [n for n in found if n is not None]
        return [NumberMention(n.start + start, n.end + start, n.value, n.qualifier,
                              None if n.qualifier_start is None else n.qualifier_start + start,
                              n.is_percent, n.has_currency, n.is_word, n.is_decimal, n.has_grouping)
                for n in find_numbers(text[start:end])]


def fits_unit(unit: str, values: list[float]) -> bool:
    """Could these values measure an indicator of this unit? Shares are at most 100, rates at
    most their base, counts whole numbers; days may be averages ("13.9")."""
    if unit == "percent":
        return all(v <= 100 for v in values)
    if unit == "per_1000":
        return all(v <= 1000 for v in values)
    if unit == "per_100k":
        return all(v <= 100_000 for v in values)
    if unit == "days":
        return True
    return all(float(v).is_integer() for v in values)
