"""Recommendations: bullet lists, list-of-issues questions and concluding-observation prose."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seed_scoring import SHARED, seed_report

from habeas.domain import Document
from habeas.extract.recommendations import extract_recommendations


def doc(text: str) -> Document:
    return Document(sha256="t", filename="t.txt", media_type="text/plain", text=text, country="GRC", published="2023")


def recs(text: str) -> list[dict[str, object]]:
    return [f.fields for f in extract_recommendations(doc(text))]


GREECE_SUBMISSION = """ARBITRARY DETENTION ON THE ISLANDS (ARTICLES 9 AND 10)
Asylum seekers arriving on Samos are confined for weeks in the closed centre.
Conditions reported by residents include:
- Overcrowded containers without heating
- Limited access to doctors
RECOMMENDATIONS
We respectfully ask the Committee to:
- Urge Greece to end the automatic confinement of new arrivals and to use detention only as a last resort.
- Call on UNHCR to expand its monitoring presence in the island
centres and publish its findings.
Greece should be commended for recent reforms.
"""


def test_ngo_submission_about_greece() -> None:
    found = recs(GREECE_SUBMISSION)
    assert [r["text"] for r in found] == [
        "Urge Greece to end the automatic confinement of new arrivals and to use detention only as a last resort.",
        "Call on UNHCR to expand its monitoring presence in the island centres and publish its findings.",
    ]
    assert found[0]["addressee"] == "state" and found[1]["addressee"] == "UNHCR"
    assert all(r["articles"] == [] for r in found)  # RECOMMENDATIONS resets the section's articles


QUESTIONS = """Article 9 on liberty and security of person
Migrants are held without a court order.
 Can the State party indicate the maximum length of immigration detention and the
number of children detained in 2022?
 Will alternatives to detention be

1 A footnote that sits at the bottom of the page.

introduced for families with children?
Article 13 on expulsion of aliens
 How many persons were returned to Türkiye under the readmission agreement?
"""


def test_list_of_issues_questions_with_wraps_and_page_breaks() -> None:
    facts = list(extract_recommendations(doc(QUESTIONS)))
    assert [f.fields["text"] for f in facts] == [
        ("Can the State party indicate the maximum length of immigration detention and the number of children "
         "detained in 2022?"),
        "Will alternatives to detention be introduced for families with children?",
        "How many persons were returned to Türkiye under the readmission agreement?",
    ]
    assert [f.fields["articles"] for f in facts] == [["9"], ["9"], ["13"]]
    assert facts[1].quote == "Will alternatives to detention be"  # the verbatim part before the break


def test_concluding_observations_prose_but_not_any_should() -> None:
    text = ("The Committee is concerned about pushbacks at the Evros border.\n"
            "The State party should ensure that every person intercepted at the border can apply for asylum.\n"
            "Officials said that the fence should be finished by 2024.\n")
    assert [r["text"] for r in recs(text)] == [
        "The State party should ensure that every person intercepted at the border can apply for asylum."]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(
    ["RECOMMENDATIONS\n", "- Urge the State to act.\n", " Will it stop?\n", "\n", "1 note\n", "Article 7 x\n",
     "text ", "The State party should act.\n", "encourage the Committee to:\n", "?", "-"]), max_size=30
).map("".join) | st.text(max_size=300))
def test_never_raises_and_quotes_are_verbatim(text: str) -> None:
    for fact in extract_recommendations(doc(text)):
        assert fact.quote == text[fact.span.start_char:fact.span.end_char]
        assert fact.fields["text"] and isinstance(fact.fields["articles"], list)
        assert isinstance(fact.fields["addressee"], str)


def test_seed_gold_precision_and_recall() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"seed documents not found at {SHARED / 'seeds'}")
    report = seed_report("recommendation", extract_recommendations)
    counts = report.by_type["recommendation"]
    assert counts.precision >= 0.9, report.to_dict(errors=True)
    assert counts.recall >= 0.9, report.to_dict(errors=True)


def test_numbered_paragraphs_arrow_requests_and_follow_up_sentences() -> None:
    text = ("Detention of migrants (arts. 9 and 10)\n\n"
            "31. The State party should:\n"
            "(a) Set a maximum period for administrative detention;\n"
            "(b) Provide free legal aid to every detainee.\n\n"
            "32. The State party should stop detaining children. It should also publish yearly detention data.\n\n"
            "→ Please describe the conditions in the new reception centres.\n")
    found = recs(text)
    texts = [r["text"] for r in found]
    assert "Set a maximum period for administrative detention;" in texts
    assert "It should also publish yearly detention data." in texts
    assert "Please describe the conditions in the new reception centres." in texts
    assert all(r["articles"] == ["9", "10"] for r in found)


# --- generalisation: addressee sub-headings, lists that lost their bullets -----------------

def texts_and_addressees(text: str) -> list[tuple[str, str]]:
    return [(str(f.fields["text"]), str(f.fields["addressee"])) for f in extract_recommendations(doc(text))]


def test_to_addressee_lines_split_one_recommendations_section() -> None:
    text = ("Recommendations\nTo the Parliament:\n• Repeal the provisions that allow detention without limit.\n"
            "To the Ministry of the Interior:\n• End the detention of children in border facilities.\n"
            "• Publish monthly figures on people held in each centre.\nTo UNHCR:\n"
            "• Increase monitoring visits to border facilities.\n")
    found = texts_and_addressees(text)
    assert ("End the detention of children in border facilities.", "state") in found
    assert ("Publish monthly figures on people held in each centre.", "state") in found
    assert ("Increase monitoring visits to border facilities.", "UNHCR") in found
    assert len(found) == 4


def test_unbulleted_orders_under_a_recommendations_heading() -> None:
    text = ("Recommendations\n\nRatify the Optional Protocol to the Convention against Torture.\n"
            "Ensure that every detainee can see a lawyer within 24 hours.\n\nBackground\n\n"
            "Release figures were published in May.\n")
    found = [t for t, _ in texts_and_addressees(text)]
    assert found == ["Ratify the Optional Protocol to the Convention against Torture.",
                     "Ensure that every detainee can see a lawyer within 24 hours."]


def test_numbered_list_and_bullet_questions_under_cat_article_headings() -> None:
    text = ("Recommendations\n1. Ensure that no child is held in immigration detention.\n"
            "2. Establish an independent body to inspect all places where foreigners are confined.\n\n"
            "Article 3 on non-refoulement\n• What steps ensure that rejected applicants may appeal with "
            "suspensive effect?\n")
    facts = [f.fields for f in extract_recommendations(doc(text))]
    assert [f["text"] for f in facts][:2] == ["Ensure that no child is held in immigration detention.",
                                             "Establish an independent body to inspect all places where "
                                             "foreigners are confined."]
    assert facts[2]["articles"] == ["3"]


def test_numbered_recommendations_under_a_numbered_intro_paragraph() -> None:
    text = ("VI. RECOMMENDATIONS\n\n"
            "14. The authors ask the Working Group to recommend that the State:\n\n"
            "1. Repeal the provisions that criminalise irregular entry into the country.\n"
            "2. Publish quarterly figures on the people held in immigration detention.\n"
            "15. The authors thank the Council for its attention.\n")
    texts = [r["text"] for r in recs(text)]
    assert texts == ["Repeal the provisions that criminalise irregular entry into the country.",
                     "Publish quarterly figures on the people held in immigration detention."]


def test_ngo_asks_the_committee_to_put_recommendations_to_the_state():
    text = ("Recommendations (article 9)\n"
            "5. The Committee should urge the State party to limit detention pending removal to the shortest period.\n"
            "6. The Committee should recommend that the State party release children from detention.\n"
            "7. The Committee should note that the report was late.\n")
    document = Document(sha256="x", filename="t.txt", media_type="text/plain", text=text, country="XXX")
    recs = list(extract_recommendations(document))
    assert [r.fields["addressee"] for r in recs] == ["state", "state"]
    assert all(r.fields["articles"] == ["9"] for r in recs)


@pytest.mark.parametrize("heading", ["4. RECOMMENDATIONS", "5) Recommendations", "III. KEY RECOMMENDATIONS"])
def test_a_numbered_section_title_opens_the_recommendations(heading: str) -> None:
    text = (f"Report on detention, 2024\n\n{heading}\n\nTo the Government:\n"
            "- Stop detaining children for migration reasons.\n- Resume registering asylum claims at the border.\n\n"
            "To the European Commission:\n- Condition border funding on independent monitoring.\n")
    found = texts_and_addressees(text)
    assert ("Stop detaining children for migration reasons.", "state") in found
    assert ("Condition border funding on independent monitoring.", "European Commission") in found
    assert len(found) == 3


@pytest.mark.parametrize("sentence", [
    "The Committee should urge Ruritania to release all children held in border centres.",
    "The Committee should call on Ruritania to set a legal limit on detention.",
    "The Committee should recommend that Ruritania ratify the Migrant Workers Convention.",
    "We urge the Committee to ask the Government of Ruritania to publish detention figures.",
])
def test_submissions_that_name_the_state_instead_of_the_state_party(sentence: str) -> None:
    found = texts_and_addressees(f"Submission to the Committee, 2024\n\n12. {sentence}\n")
    assert [a for _, a in found] == ["state"]


def test_a_numbered_finding_is_not_a_recommendation() -> None:
    text = "Submission, 2024\n\n3. The Committee should note that Ruritania detained 400 people in 2023.\n"
    assert texts_and_addressees(text) == []


def test_numbered_heading_capitals_addressee_and_plain_imperative_lines() -> None:
    from habeas.domain import Document
    from habeas.extract.recommendations import extract_recommendations

    text = ("6.4 Conditions\nThe centre was overcrowded.\n\n6.5 Recommendations\n\n"
            "TO THE GOVERNMENT OF RURITANIA:\n"
            "Immediately release all children from immigration detention.\n"
            "Propose an amendment to the Aliens Act that sets a maximum period of detention.\n\n"
            "To the Ministry of the Interior:\n"
            "1. Give each detainee a written explanation of the reasons for detention.\n")
    document = Document(sha256="x", filename="x.txt", media_type="text/plain", text=text, published="2024")
    found = {f.fields["text"].split()[0]: f.fields["addressee"] for f in extract_recommendations(document)}
    assert set(found) == {"Immediately", "Propose", "Give"}
    assert found["Immediately"] == "state"
