"""Rows of the form "Label ........ value [date]": dotted-leader data profiles.

Profiles exported from a layout tool often print each figure after a run of
dots (or a long gap) with its observation date in brackets after it, further
figures of the same series on continuation lines ("· 1,932 [2020-21]"), and
labels hyphenated over several lines ("Total number of immigra-" /
"tion detainees ..... 8,825 [2019-20]"). The family is a layout, not a
publisher's phrase, so the rule reads it by shape:

- a leader line: label, a leader (three or more dots, or a run of spaces),
  a value ("n/a" is a null figure), then a date in square or round brackets;
- more "value [date]" pairs may follow on the same line after "·" or "|";
- a continuation line holds only "· value [date]" pairs and extends the last series;
- the label starts on earlier lines when they end with a hyphen, or when the
  leader line's label starts in lower case.

A label that names no indicator, or values that do not fit its unit, yield nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from habeas.extract.profile_tables import match_label
from habeas.text.dates import parse_date
from habeas.text.numbers import fits_unit
from habeas.vocab import indicators

_VALUE = r"(?:n/?a|not\s+available|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)[ \t]?%?"
_DATE = r"(?:FY[ ]?)?(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?|\d{1,2}[ ][A-Za-z]{3,9}\.?[ ](?:19|20)\d\d|[A-Za-z]{3,9}\.?[ ](?:19|20)\d\d"
_PAIR = re.compile(rf"(?P<value>{_VALUE})[ \t]*(?:\[(?P<d1>{_DATE})\]|\((?P<d2>{_DATE})\))", re.I)
_LEADER_LINE = re.compile(
    rf"^[ \t]*(?P<label>[^\n·|]*?[^\s.·|])[ \t]*(?:\.[ .]{{2,}}|[ \t]{{3,}}|:[ \t]+)[ \t]*(?P<pairs>{_VALUE}[ \t]*[\[(][^\n]*)$",
    re.I)
_CONTINUATION = re.compile(rf"^[ \t]*[·•|][ \t]*(?P<pairs>{_VALUE}[ \t]*[\[(][^\n]*)$", re.I)
_PAIRS_ONLY = re.compile(rf"^(?:[ \t]*[·•|,;]?[ \t]*{_VALUE}[ \t]*(?:\[(?:{_DATE})\]|\((?:{_DATE})\)))+[ \t]*$", re.I)
_NOT_AVAILABLE = re.compile(r"^(?:n/?a|not\s+available)$", re.I)
_CUE = re.compile(rf"(?:\.{{3,}}|[ \t]{{3,}}|·)[ \t]*{_VALUE}[ \t]*\[(?:{_DATE})\]", re.I)
_LABEL_START = re.compile(r"^[ \t]*[A-Za-z(][^\n]*$")
_ROW_LIKE = re.compile(r"\.{3,}|\[[^\]\n]*\d{4}[^\]\n]*\]")
_MAX_LABEL_LINES = 3


@dataclass(frozen=True, slots=True)
class LeaderCell:
    """One figure of a leader row: its indicator, value, date and the span of its line."""

    indicator: str
    value: float | None
    date: str
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _date(raw: str) -> str | None:
    raw = re.sub(r"^FY[ ]?", "", raw.strip(), flags=re.I)
    return parse_date(raw) or parse_date(raw.replace(".", ""))


def _pairs(text: str) -> list[tuple[float | None, str]] | None:
    """The (value, date) pairs of a run like "8,825 [2019-20] · 1,932 [2020-21]", or None if it is not one."""
    if not _PAIRS_ONLY.match(text):
        return None
    out: list[tuple[float | None, str]] = []
    for m in _PAIR.finditer(text):
        date = _date(m.group("d1") or m.group("d2"))
        if date is None:
            return None
        raw = m.group("value").strip()
        value = None if _NOT_AVAILABLE.match(raw) else float(raw.replace(",", "").replace("%", "").strip())
        out.append((value, date))
    return out or None


def _label_before(lines: list[tuple[int, str]], index: int, label: str) -> str:
    """Prefix the label with the earlier lines it was hyphenated or wrapped from."""
    parts = [label]
    i = index - 1
    while i >= 0 and index - i <= _MAX_LABEL_LINES:
        previous = lines[i][1].rstrip()
        if not previous or _LEADER_LINE.match(previous) or _CONTINUATION.match(previous) \
                or not _LABEL_START.match(previous):
            break
        if previous.endswith("-") and previous[-2:-1].isalpha():
            parts.insert(0, previous.strip()[:-1])
            parts[1] = parts[0] + parts[1]
            parts.pop(0)
        elif parts[0][:1].islower():
            parts.insert(0, previous.strip() + " ")
            parts[1] = parts[0] + parts[1]
            parts.pop(0)
        else:
            break
        i -= 1
    return parts[0]


def _fits(slug: str, values: list[float | None], label: str) -> bool:
    unit = indicators()[slug].unit
    present = [v for v in values if v is not None]
    if unit == "percent":
        return all(v <= 100 for v in present)
    if re.search(r"%|\bper\s?cent|\bpercentage\b", label, re.I):
        return False
    return fits_unit(unit, present)


def leader_cells(text: str) -> Iterator[LeaderCell]:
    """Every figure of every leader row whose label names an indicator."""
    if "[" not in text or not _CUE.search(text):  # every leader row dates its figure in brackets
        return
    lines = _lines(text)
    current: str | None = None
    current_label = ""
    for index, (start, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        m = _LEADER_LINE.match(line)
        pairs = _pairs(m.group("pairs")) if m else None
        if m and pairs:
            label = _label_before(lines, index, m.group("label").strip())
            found = match_label(label)
            current, current_label = (found[0], label) if found else (None, "")
        else:
            c = _CONTINUATION.match(line)
            pairs = _pairs(c.group("pairs")) if c else None
            if not pairs:
                if _ROW_LIKE.search(line) or not _LABEL_START.match(line):
                    current = None  # another kind of row ("Yes [2023]", a footer) ends the series
                continue
        if current is None or not _fits(current, [v for v, _ in pairs], current_label):
            continue
        for value, date in pairs:
            yield LeaderCell(current, value, date, start, start + len(line))
