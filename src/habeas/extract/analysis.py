"""Per-document work that several extractors share, computed once.

Extractors run one after the other on the same document, and several of them
need the same derived text: a lower-cased copy for case-insensitive scans.
Matching a lower-case pattern against a lower-cased copy is two to three times
faster than ``re.IGNORECASE`` on the original (the engine then compares
characters directly instead of folding each one), and the offsets agree
whenever lower-casing keeps the length, which it does for all but a handful of
exotic characters (then callers fall back to ``re.IGNORECASE``).

Only the last document is kept: the pipeline finishes one document before the
next, so a one-entry cache keyed by the text's identity is enough and never
grows.
"""

from __future__ import annotations

import re

_LAST_LOWER: list[tuple[str, str | None]] = []


def lowered(text: str) -> str | None:
    """``text.lower()`` when it has the same length as ``text`` (offsets agree), else None."""
    if _LAST_LOWER and _LAST_LOWER[0][0] is text:
        return _LAST_LOWER[0][1]
    low = text.lower()
    result = low if len(low) == len(text) else None
    _LAST_LOWER[:] = [(text, result)]
    return result


def lower_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a case-insensitive pattern written in lower case.

    Only for patterns with no upper-case class (``[A-Z]``) or escape (``\\S``,
    ``\\W``, ``\\D``, ``\\B``, ``\\A``, ``\\Z``), which lower-casing would change.
    """
    source = pattern.pattern
    if re.search(r"\\[SWDBAZ]|[A-Z]-[A-Z]|\(\?P[<=][^>)]*[A-Z]|\(\?-i", source):
        raise ValueError(f"pattern cannot be lower-cased safely: {source[:60]}")
    lowered_source = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered_source, pattern.flags & ~re.IGNORECASE)


def finditer_ci(pattern: re.Pattern[str], twin: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, found faster with its lower-case ``twin``.

    The twin scans the lower-cased copy; ``pattern`` is then matched again on the
    original text at each hit (a handful per document), so callers get the
    original words in their groups. Should a re-match ever disagree, the plain
    scan is used instead.
    """
    low = lowered(text)
    if low is None:
        return list(pattern.finditer(text))
    found = []
    for hit in twin.finditer(low):
        m = pattern.match(text, hit.start())
        if m is None or m.end() != hit.end():
            return list(pattern.finditer(text))
        found.append(m)
    return found


def trie_pattern(words: list[str]) -> str:
    """One regex alternation built as a prefix trie of literal ``words``.

    Python's engine tries the branches of a flat alternation one by one at every
    position; a trie shares prefixes, so scanning for a hundred words costs about
    as much as scanning for a few.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)
