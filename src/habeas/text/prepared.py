"""A document's text that carries what is derived from it, computed once on first use.

Several extractors read the same document one after the other, and each needs
its lower-cased copy and its sentences. ``PreparedText`` is a ``str`` (every
regex and slice works on it unchanged) that keeps those derived values on
itself, so they are computed once per document and dropped with it: no module
keeps a "last document" cache, and two documents analysed side by side never
share or evict each other's values.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from habeas.text.sentences import Sentence


class PreparedText(str):
    """Text with its lower-cased copies and sentences, each computed once on first use."""

    @cached_property
    def lower_copies(self) -> tuple[str | None, str | None]:
        """(lowered, lowered_exact): see ``habeas.text.patterns.lowered``."""
        low = str.lower(self)
        same_length = low if len(low) == len(self) else None
        exact = same_length if same_length is not None and "ı" not in low and "ſ" not in low else None
        return same_length, exact

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        from habeas.text.sentences import sentences_of

        return sentences_of(str(self))
