"""PDF text with pages and word positions, via PyMuPDF.

One text extraction per page (``get_text("words")``) gives both the text and
the word boxes; lines and blocks are rebuilt from the block/line numbers PyMuPDF
attaches to each word. A wide gap within a line, or a jump to the right on the
same baseline (PyMuPDF often makes each table cell its own line or block),
becomes a tab so that table rows stay one line with their columns apart. Lines end with "\\n", blocks with a blank line, and
pages are joined with a blank line ("\\n\\n"); ``Page.start_char``/``end_char``
give each page's exact range.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Sequence
from datetime import datetime
from itertools import accumulate, chain, islice

import pymupdf

from habeas.domain.document import ExtractedText, Page, Word, WordBoxes
from habeas.errors import CorruptFile, EncryptedFile, NoTextLayer

PAGE_SEPARATOR = "\n\n"
PARAGRAPH_BREAK = "\n\n"
_SENTENCE_STOPS = (".", "!", "?", ":", ";")
_TAB_GAP = 2.0  # a gap wider than this many times the font height separates table cells
_LINE_GAP = 0.6  # blocks closer than this many line heights belong to one paragraph or table
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft word\s*-|document\d*$|\S+\.(?:docx?|pdf|indd)$)", re.IGNORECASE)

def _open(data: bytes) -> pymupdf.Document:
    pymupdf.TOOLS.mupdf_display_errors(False)  # damage is reported as CorruptFile, not on stderr
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises FileDataError, RuntimeError, ValueError ...
        raise CorruptFile(f"damaged or truncated PDF ({exc})") from exc
    if doc.needs_pass and not doc.authenticate(""):
        doc.close()
        raise EncryptedFile("the PDF is password-protected; remove the password and try again")
    if doc.page_count == 0:
        doc.close()
        raise CorruptFile("damaged or truncated PDF (no pages could be read)")
    return doc


def _page_text(page: pymupdf.Page, offset: int) -> tuple[str, Sequence[Word]]:
    """Text of one page and its words, with offsets counted from ``offset``.

    Written as comprehensions over PyMuPDF's word tuples rather than one loop
    with appends: this function is the ingest hot path for long reports.
    """
    raw = page.get_text("words", sort=False)
    if not raw:
        return "", ()
    # word tuple: (x0, y0, x1, y1, text, block_no, line_no, word_no); transpose once
    x0, y0, x1, y1, texts, blocks, lines, _ = zip(*raw, strict=True)
    seps = [""] + [
        (" " if nx0 - px1 <= _TAB_GAP * (ny1 - ny0) else "\t") if b1 == b0 and l1 == l0
        # a cell of the same table row: same baseline, further right
        else "\t" if nx0 > px1 and abs(ny1 - py1) < 0.5 * (ny1 - ny0)
        # a new block right below the last line (table rows, split paragraphs) is a new line
        else "\n" if b1 == b0 or 0 <= ny0 - py1 < _LINE_GAP * (ny1 - ny0)
        else PARAGRAPH_BREAK
        for b0, b1, l0, l1, px1, nx0, py1, ny0, ny1 in zip(
            blocks, blocks[1:], lines, lines[1:], x1, x0[1:], y1, y0[1:], y1[1:], strict=False
        )  # each word beside the next: the shifted columns are one shorter
    ]
    _join_run_on_paragraphs(seps, texts)
    pieces = list(chain.from_iterable(zip(seps, texts, strict=True)))
    ends = accumulate(map(len, pieces), initial=offset)
    starts = islice(ends, 1, None, 2)  # the offset after each separator is a word start
    return "".join(pieces), WordBoxes(texts, x0, y0, x1, y1, list(starts))


def _join_run_on_paragraphs(seps: list[str], texts: Sequence[str]) -> None:
    """Turn a paragraph break back into a line break where the sentence plainly runs on.

    Double-spaced documents (submissions, court papers) put every line in a block
    of its own, farther apart than paragraphs of single-spaced text. A break after
    a line that ends without a stop, before one that starts in lower case, is a
    wrapped line. Only paragraph breaks are visited (``list.index`` scans in C).
    """
    i = 0
    while True:
        try:
            i = seps.index(PARAGRAPH_BREAK, i + 1)
        except ValueError:
            return
        if texts[i][:1].islower() and texts[i - 1][-1:] not in _SENTENCE_STOPS:
            seps[i] = "\n"


def _pdf_date(raw: str | None) -> str | None:
    """'D:20200614093000Z' -> '2020-06-14'."""
    if not raw:
        return None
    digits = raw.removeprefix("D:")
    try:
        return datetime.strptime(digits[:8], "%Y%m%d").date().isoformat()
    except ValueError:
        return digits[:4] if digits[:4].isdigit() and digits[:2] in ("19", "20") else None


def _title(metadata: dict[str, str] | None) -> str | None:
    title = ((metadata or {}).get("title") or "").strip()
    if len(title) < 4 or _JUNK_TITLE.search(title):
        return None
    return title


def _read_pages(doc: pymupdf.Document) -> tuple[str, list[Page], list[str]]:
    """(joined text, pages, problems); a page that fails is kept empty and reported."""
    chunks: list[str] = []
    pages: list[Page] = []
    problems: list[str] = []
    pos = 0
    for index in range(doc.page_count):
        if index:
            chunks.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        try:
            page = doc.load_page(index)
            text, words = _page_text(page, pos)
            width, height = page.rect.width, page.rect.height
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            problems.append(f"page {index + 1}: could not read text ({exc})")
            text, words, width, height = "", (), 0.0, 0.0
        chunks.append(text)
        pages.append(Page(index + 1, pos, pos + len(text), words, width, height))
        pos += len(text)
    return "".join(chunks), pages, problems


def read(data: bytes, filename: str) -> ExtractedText:
    doc = _open(data)
    # Hundreds of thousands of small acyclic objects: cyclic GC passes would only
    # rescan them, for about a quarter of the reading time of a long report.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        text, pages, problems = _read_pages(doc)
        metadata = doc.metadata
    finally:
        if gc_was_enabled:
            gc.enable()
        doc.close()
    if not any(page.words for page in pages):
        raise NoTextLayer("no text layer (scanned?); OCR is not supported yet")
    empty = [p.number for p in pages if not p.words]
    if empty:
        problems.append(f"{len(empty)} page(s) without text (scanned?): {empty[:10]}")
    return ExtractedText(
        text=text,
        pages=pages,
        title=_title(metadata),
        published=_pdf_date((metadata or {}).get("creationDate")),
        media_type="application/pdf",
        problems=problems,
    )
