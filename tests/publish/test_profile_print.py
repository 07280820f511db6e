"""The PDF's lighter print markup keeps every figure, source and chart point, and looks the same
whichever way WeasyPrint gets the HTML (fast XML parse or its own HTML5 parse)."""

from __future__ import annotations

import re

import pytest

from habeas.publish import charts
from habeas.publish.html import render_profile_html
from habeas.publish.model import Profile, SourceDocument, SourceFact
from habeas.publish.pdf import parsed_document, render_profile_pdf
from habeas.publish.profile import assemble_profile

DOCS = [SourceDocument(id=1, title="Annual detention monitor", published="2021", kind="report", country="NPL"),
        SourceDocument(id=2, title="Shadow report", published="2020", kind="submission", country="NPL")]


def _profile(include_candidates: bool = False) -> Profile:
    facts: list[SourceFact] = []

    def add(type_: str, status: str = "accepted", document_id: int = 1, **fields: object) -> None:
        facts.append(SourceFact(id=len(facts) + 1, type=type_, fields=dict(fields), quote=f"said {len(facts) + 1}",
                                page=len(facts) + 3, document_id=document_id, country="NPL", status=status))

    for year, value in ((2015, 1200), (2016, 1500), (2017, 1750)):
        add("statistic", indicator="immigration_detainees", value=value, unit="persons", date=str(year))
    add("statistic", indicator="immigration_detainees", value=1900, unit="persons", date="2018")
    add("statistic", indicator="immigration_detainees", value=2400, unit="persons", date="2018", document_id=2)
    add("statistic", indicator="deportations", value=555, unit="persons", date="2019", status="candidate")
    add("treaty", treaty="ICCPR", action="ratification", year=1991)
    add("law", title="Immigration Act", year_adopted=1992, articles=["4"])
    add("event", kind="raid", date="2020-05-01", count=40)
    return assemble_profile("NPL", facts, DOCS, include_candidates=include_candidates)


def test_print_markup_keeps_every_reference_and_note_as_plain_text() -> None:
    profile = _profile()
    html = render_profile_html(profile, standalone=True, print_css=True)
    assert "<sup" not in html and 'href="#fn-' not in html  # one text run per value on paper
    for note in profile.footnotes:
        assert f"{note.number}. {note.document_title}, p.&#160;{note.page}: “{note.quote}”" in html
    assert re.search(r"1,900&#160;\[\d+\] \| 2,400&#160;\[\d+\]", html)
    assert "contrasting reports" in html
    screen = render_profile_html(profile, standalone=True)
    assert '<sup class="fn">' in screen and 'id="fn-1"' in screen  # the web page keeps its links


def test_print_chart_keeps_every_point_without_tooltips() -> None:
    svg = charts.line_chart_svg("Detainees", "persons", [(2015, 10, False), (2016, 20, False), (2017, 15, True),
                                                         (2017, 30, True)])
    printed = charts.for_print(svg)
    assert "<circle" not in printed and printed.count("<title>") == 1
    assert printed.count("h0.01") == 2 * svg.count("<circle")  # each dot: white ring + colour
    assert printed.count("<line") == 0 and svg.count("<line") > 0
    assert charts.CONTRAST_COLOUR in printed and "<polyline" in printed


def test_fast_parse_gives_the_same_pages_as_weasyprints_parser() -> None:
    pymupdf = pytest.importorskip("pymupdf")
    html = render_profile_html(_profile(), standalone=True, print_css=True)
    fast = parsed_document(html).write_pdf()
    slow = parsed_document(html, fast=False).write_pdf()
    with pymupdf.open(stream=fast, filetype="pdf") as a, pymupdf.open(stream=slow, filetype="pdf") as b:
        assert a.page_count == b.page_count
        assert [p.get_text() for p in a] == [p.get_text() for p in b]


def test_draft_pdf_has_header_watermark_contents_and_page_count() -> None:
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(stream=render_profile_pdf(_profile(include_candidates=True)), filetype="pdf") as pdf:
        count = pdf.page_count
        pages = [p.get_text() for p in pdf]
    text = "\n".join(pages)
    assert "Nepal (NPL) · Immigration Detention Data Profile" in pages[-1]
    assert "DRAFT" in pages[-1] and "unreviewed" in text
    assert re.search(r"Notes\s*\.*\s*\d+", pages[0])  # contents with page numbers
    assert f"page {count} of {count}" in pages[-1]
    assert "said 6" in text  # the candidate's quote is in the notes
