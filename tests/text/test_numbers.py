"""find_numbers: every written form, its span, and the qualifier before it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.text.numbers import find_numbers, word_number_value


def _one(text: str):
    found = [n for n in find_numbers(text) if n.value is not None]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a total of 2,315 cases", 2315),
        ("there were 908,112 entries", 908112),
        ("roughly 4.2 million residents", 4_200_000),
        ("seventeen boats", 17),
        ("forty-one guards", 41),
        ("a rate of 0.07 here", 0.07),
        ("rose to 31.8 that year", 31.8),
        ("estimated at 21,400,000 people", 21_400_000),
        ("a fine of 61, 000 units", 61_000),
        ("three hundred guards", 300),
    ],
)
def test_values_of_written_forms(text: str, value: float) -> None:
    mention = _one(text)
    assert mention.value == pytest.approx(value)
    assert text[mention.start:mention.end].strip()


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("some 12,000 people", "approx"),
        ("about 45 boats", "approx"),
        ("an estimated 3,300 arrivals", "approx"),
        ("at least 70 detainees", "min"),
        ("more than 4,100 arrests", "min"),
        ("in excess of 800 claims", "min"),
        ("up to ninety days", "max"),
        ("no more than 12 months", "max"),
        ("fewer than 300 places", "max"),
        ("exactly 515 claims", None),
    ],
)
def test_qualifiers(text: str, qualifier: str | None) -> None:
    assert _one(text).qualifier == qualifier


def test_vague_amounts_have_no_value() -> None:
    found = find_numbers("hundreds of people and dozens of boats")
    assert [n.value for n in found] == [None, None]


def test_years_money_and_percent_are_flagged() -> None:
    year, money, dollars, pct = (n for n in find_numbers("in 2016 a fee of 4,000 euros ($4,400) and 37% more"))
    assert year.is_year_like
    assert money.has_currency and dollars.has_currency
    assert pct.is_percent and pct.value == 37
    assert not _one("a count of 2,016 files").is_year_like


def test_codes_and_fractions_are_not_numbers() -> None:
    values = [n.value for n in find_numbers("COVID-19 report, page 2/5, ratio 7/19, the 88TH session")]
    assert values == []


def test_year_then_count_are_not_merged() -> None:
    values = [n.value for n in find_numbers("in 2021, 412 claims were lodged")]
    assert values == [2021, 412]


def test_word_number_value() -> None:
    assert word_number_value("twenty-six") == 26
    assert word_number_value("two thousand") == 2000
    assert word_number_value("bananas") is None


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,. -%$\tabcmilonthyfrx\n")) , max_size=80) | st.text(max_size=80))
def test_never_raises_and_spans_are_in_bounds(text: str) -> None:
    for n in find_numbers(text):
        assert 0 <= n.start < n.end <= len(text)
        assert n.value is None or n.value >= 0
