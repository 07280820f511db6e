"""find_dates: the forms the statistics extractor relies on for observation dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.text.dates import dates_match, find_dates, parse_date

ISO = r"^\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?$"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("As of March 3, the office", "2019-03-03"),
        ("as of October.", "2019-10"),
        ("during 2011 alone", "2011"),
        ("In August 2016, police", "2016-08"),
        ("between 2014 and 2017 the", "2014/2017"),
        ("on 9 February 2012", "2012-02-09"),
    ],
)
def test_observation_date_forms(text: str, value: str) -> None:
    mentions = find_dates(text, 2019)
    assert [m.value for m in mentions] == [value]


def test_month_without_year_needs_a_default_year() -> None:
    assert find_dates("As of March 3, the office") == []
    assert find_dates("As of March 3, the office", 2019)[0].year_inferred


def test_modal_may_is_not_a_month() -> None:
    assert find_dates("people may be held", 2020) == []


def test_parse_and_match() -> None:
    assert parse_date("June 2012") == "2012-06"
    assert dates_match("2012", "2012-06-01")
    assert dates_match("2010/2013", "2010-01/2013-12")
    assert not dates_match("2012", "2013")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["March", "May", "12", "2019", "between", "and", "as of", "\t", "\n", ",", "x", "-", "31",
                                 "2020-13-45", "from", "to", "1st"]), max_size=15).map(" ".join) | st.text(max_size=60))
def test_never_raises_and_values_are_iso(text: str) -> None:
    import re

    last = -1
    for m in find_dates(text, 2020):
        assert re.match(ISO, m.value), m
        assert last <= m.start < m.end <= len(text)
        last = m.end


@pytest.mark.parametrize(("text", "value"), [
    ("286 people were detained in January–February 2025.", "2025-01/2025-02"),
    ("Arrivals rose in March-April 2023.", "2023-03/2023-04"),
    ("The centre was closed from March to May 2024.", "2024-03/2024-05"),
    ("Between June and August 2023, 40 people were held.", "2023-06/2023-08"),
    ("Figures for Jan.–Mar. 2021 show a fall.", "2021-01/2021-03"),
])
def test_a_range_of_months_in_one_year_is_a_period(text: str, value: str) -> None:
    assert [d.value for d in find_dates(text)] == [value]


def test_a_range_of_months_across_an_unnamed_year_is_not_guessed() -> None:
    assert [d.value for d in find_dates("Detentions peaked in November–February 2025.")] == ["2025-02"]


@pytest.mark.parametrize(("text", "expected"), [
    ("in January and February the regime arrested 2,000 people", ["2023-01/2023-02"]),
    ("between January and November, 99,975 pushbacks were recorded", ["2023-01/2023-11"]),
    ("In August and September, demonstrations turned violent", ["2023-08/2023-09"]),
    ("arrested in January and released in March", ["2023-01", "2023-03"]),
    ("In March and again in May", ["2023-03", "2023-05"]),
])
def test_two_months_joined_as_a_range_are_one_period(text: str, expected: list[str]) -> None:
    from habeas.text.dates import find_dates

    assert [d.value for d in find_dates(text, 2023)] == expected
