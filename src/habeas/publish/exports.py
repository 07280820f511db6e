"""JSON, CSV and XLSX exports of a profile: exactly the figures it shows, each with its sources.

Each figure is written back in the interchange form of ../shared/spec/facts.md
(the merged, displayed values), so an export can be scored against gold files
or re-imported, and each carries the source references behind it: document
id, title, page and the verbatim quote.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from habeas.publish.model import (
    FacilityEntry,
    Figure,
    InstitutionEntry,
    LawEntry,
    Profile,
    RecommendationEntry,
    StatisticValue,
    StatusValue,
    TimelineEntry,
    TreatyAct,
)


def figure_fact(figure: Figure, iso3: str) -> dict[str, Any]:
    """The figure as one interchange dict (type, country and the type's keys)."""
    fields: dict[str, Any]
    if isinstance(figure, StatisticValue):
        kind = "statistic"
        fields = {"indicator": figure.indicator, "value": figure.value, "unit": figure.unit,
                  "date": figure.date or None, "qualifier": figure.qualifier}
    elif isinstance(figure, StatusValue):
        kind = "status"
        fields = {"indicator": figure.indicator, "value": figure.value.lower(), "date": figure.date}
    elif isinstance(figure, LawEntry):
        kind = "law"
        fields = {"title": figure.title, "number": figure.number, "year_adopted": figure.year_adopted,
                  "year_amended": figure.year_amended, "articles": list(figure.articles)}
    elif isinstance(figure, TreatyAct):
        kind = "treaty"
        fields = {"treaty": figure.code, "action": figure.action, "year": figure.year}
    elif isinstance(figure, InstitutionEntry):
        kind = "institution"
        fields = {"name": figure.name, "kind": figure.kind, "date": figure.date}
    elif isinstance(figure, TimelineEntry):
        kind = figure.kind
        fields = {k: v for k, v in figure.facts[0].fields.items()}
    elif isinstance(figure, FacilityEntry):
        kind = "facility"
        fields = {"name": figure.name, "place": figure.place}
    elif isinstance(figure, RecommendationEntry):
        kind = "recommendation"
        fields = {"text": figure.text, "addressee": figure.addressee, "articles": list(figure.articles)}
    else:  # pragma: no cover - every figure class is listed above
        raise TypeError(type(figure).__name__)
    out: dict[str, Any] = {"type": kind, "country": iso3}
    out.update({k: v for k, v in fields.items() if v is not None or k in ("value", "articles")})
    return out


def figure_sources(profile: Profile, figure: Figure) -> list[dict[str, Any]]:
    notes = {n.number: n for n in profile.footnotes}
    return [{"footnote": n, "fact_id": notes[n].fact_id, "document_id": notes[n].document_id,
             "document_title": notes[n].document_title, "page": notes[n].page, "quote": notes[n].quote,
             "source_note": notes[n].source_note} for n in figure.footnotes]


def profile_records(profile: Profile) -> list[dict[str, Any]]:
    """One record per figure shown, in reading order."""
    records = []
    for section, figure in profile.figures():
        record: dict[str, Any] = {
            "section": section,
            "status": "candidate" if figure.candidate else "accepted",
            "fact": figure_fact(figure, profile.iso3),
            "sources": figure_sources(profile, figure),
        }
        if isinstance(figure, StatisticValue):
            record["display"] = figure.display
            record["contrasting"] = figure.contrasting
        records.append(record)
    return records


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    intl = profile.international
    return {
        "country": {"iso3": profile.iso3, "name": profile.country_name},
        "title": "Immigration Detention Data Profile",
        "generated": profile.generated,
        "draft": profile.draft,
        "quick_facts": [{"indicator": q.indicator, "label": q.label, "date": q.date,
                         "values": [v.display for v in q.values],
                         "footnotes": [n for v in q.values for n in v.footnotes]}
                        for q in profile.quick_facts],
        "international_law": {
            "ratification_ratio": intl.ratification_ratio,
            "complaints_ratio": intl.complaints_ratio,
            "ratified": [t.code for t in intl.ratified],
            "complaints_accepted": [t.code for t in intl.complaints_accepted],
            "not_ratified": [{"code": t.code, "name": t.name} for t in intl.not_ratified],
        },
        "figures": profile_records(profile),
        "sources": [{"document_id": d.id, "title": d.display_title, "publisher": d.publisher,
                     "date": d.published, "kind": d.kind, "url": d.url} for d in profile.sources],
        "footnotes": [{"number": n.number, "fact_id": n.fact_id, "document_id": n.document_id,
                       "document_title": n.document_title, "page": n.page, "quote": n.quote,
                       "source_note": n.source_note, "unreviewed": n.candidate}
                      for n in profile.footnotes],
    }


def render_profile_json(profile: Profile) -> bytes:
    return json.dumps(profile_to_dict(profile), ensure_ascii=False, indent=2).encode("utf-8")


TABLE_COLUMNS = ("section", "type", "status", "indicator_or_name", "value", "date", "unit", "qualifier",
                 "contrasting", "fields_json", "footnote", "document_id", "document_title", "page", "quote")


def profile_rows(profile: Profile) -> list[list[Any]]:
    """Flat rows for CSV and XLSX: one per (figure, source), so every row carries its citation."""
    rows = []
    for record in profile_records(profile):
        fact = record["fact"]
        name = fact.get("indicator") or fact.get("treaty") or fact.get("title") or fact.get("name") \
            or fact.get("kind") or (str(fact.get("text") or "")[:80])
        value = record.get("display") if fact["type"] == "statistic" else fact.get("value", "")
        date = fact.get("date") or fact.get("year") or fact.get("year_adopted") or ""
        fields_json = json.dumps({k: v for k, v in fact.items() if k not in ("type", "country")},
                                 ensure_ascii=False)
        for source in record["sources"] or [{}]:
            rows.append([record["section"], fact["type"], record["status"], name, value, date,
                         fact.get("unit", ""), fact.get("qualifier", ""),
                         "yes" if record.get("contrasting") else "", fields_json,
                         source.get("footnote", ""), source.get("document_id", ""),
                         source.get("document_title", ""), source.get("page", ""), source.get("quote", "")])
    return rows


def render_profile_csv(profile: Profile) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    writer.writerows([["" if v is None else v for v in row] for row in profile_rows(profile)])
    return buffer.getvalue().encode("utf-8")


def render_profile_xlsx(profile: Profile) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Figures"
    sheet.append(list(TABLE_COLUMNS))
    for row in profile_rows(profile):
        sheet.append(["" if v is None else v for v in row])
    sources = workbook.create_sheet("Sources")
    sources.append(["document_id", "title", "publisher", "date", "kind", "url"])
    for d in profile.sources:
        sources.append([d.id, d.display_title, d.publisher or "", d.published or "", d.kind, d.url or ""])
    about = workbook.create_sheet("Profile")
    intl = profile.international
    about_rows: list[tuple[str, object]] = [
        ("Country", profile.country_name), ("ISO3", profile.iso3), ("Generated", profile.generated),
        ("Draft", "yes (includes unreviewed facts)" if profile.draft else "no"),
        ("Core treaties ratified", intl.ratification_ratio),
        ("Complaints procedures accepted", intl.complaints_ratio),
    ]
    for label, value in about_rows:
        about.append([label, value])
    for ws in (sheet, sources):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
