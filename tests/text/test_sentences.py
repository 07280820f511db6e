"""Sentence splitting keeps exact offsets and does not break at abbreviations or initials."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.text.sentences import paragraphs, split_sentences


def texts(source: str) -> list[str]:
    return [source[s.start:s.end] for s in split_sentences(source)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    source = ("The U.S. embassy cited Art. 5 and No. 12 of the decree. Officials met J. R. Mendes on "
              "Tuesday. He left.")
    assert texts(source) == [
        "The U.S. embassy cited Art. 5 and No. 12 of the decree.",
        "Officials met J. R. Mendes on Tuesday.",
        "He left.",
    ]


def test_bullets_and_headings_are_their_own_paragraphs() -> None:
    source = "RECOMMENDATIONS\nWe ask the Committee to:\n- Urge Greece to stop pushbacks.\n- Ensure access to lawyers."
    spans = [source[s:e] for s, e in paragraphs(source)]
    assert spans == ["RECOMMENDATIONS", "We ask the Committee to:", "- Urge Greece to stop pushbacks.",
                     "- Ensure access to lawyers."]


def test_wrapped_pdf_lines_are_joined_into_one_paragraph() -> None:
    line1 = "Migrants held at the Tapachula station said that officers confiscated their phones and"
    line2 = "documents on arrival. Several were moved at night."
    source = f"{line1}\n{line2}"
    sentences = split_sentences(source)
    assert len({s.paragraph for s in sentences}) == 1
    assert texts(source)[0].endswith("on arrival.")


def test_paragraph_index_changes_at_line_breaks_after_full_stops() -> None:
    sentences = split_sentences("First point here.\nSecond point there. Third one.")
    assert [s.paragraph for s in sentences] == [0, 1, 1]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\t-•AZ”U.S1")), max_size=200))
def test_sentences_are_ordered_non_overlapping_and_trimmed(source: str) -> None:
    last_end = 0
    for s in split_sentences(source):
        assert last_end <= s.start < s.end <= len(source)
        chunk = source[s.start:s.end]
        assert chunk == chunk.strip() and chunk
        last_end = s.end


def test_datelines_give_the_year_of_each_update() -> None:
    from habeas.text.sentences import dateline_years, year_at

    text = "# Monitor\n\n## 28 December 2021 – Chad\n\nText.\n\n## 9 February 2022 – Chad\n\nMore.\n"
    lines = dateline_years(text)
    assert [year for _, year in lines] == [2021, 2022]
    assert year_at(lines, 0, 2020) == 2020
    assert year_at(lines, text.index("Text."), 2020) == 2021
    assert year_at(lines, text.index("More."), 2020) == 2022


# A section laid out as text copied from a PDF report: every line broken at about
# 72 characters, inside sentences and inside names, with a heading broken in two.
_WRAPPED = """Ruritania 2031 Human Rights Report
e. Protection of Refugees
The government cooperated with the Office of the UN High Commissioner
for Refugees in providing protection and assistance to refugees, asylum
seekers, and stateless persons.  The country ratified the Convention
against Torture in 1998.
Access to Asylum:  The law provided for the granting of asylum, and the
government had a system for providing protection to refugees.  As of
June 30, the government had registered 4,120 asylum seekers, mostly from
neighboring states.
Freedom of Movement:  Authorities held asylum seekers in closed
reception centers for up to 90 days.
"""


def test_wrapped_lines_join_into_sentences() -> None:
    got = [" ".join(t.split()) for t in texts(_WRAPPED)]
    assert ("As of June 30, the government had registered 4,120 asylum seekers, mostly from "
            "neighboring states.") in got
    assert "The country ratified the Convention against Torture in 1998." in got
    assert ("Freedom of Movement:  Authorities held asylum seekers in closed reception centers "
            "for up to 90 days.").replace("  ", " ") in got
    assert "Ruritania 2031 Human Rights Report" in got  # a heading stays on its own


def test_wrap_width_tells_wrapped_text_from_one_paragraph_per_line() -> None:
    from habeas.text.sentences import iter_lines, wrap_width

    assert 60 <= (wrap_width(_WRAPPED, iter_lines(_WRAPPED)) or 0) <= 75
    per_line = "\n".join(f"Paragraph {i} " + "word " * (3 + 7 * (i % 5)) + "ends." for i in range(12))
    assert wrap_width(per_line, iter_lines(per_line)) is None


def test_flowed_text_keeps_offsets_and_table_rows() -> None:
    from habeas.text.sentences import flowed

    out = flowed(_WRAPPED)
    assert len(out) == len(_WRAPPED)
    assert "the Convention against Torture" in out
    assert out.startswith("Ruritania 2031 Human Rights Report\ne. Protection")
    table = _WRAPPED + "\nTreaty                                   Year of ratification\nCAT, Convention against Torture          1998\n"
    flowed_table = flowed(table)
    assert "ratification\nCAT" in flowed_table
    assert flowed("One line.\nAnother line.\n") == "One line.\nAnother line.\n"
