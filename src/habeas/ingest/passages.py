"""Cut a document's text into paragraph-level passages without changing the text.

Passages are the unit of search hits and of the context shown to reviewers, so
they should be paragraphs as a reader sees them. Three text shapes occur:
blank-line-separated paragraphs (PDF blocks, HTML, DOCX), one paragraph per
line (text exported from Word), and hard-wrapped lines (``pdftotext``, e-mail),
where a paragraph spans several lines. Passages are only ranges, so joining
wrapped lines never rewrites the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from habeas.domain.document import Page, Passage

MAX_PASSAGE_CHARS = 1500

_BLOCK_BREAK = re.compile(r"\n[ \t\r]*\n\s*|\f")
# A line without its surrounding whitespace (whitespace-only lines do not match).
_TRIMMED_LINE = re.compile(r"[^\S\n]*(\S(?:[^\n]*\S)?)")
_SENTENCE_END = re.compile(r"[.!?;:][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9•\-])")
_BULLET = re.compile(r"\s*(?:[-–•*▪●◦]\s|\(?[0-9]{1,2}[.)]\s|\(?[a-z][.)]\s)")


def split_passages(text: str, pages: Sequence[Page] = ()) -> list[Passage]:
    """Paragraph ranges of ``text`` in order, each with its page (None without pages).

    With pages, a passage never crosses a page boundary.
    """
    segments: list[tuple[int, int, int | None]] = [(p.start_char, p.end_char, p.number) for p in pages]
    segments = segments or [(0, len(text), None)]
    passages: list[Passage] = []
    for seg_start, seg_end, page in segments:
        for start, end in _blocks(text, seg_start, seg_end):
            for para_start, para_end in _paragraphs_of_block(text, start, end):
                for piece_start, piece_end in _split_long(text, para_start, para_end):
                    passages.append(Passage(piece_start, piece_end, page))
    return passages


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Blank-line (or form-feed) separated ranges of text[start:end], trimmed."""
    out: list[tuple[int, int]] = []
    pos = start
    for match in _BLOCK_BREAK.finditer(text, start, end):
        out.extend(_trimmed(text, pos, match.start()))
        pos = match.end()
    out.extend(_trimmed(text, pos, end))
    return out


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if end > start else []


def _paragraphs_of_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block at the line breaks that end a paragraph.

    In hard-wrapped text (most lines close to one wrap width) only a short line,
    or a line followed by a bullet, ends a paragraph; in
    other text every line break does, except between table rows.
    """
    if text.find("\n", start, end) < 0:
        return [(start, end)]
    lines = [m.span(1) for m in _TRIMMED_LINE.finditer(text, start, end)]
    if len(lines) < 2:
        return lines
    lengths = sorted(e - s for s, e in lines)
    wrap = lengths[int(0.9 * (len(lengths) - 1))]
    near_wrap = sum(1 for n in lengths if n >= 0.7 * wrap)
    # Wrapping happens at 40-200 characters; longer lines are whole paragraphs.
    hard_wrapped = 40 <= wrap <= 200 and near_wrap >= 0.5 * len(lines)

    paragraphs: list[tuple[int, int]] = []
    para_start = lines[0][0]
    for (s, e), (next_s, next_e) in pairwise(lines):
        if hard_wrapped:
            # Wrapped lines run close to the wrap width; a short one ends a paragraph or heading.
            breaks = (e - s) < 0.7 * wrap or bool(_BULLET.match(text, next_s, next_e))
        else:
            breaks = text.find("\t", s, e) < 0 or text.find("\t", next_s, next_e) < 0
        if breaks:
            paragraphs.append((para_start, e))
            para_start = next_s
    paragraphs.append((para_start, lines[-1][1]))
    return paragraphs


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph longer than MAX_PASSAGE_CHARS at sentence ends (else at spaces)."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_PASSAGE_CHARS:
        limit = start + MAX_PASSAGE_CHARS
        cut = None
        for match in _SENTENCE_END.finditer(text, start + MAX_PASSAGE_CHARS // 3, limit):
            cut = match.end()
        if cut is None:
            space = text.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        out.extend(_trimmed(text, start, cut))
        start = cut
    out.extend(_trimmed(text, start, end))
    return out
