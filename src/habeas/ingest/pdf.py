"""PDF text with pages and word positions, via PyMuPDF.

One text extraction per page (``get_text("words")``) gives both the text and
the word boxes; lines and blocks are rebuilt from the block/line numbers PyMuPDF
attaches to each word. Within a line, a wide horizontal gap becomes a tab so that
table columns stay apart. Lines end with "\\n", blocks with a blank line, and
pages are joined with a blank line ("\\n\\n"); ``Page.start_char``/``end_char``
give each page's exact range.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import accumulate, chain, islice

import pymupdf

from habeas.domain.document import ExtractedText, Page, Word
from habeas.errors import CorruptFile, EncryptedFile, NoTextLayer

PAGE_SEPARATOR = "\n\n"
_TAB_GAP = 2.0  # a gap wider than this many times the font height separates table cells
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft word\s*-|document\d*$|\S+\.(?:docx?|pdf|indd)$)", re.I)

pymupdf.TOOLS.mupdf_display_errors(False)


def _open(data: bytes) -> pymupdf.Document:
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


def _page_text(page: pymupdf.Page, offset: int) -> tuple[str, list[Word]]:
    """Text of one page and its words, with offsets counted from ``offset``.

    Written as comprehensions over PyMuPDF's word tuples rather than one loop
    with appends: this function is the ingest hot path for long reports.
    """
    raw = page.get_text("words", sort=False)
    if not raw:
        return "", []
    # word tuple: (x0, y0, x1, y1, text, block_no, line_no, word_no)
    seps = [""] + [
        "\n\n" if b[5] != a[5] else "\n" if b[6] != a[6]
        else "\t" if b[0] - a[2] > _TAB_GAP * (b[3] - b[1]) else " "
        for a, b in zip(raw, raw[1:])
    ]
    texts = [w[4] for w in raw]
    ends = accumulate(map(len, chain.from_iterable(zip(seps, texts))), initial=offset)
    starts = list(islice(ends, 1, None, 2))  # offset after each separator = word start
    words = list(map(Word, texts, *zip(*(w[:4] for w in raw)), starts))
    return "".join(chain.from_iterable(zip(seps, texts))), words


def _pdf_date(raw: str | None) -> str | None:
    """'D:20200614093000Z' -> '2020-06-14'."""
    if not raw:
        return None
    digits = raw[2:] if raw.startswith("D:") else raw
    try:
        return datetime.strptime(digits[:8], "%Y%m%d").date().isoformat()
    except ValueError:
        return digits[:4] if digits[:4].isdigit() and digits[:2] in ("19", "20") else None


def _title(metadata: dict[str, str] | None) -> str | None:
    title = ((metadata or {}).get("title") or "").strip()
    if len(title) < 4 or _JUNK_TITLE.search(title):
        return None
    return title


def read(data: bytes, filename: str) -> ExtractedText:
    doc = _open(data)
    try:
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
            except Exception as exc:  # one broken page should not lose the others
                problems.append(f"page {index + 1}: could not read text ({exc})")
                text, words, width, height = "", [], 0.0, 0.0
            chunks.append(text)
            pages.append(Page(index + 1, pos, pos + len(text), tuple(words), width, height))
            pos += len(text)
        if not any(page.words for page in pages):
            raise NoTextLayer("no text layer (scanned?); OCR is not supported yet")
        empty = [p.number for p in pages if not p.words]
        if empty:
            problems.append(f"{len(empty)} page(s) without text (scanned?): {empty[:10]}")
        metadata = doc.metadata
        return ExtractedText(
            text="".join(chunks),
            pages=pages,
            title=_title(metadata),
            published=_pdf_date((metadata or {}).get("creationDate")),
            media_type="application/pdf",
            problems=problems,
        )
    finally:
        doc.close()
