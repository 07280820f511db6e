"""Documents as Habeas sees them: one text, cut into pages and passages.

Every offset in Habeas is a character offset into ``Document.text``; pages and
passages are ranges of that text, so a fact's quote can always be re-derived
from its offsets.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import overload

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


_WORD_SLOTS = tuple(getattr(Word, name).__set__ for name in ("text", "x0", "y0", "x1", "y1", "start_char"))


def _make_words(columns: Sequence[Sequence[object]]) -> list[Word]:
    """Word records from column sequences, one slot at a time.

    Equivalent to ``list(map(Word, *columns))`` (it fills the same slots, as
    unpickling does), but the frozen dataclass ``__init__`` costs six Python
    ``object.__setattr__`` calls per word; here the loops run in C.
    """
    words = list(map(Word.__new__, repeat(Word, len(columns[0]))))
    for set_slot, column in zip(_WORD_SLOTS, columns, strict=True):
        deque(map(set_slot, words, column), maxlen=0)
    return words


class WordBoxes(Sequence[Word]):
    """The words of a page, held as columns and made into ``Word`` records on first read.

    A long PDF has hundreds of thousands of words, but only table
    reconstruction ever reads them: ingest without extraction, or of a page
    nobody inspects, should not pay for building a record per word.
    """

    __slots__ = ("_columns", "_words")

    def __init__(self, texts: Sequence[str], x0: Sequence[float], y0: Sequence[float],
                 x1: Sequence[float], y1: Sequence[float], starts: Sequence[int]) -> None:
        self._columns: tuple[Sequence[object], ...] | None = (texts, x0, y0, x1, y1, starts)
        self._words: list[Word] | None = None

    def _all(self) -> list[Word]:
        if self._words is None:
            assert self._columns is not None
            self._words = _make_words(self._columns)
            self._columns = None
        return self._words

    def __len__(self) -> int:
        return len(self._columns[0]) if self._columns is not None else len(self._all())

    @overload
    def __getitem__(self, index: int) -> Word: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Word]: ...
    def __getitem__(self, index: int | slice) -> Word | Sequence[Word]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Word]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"WordBoxes({len(self)} words)"


@dataclass(frozen=True, slots=True)
class Page:
    """A 1-based page and the range of document text it holds."""

    number: int
    start_char: int
    end_char: int
    words: Sequence[Word] = ()
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
