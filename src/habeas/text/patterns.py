"""Regex helpers: tries of literal words, lower-case twins of patterns, anchored scans.

Extractors run one after the other on the same document, and several of them
need the same derived text: a lower-cased copy for case-insensitive scans.
Matching a lower-case pattern against a lower-cased copy is two to three times
faster than ``re.IGNORECASE`` on the original (the engine then compares
characters directly instead of folding each one), and the offsets agree
whenever lower-casing keeps the length, which it does for all but a handful of
exotic characters (then callers fall back to ``re.IGNORECASE``).

Two letters match an ASCII letter under ``re.IGNORECASE`` and yet lower-case to
themselves: the dotless "ı" (an i) and the long "ſ" (an s). ``lowered_exact``
gives no copy for a text holding either, so that a lower-case scan, or a plain
``"word" in low`` check, finds exactly what a case-insensitive pattern written
in ASCII letters would.

A document's ``PreparedText`` (see ``habeas.text.prepared``) carries its copies, made
once; any other text is lower-cased on each call.
"""

from __future__ import annotations

import re

from habeas.text.prepared import PreparedText


def _lower_copies(text: str) -> tuple[str | None, str | None]:
    if isinstance(text, PreparedText):
        return text.lower_copies  # the document's own copies, computed once
    low = text.lower()
    same_length = low if len(low) == len(text) else None
    exact = same_length if same_length is not None and "ı" not in low and "ſ" not in low else None
    return same_length, exact


def lowered(text: str) -> str | None:
    """``text.lower()`` when it has the same length as ``text`` (offsets agree), else None."""
    return _lower_copies(text)[0]


def lowered_exact(text: str) -> str | None:
    """``lowered(text)``, unless the text holds a letter that case folding and lower-casing
    treat apart ("ı", "ſ"): then None, and callers scan the text case-insensitively."""
    return _lower_copies(text)[1]


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


def finditer_ci(pattern: re.Pattern[str], twin: re.Pattern[str], text: str,
                finder: re.Pattern[str] | None = None) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, found faster with its lower-case ``twin``.

    The twin scans the lower-cased copy; ``pattern`` is then matched again on the
    original text at each hit (a handful per document), so callers get the
    original words in their groups. Should a re-match ever disagree, the plain
    scan is used instead. With a ``finder`` (see ``finditer_from``) the twin is
    tried only where the finder's words begin.
    """
    low = lowered(text)
    if low is None:
        return list(pattern.finditer(text))
    found = []
    for hit in twin.finditer(low) if finder is None else finditer_from(twin, low, finder):
        m = pattern.match(text, hit.start())
        if m is None or m.end() != hit.end():
            return list(pattern.finditer(text))
        found.append(m)
    return found


def finditer_from(pattern: re.Pattern[str], text: str, finder: re.Pattern[str], start: int = 0,
                  end: int | None = None, haystack: str | None = None) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, with ``pattern`` tried only where ``finder`` matches.

    A pattern opening on ``\\b`` or on an optional group gives Python's engine no
    first character to skip to, so the whole pattern is tried at every position of
    the text. ``finder``, an alternation of the words every match begins with (see
    ``word_start``), lets the engine skip to those words; the pattern is then tried
    at its hits only. Worth it when the words are rare; a lookahead for the first
    letters, ``(?=[abc])``, is the cheaper remedy otherwise.

    Exact under two conditions the caller guarantees: every match of ``pattern``
    begins where ``finder`` matches, and no match can begin strictly inside a hit
    of ``finder`` (true when the finder's words are made of word characters and
    every match begins a word). ``pattern`` must not match the empty string.
    ``start`` and ``end`` bound the scan as in ``pattern.finditer(text, start, end)``;
    ``finder`` may scan a ``haystack`` with the same offsets (a lower-cased copy).
    """
    end = len(text) if end is None else end
    found = []
    resume = start
    for hit in finder.finditer(text if haystack is None else haystack, start, end):
        at = hit.start()
        if at < resume:
            continue  # inside the previous match, where finditer would not look either
        m = pattern.match(text, at, end)
        if m is not None:
            found.append(m)
            resume = m.end()
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


def word_start(words: list[str], not_after: str = r"\w") -> str:
    """A regex for any of ``words`` at the start of a word, as ``\\b(?:w1|w2|...)`` would be.

    Written so that Python's engine can skip from one candidate first letter to the
    next: a pattern that opens on ``\\b`` gets no such skip and is tried at every
    position of the text (for words with rare first letters, such as capitals, this
    form is tens of times faster). Each branch takes its first letter and only then
    looks back to check that no word character precedes it (``(?<!\\w.)``), which is
    what ``\\b`` before a word character says; ``not_after`` widens that class
    (``r"[\\w-]"`` for ``(?<![\\w-])``). The words, each starting with a word
    character, are laid out as a trie: follow the regex with ``\\b`` (or make sure no
    word is a prefix of another) for the same matches as the flat alternation.
    """
    by_first: dict[str, list[str]] = {}
    for word in words:
        if not re.match(r"\w", word):
            raise ValueError(f"word_start needs words that begin with a word character: {word!r}")
        by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + rf"(?<!{not_after}.)" + trie_pattern(sorted(set(rests)))
                for first, rests in sorted(by_first.items())]
    return "(?:" + "|".join(branches) + ")"
