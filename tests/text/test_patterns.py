"""The shared speed-ups must not change what extractors find.

Each speed-up (lower-cased scanning, cheap necessary-condition checks before a
backward-anchored regex, cached date parsing) is checked against the slow path
it replaces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.text import numbers
from habeas.text.dates import find_dates
from habeas.text.patterns import (
    finditer_ci,
    finditer_from,
    lower_pattern,
    lowered,
    lowered_exact,
    word_start,
)


def test_lowered_keeps_offsets_or_declines() -> None:
    assert lowered("Detained IN March") == "detained in march"
    # "İ" lower-cases to two characters: offsets would drift, so no lowered copy
    assert lowered("İstanbul centre") is None


@pytest.mark.parametrize("source", [r"[A-Z]\w+", r"\S+", r"(?-i:May)", r"(?P<Name>x)", r"\bfoo\W"])
def test_lower_pattern_refuses_case_sensitive_parts(source: str) -> None:
    with pytest.raises(ValueError):
        lower_pattern(re.compile(source, re.IGNORECASE))


def test_lower_pattern_keeps_group_names() -> None:
    twin = lower_pattern(re.compile(r"(?P<verb>Detained|Held)\s+(?P=verb)?", re.IGNORECASE))
    m = twin.search("they were detained twice")
    assert m is not None and m.group("verb") == "detained"


def test_finditer_ci_matches_the_case_insensitive_scan() -> None:
    pattern = re.compile(r"\bUniversal\s+Periodic\b|\bUPR\b", re.IGNORECASE)
    twin = lower_pattern(pattern)
    for text in ("The UPR and the universal  periodic review; upr.", "İ UPR universal periodic"):
        assert [m.span() for m in finditer_ci(pattern, twin, text)] == [m.span() for m in pattern.finditer(text)]


_WORDS = st.sampled_from(["In", "March", "may", "May", "2019", "4", "June", "to", "from", "between", "and",
                          "2020-21", "of", "the", "be", "Dec.", "July", "17,", "2021", "people", "1,240", "."])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12))
def test_find_dates_same_with_lowered_scan_and_cache(words: list[str]) -> None:
    text = " ".join(words)
    # a leading "İ " makes lower-casing change the length: the case-insensitive patterns run instead
    reference = [(d.start - 2, d.end - 2, d.value, d.kind) for d in find_dates("İ " + text, 2021)]
    first = find_dates(text, 2021)
    assert [(d.start, d.end, d.value, d.kind) for d in first] == reference
    first.clear()  # callers may mutate their copy without changing the cached result
    assert [(d.start, d.end, d.value, d.kind) for d in find_dates(text, 2021)] == reference


@pytest.mark.parametrize("phrase, qualifier", [
    ("at least", "min"), ("more than", "min"), ("over", "min"), ("in excess of", "min"), ("upwards of", "min"),
    ("no fewer than", "min"), ("not less than", "min"), ("a minimum of", "min"), ("up to", "max"),
    ("no more than", "max"), ("fewer than", "max"), ("less than", "max"), ("at most", "max"),
    ("a maximum of", "max"), ("not exceeding", "max"), ("some", "approx"), ("about", "approx"),
    ("around", "approx"), ("approximately", "approx"), ("approx.", "approx"), ("nearly", "approx"),
    ("almost", "approx"), ("an estimated", "approx"), ("roughly", "approx"), ("close to", "approx"),
    ("circa", "approx"), ("c.", "approx"), ("Over Some", "approx"),
])
def test_every_qualifier_passes_the_cheap_check(phrase: str, qualifier: str) -> None:
    found = numbers.find_numbers(f"Officials said {phrase}  1,200 people were held.")
    assert [n.qualifier for n in found if n.value == 1200] == [qualifier]


@pytest.mark.parametrize("before", ["$", "US$ ", "USD ", "€", "£ ", "KZT "])
def test_currency_before_still_found(before: str) -> None:
    found = numbers.find_numbers(f"a fine of {before}500 was imposed")
    assert [n.has_currency for n in found if n.value == 500] == [True]


_TEXTS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
_GOLD_DOCS = Path(__file__).resolve().parents[1] / "gold_corpus" / "docs"


def _sample_texts() -> list[str]:
    paths = sorted(_TEXTS.glob("*.txt")) + sorted(_GOLD_DOCS.glob("*")) if _TEXTS.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in paths if p.is_file()]


def test_every_event_cue_holds_one_of_its_anchor_words() -> None:
    """Event cues are looked for only in sentences holding an anchor word: that is exact only
    if every possible match of the cue contains one. Checked on every cue match of real reports."""
    texts = _sample_texts()
    if not texts:
        pytest.skip("no seed or gold-corpus texts at ../shared/seeds or tests/gold_corpus/docs")
    from habeas.extract import events

    checked = 0
    for text in texts:
        low = text.lower()
        for kind, pattern in events._CUES_LOWER:
            anchor = events._ANCHORS.get(kind)
            if anchor is None:
                continue
            for m in pattern.finditer(low):
                assert anchor.search(m.group()), (kind, m.group())
                checked += 1
    assert checked > 20


_CUES = ["Minister", "Ministry", "Ombudsperson", "Office", "detention", "de", "centre", "x_y"]
_PIECES = st.sampled_from(_CUES + ["the", " ", "\n", "-", "_", "é", "Xdetention", "of", ".", "2019",
                                   "Ministryx", "ombudsperson", "ı", "ſ", "İ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25), st.sampled_from([r"\w", r"[\w-]"]))
def test_word_start_matches_like_a_leading_word_boundary(pieces: list[str], not_after: str) -> None:
    """``word_start`` is a faster spelling of ``(?<!not_after)(?:w1|w2|...)\\b``."""
    text = "".join(pieces)
    fast = re.compile(word_start(_CUES, not_after) + r"\b")
    slow = re.compile(rf"(?<!{not_after})(?:" + "|".join(sorted(map(re.escape, _CUES), key=len, reverse=True))
                      + r")\b")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25))
def test_finditer_from_yields_what_finditer_yields(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = re.compile(r"\b(?:Minist(?:er|ry)|Office)\b(?:\s+of\s+the)?(?:\s+\w+)?")
    finder = re.compile(word_start(["Minister", "Ministry", "Office"]))
    assert [m.span() for m in finditer_from(pattern, text, finder)] == [m.span() for m in pattern.finditer(text)]


def test_lowered_exact_declines_letters_that_fold_apart() -> None:
    assert lowered_exact("Held in Ankara") == "held in ankara"
    # "ı" and "ſ" match i and s case-insensitively but stay themselves when lower-cased
    assert lowered_exact("Izmır centre") is None and lowered("Izmır centre") == "izmır centre"
    assert lowered_exact("ſtatus") is None
