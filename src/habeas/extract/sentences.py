"""Cut document text into paragraphs and sentences, keeping character offsets.

Extractors of cases, events and recommendations reason sentence by sentence
(which person a verb belongs to, which date sets the time of a paragraph), and
every fact must cite exact offsets, so the split never rewrites the text: it
only returns ranges. It is regex-based on purpose: spaCy-grade parsing would
cost far more than the whole pipeline's budget of 50,000 words per second.

Paragraphs: reports arrive as one paragraph per line (HTML, DOCX, monitor
updates) or as PDF text wrapped at a fixed width. A line break ends a
paragraph after a blank line, after sentence-final punctuation, after a short
line (a heading or the last line of a paragraph), before a bullet, and around
table rows (lines holding tabs); otherwise wrapped lines are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET_GLYPHS = "-–—•▪◦●○■□*\uf0b7\uf0a7\uf0d8\uf076\u2023\u2043\u25aa\u25cf→➢►➔➤▶✓✔❖◆◇"
BULLET = re.compile(r"^[ \t]*(?:[" + re.escape(BULLET_GLYPHS) + r"](?=\s)|\(?[a-z]\)|\d{1,2}[.)](?=\s))\s*")

_LINE = re.compile(r"[^\n]*\n?")
_FINAL_PUNCT = re.compile(r"[.!?:;][\"'”’)\]]*\s*$")
_SHORT_LINE = 70

# A boundary candidate: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0400-\u042f])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "art", "arts", "para", "paras", "vol",
    "p", "pp", "e.g", "i.e", "cf", "vs", "v", "approx", "inc", "ltd", "co", "corp", "gen", "col",
    "lt", "sgt", "rev", "hon", "sr", "jr", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "fig", "ch", "sec", "doc", "op", "cit", "ibid", "al", "res",
    "u.s", "u.k", "u.n", "e.u", "gov", "govt", "dept", "est", "mt", "ft", "rep",
})
_TOKEN_BEFORE = re.compile(r"([\w.]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a character range of the document, with its paragraph index."""

    start: int
    end: int
    paragraph: int

    def text(self, source: str) -> str:
        return source[self.start:self.end]


def iter_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, the newline excluded."""
    out: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        end = m.end() - 1 if m.group().endswith("\n") else m.end()
        out.append((m.start(), end))
    return out


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges, whitespace-only lines dropped."""
    out: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for start, end in iter_lines(text):
        line = text[start:end]
        if not line.strip():
            if current:
                out.append(current)
            current, previous = None, ""
            continue
        joins = (current is not None and not _FINAL_PUNCT.search(previous)
                 and len(previous.strip()) >= _SHORT_LINE and "\t" not in previous
                 and "\t" not in line and not BULLET.match(line))
        if joins and current is not None:
            current = (current[0], end)
        else:
            if current:
                out.append(current)
            current = (start, end)
        previous = line
    if current:
        out.append(current)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the period at ``dot`` the end of an abbreviation or an initial, not of a sentence?"""
    if text[dot] != ".":
        return False
    m = _TOKEN_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    token = m.group(1)
    if len(token) == 1 and token.isupper():  # an initial: "J. Smith"
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):  # U.S. / e.g.
        return True
    return token.lower() in _ABBREVIATIONS


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence ranges inside ``text[start:end]``, outer whitespace trimmed."""
    out: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        out.append((cursor, m.end()))
        cursor = m.end()
    out.append((cursor, end))
    trimmed: list[tuple[int, int]] = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    return trimmed


_LAST: list[tuple[str, tuple[Sentence, ...]]] = []


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence of ``text`` in order, each tagged with its paragraph index.

    The last result is kept: several extractors split the same document in a
    row, and the split is a measurable share of their time.
    """
    if _LAST and _LAST[0][0] is text:
        return _LAST[0][1]
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        for s, e in split_paragraph(text, p_start, p_end):
            sentences.append(Sentence(s, e, index))
    result = tuple(sentences)
    _LAST[:] = [(text, result)]
    return result


# A dateline heads each entry of a page of dated updates ("## 4 February 2022 – Libya").
_DATELINE = re.compile(
    r"^[#*\t ]*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+((?:19|20)\d{2})\b[^\n]{0,80}$", re.MULTILINE)


def dateline_years(text: str) -> list[tuple[int, int]]:
    """``(offset, year)`` of each dateline, in order.

    In a page of dated updates a date written without a year ("On 6 February")
    belongs to the year of the update it is written under, not to the year of
    the page as a whole; cases and events both need that year.
    """
    return [(m.start(), int(m.group(1))) for m in _DATELINE.finditer(text)]


def year_at(datelines: list[tuple[int, int]], offset: int, default: int | None) -> int | None:
    """The year of the dateline above ``offset``, else ``default``."""
    lo, hi = 0, len(datelines)
    while lo < hi:
        mid = (lo + hi) // 2
        if datelines[mid][0] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return datelines[lo - 1][1] if lo else default
