"""The law-title rule of ../shared/spec/facts.md: when two titles name the same law or body.

Scoring, extraction (which merges repeated mentions of a law) and the
profile (which groups facts about one law or institution) must agree on it.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_REPUBLIC_OF = re.compile(r"\brepublic\s+of\s+[^\W_]+", re.UNICODE)
_TITLE_STOPWORDS = frozenset({"the", "of", "a", "an", "on", "new", "republic", "s"})


def title_words(title: str | None) -> frozenset[str]:
    """The law-title rule's word set: case-folded, 'republic of X' removed, stopwords dropped."""
    if not title:
        return frozenset()
    text = _REPUBLIC_OF.sub(" ", str(title).casefold())
    return frozenset(w for w in _WORD.findall(text) if w not in _TITLE_STOPWORDS)


def titles_match(a: str | None, b: str | None) -> bool:
    """One title's word set contains the other's (empty sets match nothing)."""
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa
