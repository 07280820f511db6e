"""Events: dated raids, mass detentions, expulsions, protests, rulings and policy changes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_scoring import SHARED, seed_report

from habeas.domain import Document
from habeas.extract.events import KINDS, extract_events

ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def doc(text: str, year: str = "2021", country: str = "MEX") -> Document:
    return Document(sha256="t", filename="t.txt", media_type="text/plain", text=text, country=country, published=year)


def events(text: str, year: str = "2021") -> list[dict[str, object]]:
    return [f.fields for f in extract_events(doc(text, year))]


def test_monitor_update_about_mexico() -> None:
    text = ("Mexico has suspended new detention orders for asylum seekers, according to local lawyers.\n"
            "In April 2021, the National Guard conducted raids on shelters in Tapachula. About 300 Honduran "
            "migrants were detained at the Siglo XXI station. On May 4, 1,200 migrants were deported to Guatemala.\n")
    found = {(e["kind"], e["date"]) for e in events(text)}
    assert ("policy_change", "2021") in found  # present perfect in a 2021 update: the report's year
    assert ("raid", "2021-04") in found
    assert ("detention", "2021-04") in found  # dated by the paragraph's opening sentence
    assert ("deportation", "2021-05-04") in found
    deportation = next(e for e in events(text) if e["kind"] == "deportation")
    assert deportation["count"] == 1200


def test_protests_rulings_agreements_and_periods() -> None:
    text = ("On June 6, mass protests erupted in Athens. On 3 March 2022, the Lesvos District Court found four "
            "coast guards guilty of ill-treatment. Greece and Turkey signed a readmission agreement on 8 May. "
            "A curfew was imposed and a state of emergency was declared from March 1 to April 30.")
    found = {(e["kind"], e["date"]) for e in events(text, "2022")}
    assert ("protest", "2022-06-06") in found
    assert ("court_ruling", "2022-03-03") in found
    assert ("agreement", "2022-05-08") in found
    assert ("policy_change", "2022-03-01/2022-04-30") in found


def test_undated_generalities_and_named_cases_are_not_events() -> None:
    text = ("Police conduct frequent raids on farms. Officers in Chiapas detained activist Rosa Vega and "
            "the court sentenced Vega on May 5.")
    assert events(text) == []


def test_one_record_per_kind_and_date() -> None:
    text = "On July 2, 40 people were detained in Tijuana. Witnesses said dozens were detained on July 2."
    assert [e["kind"] for e in events(text)] == ["detention"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(
    ["On May 3", ", ", "50 migrants", " were detained", " raids", "conducted", "\n", "has introduced a moratorium",
     ". ", "In 2019", "protests erupted", "signed an agreement", "x", "from March 1 to April 2"]), max_size=30
).map("".join) | st.text(max_size=300))
def test_never_raises_quotes_verbatim_fields_well_formed(text: str) -> None:
    for fact in extract_events(doc(text)):
        assert fact.quote == text[fact.span.start_char:fact.span.end_char]
        assert fact.fields["kind"] in KINDS
        assert ISO.match(str(fact.fields["date"]))
        assert "count" not in fact.fields or isinstance(fact.fields["count"], int)


def test_seed_gold_precision_and_recall() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"seed documents not found at {SHARED / 'seeds'}")
    report = seed_report("event", extract_events)
    counts = report.by_type["event"]
    assert counts.precision >= 0.9, report.to_dict(errors=True)
    assert counts.recall >= 0.8, report.to_dict(errors=True)


def test_deaths_fires_escapes_releases_and_announcements_are_events() -> None:
    found = {(e["kind"], e["date"]) for e in events(
        "On 3 May 2019, eleven detainees died when a fire broke out at the Nord holding centre. "
        "On 9 May 2019, the Appeals Court ruled that the centre must close. "
        "In June 2019, the ministry announced that asylum seekers would be housed in open camps. "
        "On 2 July 2019, police stormed a squat and arrested 150 migrants.", year="2019")}
    assert ("other", "2019-05-03") in found
    assert ("court_ruling", "2019-05-09") in found
    assert ("policy_change", "2019-06") in found
    assert ("detention", "2019-07-02") in found


def test_stocks_yearly_totals_and_questions_are_not_events() -> None:
    assert events("As of 31 March 2021, 2,310 people were held in immigration detention.") == []
    assert events("In 2020-21, 5,100 people were deported from the country.") == []
    assert events("Please indicate how many people were detained on 4 April 2021?") == []


def test_reported_date_gives_way_to_the_period_after_the_verb() -> None:
    found = {(e["kind"], e["date"]) for e in events(
        "In August, an NGO reported that police detained hundreds of Sudanese refugees between March and May.",
        year="2021")}
    assert ("detention", "2021-03/2021-05") in found


def test_dateline_sets_the_year_of_month_only_dates() -> None:
    text = ("# 2 March 2018 – Chad\n\nIn February, the authorities announced that the camp would be closed.\n")
    assert {(e["kind"], e["date"]) for e in events(text, year="2016")} == {("policy_change", "2018-02")}


# --- generalisation: handovers, judges, requirements, named years, long spans, mobs -------

def kinds_dates(text: str, year: str = "2021") -> set[tuple[str, str]]:
    return {(str(e["kind"]), str(e["date"])) for e in events(text, year)}


def test_transfers_of_nationals_to_their_country_are_deportations() -> None:
    found = kinds_dates("In October coast guards transferred 41 Malian nationals held at the port to Mali.")
    assert ("deportation", "2021-10") in found
    assert not any(k == "deportation" for k, _ in kinds_dates(
        "In October guards transferred 41 detainees to another prison."))


def test_a_judge_orders_and_a_court_holds_in_a_named_case() -> None:
    found = kinds_dates("On 3 May 2022, a federal judge ordered the authorities to release the families. "
                        "In 2019 the High Court held in Re Okafor that detention beyond 90 days was unlawful.", "2023")
    assert ("court_ruling", "2022-05-03") in found
    assert ("court_ruling", "2019") in found


def test_extended_requirement_and_year_that_names_a_reform() -> None:
    found = kinds_dates("On 2 March, the government extended the visa requirement to all nationals of its "
                        "neighbour. The 2021 reform, in force since 1 July 2022, introduced a “reporting duty” "
                        "system instead of detention.", "2022")
    assert ("policy_change", "2022-03-02") in found
    assert ("policy_change", "2022-07-01") in found
    assert ("policy_change", "2021") not in found


def test_totals_over_long_spans_are_statistics_but_short_peaks_are_events() -> None:
    assert kinds_dates("Officials said they deported 8,410 people between May 2021 and April 2022.") == set()
    found = kinds_dates("Between June and July 2021, the centre held around 3,000 people at its peak.")
    assert ("detention", "2021-06/2021-07") in found


def test_mob_attack_on_a_shelter_is_an_event() -> None:
    found = kinds_dates("On 14 November, a crowd of residents stormed a shelter where 60 refugees were staying.")
    assert ("other", "2021-11-14") in found


def test_dateline_year_dates_events_of_each_update() -> None:
    text = ("## 30 December 2021 – Chad\n\nNothing new.\n\n## 12 February 2022 – Chad\n\n"
            "On 3 February, police deported 85 Sudanese nationals to Sudan.\n")
    assert ("deportation", "2022-02-03") in kinds_dates(text, "2021")


def test_wording_families_of_policy_changes_raids_and_returns() -> None:
    text = ("On June 4, the government announced the National Return Plan for foreigners without papers.\n"
            "From July 1, police in Izmir conducted house-to-house searches in migrant neighbourhoods.\n"
            "On 2 March 2021, some 120 Syrian survivors were flown back to Latakia.\n"
            "A 2020 decree raised the maximum period of detention to 12 months.\n"
            "A law in force since 2019 allows detention at the border.\n"
            "After the Constitutional Court found violations in a 2017 case, the practice was formally abandoned in 2018.\n")
    found = {(e["kind"], e["date"]) for e in events(text)}
    assert ("policy_change", "2021-06-04") in found
    assert ("raid", "2021-07-01") in found
    assert ("deportation", "2021-03-02") in found
    assert ("policy_change", "2020") in found
    assert ("policy_change", "2019") in found
    assert ("policy_change", "2018") in found  # the verb's own date, not the ruling's
    assert ("policy_change", "2017") not in found


def test_people_taken_to_a_centre_and_a_day_range_period() -> None:
    text = ("On 5 May 2021 the coast guard disembarked 64 people; all of them were taken to the Pozzallo reception "
            "centre.\nBetween 3 and 9 June, patrol boats stopped five boats; two of them were escorted back to "
            "Libyan waters.\n")
    found = {(e["kind"], e["date"]) for e in events(text)}
    assert ("detention", "2021-05-05") in found
    assert ("deportation", "2021-06-03/2021-06-09") in found


def test_occupancy_of_a_centre_and_a_yearly_flow_are_not_events() -> None:
    text = ("Officials say the camp, built for 800 people, held about 2,100 people in late May.\n"
            "In 2021, 5,200 people passed through the centres and only 1,900 of them were repatriated.\n")
    assert events(text) == []


def test_operations_counted_by_arrests_are_raids_and_court_orders_are_not_policy() -> None:
    found = events("Police sweeps in Old Harbour in April 2020 led to the arrest of 640 undocumented workers. "
                   "A judge lifted the travel ban on May 3.")
    assert [(e["kind"], e.get("count")) for e in found] == [("raid", 640)]


def test_constitutional_councils_rule_like_courts() -> None:
    found = events("On 3 March 2020, the Constitutional Council struck down nine articles of the asylum law.")
    assert [(e["kind"], e["date"]) for e in found] == [("court_ruling", "2020-03-03")]


# Round 4 families: each wording is written here, not taken from any source.

def test_eviction_of_a_camp_is_a_raid() -> None:
    found = events("On 3 March 2022 gendarmes dismantled a makeshift camp of about 150 migrants near Dunmore.")
    assert {(e["kind"], e["date"]) for e in found} >= {("raid", "2022-03-03")}


def test_placed_people_in_a_centre_is_a_detention() -> None:
    found = events("On 9 May 2022 officers placed 40 of them in the removal centre of Westford.")
    assert ("detention", "2022-05-09") in {(e["kind"], e["date"]) for e in found}


def test_group_held_takes_the_day_of_the_sentence_before() -> None:
    text = ("On 4 June 2022 the coastguard rescued 61 Eritreans from a sinking dinghy off Port Alba. "
            "Officials held the group at the Port Alba holding centre; they were moved to a shelter on 20 June.")
    found = {(e["kind"], e["date"]) for e in events(text)}
    assert ("other", "2022-06-04") in found
    assert ("detention", "2022-06-04") in found


def test_forced_back_across_and_resumed_removals_are_deportations() -> None:
    assert ("deportation", "2022-02-11") in {(e["kind"], e["date"]) for e in events(
        "On 11 February 2022 guards took 17 Syrians to the river and forced them back across the border.")}
    assert ("deportation", "2022-07-01") in {(e["kind"], e["date"]) for e in events(
        "Removals to Somalia resumed on 1 July 2022, when 12 men were flown from Brancaster.")}


def test_announced_agreement_amnesty_and_large_operation() -> None:
    found = {(e["kind"], e["date"]) for e in events(
        "On 2 April 2022 the two governments announced an agreement to take back 200 stranded people. "
        "On 5 April 2022 the ministry announced an amnesty for visa overstayers. "
        "On 9 April 2022 the ministry launched a large-scale operation in the eastern districts.")}
    assert {("agreement", "2022-04-02"), ("policy_change", "2022-04-05"), ("raid", "2022-04-09")} <= found


def test_judgment_named_by_its_day_takes_that_day() -> None:
    found = {(e["kind"], e["date"]) for e in events(
        "In 2019 the supreme court ruled on the matter, following the judgment of the European Court of "
        "Human Rights of 3 May 2018.")}
    assert ("court_ruling", "2018-05-03") in found


def test_a_yearly_interception_total_and_one_death_are_not_events() -> None:
    assert events("Border guards intercepted 4,100 people leaving irregularly in 2021.") == []
    assert [e for e in events("In 2021 a Ghanaian woman died there after weeks without care.")
            if e["kind"] == "other"] == []


def test_court_rulings_in_their_common_wordings() -> None:
    text = ("The Appeals Court confirmed the judgment on 4 May 2022.\n"
            "The Regional Court of Human Rights, in A.B. and Others v. Ruritania (application no. 123/19), held on "
            "9 June 2020 that the confinement of two families breached the Convention.\n"
            "In its Decision No. 3-P of 12 March 2019, the Constitutional Court held that the rule was void.\n"
            "In October 2016 the High Court limited the stay at the open centre to six months.\n"
            "On 2 July 2021, the Supreme Court, in Rahman v. State, declined to order their release.")
    found = kinds_dates(text, "2023")
    for date in ("2022-05-04", "2020-06-09", "2019-03-12", "2016-10", "2021-07-02"):
        assert ("court_ruling", date) in found


def test_a_court_freeing_a_named_person_is_also_a_ruling_but_a_sentence_is_not() -> None:
    text = ("Karim Salah Nouri was held at the airport for ten months until a Lisbon district court released him "
            "in February 2023.\n"
            "On 3 May, a court in Faro sentenced Karim Salah Nouri to a fine.")
    found = kinds_dates(text, "2023")
    assert ("court_ruling", "2023-02") in found
    assert ("court_ruling", "2023-05-03") not in found


def test_operations_day_ranges_agreements_and_withdrawals() -> None:
    text = ("On 5 and 6 June, police carried out door-to-door raids in two districts of the capital.\n"
            "In the week of 8 to 14 July 2023, joint inspection campaigns arrested 4,120 workers and deported "
            "2,300 of them.\n"
            "On 1 August 2023, the police carried out an operation in the port district in which 25 migrants "
            "were detained.\n"
            "Under an agreement reached in May 2022, the two states agreed to return some 5,000 nationals.\n"
            "On 3 March 2024, the two governments signed a joint declaration on mobility.\n"
            "On 10 October 2022 the state ceased to be a party to the regional convention.")
    found = kinds_dates(text, "2023")
    assert ("raid", "2023-06-05/2023-06-06") in found
    assert ("raid", "2023-07-08/2023-07-14") in found
    assert ("detention", "2023-07-08/2023-07-14") not in found  # the campaign's arrests are the raid
    assert ("raid", "2023-08-01") in found
    assert ("agreement", "2022-05") in found
    assert ("agreement", "2024-03-03") in found
    assert ("policy_change", "2022-10-10") in found
    raid = next(e for e in events(text) if e["date"] == "2023-07-08/2023-07-14" and e["kind"] == "raid")
    assert raid["count"] == 4120


def test_expulsions_pushbacks_deployments_and_regularisation() -> None:
    text = ("By 3 March 2021, 95 people had been expelled on charter flights from the northern port.\n"
            "In June 2024, reports said that some 30 refugees were taken out to sea and forced into the water.\n"
            "In May 2023, the government deployed the army to the eastern border.\n"
            "A regularisation campaign was launched on 2 September 2023.")
    found = kinds_dates(text, "2023")
    assert ("deportation", "2021-03-03") in found
    assert ("deportation", "2024-06") in found
    assert ("policy_change", "2023-05") in found
    assert ("policy_change", "2023-09-02") in found


def test_law_lists_law_histories_yearly_deaths_and_cited_reports_are_not_events() -> None:
    text = ("- Decree 55 of 1980 (repealed by Law 300)\n"
            "The Aliens Rules, issued by Royal Decree No. 4/1 in 1961, make overstaying a crime.\n"
            "At least four detainees died in the centres in 2022, according to the press.\n"
            "The ombudsman published a report in May criticizing the delays.")
    assert events(text) == []
    listed = events("- Law 12 on Aliens, 2019, in force since March 2020\n")
    assert [(e["kind"], e["date"]) for e in listed] == [("policy_change", "2020-03")]


def kd24(text: str, year: str = "2024") -> set[tuple[object, object]]:
    return {(e["kind"], e["date"]) for e in events(text, year)}


@pytest.mark.parametrize(("text", "expected"), [
    # a protest named as a noun and reported ("a hunger strike by N detainees was reported ...")
    ("A hunger strike by some 35 men held at Kellby was reported on 2 June 2022.", ("protest", "2022-06-02")),
    ("In March 2021 a protest by about 150 camp residents took place at the gate.", ("protest", "2021-03")),
    ("Hunger strikes were first reported in the Lindholm centre on 2 May 2020.", ("protest", "2020-05-02")),
    # a court suspending a measure; a ruling cited by its number or as "A v. State (date)"
    ("On 4 April 2019 the Council of State suspended the royal decree.", ("court_ruling", "2019-04-04")),
    ("The Constitutional Court suspended the amendment in March 2020.", ("court_ruling", "2020-03")),
    ("High Court decision 2021/77 dated 5 May 2021 stopped the transfers.", ("court_ruling", "2021-05-05")),
    ("The Court found violations in *Okoro and Others v. Malta* (3 May 2015).", ("court_ruling", "2015-05-03")),
    ("See also A.B. v. Latvia, judgment of 12 July 2016.", ("court_ruling", "2016-07-12")),
    # bills tabled, ordinances signed, protocols announced, plans launched
    ("On 11 April 2023, the cabinet tabled a bill extending detention.", ("policy_change", "2023-04-11")),
    ("In May 2022 the ministry submitted draft amendments to parliament.", ("policy_change", "2022-05")),
    ("On 25 November 2022, the junta leader signed an ordinance repealing the law.", ("policy_change", "2022-11-25")),
    ("On 21 April 2025 the migration agency announced new protocols for hospitals.", ("policy_change", "2025-04-21")),
    ("Aid is delivered under the Umoja Plan launched in 2022.", ("policy_change", "2022")),
    ("A new return strategy was adopted in May 2021.", ("policy_change", "2021-05")),
    # returns by charter flight
    ("Some 61 people were returned on a charter flight to Iraq on 5 March 2024.", ("deportation", "2024-03-05")),
    ("On 2 May 2023, 45 Nigerians were removed by chartered plane.", ("deportation", "2023-05-02")),
    # people stranded; an ambassador summoned over expulsions
    ("In April 2024, aid workers said that over 4,000 people were stranded in the desert town.", ("other", "2024-04")),
    ("Hundreds of migrants remained trapped in the buffer zone in June 2022.", ("other", "2022-06")),
    ("On 3 January 2025, the foreign ministry summoned the neighbouring state's ambassador.", ("other", "2025-01-03")),
    ("In May 2021 the government summoned the French envoy over the expulsions.", ("other", "2021-05")),
])
def test_reported_protests_cited_rulings_tabled_bills_charters_and_strandings(text: str, expected: tuple[str, str]) -> None:
    assert expected in kd24(text)


@pytest.mark.parametrize("text", [
    # "closed" as the adjective of a kind of centre
    "The centre counted 6,120 placements in closed centres for 2023 in its annual report.",
    "In 2022 the number of the country's closed centres rose to six.",
    # a law's title carries a date; the count is a total of the year
    "Officials said 1,136 foreigners were expelled in the same year under the Law on External Migration of 17 July 2000.",
    "Guards detained more than 16,000 men trying to cross during the year, and at least 30 of them drowned.",
    "In 2023 police arrested 2,300 migrants over the year.",
    # a bill or law merely named in a byline; people stranded undated or as a side note of an agreement
    "Submitted by the Refugee Law Clinic Network, March 2024",
    "In April 2023 the border shut. Staff said that around 300 people were stranded on the far side.",
])
def test_adjective_closed_titled_dates_yearly_totals_and_bylines_are_not_events(text: str) -> None:
    found = kd24(text)
    assert not any(k in ("policy_change", "deportation", "detention", "other") for k, _ in found), found


def test_a_release_told_with_the_arrest_is_not_a_second_event() -> None:
    for text in ("On November 9, police in Lviv detained 27 foreign students during a check; they were released "
                 "the same evening.",
                 "On 3 May 2022 police arrested 40 migrants at the market and all were released the next day."):
        assert [e["kind"] for e in events(text)] == ["detention"]


# --- round 3: construction families ---------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    # a court's finding: "<court> ... found that"
    ("On 3 May 2021 the Supreme Court, in Ruling No. 12/2021, found that detaining children was unlawful.",
     ("court_ruling", "2021-05-03")),
    ("On 9 June 2020 the Administrative Tribunal concluded that the transfers breached the statute.",
     ("court_ruling", "2020-06-09")),
    # an emergency regime declared
    ("The cabinet declared a national emergency on 4 May 2019.", ("policy_change", "2019-05-04")),
    ('Violence rose after the government declared an "armed conflict" on 1 May 2022.', ("policy_change", "2022-05-01")),
    # arrests made in one operation are a raid
    ("On 5 March 2022, some 300 migrants were said to have been arrested during a joint police operation in the port.",
     ("raid", "2022-03-05")),
    ("Officers detained 45 people in a single sweep of the market on 2 June 2022.", ("raid", "2022-06-02")),
    # people driven across a border
    ("On 3 May 2022, 250 migrants were driven across the border into Mali.", ("deportation", "2022-05-03")),
    ("Monitors counted 900 people pushed over the frontier between 1 and 20 March 2023.",
     ("deportation", "2023-03-01/2023-03-20")),
    # expellees delivered in a convoy or abandoned
    ("On 14 June 2022, a convoy of 600 migrants arrived at the border post.", ("deportation", "2022-06-14")),
    ("A convoy of some 300 deportees was abandoned near the frontier on 2 July 2022.", ("deportation", "2022-07-02")),
    ("At least 500 people were abandoned in the desert on 12 May 2023.", ("deportation", "2023-05-12")),
    ("The network said on 10 March 2024 that 1,200 people had been left at the border since the start of the year.",
     ("deportation", "2024-01-01/2024-03-10")),
    # a pushback at sea told by one witness of a group
    ('"Ali," 30, said that on 2 June 2022 masked men put his group of about 25 in a raft and left them at sea.',
     ("deportation", "2022-06-02")),
    ("On 9 August 2021 the coast guard towed a boat of some 60 people back out and set them adrift.",
     ("deportation", "2021-08-09")),
    # caught, then held
    ("In May 2022, 40 Eritreans were intercepted at sea and held in a reception centre.", ("detention", "2022-05")),
    ("On 3 April 2022, 18 migrants were caught near the border and detained at a police station.",
     ("detention", "2022-04-03")),
    # people relocated
    ("Since March 2021, the authorities have relocated 20,000 refugees to the island.", ("other", "2021-03")),
    ("In June 2022, 3,000 asylum seekers were relocated to camps inland.", ("other", "2022-06")),
    # a facility opened
    ("The new removal centre opened on 1 March 2022.", ("other", "2022-03-01")),
    ("Two camps were inaugurated in May 2021 on the island.", ("other", "2021-05")),
    # an opening or closure announced, dated by a day counted from the sentence before
    ("On 2 May 2023 hundreds of people were deported to the border. The ministry responded the next day by announcing "
     "the closure of the camp.", ("policy_change", "2023-05-03")),
    ("On 7 June 2023 the camp burned down. Two days later the government announced the creation of a new centre.",
     ("policy_change", "2023-06-09")),
    # a change of administration dated by "since"
    ("Since 1 January 2022 the centres are managed by the Interior Ministry.", ("policy_change", "2022-01-01")),
    ("Since March 2020, detention facilities have been run by a private company.", ("policy_change", "2020-03")),
    # a decree that opened a scheme, dated by its own title
    ("Presidential Decree 12 of May 2021 opened a regularisation process for workers.", ("policy_change", "2021-05")),
    ("Law No. 45 of 3 March 2019 created a new humanitarian visa.", ("policy_change", "2019-03-03")),
    ("A third round, launched by Ministerial Decree 55 in 2021, covered students.", ("policy_change", "2021")),
])
def test_round3_constructions(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e["kind"], e["date"]) for e in events(text, "2024")}


@pytest.mark.parametrize(("text", "absent"), [
    # moved back to a camp inside the country is no expulsion
    ("On 4 May 2023, police detained 30 refugees; all were sent back to the camps the next day.", "deportation"),
    ("On 8 May 2023, 12 residents were arrested and returned to their shelter hours later.", "deportation"),
    # yearly or running totals are statistics (a quoted noun still counts people)
    ('The minister said on 12 January that 12,000 "illegal migrants" had been repatriated in 2024.', "other"),
    ("By the end of 2023, 90,000 people had been relocated from the north to other towns.", "other"),
    ("By the end of June 2023, more than 5,000 families had been voluntarily relocated to other states.", "other"),
    # a court's finding told of one person belongs to the case
    ("On 3 June 2023, Ali Hassan was released after a court found that his detention was unlawful.", "court_ruling"),
])
def test_round3_non_events(text: str, absent: str) -> None:
    assert absent not in {e["kind"] for e in events(text, "2024")}


@pytest.mark.parametrize(("text", "expected"), [
    # a court's holding with an inserted clause between the verb and "that"
    ("On 8 June 2023 the Supreme Court held, in case X 12/2023, that the detention was unlawful.",
     ("court_ruling", "2023-06-08")),
    ("On 3 May 2022, the High Court found, in a case brought by two asylum seekers, that the order lacked a basis.",
     ("court_ruling", "2022-05-03")),
    ("In March 2021 the tribunal ruled, by four votes to one, that the transfers must stop.",
     ("court_ruling", "2021-03")),
    # a statute adopted on a day, whatever its title word
    ("A temporary Act on Measures against Hybrid Threats was adopted on 12 July 2024.", ("policy_change", "2024-07-12")),
    ("Amendments to the Aliens Act were passed in March 2022, extending detention.", ("policy_change", "2022-03")),
    ("The new Asylum Code was promulgated on 3 June 2021.", ("policy_change", "2021-06-03")),
    # recognition or status determination suspended
    ("On 1 March 2025 the agency suspended prima facie recognition for new arrivals from two countries.",
     ("policy_change", "2025-03-01")),
    ("In May 2024 the ministry halted refugee status determination for Syrians.", ("policy_change", "2024-05")),
    # people delivered to another state's authorities
    ("Police handed over at least two Tibetans to Chinese authorities at the border on May 3.",
     ("deportation", "2024-05-03")),
    ("On 9 April guards handed 14 Afghans to Iranian border guards.", ("deportation", "2024-04-09")),
    # confinement for a stated duration is a detention episode (also when "they" carries the date)
    ("In one case in May 2024, 114 people were held at sea for three days.", ("detention", "2024-05")),
    ("On 3 March 2022 some 60 migrants were kept aboard a coast guard vessel for five days.",
     ("detention", "2022-03-03")),
    ("On 12 February 2025 a charter plane landed with deportees. They were confined for several days in a hotel.",
     ("detention", "2025-02-12")),
    # expellees described by flight, by their removal, or by the boats sent back
    ("The first flight, carrying 29 Colombian men, left the capital on 20 August 2024.", ("deportation", "2024-08-20")),
    ("Three flights carrying 299 people deported from the United States landed between 12 and 15 February 2025.",
     ("deportation", "2025-02-12/2025-02-15")),
    ("On 2 May 2023, 140 Haitians who had been expelled from the Bahamas arrived in Cap-Haitien.",
     ("deportation", "2023-05-02")),
    ("The NGO documented the return of at least five boats carrying some 500 people between April and August 2024.",
     ("deportation", "2024-04/2024-08")),
    ("Between March and May 2022 coast guards carried out the pushbacks of 12 dinghies.",
     ("deportation", "2022-03/2022-05")),
    # a heading date dates the update; the event keeps its own days and takes the heading's year
    ("UPDATE (18 February 2025): three flights carrying 299 people deported from abroad landed between 12 and 15 "
     "February.", ("deportation", "2025-02-12/2025-02-15")),
    ("Update, 3 May 2023: police raided the camp on 1 May.", ("raid", "2023-05-01")),
    # a change made by a numbered instrument is dated by the instrument's year
    ("In 2022 fines rose. A new permit was introduced by Law No. 17 of 2020, but few workers obtained it.",
     ("policy_change", "2020")),
    ("Detention of children was banned by the amended law of 2018.", ("policy_change", "2018")),
    # evictions of many people
    ("In October 2022, several hundred migrant workers living in the old district were evicted.", ("other", "2022-10")),
    ("On 12 May 2021 the municipality carried out the forced eviction of 300 Roma families.", ("other", "2021-05-12")),
    # cases cited in a row, each with its own day in brackets
    ("The Court condemned the state in *A v. Ruritania* (12 October 2006), *B and Others v. Ruritania* "
     "(19 January 2010) and *C v. Ruritania* (13 December 2011).", ("court_ruling", "2011-12-13")),
    ("The Court condemned the state in *A v. Ruritania* (12 October 2006) and *C v. Ruritania* (13 December 2011).",
     ("court_ruling", "2006-10-12")),
    # an instrument providing that something will no longer happen
    ("The coalition agreement of 30 September 2020 stated that minors would no longer be held in closed centres.",
     ("policy_change", "2020-09-30")),
    ("In March 2022 the government decided that children will no longer be placed in detention.",
     ("policy_change", "2022-03")),
])
def test_round4_constructions(text: str, expected: tuple[str, str]) -> None:
    assert expected in {(e["kind"], e["date"]) for e in events(text, "2024")}


@pytest.mark.parametrize(("text", "absent"), [
    # totals over a fiscal year are statistics
    ("The Department reported that it deported 219 foreigners during the fiscal year ending July 16.", "deportation"),
    ("The ministry expelled 1,200 migrants in FY 2022, ending on 30 June.", "deportation"),
    # a typical or maximum length of detention is no episode
    ("In 2023, persons were held for 19 days on average.", "detention"),
    ("In 2022 detainees were usually kept for two weeks.", "detention"),
    # handing suspects to one's own police is no expulsion; an evacuation flight is no deportation
    ("On 9 April officers handed over 14 suspects to the local authorities.", "deportation"),
    ("On 5 June 2023 an evacuation flight carrying 150 refugees left for Rome.", "deportation"),
    # one person evicted is a case, not an event
    ("In March 2020 she was evicted from her flat.", "other"),
])
def test_round4_non_events(text: str, absent: str) -> None:
    assert absent not in {e["kind"] for e in events(text, "2024")}


def test_round4_title_after_act_is_no_place() -> None:
    found = events("The Act on Temporary Measures was adopted on 12 July 2024.", "2024")
    assert found and "place" not in found[0]
