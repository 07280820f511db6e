"""Documents as Habeas sees them: one text, cut into pages and passages.

Every offset in Habeas is a character offset into ``Document.text``; pages and
passages are ranges of that text, so a fact's quote can always be re-derived
from its offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOCUMENT_KINDS = ("profile", "monitor", "submission", "state-report", "ngo-report", "other")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a PDF page with its box, in PDF points from the top-left.

    Kept so that garbled table layouts can be rebuilt from positions.
    ``start_char`` is the word's offset in the document text.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    start_char: int


@dataclass(frozen=True, slots=True)
class Page:
    """A 1-based page and the range of document text it holds."""

    number: int
    start_char: int
    end_char: int
    words: tuple[Word, ...] = ()
    width: float = 0.0
    height: float = 0.0


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph-level range of the text, the unit of search and review context."""

    start_char: int
    end_char: int
    page: int | None = None


@dataclass(slots=True)
class ExtractedText:
    """What a reader returns: text plus whatever metadata the file itself carries."""

    text: str
    pages: list[Page] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    url: str | None = None
    media_type: str = "text/plain"
    problems: list[str] = field(default_factory=list)

    @property
    def has_pages(self) -> bool:
        return bool(self.pages)


@dataclass(slots=True)
class Document:
    """A source document with its metadata, text, pages and passages."""

    sha256: str
    filename: str
    media_type: str
    text: str
    pages: list[Page] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    country: str | None = None
    kind: str = "other"
    url: str | None = None
    confidential: bool = False
    size_bytes: int = 0
    id: int | None = None

    @property
    def has_pages(self) -> bool:
        return bool(self.pages)

    @property
    def year(self) -> int | None:
        if self.published and self.published[:4].isdigit():
            return int(self.published[:4])
        return None

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding character ``offset``, or None without pages."""
        if not self.pages:
            return None
        lo, hi = 0, len(self.pages) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.pages[mid].start_char <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.pages[lo].number
