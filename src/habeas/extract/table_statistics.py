"""Statistics from generic text tables whose columns are years.

Fact sheets and country pages print "key figures" as a small table: a header
row of years ("Indicator   2022   2023", "| | 2022 | 2023 |", tab-separated
cells) and rows "Label   value   value". Each value cell is one statistic of
the indicator its label names, dated by its column's year.

The rows are recognised by shape alone (a label, then exactly as many value
cells as the header has years), so the rule holds for any publisher and
layout: tab-, pipe- or space-aligned. A label that names no indicator of the
vocabulary, or values that do not fit its unit, yield nothing. Data-profile
tables whose rows carry their own year ("Label<TAB>value<TAB>year") belong
to ``profile_tables`` and are not read here, so that no figure is reported
twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from habeas.domain import Document, Fact, FactType
from habeas.extract.leader_rows import leader_cells
from habeas.extract.profile_tables import match_label
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.text.dates import parse_date
from habeas.text.numbers import fits_unit
from habeas.vocab import indicators

NAME = "statistics.table"
VERSION = 3

_YEAR = r"(?:FY\s?)?(?:19|20)\d\d"
_SEP = r"(?:[ \t]*[|\t][ \t]*|[ \t]+)"
# A header: an optional short word label, then two or more years (or one year after a label).
_HEADER = re.compile(
    rf"^[ \t|]*(?P<label>[A-Za-z][A-Za-z /()&.-]{{0,40}}?)?(?P<years>(?:{_SEP}?{_YEAR}){{1,12}})[ \t|]*$")
_YEAR_CELL = re.compile(_YEAR)
_HEADER_WORD = re.compile(r"^\s*(?:indicators?|items?|figures?|key\s+figures|categor(?:y|ies)|statistics?|metrics?|data)\s*$", re.I)
_VALUE = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[ \t]?%)?|N/?A|n\.a\.|[-–—]|\.\.|…"
_NOT_AVAILABLE = re.compile(r"^(?:N/?A|n\.a\.)$", re.I)
_RULE_LINE = re.compile(r"^[ \t|:+=_-]*$")  # "|---|---|" or "-----" under a header
_CUE = re.compile(rf"(?:{_YEAR}){_SEP}(?:{_YEAR})[ \t|]*(?:\n|$)|(?:^|\n)[A-Za-z][^\n\d]{{0,40}}{_SEP}{_YEAR}[ \t|]*(?:\n|$)")


# A breakdown row under a count of detainees: "of whom children", "including minors", "thereof: children".
_CHILDREN_SHARE = re.compile(
    r"^(?:of\s+(?:whom|which|these|them)|including|incl\.?|thereof|among\s+(?:them|whom))[:,]?\s+"
    r"(?:\w+\s+)?(?:children|minors)\b[^\d]*$", re.I)

# Any breakdown row: "of whom applicants for international protection", "including women", "thereof: asylum seekers".
_BREAKDOWN = re.compile(r"^(?:of\s+(?:whom|which|these|them)|including|incl\.?|thereof|among\s+(?:them|whom))\b", re.I)


_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]{2,8})\.?(?=[\s)\]]|$)")


def _cell_date(label: str, year: str) -> str:
    """A column's year, made exact when the label names the day ("People in detention (31 Dec.)")."""
    m = _DAY_MONTH.search(label)
    if m:
        exact = parse_date(f"{m.group('day')} {m.group('month')} {year}")
        if exact and len(exact) == 10:
            return exact
    return year


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _header_years(line: str) -> list[str] | None:
    """The years of a header row, or None when the line is not one."""
    m = _HEADER.match(line)
    if not m:
        return None
    years = [y.replace("FY", "").strip() for y in _YEAR_CELL.findall(m.group("years"))]
    if len(years) < 2 and not _HEADER_WORD.match(m.group("label") or ""):
        return None  # "Update 2024" is a heading; "Indicator 2024" heads a one-column table
    if len(set(years)) != len(years):
        return None  # "2019 2019" is a date range or prose, not a header
    return years


def _row_pattern(columns: int) -> re.Pattern[str]:
    cells = "".join(rf"{_SEP}(?P<v{i}>{_VALUE})" for i in range(columns))
    return re.compile(rf"^[ \t|]*(?P<label>[^\t|\d][^\t|]*?(?:\([^)\n]*\)[^\t|\d]*)?){cells}[ \t|]*$")


def _value(cell: str) -> tuple[bool, float | None]:
    """(usable, value): a dash or ".." is an empty cell; "N/A" is a null figure."""
    cell = cell.strip()
    if _NOT_AVAILABLE.match(cell):
        return True, None
    if cell in {"-", "–", "—", "..", "…"}:
        return False, None
    return True, float(cell.replace(",", "").replace("%", "").strip())


def _fits(slug: str, values: list[float | None], percent: bool) -> bool:
    unit = indicators()[slug].unit
    present = [v for v in values if v is not None]
    if (unit == "percent") != percent and present:
        return False if percent else unit == "percent" and all(v <= 100 for v in present)
    return fits_unit(unit, present)


def find_year_column_statistics(document: Document) -> list[Fact]:
    text = document.text
    if not _CUE.search(text):
        return []
    vocabulary = indicators()
    facts: list[Fact] = []
    years: list[str] | None = None
    row: re.Pattern[str] | None = None
    rows_read = 0
    previous_slug: str | None = None
    for start, line in _lines(text):
        if not line.strip():
            if rows_read:
                years = row = None  # a blank line ends the table once rows were read
                rows_read = 0
            continue
        header = _header_years(line)
        if header is not None:
            years, row, rows_read, previous_slug = header, _row_pattern(len(header)), 0, None
            continue
        if years is None or row is None:
            continue
        if _RULE_LINE.match(line):
            continue
        m = row.match(line)
        if m is None:
            if re.search(r"[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}", line) and len(line) > 80:
                years = row = None  # prose after the table
            continue
        rows_read += 1
        label = m.group("label").strip(" \t|:")
        found = match_label(label)
        if found is None and previous_slug == "immigration_detainees" and _CHILDREN_SHARE.match(label):
            found = ("detained_minors", 1.0)  # "of whom children": the minors among the detainees above
        if _BREAKDOWN.match(label):
            if found is None or found[0] != "detained_minors":
                continue  # "of whom asylum applicants": a part of the row above, not the country's applications
        else:
            previous_slug = found[0] if found is not None else None
        if found is None:
            continue
        slug = found[0]
        cells = [m.group(f"v{i}") for i in range(len(years))]
        parsed = [_value(c) for c in cells]
        percent = "%" in label or any("%" in c for c in cells)
        if not _fits(slug, [v for ok, v in parsed if ok], percent):
            continue
        for year, (ok, value) in zip(years, parsed, strict=False):
            if not ok:
                continue
            fields = {
                "indicator": slug,
                "value": int(value) if value is not None and float(value).is_integer() else value,
                "unit": vocabulary[slug].unit,
                "date": _cell_date(label, year) if value is not None else year,
            }
            facts.append(make_fact(document, FactType.STATISTIC, start, start + len(line), fields,
                                   extractor=f"{NAME}@{VERSION}", rule="table:year_columns",
                                   confidence=0.8))
    return facts


def find_leader_statistics(document: Document) -> list[Fact]:
    """Figures of "Label ..... value [date]" rows; a figure repeated (quick facts, then table) counts once."""
    vocabulary = indicators()
    facts: list[Fact] = []
    seen: set[tuple[str, float | None, str]] = set()
    for cell in leader_cells(document.text):
        key = (cell.indicator, cell.value, cell.date)
        if key in seen:
            continue
        seen.add(key)
        value = cell.value
        fields = {
            "indicator": cell.indicator,
            "value": int(value) if value is not None and float(value).is_integer() else value,
            "unit": vocabulary[cell.indicator].unit,
            "date": cell.date,
        }
        facts.append(make_fact(document, FactType.STATISTIC, cell.start, cell.end, fields,
                               extractor=f"{NAME}@{VERSION}", rule="table:leader_rows", confidence=0.8))
    return facts


# "Number of detention centres: 3", "2. Total capacity of detention centres: 215", "- Detainees in 2023: 412".
# Found from the colon and value at a line end (a literal first, cheap to scan for); the label is
# then read back to the line start.
_LABEL_VALUE_END = re.compile(r":[ \t]*(?P<value>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[ \t]?(?P<pct>%)?[ \t]*\.?[ \t]*$", re.M)
_LABEL_LINE = re.compile(r"^[ \t]*(?:[-*•]|\(?\d{1,2}[.)]|[a-z][.)])?[ \t]*(?:\*\*)?(?P<label>[A-Z][A-Za-z ,'’()/-]{5,90}?"
                         r"(?:\b(?:in|during|at\s+the\s+end\s+of|as\s+of|by\s+the\s+end\s+of|end\s+of)\s+(?P<year>(?:19|20)\d\d))?)"
                         r"(?:\*\*)?[ \t]*$", re.M)
_END_OF = re.compile(r"\bend\s+of\s+(?:19|20)\d\d$", re.I)


def find_label_value_statistics(document: Document) -> list[Fact]:
    """Figures of "Label: value" lines; dated by a year in the label, else by the document's year."""
    text = document.text
    if ":" not in text:
        return []
    vocabulary = indicators()
    facts: list[Fact] = []
    for m in _LABEL_VALUE_END.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        head = _LABEL_LINE.match(text, line_start, m.start())
        if head is None:
            continue
        label = head.group("label")
        year = head.group("year")
        if year:
            label = label[:head.start("year") - head.start("label")]
            label = re.sub(r"\s+(?:in|during|at\s+the\s+end\s+of|as\s+of|by\s+the\s+end\s+of|end\s+of)\s*$", "", label)
        found = match_label(label)
        if found is None or found[1] < 1.0:
            continue
        slug = found[0]
        value = float(m.group("value").replace(",", ""))
        if not _fits(slug, [value], bool(m.group("pct"))):
            continue
        date = year if year else (str(document.year) if document.year else None)
        if date is None:
            continue
        if year and _END_OF.search(head.group("label")):
            date = f"{year}-12"
        fields = {
            "indicator": slug,
            "value": int(value) if value.is_integer() else value,
            "unit": vocabulary[slug].unit,
            "date": date,
        }
        facts.append(make_fact(document, FactType.STATISTIC, head.start("label"), m.end("value") + (1 if m.group("pct") else 0),
                               fields, extractor=f"{NAME}@{VERSION}", rule="table:label_value", confidence=0.7))
    return facts


@register(NAME, version=VERSION, produces=[FactType.STATISTIC])
def extract(document: Document) -> Iterable[Fact]:
    return find_year_column_statistics(document) + find_leader_statistics(document) + find_label_value_statistics(document)
