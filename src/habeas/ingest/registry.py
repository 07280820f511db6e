"""Which reader handles which file: content sniffing first, the extension second.

Content wins because files travel with wrong names (an HTML error page saved as
``report.pdf``, a PDF downloaded as ``download.txt``). Reader modules are
imported lazily so that reading a text file never pays for importing PyMuPDF.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from habeas.domain.document import ExtractedText
from habeas.errors import CorruptFile, UnsupportedFormat

PDF = "application/pdf"
HTML = "text/html"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"

Reader = Callable[[bytes, str], ExtractedText]

# media type -> module exposing ``read(data, filename) -> ExtractedText``
READERS: dict[str, str] = {
    PDF: "habeas.ingest.pdf",
    HTML: "habeas.ingest.html",
    DOCX: "habeas.ingest.docx",
    TEXT: "habeas.ingest.text",
    MARKDOWN: "habeas.ingest.text",
}

EXTENSIONS: dict[str, str] = {
    ".pdf": PDF,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".docx": DOCX,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    "": TEXT,
}

# Formats people will try; named so the message can say what to do instead.
KNOWN_UNSUPPORTED: dict[str, str] = {
    ".doc": "legacy Word .doc is not supported; save it as .docx or PDF",
    ".rtf": "RTF is not supported; save it as .docx or PDF",
    ".odt": "OpenDocument text is not supported; save it as .docx or PDF",
    ".xls": "spreadsheets are not supported",
    ".xlsx": "spreadsheets are not supported",
    ".ppt": "presentations are not supported",
    ".pptx": "presentations are not supported",
    ".epub": "EPUB is not supported",
}

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = (b"<!doctype html", b"<html", b"<?xml version", b"<head", b"<body", b"<!--")


def extension_of(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not start.startswith(_HTML_STARTS):
        return False
    # An XML or comment prologue alone is not enough: require an html/body tag.
    return start.startswith((b"<!doctype html", b"<html")) or b"<html" in head.lower()


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sniff_media_type(data: bytes, filename: str) -> str:
    """The media type of ``data``: magic bytes first, then the file name's extension.

    Raises UnsupportedFormat (naming the extension) for anything no reader handles.
    """
    ext = extension_of(filename)
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        if _is_docx(data):
            return DOCX
        if ext == ".docx":
            raise CorruptFile("not a valid .docx (zip archive without word/document.xml)")
        raise UnsupportedFormat(_unsupported_message(ext, "a zip archive that is not a Word document"))
    if data.startswith(_OLE_MAGIC):
        raise UnsupportedFormat(_unsupported_message(ext or ".doc", KNOWN_UNSUPPORTED[".doc"]))
    if _looks_like_html(head):
        return HTML
    if ext in KNOWN_UNSUPPORTED:
        raise UnsupportedFormat(_unsupported_message(ext, KNOWN_UNSUPPORTED[ext]))
    if ext == ".pdf":
        raise CorruptFile("not a PDF: the %PDF header is missing")
    if ext == ".docx":
        raise CorruptFile("not a valid .docx: not a zip archive")
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    raise UnsupportedFormat(_unsupported_message(ext, None))


def _unsupported_message(ext: str, detail: str | None) -> str:
    known = ", ".join(sorted(e for e in EXTENSIONS if e))
    base = f"unsupported file type {ext!r}" if ext else "unsupported file type (no extension)"
    return f"{base}: {detail}" if detail else f"{base}; Habeas reads {known}"


def reader_for(media_type: str) -> Reader:
    """The ``read`` function registered for ``media_type``."""
    module_name = READERS.get(media_type)
    if module_name is None:
        raise UnsupportedFormat(f"no reader for media type {media_type!r}")
    module = importlib.import_module(module_name)
    reader: Reader = module.read
    return reader
