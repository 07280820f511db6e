"""The pipeline's merge of repeated statistics: one figure, one fact; contrasting figures all kept."""

from __future__ import annotations

from habeas.domain import Document, FactType
from habeas.extract.pipeline import _without_repeated_statistics
from habeas.extract.spans import make_fact

TEXT = "Key figures: 3,100 refugees (2023). As of 31 December 2023, 3,100 refugees lived in the country."
DOC = Document(sha256="x", filename="x.txt", media_type="text/plain", text=TEXT, country="ZZZ")


def _stat(value: float, date: str, confidence: float = 0.8, start: int = 0):  # type: ignore[no-untyped-def]
    return make_fact(DOC, FactType.STATISTIC, start, start + 20,
                     {"indicator": "refugees", "value": value, "unit": "persons", "date": date},
                     extractor="test@1", rule="test", confidence=confidence)


def _kept(*facts) -> list[tuple[float, str]]:  # type: ignore[no-untyped-def]
    return sorted((f.fields["value"], f.fields["date"]) for f in _without_repeated_statistics(list(facts)))


def test_a_figure_in_a_table_and_in_prose_is_one_fact_with_the_precise_date() -> None:
    assert _kept(_stat(3100, "2023", 0.9), _stat(3100, "2023-12-31", 0.6, 36)) == [(3100, "2023-12-31")]


def test_the_same_figure_twice_keeps_the_more_confident() -> None:
    kept = _without_repeated_statistics([_stat(3100, "2023", 0.5), _stat(3100, "2023", 0.9, 36)])
    assert [f.confidence for f in kept] == [0.9]


def test_contrasting_values_and_other_dates_are_all_kept() -> None:
    assert _kept(_stat(3100, "2023"), _stat(2950, "2023"), _stat(3100, "2022"), _stat(3100, "2023-06"),
                 _stat(3100, "2023-12")) == [(2950, "2023"), (3100, "2022"), (3100, "2023-06"), (3100, "2023-12")]


def test_periods_merge_only_when_equal() -> None:
    assert _kept(_stat(10, "2020/2023"), _stat(10, "2020"), _stat(10, "2020/2023", 0.9)) == [
        (10, "2020"), (10, "2020/2023")]
