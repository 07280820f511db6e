"""Tables whose columns are years: one statistic per cell, dated by its column."""

from __future__ import annotations

import pytest

from habeas.domain import Document
from habeas.extract.table_statistics import extract


def _facts(text: str) -> list[tuple[str, float | None, str]]:
    doc = Document(sha256="x", filename="t.txt", media_type="text/plain", text=text, country="ZZZ", published="2024")
    return [(f.fields["indicator"], f.fields["value"], f.fields["date"]) for f in extract(doc)]


@pytest.mark.parametrize(
    "table",
    [
        "KEY FIGURES\nIndicator            2021        2022\nNew asylum applications   1,204   2,310\n"
        "Refugee recognition rate (%)   31.5   40.2\n",
        "| Indicator | 2021 | 2022 |\n|---|---|---|\n| New asylum applications | 1,204 | 2,310 |\n"
        "| Refugee recognition rate (%) | 31.5 | 40.2 |\n",
        "\t2021\t2022\nNew asylum applications\t1,204\t2,310\nRefugee recognition rate (%)\t31.5\t40.2\n",
    ],
)
def test_one_statistic_per_cell_in_any_layout(table: str) -> None:
    assert _facts(table) == [
        ("asylum_applications", 1204, "2021"), ("asylum_applications", 2310, "2022"),
        ("refugee_recognition_rate", 31.5, "2021"), ("refugee_recognition_rate", 40.2, "2022"),
    ]


def test_unknown_labels_dashes_and_misfit_values_yield_nothing() -> None:
    table = ("Indicator   2021   2022\nBudget (million)   12   14\nDeportations   -   3,100\n"
             "Refugee recognition rate (%)   131   140\n")
    assert _facts(table) == [("deportations", 3100, "2022")]


def test_not_available_is_a_null_figure() -> None:
    assert _facts("Indicator   2022   2023\nStateless persons   N/A   27\n") == [
        ("stateless_persons", None, "2022"), ("stateless_persons", 27, "2023")]


def test_prose_and_headings_are_not_tables() -> None:
    text = ("Update 2024\nThe government reported 4,000 deportations\n\n"
            "Between 2021 and 2022 the number of detainees rose sharply.\nDetainees 45\n")
    assert _facts(text) == []


def test_dotted_leader_rows_with_bracketed_dates_hyphenated_labels_and_continuations() -> None:
    text = ("STATISTICS\nTotal number of immigra-\ntion detainees ........ 4,210 [2020-21]\n"
            "                      · 3,905 [2022-23]\nAverage length of deten-\ntion (days) ...... 21.5 [2022]\n"
            "Immigration detention capacity ...... n/a [2023]\nLegal tradition ..... Civil law [2023]\n"
            "Budget (million) ........ 12 [2023]\n")
    assert _facts(text) == [
        ("immigration_detainees", 4210, "2020/2021"), ("immigration_detainees", 3905, "2022/2023"),
        ("detention_length_avg_days", 21.5, "2022"), ("detention_capacity", None, "2023"),
    ]


def test_a_leader_figure_repeated_in_quick_facts_counts_once() -> None:
    text = "Deportations ........ 812 [2023]\n\nSTATISTICS\nDeportations / removals ... 812 [2023]\n"
    assert _facts(text) == [("deportations", 812, "2023")]


def test_day_in_a_row_label_dates_the_cell_and_abbreviations_are_read() -> None:
    text = ("Indicator\t2022\t2023\nPeople in detention (31 Dec.)\tN/A\t96\n"
            "International migrants (% of pop.)\t12.5\tN/A\nSea arrivals\t1,020\t870\n")
    assert _facts(text) == [
        ("immigration_detainees", None, "2022"), ("immigration_detainees", 96, "2023-12-31"),
        ("international_migrants_pct", 12.5, "2022"), ("international_migrants_pct", None, "2023"),
        ("migrant_arrivals", 1020, "2022"), ("migrant_arrivals", 870, "2023"),
    ]


def test_placed_in_detention_row_counts_people_not_places() -> None:
    text = ("| Indicator | 2020 | 2021 |\n|---|---|---|\n"
            "| Foreign nationals placed in detention | 410 | 520 |\n"
            "| of whom children | 4 | 7 |\n"
            "| Applications for international protection | 1,200 | 1,650 |\n")
    facts = set(_facts(text))
    assert ("immigration_detainees", 410, "2020") in facts and ("immigration_detainees", 520, "2021") in facts
    assert ("detained_minors", 4, "2020") in facts and ("detained_minors", 7, "2021") in facts
    assert ("asylum_applications", 1650, "2021") in facts
    assert not any(slug == "detention_capacity" for slug, _, _ in facts)


def test_children_row_needs_a_detainee_row_above() -> None:
    text = "| | 2020 | 2021 |\n|---|---|---|\n| Asylum applications | 900 | 950 |\n| of whom children | 40 | 70 |\n"
    assert not any(slug == "detained_minors" for slug, _, _ in _facts(text))


def test_label_value_lines_take_the_label_year_or_the_document_year() -> None:
    text = ("Key data\n1. Number of detention centres: 4\n2. Total capacity of detention centres: 380\n"
            "- Persons placed in detention in 2022: 1,310\nThe meeting: 12\n")
    facts = set(_facts(text))
    assert {("detention_facilities", 4, "2024"), ("detention_capacity", 380, "2024"),
            ("immigration_detainees", 1310, "2022")} <= facts
    assert len(facts) == 3


def test_space_aligned_year_table_with_new_asylum_seekers_row() -> None:
    text = "                         2022      2023\nNew asylum-seekers registered   1,105     2,340\n"
    assert set(_facts(text)) == {("asylum_applications", 1105, "2022"), ("asylum_applications", 2340, "2023")}


@pytest.mark.parametrize(
    "label",
    ["Of whom applicants for international protection", "including asylum applicants", "thereof: asylum applications"],
)
def test_a_breakdown_row_other_than_children_is_not_a_statistic(label: str) -> None:
    table = ("| | 2020 | 2021 |\n|---|---|---|\n| Persons placed in detention | 5,100 | 6,200 |\n"
             f"| {label} | 1,020 | 1,340 |\n| Of whom children | 80 | 95 |\n")
    facts = _facts(table)
    assert not [f for f in facts if f[0] == "asylum_applications"]
    assert ("detained_minors", 95, "2021") in facts
