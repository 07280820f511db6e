"""Plain text and Markdown: decode whatever encoding the file came in.

Reports saved as text come from old Windows machines (cp1251, cp1252), from
Word's "Unicode text" export (UTF-16, sometimes without a BOM) or from the web
(UTF-8). Decoding tries the cheap, certain signals first and asks
charset-normalizer only when they fail. Form feeds mark pages, as ``pdftotext``
writes them; the text is otherwise kept as it is apart from line endings.
"""

from __future__ import annotations

import codecs
import re

from habeas.domain.document import ExtractedText, Page
from habeas.errors import CorruptFile

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls other than tab, newline, carriage return and form feed, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_RATIO = 0.02
_SAMPLE = 65536


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when one byte of each pair takes only a few values.

    In UTF-16 text of one script the high byte of every character is nearly
    constant (0x00 for Latin, 0x04 for Cyrillic ...), while the low byte varies.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = set(sample[0::2]), set(sample[1::2])
    if len(odd) <= 4 and len(even) > 2 * len(odd):
        return "utf-16-le"
    if len(even) <= 4 and len(odd) > 2 * len(even):
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises CorruptFile for binary content."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding)
            if text is not None:
                return text, encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = _strict(data, utf16)
        if text is not None:
            return text, utf16
    if b"\x00" in data[:_SAMPLE]:
        raise CorruptFile("binary content, not text")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    return _guess(data)


# Code pages that reports really arrive in; an open search picks exotic look-alikes
# (mac_latin2 for French) on short texts.
_CODE_PAGES = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "koi8_r", "cp866", "mac_cyrillic", "iso8859_2", "gb18030", "big5", "shift_jis", "euc_kr",
]


def _guess(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 4 * _SAMPLE], cp_isolation=_CODE_PAGES).best()
    encoding = best.encoding if best is not None else "cp1252"
    text = _strict(data, encoding)
    if text is None:
        # The sample decoded, the whole file did not: keep going rather than refuse.
        text = data.decode(encoding, errors="replace")
    return text, encoding


def _check_not_binary(text: str) -> None:
    sample = text[:_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_RATIO * len(sample):
        raise CorruptFile("binary content, not text")


def pages_from_form_feeds(text: str) -> list[Page]:
    """One page per form-feed-separated chunk; no pages when there is no form feed."""
    if "\f" not in text:
        return []
    pages: list[Page] = []
    start = 0
    for number, chunk in enumerate(text.split("\f"), start=1):
        pages.append(Page(number=number, start_char=start, end_char=start + len(chunk)))
        start += len(chunk) + 1
    # A trailing form feed does not open a real page.
    if len(pages) > 1 and not text[pages[-1].start_char:].strip():
        pages.pop()
    return pages


def read(data: bytes, filename: str) -> ExtractedText:
    text, _encoding = decode_text(data)
    _check_not_binary(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    media_type = "text/markdown" if filename.lower().endswith((".md", ".markdown")) else "text/plain"
    return ExtractedText(
        text=text,
        pages=pages_from_form_feeds(text),
        title=_markdown_title(text) if media_type == "text/markdown" else None,
        media_type=media_type,
    )


_MD_HEADING = re.compile(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def _markdown_title(text: str) -> str | None:
    match = _MD_HEADING.search(text[:4000])
    return match.group(1).strip("*_ ") if match else None
