"""The gold-scoring rules of ../shared/spec/facts.md, one small case per rule and edge."""

from __future__ import annotations

from typing import Any

import pytest

from habeas.extract.scoring import (
    Counts,
    GoldContext,
    facts_match,
    maximum_matching,
    same_person,
    score_facts,
    surname_owners,
    values_match,
)
from habeas.text.titles import title_words, titles_match


def stat(value: Any, date: str | None = "2020", indicator: str = "immigration_detainees", **kw: Any) -> dict[str, Any]:
    return {"type": "statistic", "indicator": indicator, "value": value, "unit": "persons", "date": date, **kw}


# --- statistic -----------------------------------------------------------------------------


def test_statistic_value_within_half_percent_of_gold() -> None:
    assert facts_match(stat(1000), stat(1005))
    assert facts_match(stat(1000), stat(995))
    assert not facts_match(stat(1000), stat(1006))
    assert not facts_match(stat(1000), stat(994))


def test_statistic_tolerance_is_relative_to_gold_and_zero_needs_zero() -> None:
    assert facts_match(stat(0), stat(0))
    assert not facts_match(stat(0), stat(0.001))
    assert facts_match(stat(-200), stat(-201))


def test_statistic_nulls() -> None:
    assert facts_match(stat(None), stat(None))
    assert not facts_match(stat(None), stat(0))
    assert not facts_match(stat(5), stat(None))


def test_statistic_needs_same_indicator_and_matching_dates() -> None:
    assert not facts_match(stat(10), stat(10, indicator="detained_minors"))
    assert facts_match(stat(10, "2020"), stat(10, "2020-07-01"))
    assert facts_match(stat(10, "2020-07-01"), stat(10, "2020"))
    assert not facts_match(stat(10, "2020"), stat(10, "2021"))
    assert not facts_match(stat(10, "2020"), stat(10, None))


def test_statistic_value_given_as_string_still_compares() -> None:
    assert facts_match(stat(1240), stat("1,240"))
    assert not facts_match(stat(1240), stat("many"))


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2024-03", "2024-03-15", True),
        ("2024-03-15", "2024-03", True),
        ("2024-03-15", "2024-03-16", False),
        ("2020/2023", "2020-01-01/2023-12-31", True),
        ("2020-03-16/2020-05-11", "2020-03-01/2020-05-31", True),
        ("2020/2023", "2020/2022", False),
        ("2019/2023", "2020/2023", False),
        ("2020-03-16/2020-05-11", "2020-03-16", True),  # literal prefix rule
    ],
)
def test_event_dates_equal_prefix_or_same_period_years(gold: str, pred: str, expected: bool) -> None:
    g = {"type": "event", "kind": "raid", "date": gold}
    p = {"type": "event", "kind": "raid", "date": pred}
    assert facts_match(g, p) is expected


def test_event_needs_same_kind() -> None:
    g = {"type": "event", "kind": "raid", "date": "2022-01"}
    assert not facts_match(g, {"type": "event", "kind": "protest", "date": "2022-01"})


# --- status --------------------------------------------------------------------------------


def test_status_value_case_folded_and_dates_only_when_both_given() -> None:
    g = {"type": "status", "indicator": "detains_migrants", "value": "Yes", "date": "2016"}
    assert facts_match(g, {"type": "status", "indicator": "detains_migrants", "value": "yes"})
    assert facts_match(g, {"type": "status", "indicator": "detains_migrants", "value": "YES", "date": "2016-05"})
    assert not facts_match(g, {"type": "status", "indicator": "detains_migrants", "value": "yes", "date": "2017"})
    assert not facts_match(g, {"type": "status", "indicator": "detains_migrants", "value": "no"})
    assert not facts_match(g, {"type": "status", "indicator": "has_detention_laws", "value": "yes"})


# --- treaty --------------------------------------------------------------------------------


def test_treaty_needs_code_action_and_year() -> None:
    g = {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": 1998}
    assert facts_match(g, {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": 1998})
    assert facts_match(g, {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": "1998"})
    assert not facts_match(g, {"type": "treaty", "treaty": "CAT", "action": "signature", "year": 1998})
    assert not facts_match(g, {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": 1999})
    assert not facts_match(g, {"type": "treaty", "treaty": "ICCPR", "action": "ratification", "year": 1998})


# --- law and institution titles ------------------------------------------------------------


def test_title_words_drop_republic_of_x_and_stopwords() -> None:
    assert title_words("The Law of the Republic of Freedonia on Refugees") == {"law", "refugees"}
    assert title_words("Criminal Code's New Edition") == {"criminal", "code", "edition"}
    assert title_words("") == frozenset()


def test_law_titles_match_by_word_set_containment() -> None:
    g = {"type": "law", "title": "Law on Refugees", "year_adopted": 2009}
    assert facts_match(g, {"type": "law", "title": "Law of the Republic of Ruritania on Refugees"})
    assert facts_match(g, {"type": "law", "title": "Refugees", "year_adopted": 2009})
    assert not facts_match(g, {"type": "law", "title": "Law on Migration"})
    assert not facts_match(g, {"type": "law", "title": "Law on Refugees", "year_adopted": 2010})
    assert not facts_match(g, {"type": "law", "title": "the of on"})  # empty word sets match nothing


def test_titles_match_in_either_direction() -> None:
    assert titles_match("Criminal Code", "Criminal Code of Ruritania")
    assert titles_match("Criminal Code of Ruritania", "Criminal Code")
    assert not titles_match("Criminal Code", "Administrative Code")


def test_institution_names_use_the_title_rule() -> None:
    g = {"type": "institution", "name": "Commissioner for Human Rights", "kind": "nhri"}
    assert facts_match(g, {"type": "institution", "name": "the Commissioner for Human Rights in Utopia"})
    assert not facts_match(g, {"type": "institution", "name": "Human Rights Council"})


# --- case ----------------------------------------------------------------------------------


def case(name: str, outcome: str = "detained", **kw: Any) -> dict[str, Any]:
    return {"type": "case", "name": name, "outcome": outcome, **kw}


def test_case_names_equal_after_casefold_and_punctuation() -> None:
    assert facts_match(case("Jean-Luc O'Neil"), case("jean luc oneil".replace("oneil", "o neil")))
    assert facts_match(case("Ana María Pérez"), case("ANA MARÍA PÉREZ."))
    assert not facts_match(case("Ana Pérez"), case("Ana Gómez"))


def test_case_needs_same_outcome() -> None:
    assert not facts_match(case("Ana Pérez", "detained"), case("Ana Pérez", "deported"))


def test_predicted_surname_matches_full_gold_name_when_unique() -> None:
    gold = [case("Ana Pérez"), case("Luis Gómez")]
    ctx = GoldContext(surname_owners(gold))
    assert facts_match(case("Ana Pérez"), case("Pérez"), ctx)
    assert not facts_match(case("Ana Pérez"), case("Gómez"), ctx)


def test_gold_surname_matches_full_predicted_name_when_unique() -> None:
    gold = [case("Pérez"), case("Luis Gómez")]
    ctx = GoldContext(surname_owners(gold))
    assert facts_match(case("Pérez"), case("Ana Pérez"), ctx)


def test_shared_surname_is_ambiguous() -> None:
    gold = [case("Ana Pérez"), case("Juan Pérez", optional=True)]
    owners = surname_owners(gold)
    assert owners["pérez"] == 2
    assert not same_person("Ana Pérez", "Pérez", owners)
    assert same_person("Ana Pérez", "ana pérez", owners)


def test_one_word_gold_name_inside_a_longer_gold_name_is_the_same_person() -> None:
    owners = surname_owners([case("Pérez"), case("Ana Pérez")])
    assert owners["pérez"] == 1


def test_case_surname_rule_applies_through_score_facts() -> None:
    gold = [case("Ana Pérez"), case("Juan Pérez")]
    report = score_facts(gold, [case("Pérez")])
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (0, 1, 2)


# --- facility ------------------------------------------------------------------------------


def test_facility_gold_place_occurs_in_predicted_name_or_place() -> None:
    g = {"type": "facility", "name": "detention centre in Eastville", "place": "Eastville"}
    assert facts_match(g, {"type": "facility", "name": "the EASTVILLE holding centre"})
    assert facts_match(g, {"type": "facility", "name": "holding centre", "place": "eastville district"})
    assert not facts_match(g, {"type": "facility", "name": "detention centre in Westville", "place": "Westville"})


# --- recommendation ------------------------------------------------------------------------


def test_recommendation_needs_eighty_percent_word_overlap() -> None:
    gold_text = "one two three four five six seven eight nine ten"
    g = {"type": "recommendation", "text": gold_text}
    eight_of_ten = "one two three four five six seven eight"
    assert facts_match(g, {"type": "recommendation", "text": eight_of_ten})
    assert not facts_match(g, {"type": "recommendation", "text": "one two three four five six seven"})
    # extra predicted words raise the max: 10 shared of 13 is < 0.8
    assert not facts_match(g, {"type": "recommendation", "text": gold_text + " x y z"})
    assert facts_match(g, {"type": "recommendation", "text": gold_text.upper() + " x y"})


def test_different_types_never_match() -> None:
    assert not facts_match(stat(1), {**stat(1), "type": "status"})


# --- matching ------------------------------------------------------------------------------


def test_maximum_matching_is_not_greedy() -> None:
    # gold 0 matches preds 0 and 1, gold 1 only pred 0: greedy would pair 0-0 and miss gold 1
    assert maximum_matching([[0, 1], [0]], 2) == {0: 1, 1: 0}


def test_score_is_independent_of_prediction_order() -> None:
    gold = [stat(100, "2020"), stat(100, "2020-05")]
    preds = [stat(100, "2020-05"), stat(100, "2020")]
    for order in (preds, list(reversed(preds))):
        r = score_facts(gold, order)
        assert (r.overall.tp, r.overall.fp, r.overall.fn) == (2, 0, 0)


def test_each_gold_matches_at_most_one_prediction() -> None:
    r = score_facts([stat(5)], [stat(5), stat(5)])
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 1, 0)
    assert len(r.false_positives) == 1


def test_required_gold_is_matched_before_optional() -> None:
    optional = {**stat(5, "2020"), "optional": True}
    required = stat(5, "2020-03")
    # the single prediction matches both; listing the optional one first must not steal it
    r = score_facts([optional, required], [stat(5, "2020-03")])
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (1, 0, 0)
    assert r.matched_optional == 0


def test_optional_gold_earns_nothing_and_costs_nothing() -> None:
    optional = {**stat(7), "optional": True}
    hit = score_facts([optional], [stat(7)])
    assert (hit.overall.tp, hit.overall.fp, hit.overall.fn) == (0, 0, 0)
    assert hit.matched_optional == 1
    missed = score_facts([optional], [])
    assert (missed.overall.tp, missed.overall.fp, missed.overall.fn) == (0, 0, 0)
    assert missed.misses == []


def test_unmatched_predictions_and_gold_become_errors_with_quotes() -> None:
    r = score_facts([{**stat(1), "quote": "one"}], [{**stat(2), "quote": "two"}], document="doc")
    assert [m.quote for m in r.misses] == ["one"]
    assert [f.quote for f in r.false_positives] == ["two"]
    assert r.misses[0].document == "doc"


# --- arithmetic ----------------------------------------------------------------------------


def test_counts_ratios() -> None:
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 0.0


def test_overall_is_micro_averaged_across_types_and_documents() -> None:
    gold = [stat(1), stat(2), {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": 1998}]
    preds = [stat(1), {"type": "treaty", "treaty": "CAT", "action": "ratification", "year": 1998},
             {"type": "treaty", "treaty": "CED", "action": "ratification", "year": 2009}]
    r = score_facts(gold, preds)
    assert (r.by_type["statistic"].tp, r.by_type["statistic"].fn) == (1, 1)
    assert (r.by_type["treaty"].tp, r.by_type["treaty"].fp) == (1, 1)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (2, 1, 1)
    # micro-average: from summed counts, not the mean of per-type F1
    assert r.overall.precision == pytest.approx(2 / 3)
    other = score_facts([stat(9)], [])
    r.merge(other)
    assert (r.overall.tp, r.overall.fp, r.overall.fn) == (2, 1, 2)
    assert r.to_dict()["overall"]["recall"] == pytest.approx(0.5)


def test_values_match_helper() -> None:
    assert values_match(200, 201)
    assert not values_match(200, 202)
