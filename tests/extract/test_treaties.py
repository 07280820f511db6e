"""Treaty acts from profile tables and prose; mere mentions yield nothing."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_scoring import SHARED, doc, seed_counts, verbatim  # noqa: F401

from habeas.extract.treaties import extract_treaties
from habeas.vocab import treaties as vocabulary


def acts(text: str, year: int = 2021) -> set[tuple[str, str, int]]:
    return {(f.fields["treaty"], f.fields["action"], f.fields["year"]) for f in extract_treaties(doc(text, year))}


def test_profile_table_rows_use_the_last_free_standing_year() -> None:
    text = ("\tName\tRatification Year\n"
            "\tICCPR, International Covenant on Civil and Political Rights\t1991\n"
            "Core treaties\tCRC, Convention on the Rights of the Ch\t1990\n"
            "\tICCPR-OP2, Second Optional Protocol to the ICCPR\t2005\n"
            "Ratio of relevant international treaties ratified\t3/19\n"
            "\tName\t\tAcceptance Year\n"
            "\tICCPR, First Optional Protocol to the International Covenant, 1966\t\t\t1994\n"
            "\tCAT, declaration und\ter article 22\t2001\n"
            "\tCEDAW, Optional Protocol to the Conv\t2006\n")
    assert acts(text) == {("ICCPR", "ratification", 1991), ("CRC", "ratification", 1990),
                          ("ICCPR-OP2", "ratification", 2005), ("ICCPR-OP1", "acceptance", 1994),
                          ("CAT-22", "acceptance", 2001), ("CEDAW-OP", "acceptance", 2006)}


def test_prose_acts_take_the_act_year_not_the_treaty_year() -> None:
    text = ("Freedonia acceded to the 1951 Refugee Convention and its 1967 Protocol in 2002. "
            "It ratified the Convention against Torture in 1996 and the ICCPR in 2004. "
            "The state has been a party to the ICESCR since 2004. "
            "In 2009 the government signed the Convention on the Rights of Persons with Disabilities. "
            "In 2011 it recognised the competence of the Committee under article 22 of CAT.")
    assert acts(text) == {("CRSR", "ratification", 2002), ("PCRSR", "ratification", 2002),
                          ("CAT", "ratification", 1996), ("ICCPR", "ratification", 2004),
                          ("ICESCR", "ratification", 2004), ("CRPD", "signature", 2009),
                          ("CAT-22", "acceptance", 2011)}


def test_optional_protocol_named_after_its_parent() -> None:
    text = "Patria ratified the Convention against Torture in 1990 and its Optional Protocol in 2012."
    assert acts(text) == {("CAT", "ratification", 1990), ("OPCAT", "ratification", 2012)}


def test_mentions_negations_and_recommendations_yield_nothing() -> None:
    text = ("Detainees are protected under the ICCPR. Authorities should respect the Convention relating to "
            "the Status of Refugees. Patria has not ratified the Migrant Workers Convention of 1990, and it has "
            "yet to ratify the 1954 Statelessness Convention. In 2019 the Committee against Torture met.")
    assert acts(text) == set()


def test_quotes_are_verbatim_spans() -> None:
    d = doc("Utopia acceded to the Refugee Convention in 1993.")
    (fact,) = list(extract_treaties(d))
    assert d.text[fact.span.start_char:fact.span.end_char] == fact.quote
    assert "1993" in fact.quote


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abc ICCPRCAT,.\t\n0123456789ratifiedacceded to in 19")), max_size=300))
def test_never_raises_and_fields_are_well_formed(text: str) -> None:
    d = doc(text)
    for fact in extract_treaties(d):
        assert fact.fields["treaty"] in vocabulary()
        assert fact.fields["action"] in {"ratification", "signature", "acceptance"}
        assert 1900 <= fact.fields["year"] <= 2100
        assert d.text[fact.span.start_char:fact.span.end_char] == fact.quote


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold (seed gold) is not present")
def test_seed_gold_precision_and_recall() -> None:
    tp, fp, fn = seed_counts("treaty", extract_treaties)
    assert tp / max(1, tp + fp) >= 0.9
    assert tp / max(1, tp + fn) >= 0.9


def test_space_separated_profile_table_and_bare_codes() -> None:
    text = ("Treaty          Year of ratification\n"
            "ICERD, Convention on the Elimination of Racial Discrimination        2003\n"
            "CRC, Convention on the Rights of the Child        1994\n"
            "Complaints procedures accepted    2 of 8\n"
            "ICCPR-OP1    2011\n"
            "CAT-22    2009\n"
            "INSTITUTIONS\n"
            "The ombudsman was created in 2012\n")
    assert acts(text) == {("ICERD", "ratification", 2003), ("CRC", "ratification", 1994),
                          ("ICCPR-OP1", "acceptance", 2011), ("CAT-22", "acceptance", 2009)}


def test_its_protocol_and_denied_acts() -> None:
    found = acts("Ruritania acceded to the Refugee Convention in 1978 and to its Protocol in 1979, and ratified "
                 "the Convention against Torture in 2001, but has not ratified the Optional Protocol to the "
                 "Convention against Torture and has accepted no complaints procedure.")
    assert found == {("CRSR", "ratification", 1978), ("PCRSR", "ratification", 1979), ("CAT", "ratification", 2001)}


def test_the_convention_of_the_treaty_body_addressed() -> None:
    text = ("Shadow report to the Committee against Torture\n"
            "Ruritania, which ratified the Convention on 4 May 1999, has not made the declaration under article 22.")
    assert acts(text) == {("CAT", "ratification", 1999)}
    assert acts("Ruritania ratified the Convention in 1999.") == set()  # which convention is not said


def _acts(text: str) -> set[tuple[str, str, int]]:
    return {(f.fields["treaty"], f.fields["action"], f.fields["year"]) for f in extract_treaties(doc(text))}


def test_dot_leader_tables_and_article_rows() -> None:
    text = ("INTERNATIONAL LAW\nTreaty ratifications ........ year\nICCPR .............. 1979\nCRC ........ n/a\n"
            "Individual complaints accepted\nICCPR-OP1 ........... 1995\nCAT art. 22 ......... 2001\n")
    acts = _acts(text)
    assert ("ICCPR", "ratification", 1979) in acts
    assert ("ICCPR-OP1", "acceptance", 1995) in acts
    assert ("CAT-22", "acceptance", 2001) in acts
    assert not any(a[0] == "CRC" for a in acts)


def test_protocol_the_same_year_takes_the_parent_year() -> None:
    acts = _acts("Freedonia ratified the Refugee Convention in 1968 and its Protocol the same year.")
    assert ("PCRSR", "ratification", 1968) in acts


def test_urged_acts_are_not_reported_acts() -> None:
    """A recommendation ("Accede to ...", "should ratify ...") names treaties and years but reports no act."""
    assert _acts("4. Accede to the 1951 Refugee Convention and its 1967 Protocol and to the 1954 statelessness "
                 "convention.\n5. Ruritania should ratify the Convention against Torture by 2030.\n") == set()
    assert _acts("Ruritania acceded to the Convention against Torture in 1996.") == {("CAT", "ratification", 1996)}


def _acts(text: str) -> set[tuple[str, str, int]]:
    return {(f.fields["treaty"], f.fields["action"], f.fields["year"]) for f in extract_treaties(doc(text))}


def test_both_statelessness_conventions():
    assert _acts("In 2014 it acceded to both statelessness conventions.") == {
        ("CRSSP", "ratification", 2014), ("CRS", "ratification", 2014)}


def test_declaration_under_its_article():
    acts = _acts("It ratified the Convention against Torture in 1990 and made the declaration under its article 22 in 1995, "
                 "and acceded to the 1951 Refugee Convention in 1997.")
    assert ("CAT-22", "acceptance", 1995) in acts and ("CRSR", "ratification", 1997) in acts


def test_signed_but_not_ratified():
    acts = _acts("It has not ratified the Convention on the Reduction of Statelessness, which it signed in 1962.")
    assert acts == {("CRS", "signature", 1962)}


def test_party_to_with_an_adverb_and_since_year() -> None:
    assert acts("The state is also party to the Convention against Torture (since 1999).") == {("CAT", "ratification", 1999)}
    assert acts("By then Ruritania was already a party to the Convention on the Rights of the Child (since 2004).") \
        == {("CRC", "ratification", 2004)}


def test_nor_denies_the_act_that_follows() -> None:
    found = acts("It ratified the Convention against Torture in 1995 but has not signed the ICRMW, nor ratified OPCAT.")
    assert found == {("CAT", "ratification", 1995)}
    found = acts("The country acceded to the ICCPR in 2001, neither signing the CRPD nor ratifying OPCAT since.")
    assert ("OPCAT", "ratification", 2001) not in found


def test_complaints_label_in_first_cell_opens_an_acceptance_table() -> None:
    text = ("Individual complaints\tICCPR, First Optional Protocol\t1995\n"
            "procedure\tCAT, declaration under article 22\tN/A\n"
            "\tCEDAW, Optional Protocol to the Conv\t2006\n")
    assert acts(text) == {("ICCPR-OP1", "acceptance", 1995), ("CEDAW-OP", "acceptance", 2006)}
