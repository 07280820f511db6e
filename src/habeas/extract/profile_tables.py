"""Statistics from data-profile tables, including the garbled ones.

Global Detention Project-style profiles hold a "Quick Facts" block
("Immigration detainees (2019)<TAB>Not Available") and STATISTICS tables whose
rows are "label value year" cells in up to two column groups. Once a PDF is
turned into text the labels drift away from their values (a label may sit two
lines below the first value of its series, or be split over lines), OCR
mangles words ("Relugees"), and a cell may shift by one tab.

The recovery works in three steps:

1. rows -> cells, each cell assigned to the left or right column group (by tab
   position in text, by x position when the PDF kept word boxes);
2. per group, value/year pairs are cut into series: a series ends where the
   years restart high, where a header ("Observation Date") intervenes, where
   "Not Available" meets a number, or where the magnitude jumps;
3. each series takes the label fragments on its lines (orphan fragments go to
   the nearest unlabelled series whose values fit the indicator's unit), and
   the joined label is matched fuzzily against indicator labels and synonyms.

Only statistics are produced: yes/no rows belong to the status extractor.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from habeas.domain import Document, Fact, FactType
from habeas.domain.document import Page
from habeas.extract.registry import register
from habeas.extract.spans import make_fact
from habeas.vocab import indicators

NAME = "statistics.profile_table"
VERSION = 2

LEFT, RIGHT = 0, 1
_NOT_AVAILABLE = re.compile(r"^(?:not\s+available|n/?a|unknown)$", re.I)
_VALUE = re.compile(r"^(?:\d{1,3}(?:,\s?\d{3})+|\d+)(?:\.\d+)?\s*%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_TABLE_CUE = re.compile(
    r"\t[ ]*(?:[\d][\d,. ]*|Not Available|N/?A)[ ]*\t[ ]*(?:19|20)\d\d\b|\((?:19|20)\d\d\)[ ]*\t", re.I)
_QUICK_FACT = re.compile(
    r"^(?P<label>[^\t\n]{3,90}?)\s*\(\s*(?P<year>(?:19|20)\d\d)\s*\)\s*\t\s*"
    r"(?P<value>Not\s+Available|N/?A|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*%?\s*(?:\t\s*)*$",
    re.I)
_OBSERVATION = r"[o0]\s?b\s?s\s?e\s?r\s?v\s?a\s?t\s?i\s?o\s?n"  # OCR splits words ("Observa tion")
_HEADER = re.compile(rf"^(?:{_OBSERVATION}\s+dates?|number\s+of\s+days|yes/no|name|year|value)$", re.I)
_RESET = re.compile(rf"(?i:{_OBSERVATION}\s+date)|^[^a-z\t]*[A-Z]{4,}[^a-z\t]*$")
_STOPWORDS = {"of", "the", "a", "an", "as", "by", "in", "and", "to", "year", "total", "number", "new", "on", "for"}
_MAGNITUDE_JUMP = 10.0
_SAME_MAGNITUDE = 3.0
_MAX_LABEL = 120  # a longer cell is prose (a legal text, an update), not a row label
_YES_NO = re.compile(r"^(?:yes|no)$", re.I)


@dataclass(slots=True)
class Cell:
    text: str
    start: int  # offsets into document.text
    end: int
    group: int


@dataclass(slots=True)
class ValueRow:
    line: int
    value: float | None
    year: str
    start: int  # quote: from the value cell to the year cell
    end: int
    anchored_label: str = ""
    is_decimal: bool = False


@dataclass(slots=True)
class Series:
    rows: list[ValueRow] = field(default_factory=list)
    labels: list[tuple[int, str]] = field(default_factory=list)

    @property
    def first(self) -> int:
        return self.rows[0].line

    @property
    def last(self) -> int:
        return self.rows[-1].line


_OCR_DIGITS = str.maketrans("015", "ols")
# Abbreviations that tables use to keep a label on one line ("% of pop.", "nat. population").
_ABBREVIATIONS = {"pop": "population", "popn": "population", "nat": "national", "natl": "national",
                  "apps": "applications", "pct": "percentage", "percent": "percentage", "avg": "average",
                  "max": "maximum", "intl": "international", "int'l": "international", "ctrs": "centres",
                  "centers": "centres", "center": "centre", "detainee": "detainees"}


def _tokens(text: str) -> list[str]:
    """Lower-case words; OCR digits inside words are read as letters ("Popu1ation")."""
    words = re.findall(r"[a-z0-9][a-z0-9,]*", text.lower())
    out = []
    for w in words:
        w = w.rstrip(",")
        if re.search(r"[a-z]", w):
            w = w.translate(_OCR_DIGITS).replace(",", "")
        else:
            w = w.replace(",", "")
        w = _ABBREVIATIONS.get(w, w)
        if w and w not in _STOPWORDS and (len(w) > 1 or w.isdigit()):
            out.append(w)
    return out


@lru_cache(maxsize=1)
def _label_vocabulary() -> tuple[tuple[str, tuple[str, ...]], ...]:
    entries: list[tuple[str, tuple[str, ...]]] = []
    for slug, indicator in indicators().items():
        for name in (indicator.label, *indicator.synonyms):
            toks = tuple(_tokens(name))
            if toks:
                entries.append((slug, toks))
    return tuple(entries)


@lru_cache(maxsize=1)
def _vocabulary_tokens() -> frozenset[str]:
    return frozenset(t for _, toks in _label_vocabulary() for t in toks)


def _token_in(token: str, pool: set[str]) -> bool:
    if token in pool:
        return True
    if len(token) < 5 or token.isdigit():
        return False
    return any(len(p) >= 5 and fuzz.ratio(token, p) >= 80 for p in pool)


@lru_cache(maxsize=4096)
def match_label(label: str) -> tuple[str, float] | None:
    """Best indicator for a (possibly garbled, possibly joined) label, with coverage 0..1.

    A synonym counts only when most of its words occur in the label: a stray "rate"
    must not make a recognition rate.
    """
    words = _tokens(label)
    pool = set(words) | {a + b for a, b in zip(words, words[1:], strict=False)}  # words split over cells
    if not pool:
        return None
    present = {t for t in _vocabulary_tokens() if _token_in(t, pool)}
    best: tuple[float, int, float, str] | None = None
    for slug, toks in _label_vocabulary():
        hits = sum(1 for t in toks if t in present)
        coverage = hits / len(toks)
        if coverage < 0.75:
            continue
        # Between equal coverages, a synonym read exactly beats one read only fuzzily ("placed" is
        # not "places"): words matched exactly weigh more in the tie-break.
        exact = sum(1 for t in toks if t in pool)
        weighted = (exact + 0.9 * (hits - exact)) / len(toks)
        key = (coverage, hits, weighted, slug)
        if best is None or key[:3] > best[:3]:
            best = key
    if best is None:
        return None
    if best[3] == "asylum_applications" and "refugees" in pool and not any(w.startswith("appli") for w in words):
        return None  # "refugees and asylum-seekers registered": a stock of people, not applications
    return best[3], best[0]


def _plausible(slug: str, rows: list[ValueRow]) -> bool:
    unit = indicators()[slug].unit
    values = [r.value for r in rows if r.value is not None]
    if unit == "percent":
        return all(v <= 100 for v in values)
    if unit == "per_1000":
        return all(v <= 1000 for v in values)
    if unit == "per_100k":
        return all(v <= 100_000 for v in values)
    return all(float(v).is_integer() for v in values)


def _parse_value(text: str) -> float | None:
    return float(re.sub(r"[,\s%]", "", text))


# ---------------------------------------------------------------- rows of cells


def _text_rows(document: Document) -> list[list[Cell]]:
    """Rows of cells from tab-separated text; groups follow the tab positions."""
    text = document.text
    rows: list[list[Cell]] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        if "\t" not in line:
            rows.append([])
            continue
        cells: list[Cell] = []
        offset = line_start
        for part in line.split("\t"):
            stripped = part.strip()
            lead = len(part) - len(part.lstrip())
            cells.append(Cell(stripped, offset + lead, offset + lead + len(stripped), LEFT))
            offset += len(part) + 1
        _assign_groups(cells)
        rows.append([c for c in cells if c.text])
    return rows


def _assign_groups(cells: list[Cell]) -> None:
    """Left or right column group for each cell of one tab-separated line.

    With a value/year pair in the left group, the group boundary follows it. Otherwise
    the first cell is left, and a following cell stays left only when it continues the
    previous one (no empty cell between, starts in lower case: "Refugee recog|nition").
    """
    pairs = [i for i in range(len(cells) - 1) if _is_value(cells[i].text) and _YEAR.match(cells[i + 1].text)]
    left_pair = pairs[0] if pairs and (pairs[0] <= 2 or len(pairs) > 1) else None
    limit = pairs[0] - 1 if pairs else 3
    for i, cell in enumerate(cells):
        if left_pair is not None:
            cell.group = LEFT if i <= left_pair + 1 else RIGHT
        elif i == 0:
            cell.group = LEFT
        else:
            previous = cells[i - 1]
            continues = bool(previous.text) and previous.group == LEFT and cell.text[:1].islower() and i < limit
            cell.group = LEFT if continues else RIGHT


def _page_rows(document: Document, page: Page) -> list[list[Cell]]:
    """Rows of cells rebuilt from word boxes: words on one baseline, cut at wide gaps."""
    words = sorted(page.words, key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
    lines: list[list] = []
    for word in words:
        mid = (word.y0 + word.y1) / 2
        if lines and abs(((lines[-1][0].y0 + lines[-1][0].y1) / 2) - mid) <= max(2.0, (word.y1 - word.y0) * 0.4):
            lines[-1].append(word)
        else:
            lines.append([word])
    half = (page.width or max((w.x1 for w in words), default=0.0)) / 2
    rows: list[list[Cell]] = []
    for line in lines:
        line.sort(key=lambda w: w.x0)
        cells: list[Cell] = []
        previous_x1 = 0.0
        for word in line:
            height = max(1.0, word.y1 - word.y0)
            group = LEFT if word.x0 < half else RIGHT
            if cells and cells[-1].group == group and word.x0 - previous_x1 <= height * 0.8:
                end = word.start_char + len(word.text)
                if end >= cells[-1].start:
                    cells[-1].text = document.text[cells[-1].start:end] if end > cells[-1].end else cells[-1].text
                    cells[-1].end = max(cells[-1].end, end)
                previous_x1 = word.x1
                continue
            cells.append(Cell(word.text, word.start_char, word.start_char + len(word.text), group))
            previous_x1 = word.x1
        rows.append(cells)
    return rows


def _is_value(text: str) -> bool:
    return bool(_NOT_AVAILABLE.match(text) or (_VALUE.match(text) and not _YEAR.match(text)))


# ---------------------------------------------------------------- series


def _row_entries(rows: list[list[Cell]]) -> tuple[list[list[ValueRow]], list[list[tuple[int, str]]], list[int]]:
    """Per group: value rows and label fragments, with line numbers; and the reset lines."""
    values: list[list[ValueRow]] = [[], []]
    labels: list[list[tuple[int, str]]] = [[], []]
    resets: list[int] = []
    line_no = 0
    for cells in rows:
        if not cells:
            continue
        line_no += 1
        joined = " ".join(c.text for c in cells)
        if _RESET.search(joined) or any(len(c.text) > _MAX_LABEL or _YES_NO.match(c.text) for c in cells):
            resets.append(line_no)
            # A header row may carry the label of the values below it.
            header_row = any(_HEADER.match(c.text) for c in cells) and not any(_YES_NO.match(c.text) for c in cells)
            for cell in cells if header_row else ():
                if re.search(r"[A-Za-z]{2,}", cell.text) and not _HEADER.match(cell.text) \
                        and len(cell.text) <= _MAX_LABEL and not _RESET.search(cell.text) and not _YES_NO.match(cell.text):
                    labels[cell.group].append((line_no, cell.text))
            continue
        used: set[int] = set()
        for i in range(len(cells) - 1):
            a, b = cells[i], cells[i + 1]
            if i in used or not _is_value(a.text) or not _YEAR.match(b.text):
                continue
            anchored = cells[i - 1].text if i > 0 and cells[i - 1].group == a.group and (i - 1) not in used \
                and not _is_value(cells[i - 1].text) and not _YEAR.match(cells[i - 1].text) else ""
            value = None if _NOT_AVAILABLE.match(a.text) else _parse_value(a.text)
            values[a.group].append(ValueRow(line_no, value, b.text, a.start, b.end, anchored, "." in a.text))
            used.update((i, i + 1))
            if anchored:
                used.add(i - 1)
                labels[a.group].append((line_no, anchored))
        for i, cell in enumerate(cells):
            if i in used or _is_value(cell.text) or _YEAR.match(cell.text):
                continue
            if re.search(r"[A-Za-z]{2,}", cell.text):
                labels[cell.group].append((line_no, cell.text))
    return values, labels, resets


def _starts_new_series(previous: ValueRow, row: ValueRow, resets: list[int]) -> bool:
    if any(previous.line < r < row.line for r in resets):
        return True
    if int(row.year) > int(previous.year):
        return True
    if (previous.value is None) != (row.value is None):
        return True
    if previous.value is not None and row.value is not None:
        if previous.is_decimal != row.is_decimal:
            return True
        low, high = sorted((abs(previous.value), abs(row.value)))
        if low == 0 or high / low > _MAGNITUDE_JUMP:
            return True
    if row.anchored_label and row.anchored_label[0].isupper() and previous.anchored_label \
            and previous.anchored_label[0].isupper():
        a, b = match_label(previous.anchored_label), match_label(row.anchored_label)
        if a and b and a[0] != b[0] and a[1] == 1.0 and b[1] == 1.0:
            return True
    return False


def _series(values: list[ValueRow], labels: list[tuple[int, str]], resets: list[int]) -> list[Series]:
    series: list[Series] = []
    for row in values:
        if not series or _starts_new_series(series[-1].rows[-1], row, resets):
            series.append(Series())
        series[-1].rows.append(row)
    orphans: list[list[tuple[int, str]]] = []
    for line, text in labels:
        owner = next((s for s in series if s.first <= line <= s.last), None)
        if owner is not None:
            owner.labels.append((line, text))
        elif orphans and line - orphans[-1][-1][0] <= 1 and text[:1].islower():
            orphans[-1].append((line, text))
        else:
            orphans.append([(line, text)])
    ordered_resets = sorted(resets)
    for block in orphans:
        _attach_orphan(block, series, ordered_resets)
    series = [part for s in series for part in _split_by_label_blocks(s)]
    return _merge_unlabelled(series, resets)


def _label_blocks(labels: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Labels grouped into blocks: a capitalised fragment starts one, lower-case lines continue it."""
    blocks: list[list[tuple[int, str]]] = []
    for line, text in sorted(labels):
        if blocks and (text[:1].islower() or not text[:1].isalpha()):
            blocks[-1].append((line, text))
        else:
            blocks.append([(line, text)])
    return blocks


def _split_by_label_blocks(s: Series) -> list[Series]:
    """Split a series that sits beside two labels naming different indicators.

    Garbled profiles stack two short series of the same magnitude under each other
    ("13.8 2020" above one label, "5.4 2020" above the next): the rows then share one
    series, and their joined labels pick one indicator for all. Each row goes to the
    nearest label block (by its lines, then by its first line).
    """
    if len(s.rows) < 2 or len(s.labels) < 2:
        return [s]
    blocks = _label_blocks(s.labels)
    if len(blocks) < 2:
        return [s]
    slugs = []
    for block in blocks:
        found = match_label(" ".join(text for _, text in block))
        if found is None or not _plausible(found[0], s.rows):
            return [s]
        slugs.append(found[0])
    if len(set(slugs)) < len(slugs):
        return [s]
    parts = [Series(labels=list(block)) for block in blocks]
    for row in s.rows:
        best = min(range(len(blocks)), key=lambda i: (min(abs(row.line - line) for line, _ in blocks[i]),
                                                         abs(row.line - blocks[i][0][0])))
        parts[best].rows.append(row)
    if any(not part.rows for part in parts):
        return [s]
    return parts


def _merge_unlabelled(series: list[Series], resets: list[int]) -> list[Series]:
    """An unlabelled series of the same magnitude as the labelled one before it continues it.

    Profiles do not always sort a series by year ("3,430,380 2019" then "2,710,000 2020").
    """
    merged: list[Series] = []
    for s in series:
        not_available = all(r.value is None for r in s.rows) and int(s.rows[0].year) <= int(merged[-1].rows[-1].year) \
            if merged else False
        if merged and not s.labels and merged[-1].labels and (not_available or _similar(merged[-1], s)) \
                and not any(merged[-1].last < r < s.first for r in resets):
            merged[-1].rows.extend(s.rows)
            continue
        merged.append(s)
    return merged


def _similar(a: Series, b: Series) -> bool:
    va = [abs(r.value) for r in a.rows if r.value]
    vb = [abs(r.value) for r in b.rows if r.value]
    if not va or not vb or a.rows[-1].is_decimal != b.rows[0].is_decimal:
        return False
    low, high = sorted((sum(va) / len(va), sum(vb) / len(vb)))
    return high / low < _SAME_MAGNITUDE


def _reset_between(ordered_resets: list[int], low: int, high: int) -> bool:
    """Is a reset line strictly between ``low`` and ``high``? A bisection, not a scan of every reset."""
    i = bisect_right(ordered_resets, low)
    return i < len(ordered_resets) and ordered_resets[i] < high


def _attach_orphan(block: list[tuple[int, str]], series: list[Series], resets: list[int]) -> None:
    """Give a label block that sits beside no value to the nearest unlabelled series it fits.

    ``resets`` must be sorted.
    """
    line = block[0][0]
    block_text = " ".join(t for _, t in block)
    candidates = []
    for s in series:
        if _reset_between(resets, min(line, s.first), max(line, s.last)):
            continue
        distance = 0 if s.first <= line <= s.last else min(abs(line - s.first), abs(line - s.last))
        if distance > 6 or _series_indicator(s) is not None:
            continue
        joined = " ".join([text for _, text in sorted(s.labels)] + [block_text]) if s.last < line \
            else " ".join([block_text] + [text for _, text in sorted(s.labels)])
        found = match_label(joined)
        if found is None or not _plausible(found[0], s.rows):
            continue
        candidates.append((distance, 0 if s.last < line else 1, id(s), s))
    if candidates:
        min(candidates)[3].labels.extend(block)


def _series_indicator(s: Series) -> str | None:
    if not s.labels:
        return None
    found = match_label(" ".join(text for _, text in sorted(s.labels)))
    if found is None or not _plausible(found[0], s.rows):
        return None
    return found[0]


# ---------------------------------------------------------------- extractor


def _quick_facts(document: Document) -> Iterable[tuple[str, float | None, str, int, int]]:
    pos = 0
    for line in document.text.split("\n"):
        m = _QUICK_FACT.match(line)
        if m:
            found = match_label(m.group("label"))
            if found:
                raw = m.group("value")
                value = None if _NOT_AVAILABLE.match(raw) else _parse_value(raw)
                if value is None or _plausible_value(found[0], value):
                    yield found[0], value, m.group("year"), pos + m.start(), pos + m.end("value")
        pos += len(line) + 1


def _plausible_value(slug: str, value: float) -> bool:
    return _plausible(slug, [ValueRow(0, value, "2000", 0, 0)])


def _table_statistics(rows: list[list[Cell]]) -> Iterable[tuple[str, float | None, str, int, int]]:
    values, labels, resets = _row_entries(rows)
    for group in (LEFT, RIGHT):
        for s in _series(values[group], labels[group], resets):
            slug = _series_indicator(s)
            if slug is None:
                continue
            for row in s.rows:
                yield slug, row.value, row.year, row.start, row.end


def find_table_statistics(document: Document) -> list[Fact]:
    has_words = any(p.words for p in document.pages)
    if not has_words and not _TABLE_CUE.search(document.text):
        return []
    found: list[tuple[str, float | None, str, int, int, str]] = [(*f, "quick_facts") for f in _quick_facts(document)]
    if has_words:
        for page in document.pages:
            if page.words:
                found.extend((*f, "table:positions") for f in _table_statistics(_page_rows(document, page)))
    else:
        found.extend((*f, "table:text") for f in _table_statistics(_text_rows(document)))
    facts: list[Fact] = []
    seen: set[tuple[str, float | None, str]] = set()
    vocabulary = indicators()
    for slug, value, year, start, end, rule in found:
        key = (slug, value, year)
        if key in seen or start >= end:
            continue
        seen.add(key)
        fields = {
            "indicator": slug,
            "value": int(value) if value is not None and float(value).is_integer() else value,
            "unit": vocabulary[slug].unit,
            "date": year,
        }
        facts.append(make_fact(document, FactType.STATISTIC, start, end, fields,
                               extractor=f"{NAME}@{VERSION}", rule=rule,
                               confidence=0.85 if rule == "quick_facts" else 0.7))
    return facts


@register(NAME, version=VERSION, produces=[FactType.STATISTIC])
def extract(document: Document) -> Iterable[Fact]:
    return find_table_statistics(document)
