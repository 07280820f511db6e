"""Sentence splitting keeps exact offsets and does not break at abbreviations or initials."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from habeas.extract.sentences import paragraphs, split_sentences


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
    from habeas.extract.sentences import dateline_years, year_at

    text = "# Monitor\n\n## 28 December 2021 – Chad\n\nText.\n\n## 9 February 2022 – Chad\n\nMore.\n"
    lines = dateline_years(text)
    assert [year for _, year in lines] == [2021, 2022]
    assert year_at(lines, 0, 2020) == 2020
    assert year_at(lines, text.index("Text."), 2020) == 2021
    assert year_at(lines, text.index("More."), 2020) == 2022
