"""Metadata detection: country, kind and date, on the seeds and on other countries' texts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from habeas.errors import InputError
from habeas.ingest import DocumentOverrides, document_from_bytes, load_document
from habeas.ingest.detect import (
    detect_country,
    detect_kind,
    detect_published,
)
from habeas.text.gazetteer import country_code

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
SEED_KINDS = {
    "000": "profile",
    "001": "submission",
    "002": "monitor",
    "003": "state-report",
    "004": "submission",
}


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


@pytest.mark.parametrize("prefix", sorted(SEED_KINDS))
def test_seed_country_and_kind(prefix: str) -> None:
    document = load_document(_seed(prefix), max_bytes=10_000_000)
    assert document.country == "KAZ"
    assert document.kind == SEED_KINDS[prefix]


def test_seed_years_are_the_reported_years() -> None:
    years = {p: load_document(_seed(p), max_bytes=10_000_000).year for p in ("000", "002", "003")}
    assert years == {"000": 2020, "002": 2020, "003": 2020}


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Greek authorities detained 300 people on Lesvos. Athens said the centres were full.", None, "GRC"),
        ("The Home Office held 2,000 people. Detention in the UK has no time limit.", None, "GBR"),
        ("Mexican migration officers detained families.", "Immigration detention in Mexico", "MEX"),
        ("Malaysian authorities hold migrants in depots near Kuala Lumpur.", None, "MYS"),
        ("Libya returned people intercepted at sea; Tripoli centres are overcrowded.", None, "LBY"),
        ("The report names no place at all.", None, None),
    ],
)
def test_country_detection_beyond_the_seeds(text: str, title: str | None, expected: str | None) -> None:
    assert detect_country(text, title) == expected


def test_title_outweighs_mentions_in_the_body() -> None:
    body = "Nationals of Afghanistan and Syria arrived. " * 3
    assert detect_country(body, title="Immigration detention in Turkey") == "TUR"


def test_longest_name_wins() -> None:
    assert detect_country("People from Papua New Guinea and Guinea-Bissau; Papua New Guinea again.") == "PNG"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Country Reports on Human Rights Practices for 2022\nUnited States Department of State", "state-report"),
        ("Shadow report to the Committee against Torture on Freedonia", "submission"),
        ("Freedonia Immigration Detention Data Profile\nQuick Facts", "profile"),
        ("AIDA Country Report: Freedonia. Asylum Information Database, ECRE", "ngo-report"),
        ("A shopping list: bread, milk.", "other"),
    ],
)
def test_kind_cues(text: str, expected: str) -> None:
    assert detect_kind(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 March 2021 – Freedonia\n\nAuthorities detained 40 people in 2019.", "2021-03-03"),
        ("Freedonia\nPublished: 12 May 2018\nText about 2016.", "2018-05-12"),
        ("Profile\n© Monitor Group 2019 1/5\nData for 2017 and 2018.", "2019"),
        ("In May authorities, after a 2018 review and a 2018 law, planned changes until 2020.", "2019"),
        ("No year here.", None),
        ("ALTERNATIVE REPORT\nSubmitted by two NGOs\nTbilisi, November 2022\n\nIn 2019 and 2020 ...", "2022-11"),
        ("Fact sheet\nMarch 2023\nKey figures as of 31 January 2023", "2023-03"),
        ("Report\nBetween March 2021 and May 2021 we visited 3 centres.\nMore about 2020.", "2021"),
    ],
)
def test_published_guesses(text: str, expected: str | None) -> None:
    assert detect_published(text, today=date(2024, 1, 1)) == expected


def test_future_years_are_ignored() -> None:
    assert detect_published("Targets for 2030 and 2035; data for 2021 and 2021.", today=date(2024, 1, 1)) == "2021"


def test_overrides_win_and_are_normalised() -> None:
    overrides = DocumentOverrides(country="gr", kind="NGO-Report", published="2020-05", title="Given",
                                  publisher="Somebody", url="https://x.example", confidential=True)
    document = document_from_bytes(b"Detention in Malaysia, Kuala Lumpur.\n", "a.txt", overrides=overrides)
    assert (document.country, document.kind, document.published, document.title) == (
        "GRC", "ngo-report", "2020-05", "Given"
    )
    assert document.publisher == "Somebody" and document.confidential


@pytest.mark.parametrize("field", ["country", "kind", "published"])
def test_bad_overrides_are_input_errors(field: str) -> None:
    with pytest.raises(InputError):
        document_from_bytes(b"Some text.\n", "a.txt", overrides=DocumentOverrides(**{field: "nonsense-value"}))


def test_country_code_accepts_names_and_codes() -> None:
    assert [country_code(v) for v in ("KZ", "kaz", "Kazakhstan", "United Kingdom", "Atlantis")] == [
        "KAZ", "KAZ", "KAZ", "GBR", None
    ]


def test_us_state_named_georgia_is_not_the_country() -> None:
    from habeas.ingest.detect import detect_country

    us_text = ("Conditions in US immigration detention centers in Georgia and California. "
               "The Stewart Detention Center in Lumpkin, Georgia, holds 1,900 people.")
    assert detect_country(us_text) == "USA"
    assert detect_country("Tbilisi, Georgia: the Georgian authorities detained 40 migrants.") == "GEO"


def test_heading_block_names_the_subject_over_body_mentions() -> None:
    text = ("Committee against Torture\nSuggested questions for the list of issues of Uzbekistan\n\n"
            + "Intro. " * 60 + "Afghan refugees crossed from Afghanistan. ")
    assert detect_country(text) == "UZB"


def test_bulletins_are_monitor_updates() -> None:
    from habeas.ingest.detect import detect_kind

    text = "# Detention Watch Bulletin — Chile\n\n## 3 March 2024 — New detention rules\n\nText."
    assert detect_kind(text) == "monitor"


def test_title_naming_one_country_beats_a_neighbour_named_more_often() -> None:
    body = "Bangladesh 2031 Human Rights Report\n\n" + (
        "Refugees from Burma lived in camps. Burma did not accept returns to Burma. " * 6)
    assert detect_country(body) == "BGD"
    assert detect_country("Burma and Bangladesh: a joint report\n\n" + "Burma. " * 3) == "MMR"


def test_report_year_comes_from_the_heading_block_not_a_stray_later_year() -> None:
    text = ("Country Reports on Human Rights Practices for 202 3\nItaly 2023 Human Rights Report\n\n"
            "In March the ministry announced plans for 2025. In 2022 the law changed. "
            "By 2024 it will be reviewed in 2024.")
    assert detect_published(text) == "2023"
    assert detect_kind(text) == "state-report"
