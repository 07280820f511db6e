"""Tables saved one cell per line, put back into rows.

Web pages saved as text, and some PDF exports, print each table cell on a line
of its own: a label line ("Criminal prison population (year)"), then a value
line, a year line, another value line, another year line ... or a quick fact
("Detains children?" then "Yes (2023)"). Row readers expect a label and its
value on one line. ``tabled`` turns the line breaks inside such a row into
tabs, keeping every offset, so "label<TAB>value<TAB>year" rows appear and each
later pair of the same label becomes a row of its own ("value<TAB>year").

Value-first blocks (a figure on one line, its label on the next, as in
"KEY FIGURES" boxes) are left alone: there a label belongs to the value above
it, not to the one below.
"""

from __future__ import annotations

import re

_VALUE = re.compile(
    r"^[ \t]*(?:(?:about|approx\.?|around|over|more than|some|less than|under|up to|~|<|>)\s*)?"
    r"(?:\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+)(?:\.\d+)?\s*(?:%|per ?cent)?"
    r"(?:\s*[(\[](?:19|20)\d\d[)\]])?[ \t]*$"
    r"|^[ \t]*(?:not available|n/?a|n\.a\.|unknown|none|yes|no)(?:\s*[(\[][^()\[\]\n]{1,40}[)\]])?[ \t]*$",
    re.IGNORECASE)
_YEAR = re.compile(r"^[ \t]*[(\[]?(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?[)\]]?[ \t]*$")
_LABEL = re.compile(r"^[ \t]*[A-Z\u00c0-\u024f][^\t]{2,119}$")
_MAX_PAIRS = 12


def _kind(line: str) -> str:
    if not line.strip():
        return "blank"
    if _YEAR.match(line):
        return "year"
    if _VALUE.match(line):
        return "value"
    letters = [ch for ch in line if ch.isalpha()]
    if _LABEL.match(line) and len(letters) >= 3 and not all(ch.isupper() for ch in letters[:12]):
        return "label"  # a line in capitals is a heading ("KEY FIGURES"), not a row label
    return "text"


def _value_first(lines: list[str], kinds: list[str], value: int) -> bool:
    """Is the value at ``value`` labelled by the line after it ("47,600" / "refugees registered")?"""
    nxt = value + 1
    return nxt < len(lines) and kinds[nxt] == "text" and lines[nxt].lstrip()[:1].islower()


def tabled(text: str) -> str:
    """``text`` with cell-per-line rows joined by tabs (same length, same offsets)."""
    if "\n" not in text:
        return text
    lines = text.split("\n")
    kinds = [_kind(line) for line in lines]
    breaks: list[int] = []  # indexes of lines whose trailing newline becomes a tab
    previous_free_value = False  # the line before was a value no label above had taken
    i = 0
    while i < len(lines):
        if (kinds[i] == "label" and i + 1 < len(lines) and kinds[i + 1] == "value" and not previous_free_value
                and not _value_first(lines, kinds, i + 1)):
            breaks.append(i)  # label<TAB>value
            j = i + 1
            pairs = 0
            while j < len(lines) and kinds[j] == "value" and pairs < _MAX_PAIRS:
                if j + 1 < len(lines) and kinds[j + 1] == "year":
                    breaks.append(j)  # value<TAB>year
                    j += 2
                else:
                    j += 1
                pairs += 1
                if not (j < len(lines) and kinds[j] == "value" and j - 1 >= 0 and kinds[j - 1] == "year"):
                    break  # more values follow only in value-year pairs
            previous_free_value = False
            i = j
            continue
        previous_free_value = kinds[i] == "value"
        i += 1
    if not breaks:
        return text
    chars = list(text)
    offset = 0
    line_ends = []
    for line in lines:
        offset += len(line)
        line_ends.append(offset)
        offset += 1
    for index in breaks:
        chars[line_ends[index]] = "\t"
    return "".join(chars)
