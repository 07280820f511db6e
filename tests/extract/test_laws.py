"""Domestic laws: titles in several national styles, merged per document, articles attached."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_scoring import SHARED, doc, seed_counts, verbatim  # noqa: F401

from habeas.extract.laws import extract_laws


def laws(text: str, country: str = "XXX", year: int = 2021) -> dict[str, dict]:  # type: ignore[type-arg]
    return {f.fields["title"]: f.fields for f in extract_laws(doc(text, year, country))}


def test_numbered_titles_with_years() -> None:
    found = laws("Key laws: The Law on Asylum (112-VI (2016)); Law No. 7-II on Associations of 2 March 2001; "
                 "Law 5120/2018 on Reception; Organic Law 2/2009 on Aliens.")
    assert found["Law on Asylum"]["number"] == "112-VI" and found["Law on Asylum"]["year_adopted"] == 2016
    assert found["Law on Associations"]["number"] == "7-II" and found["Law on Associations"]["year_adopted"] == 2001
    assert found["Law on Reception"]["year_adopted"] == 2018
    assert found["Organic Law on Aliens"]["number"] == "2/2009"


def test_act_titles_keep_their_year_and_separate_two_acts() -> None:
    found = laws("Powers come from the Aliens Act 2004 and the Borders and Asylum Act 2019. "
                 "The Aliens Act 2010 replaced parts of it. Section 3 of the Borders and Asylum Act applies.")
    assert {"Aliens Act 2004", "Aliens Act 2010", "Borders and Asylum Act 2019"} <= set(found)
    assert found["Borders and Asylum Act 2019"]["year_adopted"] == 2019


def test_mentions_merge_and_collect_articles() -> None:
    text = ("The Penal Code (Article 301) punishes document fraud. Article 12 of the country's Penal Code "
            "sets penalties. While Article 8 of the Constitution guarantees liberty, the law on foreign "
            "nationals adopted in May 2015 allows detention (Article 44).")
    found = laws(text, year=2017)
    assert found["Penal Code"]["articles"] == ["301", "12"]
    assert found["Constitution"]["articles"] == ["8"]
    assert found["Law on foreign nationals"]["year_adopted"] == 2015
    assert found["Law on foreign nationals"]["articles"] == ["44"]
    assert len(found) == 3


def test_country_name_is_dropped_and_foreign_laws_skipped() -> None:
    found = laws("The Code of the Republic of Patria on administrative offences applies. "
                 "Russia's Law on Foreign Agents was cited.", country="XXX")
    assert "Code on administrative offences" in found
    assert not any("Foreign Agents" in t for t in found)


def test_treaties_and_generic_law_are_not_laws() -> None:
    found = laws("Article 31 of the Refugee Convention and the International Covenant apply. The law requires "
                 "registration, and international law on refugees forbids refoulement.")
    assert found == {}


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Law on Refugees Act Code Article 12(3) 2001 No. the of \t\n()")), max_size=300))
def test_never_raises_and_fields_are_well_formed(text: str) -> None:
    d = doc(text)
    facts = list(extract_laws(d))
    assert verbatim(d, facts)
    for fact in facts:
        assert fact.fields["title"].strip()
        for key in ("year_adopted", "year_amended"):
            assert fact.fields[key] is None or 1800 <= fact.fields[key] <= 2100
        assert isinstance(fact.fields["articles"], list)


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold (seed gold) is not present")
def test_seed_gold_precision_and_recall() -> None:
    tp, fp, fn = seed_counts("law", extract_laws)
    assert tp / max(1, tp + fp) >= 0.9
    assert tp / max(1, tp + fn) >= 0.9


def test_numbers_written_after_titles_and_short_titles() -> None:
    found = laws("Law No. 4,512 of 2003 (the Asylum Law) and the Aliens Law (Law No. 12,101 of 2011) apply; so do "
                 "the Law on Entry and Residence No. 17 of 1988 and the Public Order Law of 1961.")
    assert found["Asylum Law"]["number"] == "4,512" and found["Asylum Law"]["year_adopted"] == 2003
    assert found["Aliens Law"]["number"] == "12,101" and found["Aliens Law"]["year_adopted"] == 2011
    assert found["Law on Entry and Residence"]["number"] == "17"
    assert found["Law on Entry and Residence"]["year_adopted"] == 1988
    assert found["Public Order Law"]["year_adopted"] == 1961


def test_enacting_instrument_in_brackets_and_participle_titles() -> None:
    found = laws("• Criminal Code (Legislative Decree No. 77 of 1950), Article 9\n"
                 "• Law No. 30 of 2019 establishing the Office of the Ombudsman\n"
                 "• Government Regulation No. 8 of 2020 on Border Control\n")
    assert found["Criminal Code"]["number"] == "77" and found["Criminal Code"]["year_adopted"] == 1950
    assert found["Law establishing the Office of the Ombudsman"]["number"] == "30"
    assert found["Government Regulation on Border Control"]["year_adopted"] == 2020
    assert len(found) == 3  # the bracketed decree is the Code's own number, not another law
    assert laws("The law regulating detention is vague.") == {}


def test_numbered_citations_fold_into_the_law_they_number() -> None:
    found = laws("Detention rests on article 9 of the Consolidated Act on Aliens (Legislative Decree No. 77 of 1999). "
                 "The Law No. 5-11 on residence of foreigners (2011) governs stays. Under article 40 of Law No. 5-11, "
                 "overstaying is an offence.")
    assert not any(title.startswith("Legislative Decree") for title in found)
    assert not any(title == "Law No. 5-11" for title in found)
    assert len(found) == 2


def test_a_law_yet_to_be_adopted_is_not_named() -> None:
    assert laws("The State party plans to adopt a law on asylum.") == {}


def test_organisation_names_and_glossed_decrees() -> None:
    """ "Refugee Law Clinic" is an organisation; a decree in parentheses glosses the law just named."""
    found = laws("Submitted by the Refugee Law Clinic Network. The Asylum Law governs detention. "
                 "The Nationality Law of 1959 (Amiri Decree No. 15 of 1959) applies.")
    assert set(found) == {"Asylum Law", "Nationality Law"}
    assert found["Nationality Law"]["number"] == "15"


def test_quoted_title_after_number_and_date():
    text = 'Residence is governed by Federal Law No. 62-FZ of 3 March 2009 "On the Residence of Aliens in Ruritania".'
    laws = list(extract_laws(doc(text)))
    assert len(laws) == 1
    assert laws[0].fields["title"].startswith("On the Residence of Aliens")
    assert laws[0].fields["number"] == "62-FZ" and laws[0].fields["year_adopted"] == 2009


def test_dotted_number_before_title_and_alias_in_parentheses():
    text = "- Law 19.512 on Asylum and Protection (Ley de Asilo y Protección), 2015\n- Later Law 22.101 changed it.\n"
    titles = {f.fields["title"]: f.fields for f in extract_laws(doc(text))}
    assert "Law on Asylum and Protection" in titles
    assert titles["Law on Asylum and Protection"]["number"] == "19.512"
    assert not any(t.startswith("Ley") for t in titles)
    assert any(f.get("number") == "22.101" for f in titles.values())


def test_regulations_issued_by_decree_are_one_law():
    text = "The Labour Regulations, issued by Royal Decree No. 51/7 in 1969, punish absconding workers."
    laws = list(extract_laws(doc(text)))
    assert [(f.fields["title"], f.fields["number"], f.fields["year_adopted"]) for f in laws] == [
        ("Labour Regulations", "51/7", 1969)]


def test_subject_law_with_place_and_qualifier_and_basic_law():
    text = ("The Entry into Freedonia Law of 1961 applies. The Citizenship and Entry into Freedonia Law "
            "(Temporary Provision) was renewed. Article 9 of the Basic Law of Governance of 1990 protects liberty.")
    titles = {f.fields["title"]: f.fields for f in extract_laws(doc(text))}
    assert titles["Entry into Freedonia Law"]["year_adopted"] == 1961
    assert "Citizenship and Entry into Freedonia Law (Temporary Provision)" in titles
    assert titles["Basic Law of Governance"]["articles"] == ["9"]


def test_table_cell_before_title_and_header_constitution():
    text = ("\tYes/No\tConstitution and Articles\t\tYear Adopted\tLast Year Amended\n"
            "Constitutional guarantees?\tYes\tFederal Constitutional Act on Personal Freedom, Article 2\t\t1990\t2004\n")
    titles = [f.fields["title"] for f in extract_laws(doc(text))]
    assert titles == ["Federal Constitutional Act on Personal Freedom"]


# --- round 3: construction families ---------------------------------------------------------


@pytest.mark.parametrize(("text", "title", "number"), [
    ("Detention is governed by Law 12/2010 of 3 June (the Foreigners Act). Law 12/2010 was amended later.",
     "Foreigners Act", "12/2010"),
    ("Decree No. 45/2018 of March 9 (the Residence Code) sets the rules; Decree No. 45/2018 also covers visas.",
     "Residence Code", "45/2018"),
])
def test_a_short_title_after_a_day_without_year_names_the_numbered_law(text: str, title: str, number: str) -> None:
    found = laws(text)
    assert list(found) == [title]
    assert found[title]["number"] == number


@pytest.mark.parametrize("text", [
    "Detention is regulated by the Migration Code, adopted on 2 July 2013 and last amended in 2022.",
    "The Immigration Act, which was enacted in March 2013 and later amended in 2022, allows detention.",
])
def test_adoption_and_amendment_each_take_their_own_year(text: str) -> None:
    (law,) = laws(text).values()
    assert (law["year_adopted"], law["year_amended"]) == (2013, 2022)


@pytest.mark.parametrize(("text", "title", "year"), [
    ("Executive Decree 436 of June 2022 opened an amnesty.", "Executive Decree 436", 2022),
    ("A second phase came with Supreme Decree 88 in 2023.", "Supreme Decree 88", 2023),
    ("Decree 71 of 4 May 2019 set up the register.", "Decree 71", 2019),
])
def test_bare_numbered_decrees_dated_after_their_number(text: str, title: str, year: int) -> None:
    found = laws(text)
    assert found[title]["year_adopted"] == year
