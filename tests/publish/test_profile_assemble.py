"""The profile builder and its renderers on small synthetic libraries (no database, no PDF)."""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import pytest

from habeas.publish.exports import profile_to_dict, render_profile_csv, render_profile_xlsx
from habeas.publish.html import render_profile_html
from habeas.publish.model import SourceDocument, SourceFact
from habeas.publish.profile import assemble_profile

DOCS = [
    SourceDocument(id=1, title="Annual detention monitor", publisher="Monitor NGO", published="2021-03-01",
                   kind="report", url="https://example.org/monitor", country="NPL"),
    SourceDocument(id=2, title="Shadow report to the Committee", publisher="Coalition", published="2020",
                   kind="submission", country="NPL"),
    SourceDocument(id=3, title="Leaked internal memo", kind="other", country="NPL", confidential=True),
]


class Facts:
    def __init__(self) -> None:
        self.items: list[SourceFact] = []

    def add(self, type_: str, status: str = "accepted", document_id: int | None = 1, page: int | None = 2,
            quote: str | None = None, confidential: bool = False, country: str = "NPL",
            **fields: Any) -> SourceFact:
        fact = SourceFact(id=len(self.items) + 1, type=type_, fields=fields,
                          quote=quote or f"quote number {len(self.items) + 1}", page=page,
                          document_id=document_id, country=country, status=status,
                          confidential=confidential)
        self.items.append(fact)
        return fact


def stat(facts: Facts, indicator: str, value: float | None, date: str, **kw: Any) -> SourceFact:
    unit = kw.pop("unit", "persons")
    return facts.add("statistic", indicator=indicator, value=value, unit=unit, date=date, **kw)


@pytest.fixture
def library() -> Facts:
    f = Facts()
    for year, value in ((2015, 1200), (2016, 1500), (2017, 1750)):
        stat(f, "immigration_detainees", value, str(year))
    stat(f, "immigration_detainees", 1900, "2018", document_id=1, quote="first source says 1,900")
    stat(f, "immigration_detainees", 2400, "2018", document_id=2, quote="second source says 2,400")
    stat(f, "detained_minors", None, "2019", quote="minors not available")
    stat(f, "asylum_applications", 310, "2019/2020", unit="applications")
    stat(f, "deportations", 999, "2019", status="rejected", quote="rejected figure 999")
    stat(f, "deportations", 555, "2019", status="candidate", quote="candidate figure 555")
    stat(f, "deportations", 777, "2019", document_id=3, quote="secret figure from memo")
    stat(f, "deportations", 888, "2019", confidential=True, quote="confidential fact 888")
    stat(f, "deportations", 444, "2019", country="IND", quote="another country 444")
    f.add("treaty", treaty="ICCPR", action="ratification", year=1991)
    f.add("treaty", treaty="CAT", action="ratification", year=1991)
    f.add("treaty", treaty="CAT", action="ratification", year=1991, document_id=2)
    f.add("treaty", treaty="ICCPR-OP1", action="acceptance", year=1991)
    f.add("treaty", treaty="CRSR", action="signature", year=2001)
    f.add("law", title="Immigration Act", year_adopted=1992, articles=["4"])
    f.add("law", title="Immigration Act of the Kingdom", year_adopted=1992, year_amended=2019,
          number="7-II", articles=["4", "9"], document_id=2)
    f.add("status", indicator="nhri_independent", value="yes", date="2020")
    f.add("event", kind="raid", date="2020-05-01", count=40, place="Kathmandu",
          quote="police raided a hostel")
    f.add("case", name="A. Person", outcome="deported", date="2019-11-02")
    return f


def test_only_accepted_public_facts_of_the_country_appear(library: Facts) -> None:
    profile = assemble_profile("npl", library.items, DOCS)
    quotes = {n.quote for n in profile.footnotes}
    assert "rejected figure 999" not in quotes
    assert "candidate figure 555" not in quotes
    assert "secret figure from memo" not in quotes
    assert "confidential fact 888" not in quotes
    assert "another country 444" not in quotes
    assert not profile.draft
    assert [d.id for d in profile.sources] == [2, 1]  # by publication date; the memo is not a source


def test_candidates_only_in_a_marked_draft(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS, include_candidates=True)
    assert profile.draft
    deportations = [v for s in profile.statistics for series in s.series for v in series.values
                    if v.indicator == "deportations"]
    assert [(v.value, v.candidate) for v in deportations] == [(555.0, True)]
    html = render_profile_html(profile)
    assert 'class="watermark"' in html and "DRAFT" in html
    assert "unreviewed" in html
    assert "rejected figure 999" not in html
    plain = render_profile_html(assemble_profile("NPL", library.items, DOCS))
    assert "DRAFT" not in plain and "candidate figure 555" not in plain


def test_contrasting_reports_flagged_and_side_by_side(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    series = next(s for sec in profile.statistics for s in sec.series if s.indicator == "immigration_detainees")
    by_date = dict(series.rows())
    assert [v.value for v in by_date["2018"]] == [1900.0, 2400.0]
    assert all(v.contrasting for v in by_date["2018"])
    assert not any(v.contrasting for v in by_date["2017"])
    quick = next(q for q in profile.quick_facts if q.indicator == "immigration_detainees")
    assert quick.date == "2018" and len(quick.values) == 2
    html = render_profile_html(profile)
    assert "contrasting reports" in html


def test_quick_facts_show_not_available_and_missing(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    quick = {q.indicator: q for q in profile.quick_facts}
    assert quick["detained_minors"].values[0].display == "Not Available"
    assert quick["detained_minors"].date == "2019"
    assert quick["international_migrants"].values == []
    assert quick["asylum_applications"].date == "2019/2020"


def test_chart_for_three_dated_values_only(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    series = {s.indicator: s for sec in profile.statistics for s in sec.series}
    svg = series["immigration_detainees"].chart_svg
    assert svg and svg.startswith("<svg")
    assert svg.count('class="contrasting"') == 2 and svg.count('class="point"') == 3
    assert series["asylum_applications"].chart_svg is None
    html = render_profile_html(profile)
    assert html.count("<svg") == 1


def test_treaty_ratios_and_missing_core_treaties(library: Facts) -> None:
    intl = assemble_profile("NPL", library.items, DOCS).international
    assert intl.ratification_ratio == "2/19"
    assert intl.complaints_ratio == "1/8"
    cat = next(t for t in intl.ratified if t.code == "CAT")
    assert len(cat.footnotes) == 2  # merged from two documents
    missing = {t.code for t in intl.not_ratified}
    assert "CRSR" in missing and "ICCPR" not in missing and len(missing) == 17
    assert [t.code for t in intl.signed_only] == ["CRSR"]


def test_same_law_from_two_documents_is_merged(library: Facts) -> None:
    laws = assemble_profile("NPL", library.items, DOCS).laws
    assert len(laws) == 1
    law = laws[0]
    assert (law.number, law.year_adopted, law.year_amended, law.articles) == ("7-II", 1992, 2019, ["4", "9"])
    assert len(law.footnotes) == 2


def test_every_figure_is_footnoted_with_document_page_and_quote(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    numbers = [n.number for n in profile.footnotes]
    assert numbers == list(range(1, len(numbers) + 1))
    for _, figure in profile.figures():
        assert figure.footnotes, figure
    html = render_profile_html(profile)
    note = next(n for n in profile.footnotes if n.quote == "second source says 2,400")
    item = re.search(rf'<p id="fn-{note.number}"[^>]*>(.*?)</p>', html, re.S)
    assert item and "Shadow report to the Committee" in item.group(1) and "p.&#160;2" in item.group(1)
    assert "second source says 2,400" in item.group(1)
    assert f'href="#fn-{note.number}"' in html


def test_empty_sections_say_so() -> None:
    profile = assemble_profile("NPL", [], DOCS)
    html = render_profile_html(profile)
    for message in ("No accepted detention statistics yet", "No accepted laws yet",
                    "No accepted treaty ratifications yet", "No accepted cases or events yet",
                    "No accepted detention places yet", "No accepted recommendations yet"):
        assert message in html
    assert profile.international.ratification_ratio == "0/19"


def test_html_is_self_contained_and_fragment_renders(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    html = render_profile_html(profile, standalone=True)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"<link[^>]+href=[\"']?https?:", html)
    assert not re.search(r"<script[^>]+src=", html)
    assert "@import" not in html and "url(http" not in html
    fragment = render_profile_html(profile, standalone=False)
    assert "<html" not in fragment and 'class="habeas-profile' in fragment
    assert "Nepal" in fragment and "NPL" in fragment


def test_exports_list_exactly_the_figures_shown(library: Facts) -> None:
    profile = assemble_profile("NPL", library.items, DOCS)
    data = profile_to_dict(profile)
    json.dumps(data)  # serialisable
    assert len(data["figures"]) == len(profile.figures())
    values = sorted(f["fact"]["value"] for f in data["figures"]
                    if f["fact"]["type"] == "statistic" and f["fact"]["value"] is not None)
    assert values == [310, 1200, 1500, 1750, 1900, 2400]
    first = data["figures"][0]
    assert {"document_id", "document_title", "page", "quote"} <= set(first["sources"][0])
    rows = list(csv.DictReader(io.StringIO(render_profile_csv(profile).decode())))
    assert {r["quote"] for r in rows} == {n.quote for n in profile.footnotes}
    assert all(r["document_title"] for r in rows)
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(render_profile_xlsx(profile)))
    assert book["Figures"].max_row == len(rows) + 1
    assert book["Sources"].max_row == len(profile.sources) + 1
