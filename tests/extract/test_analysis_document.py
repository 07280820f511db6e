"""The analysed document: built once, a Document to every extractor, quotes from the original."""

from __future__ import annotations

from habeas.domain import Document
from habeas.extract import extract_facts
from habeas.extract.analysis import AnalysedDocument, analyse
from habeas.text.prepared import PreparedText
from habeas.text.sentences import split_sentences

WRAPPED = ("Ruritania 2031 Human Rights Report\n"
           + "The government cooperated with the Office of the UN High Commissioner\n"
           + "for Refugees in providing protection and assistance to refugees and\n"
           + "asylum seekers.  In 1998 the country ratified the Convention\n"
           + "against Torture, and authorities said 4,120 asylum seekers were\n"
           + "registered as of June 30.  The law allowed detention for up to\n"
           + "90 days, and courts reviewed each case within one week of arrest.\n"
           + "Border police detained 300 migrants in a raid on May 5 in the\n"
           + "capital, according to the national police, which reported the\n"
           + "figures to parliament in the autumn of that year.\n")


def _document() -> Document:
    return Document(sha256="x", filename="r.txt", media_type="text/plain", text=WRAPPED, published="2031")


def test_analysis_is_a_document_with_text_prepared_once() -> None:
    analysed = analyse(_document())
    assert isinstance(analysed, AnalysedDocument) and isinstance(analysed.text, PreparedText)
    assert len(analysed.text) == len(WRAPPED) and "Convention against Torture" in analysed.text
    assert analysed.original_text == WRAPPED
    assert analysed.sentences is split_sentences(analysed.text)  # computed once, shared
    assert analyse(analysed) is analysed
    assert analysed.report_year == 2031


def test_quotes_are_the_original_characters() -> None:
    facts = extract_facts(_document()).facts
    assert facts
    for fact in facts:
        assert fact.quote == WRAPPED[fact.span.start_char:fact.span.end_char]
    assert any(f.type.value == "treaty" and f.fields.get("treaty") == "CAT" for f in facts)
