"""Properties every registered extractor must keep, whatever text it is given.

Extractors are written by different hands and tuned on a few reports; these
tests feed each of them arbitrary text and text assembled from the fragments
reports are made of, and check that nothing raises and that every fact is
well formed: a verbatim quote at its offsets, a confidence in [0, 1], and an
interchange dict with the keys and values ../shared/spec/facts.md allows.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from habeas.domain import Document, Fact, Page, Passage
from habeas.domain.fact import FACT_TYPES
from habeas.extract.registry import RegisteredExtractor, registered_extractors
from habeas.vocab import indicators, status_indicators, treaties

_ISO_ONE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
ISO_DATE = re.compile(rf"^{_ISO_ONE}(?:/{_ISO_ONE})?$")
ISO3 = re.compile(r"^[A-Z]{3}$")

QUALIFIERS = {"approx", "min", "max"}
TREATY_ACTIONS = {"ratification", "signature", "acceptance"}
CASE_OUTCOMES = {"arrested", "detained", "deported", "extradited", "convicted", "released",
                 "asylum_denied", "asylum_granted", "attacked", "other"}
EVENT_KINDS = {"raid", "detention", "deportation", "extradition", "protest", "court_ruling",
               "policy_change", "border_closure", "agreement", "other"}
INSTITUTION_KINDS = {"nhri", "ombudsperson", "npm", "un_body", "ngo", "other"}

# Keys facts.md gives without "where given" / "optional", per type.
REQUIRED_KEYS: dict[str, tuple[str, ...]] = {
    "statistic": ("indicator", "value", "unit", "date"),
    "status": ("indicator", "value"),
    "treaty": ("treaty", "action", "year"),
    "law": ("title", "articles"),
    "case": ("name", "outcome"),
    "event": ("kind", "date"),
    "facility": ("name",),
    "institution": ("name", "kind"),
    "recommendation": ("text", "addressee", "articles"),
}

# Pieces that reports in this field are made of, written for these tests (no report text).
FRAGMENTS = [
    "January", "May", "may be", "March 2019", "14 February 2021", "June 3, 2018", "on 2 July",
    "in 2015", "as of 31 December 2022", "between 2016 and 2019", "2017-18", "2020/2021", "1999",
    "1,240", "12,000", "3 000", "1.5 million", "about 300", "more than 40", "at least 7", "up to 90",
    "12.5%", "40 per cent", "per 100,000", "0", "-5", "99999999999999999999", "1e9", "٣٤", "²",
    "Not Available", "N/A", "n.a.", "Article 12", "Article 9(4)", "articles 7 and 10", "Art. 3",
    "Law on Foreign Nationals", "Law No. 101-V", "the Criminal Code", "Code of Administrative Offences",
    "Constitution", "adopted in 2011", "amended in 2020", "Convention against Torture", "CAT", "ICCPR",
    "OP-CAT", "Refugee Convention", "ratified", "acceded", "signed", "accepted", "declaration",
    "immigration detainees", "detained minors", "children", "asylum seekers", "refugees", "migrants",
    "deportations", "were deported", "was detained", "was arrested", "extradited to", "released",
    "convicted", "granted asylum", "denied asylum", "attacked", "Ana María Pérez", "O'Brien",
    "Mr. Jean-Luc Dubois", "Ms Li", "police raided", "protesters", "the court ruled", "border closed",
    "signed an agreement", "new decree", "detention centre in Northtown", "holding facility",
    "Ombudsperson", "National Preventive Mechanism", "Human Rights Commission", "UNHCR", "IOM",
    "Recommendation:", "The Committee recommends that the State party", "Please provide information on",
    "should ensure", "Yes", "No", "civil law", "Does the country detain migrants?", "Total",
    "Source:", "Table 2", "|", "•", "-", "*", "1.", "(a)", ":", ";", "(", ")", "\u00a0", "\u200b",
]
SEPARATORS = [" ", " ", " ", "\n", "\t", ", ", ". ", "\n\n", "\n• ", "\n- ", " | ", "\f"]

fragment_text = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS) | st.integers(-10**6, 10**9).map(str), st.sampled_from(SEPARATORS)),
    max_size=40,
).map(lambda parts: "".join(f + s for f, s in parts))
any_text = st.text(max_size=400)

# Sentence-shaped text, so that extractors actually fire on some examples.
_WHEN = ["In 2019,", "On 4 March 2021", "As of June 2020,", "Between 2015 and 2018", "In May", "Last year", ""]
_HOW_MANY = ["1,240", "some 300", "at least 15", "up to 2 000", "12.5%", "Not Available", "two", "0"]
_WHO = ["migrants", "asylum seekers", "children", "people", "foreign nationals", "refugees", "detainees"]
_DID = ["were held in immigration detention", "were deported", "were detained", "were returned",
        "applied for asylum", "were apprehended", "were recognised as refugees"]
_TREATY = ["the Convention against Torture", "the International Covenant on Civil and Political Rights",
           "the Optional Protocol to the Convention against Torture", "the 1951 Refugee Convention"]
_ACT = ["ratified", "acceded to", "signed", "has not ratified"]
_PERSON = ["Ana María Pérez", "Mr. Jean-Luc Dubois", "Tomasz Nowak", "Li Wei"]
_FATE = ["was arrested", "was detained", "was deported to", "was extradited to", "was released",
         "was sentenced", "was granted asylum", "was denied asylum"]


def _sentence(parts: tuple[str, ...]) -> str:
    return " ".join(p for p in parts if p) + "."


sentence_text = st.lists(
    st.one_of(
        st.tuples(st.sampled_from(_WHEN), st.sampled_from(_HOW_MANY), st.sampled_from(_WHO),
                  st.sampled_from(_DID)).map(_sentence),
        st.tuples(st.sampled_from(["The State", "Utopia", "The country"]), st.sampled_from(_ACT),
                  st.sampled_from(_TREATY), st.sampled_from(["in 1998", "on 5 May 2004", ""])).map(_sentence),
        st.tuples(st.sampled_from(_WHEN), st.sampled_from(_PERSON), st.sampled_from(_FATE),
                  st.sampled_from(["", "Northtown", "under Article 12 of the Law on Foreign Nationals"]))
        .map(_sentence),
    ),
    max_size=8,
).map(lambda sentences: " ".join(sentences))


def _passages(text: str, pages: list[Page]) -> list[Passage]:
    passages, start = [], 0
    for match in re.finditer(r"\n\s*\n|\Z", text):
        if text[start:match.start()].strip():
            page = next((p.number for p in pages if p.start_char <= start < max(p.end_char, start + 1)), None)
            passages.append(Passage(start, match.start(), page))
        start = match.end()
    return passages


def make_document(text: str, *, paged: bool, published: str | None, country: str | None) -> Document:
    """A document as a reader would leave it: pages cut at form feeds (when paged), passages at blank lines."""
    pages: list[Page] = []
    if paged:
        start = 0
        for number, chunk in enumerate(text.split("\f"), 1):
            pages.append(Page(number, start, start + len(chunk)))
            start += len(chunk) + 1
    return Document(sha256="0" * 64, filename="sample.txt", media_type="text/plain", text=text,
                    pages=pages, passages=_passages(text, pages), published=published, country=country)


documents = st.builds(
    make_document,
    any_text | fragment_text | sentence_text,
    paged=st.booleans(),
    published=st.none() | st.sampled_from(["2019", "2021-06", "2023-11-30"]),
    country=st.none() | st.just("UTO"),
)

_EXTRACTORS = registered_extractors()
EXTRACTOR_PARAMS = [pytest.param(e, id=e.id) for e in _EXTRACTORS] or [
    pytest.param(None, marks=pytest.mark.skip(reason="no extractor registered yet"), id="none")
]

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_date(d: dict[str, Any], key: str = "date") -> None:
    if key in d:
        assert isinstance(d[key], str) and ISO_DATE.match(d[key]), f"bad {key}: {d[key]!r}"


def _check_string_list(value: Any) -> None:
    assert isinstance(value, list) and all(isinstance(a, str) and a.strip() for a in value), value


def check_interchange(d: dict[str, Any]) -> None:
    """The flat JSON form obeys facts.md for its type."""
    kind = d["type"]
    json.dumps(d)  # serialisable as it stands
    for key in REQUIRED_KEYS[kind]:
        assert key in d, f"{kind} without {key}: {d}"
    assert isinstance(d["quote"], str) and d["quote"].strip()
    assert 0.0 <= d["confidence"] <= 1.0
    if "country" in d:
        assert ISO3.match(str(d["country"])), d["country"]
    if "page" in d:
        assert isinstance(d["page"], int) and d["page"] >= 1
    if kind == "statistic":
        vocab = indicators()
        assert d["indicator"] in vocab, d["indicator"]
        assert d["unit"] == vocab[d["indicator"]].unit
        assert d["value"] is None or _is_number(d["value"]), d["value"]
        _check_date(d)
        if "qualifier" in d:
            assert d["qualifier"] in QUALIFIERS
    elif kind == "status":
        vocab = status_indicators()
        assert d["indicator"] in vocab, d["indicator"]
        assert str(d["value"]).casefold() in {v.casefold() for v in vocab[d["indicator"]].values}
        _check_date(d)
    elif kind == "treaty":
        assert d["treaty"] in treaties(), d["treaty"]
        assert d["action"] in TREATY_ACTIONS
        assert isinstance(d["year"], int) and 1800 <= d["year"] <= 2100
    elif kind == "law":
        assert isinstance(d["title"], str) and d["title"].strip()
        for key in ("year_adopted", "year_amended"):
            if key in d:
                assert isinstance(d[key], int) and 1700 <= d[key] <= 2100, d[key]
        if "number" in d:
            assert isinstance(d["number"], str) and d["number"].strip()
        _check_string_list(d["articles"])
    elif kind == "case":
        assert isinstance(d["name"], str) and d["name"].strip()
        assert d["outcome"] in CASE_OUTCOMES, d["outcome"]
        if "nationality" in d:
            assert ISO3.match(str(d["nationality"]))
        _check_date(d)
    elif kind == "event":
        assert d["kind"] in EVENT_KINDS, d["kind"]
        _check_date(d)
        if "count" in d:
            assert isinstance(d["count"], int) and not isinstance(d["count"], bool) and d["count"] >= 0
        if "place" in d:
            assert isinstance(d["place"], str) and d["place"].strip()
    elif kind == "facility":
        assert isinstance(d["name"], str) and d["name"].strip()
        if "place" in d:
            assert isinstance(d["place"], str) and d["place"].strip()
    elif kind == "institution":
        assert isinstance(d["name"], str) and d["name"].strip()
        assert d["kind"] in INSTITUTION_KINDS, d["kind"]
        _check_date(d)
    elif kind == "recommendation":
        assert isinstance(d["text"], str) and d["text"].strip()
        assert isinstance(d["addressee"], str) and d["addressee"].strip()
        _check_string_list(d["articles"])


def check_fact(fact: Fact, document: Document, extractor: RegisteredExtractor) -> None:
    assert isinstance(fact, Fact)
    assert fact.type.value in FACT_TYPES
    assert fact.type in extractor.produces, f"{extractor.id} produced undeclared {fact.type}"
    start, end = fact.span.start_char, fact.span.end_char
    assert 0 <= start < end <= len(document.text)
    assert fact.quote and fact.quote.strip()
    assert fact.quote == document.text[start:end]
    assert 0.0 <= fact.confidence <= 1.0
    if fact.span.page is not None:
        assert fact.span.page == document.page_at(start)
    check_interchange(fact.to_interchange())


def _run(extractor: RegisteredExtractor, document: Document) -> list[Fact]:
    facts = list(extractor.run(document))
    for fact in facts:
        check_fact(fact, document, extractor)
    return facts


@pytest.mark.parametrize("extractor", EXTRACTOR_PARAMS)
@PROPERTY_SETTINGS
@given(document=documents)
def test_extractor_output_is_well_formed(extractor: RegisteredExtractor, document: Document) -> None:
    _run(extractor, document)


@pytest.mark.parametrize("extractor", EXTRACTOR_PARAMS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fragment_text | sentence_text)
def test_extractor_is_deterministic(extractor: RegisteredExtractor, text: str) -> None:
    document = make_document(text, paged=False, published="2021", country="UTO")
    first = [(f.type, f.span, f.to_interchange()) for f in _run(extractor, document)]
    second = [(f.type, f.span, f.to_interchange()) for f in _run(extractor, document)]
    assert first == second


def test_checker_rejects_malformed_facts() -> None:
    """The checks themselves can fail: a guard against a vacuous property."""
    good = {"type": "treaty", "treaty": next(iter(treaties())), "action": "ratification", "year": 1998,
            "quote": "x", "confidence": 0.5}
    check_interchange(good)
    for bad in ({**good, "year": "1998"}, {**good, "treaty": "NOPE"}, {**good, "confidence": 1.5},
                {**good, "quote": " "}, {k: v for k, v in good.items() if k != "action"}):
        with pytest.raises(AssertionError):
            check_interchange(bad)
    stat = {"type": "statistic", "indicator": "immigration_detainees", "value": 3, "unit": "percent",
            "date": "2020", "quote": "x", "confidence": 0.5}
    with pytest.raises(AssertionError):
        check_interchange(stat)  # unit differs from the vocabulary's
    with pytest.raises(AssertionError):
        check_interchange({**stat, "unit": "persons", "date": "2020-13"})
    check_interchange({**stat, "unit": "persons", "date": "2020-01-01/2020-12-31"})
