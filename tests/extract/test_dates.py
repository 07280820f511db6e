"""find_dates: the forms the statistics extractor relies on for observation dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.extract.dates import dates_match, find_dates, parse_date

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
