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

from habeas.text.prepared import PreparedText

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


def wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None for one paragraph per line.

    Text copied out of PDFs, and reports saved from them, break every line at
    about the same width, so most long lines share one length give or take a
    word; text with one paragraph per line has lengths spread widely. The
    width is the 90th percentile of line lengths when at least half of the
    non-blank lines reach 70 % of it and most of those end inside a sentence.
    """
    kept = [text[s:e].rstrip() for s, e in lines if text[s:e].strip()]
    lengths = sorted(len(line) for line in kept)
    if len(lengths) < 8:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width < 40 or width > 200:
        return None
    near = [line for line in kept if len(line) >= 0.7 * width]
    running_on = sum(1 for line in near if not _FINAL_PUNCT.search(line))
    return width if len(near) >= 0.5 * len(kept) and running_on >= 0.5 * len(near) else None


_CONTINUES = re.compile(r"^[ \t]*[a-z(\u201c\"'‘’,]")  # a line opening in lower case goes on a sentence
_COLUMN_GAP = re.compile(r"\S(?: {3,}| ?\.{4,} ?|…{2,})\S")
_LIST_LETTER = re.compile(r"^[ \t]*[a-z][.)]\s")  # "e. Protection of Refugees"
_FIRST_WORD = re.compile(r"^[ \t]*(\S+)")


def _runs_on(previous: str, line: str, width: int | None) -> bool:
    """Does ``line`` continue the paragraph of ``previous`` (both non-blank)?"""
    if "\t" in previous or "\t" in line or BULLET.match(line):
        return False
    if any(_COLUMN_GAP.search(x) or x.count("|") >= 2 for x in (previous, line)):
        return False  # a table row drawn with spaces or pipes
    if _FINAL_PUNCT.search(previous):
        return False
    if len(previous.strip()) >= _SHORT_LINE:
        return True
    if width is None:
        return False
    if _CONTINUES.match(line) and not _LIST_LETTER.match(line) and len(previous.strip()) >= 0.3 * width:
        return True
    # A wrapped line broke because the next word did not fit; a line that ends
    # early with room for the next word ended its paragraph (or is a heading).
    first = _FIRST_WORD.match(line)
    return first is not None and len(previous.rstrip()) + 1 + len(first.group(1)) > width


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges, whitespace-only lines dropped."""
    lines = iter_lines(text)
    width = wrap_width(text, lines)
    out: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    previous = ""
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if current:
                out.append(current)
            current, previous = None, ""
            continue
        if current is not None and _runs_on(previous, line, width):
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


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Every sentence of ``text`` in order, each tagged with its paragraph index.

    A document's ``PreparedText`` keeps its sentences, so the several
    extractors that split the same document split it once.
    """
    if isinstance(text, PreparedText):
        return text.sentences
    return sentences_of(text)


def sentences_of(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        for s, e in split_paragraph(text, p_start, p_end):
            sentences.append(Sentence(s, e, index))
    return tuple(sentences)


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


def flowed(text: str) -> str:
    """``text`` with the line breaks inside each paragraph turned into spaces.

    Same length, same offsets: a fact found in the flowed text cites the same
    characters of the original. Extractors then read "the Convention against
    Torture" whether or not a PDF or a saved report broke the line after
    "Convention"; breaks between paragraphs, table rows and cell-per-line
    blocks stay. Text that was not wrapped at a fixed width is left alone:
    there a long line without a stop is a heading or a key-figures label.
    """
    if wrap_width(text, iter_lines(text)) is None:
        return text  # one paragraph per line: nothing was wrapped
    chars = list(text)
    changed = False
    for start, end in paragraphs(text):
        at = text.find("\n", start, end)
        while at != -1:
            chars[at] = " "
            changed = True
            at = text.find("\n", at + 1, end)
    return "".join(chars) if changed else text
