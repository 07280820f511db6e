"""The typed records of a country data profile: what every renderer and export reads.

The profile is computed once (``habeas.publish.profile.assemble_profile``) and
rendered many ways; keeping the records here, free of any rendering, is what
guarantees that the HTML, the PDF and the JSON/CSV/XLSX exports show exactly
the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A library document as the profile needs it (no text, no storage details)."""

    id: int
    title: str | None
    filename: str = ""
    publisher: str | None = None
    published: str | None = None
    kind: str = "other"
    url: str | None = None
    country: str | None = None
    confidential: bool = False

    @property
    def display_title(self) -> str:
        return self.title or self.filename or f"Document {self.id}"


@dataclass(frozen=True, slots=True)
class SourceFact:
    """A stored fact as the profile needs it; ``fields`` has the interchange keys of its type."""

    id: int
    type: str
    fields: dict[str, Any]
    quote: str = ""
    page: int | None = None
    document_id: int | None = None
    country: str | None = None
    status: str = "candidate"
    confidential: bool = False
    source_note: str | None = None

    def to_interchange(self) -> dict[str, Any]:
        """The flat JSON object of ../shared/spec/facts.md, for scoring and exports."""
        out: dict[str, Any] = {"type": self.type, "country": self.country}
        out.update({k: v for k, v in self.fields.items() if k not in ("type", "country")})
        out["quote"] = self.quote
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True, slots=True)
class Footnote:
    """One numbered citation: the document, page and verbatim quote behind one fact."""

    number: int
    fact_id: int
    document_id: int | None
    document_title: str
    page: int | None
    quote: str
    source_note: str | None = None
    candidate: bool = False


@dataclass(slots=True)
class Figure:
    """One thing the profile shows, traced to the facts (and footnotes) behind it.

    Every entry of every section is a Figure subclass, so exports can list
    "exactly the figures shown" by walking the sections.
    """

    facts: list[SourceFact]
    footnotes: list[int]
    candidate: bool

    @property
    def fact_ids(self) -> list[int]:
        return [f.id for f in self.facts]


@dataclass(slots=True)
class StatisticValue(Figure):
    indicator: str = ""
    value: float | None = None
    unit: str = ""
    date: str = ""
    qualifier: str | None = None
    contrasting: bool = False
    display: str = ""


@dataclass(slots=True)
class IndicatorSeries:
    """All values of one indicator, oldest first; ``chart_svg`` when three or more are dated."""

    indicator: str
    label: str
    unit: str
    values: list[StatisticValue]
    chart_svg: str | None = None

    @property
    def has_contrasting(self) -> bool:
        return any(v.contrasting for v in self.values)

    def rows(self) -> list[tuple[str, list[StatisticValue]]]:
        """Values grouped by observation date, so contrasting figures sit side by side."""
        out: dict[str, list[StatisticValue]] = {}
        for value in self.values:
            out.setdefault(value.date, []).append(value)
        return list(out.items())


@dataclass(slots=True)
class StatisticsSection:
    key: str
    title: str
    series: list[IndicatorSeries]
    empty_message: str


@dataclass(slots=True)
class QuickFact:
    indicator: str
    label: str
    values: list[StatisticValue]  # the latest observation; several when sources disagree

    @property
    def date(self) -> str | None:
        return self.values[0].date if self.values else None


@dataclass(slots=True)
class StatusValue(Figure):
    indicator: str = ""
    label: str = ""
    section: str = ""
    value: str = ""
    date: str | None = None


@dataclass(slots=True)
class LawEntry(Figure):
    title: str = ""
    number: str | None = None
    year_adopted: int | None = None
    year_amended: int | None = None
    articles: list[str] = field(default_factory=list)
    is_constitution: bool = False


@dataclass(slots=True)
class TreatyAct(Figure):
    code: str = ""
    name: str = ""
    group: str = ""
    action: str = ""
    year: int | None = None


@dataclass(frozen=True, slots=True)
class TreatyRef:
    code: str
    name: str


@dataclass(slots=True)
class InternationalLaw:
    """Treaty acts and the two ratios the profile headlines ("13/19", "4/8")."""

    ratified: list[TreatyAct]
    complaints_accepted: list[TreatyAct]
    signed_only: list[TreatyAct]
    core_total: int
    complaints_total: int
    not_ratified: list[TreatyRef]

    @property
    def ratification_ratio(self) -> str:
        return f"{len(self.ratified)}/{self.core_total}"

    @property
    def complaints_ratio(self) -> str:
        return f"{len(self.complaints_accepted)}/{self.complaints_total}"


@dataclass(slots=True)
class InstitutionEntry(Figure):
    name: str = ""
    kind: str | None = None
    date: str | None = None


@dataclass(slots=True)
class TimelineEntry(Figure):
    """A case or an event, placed on the timeline by its date (undated ones last)."""

    kind: str = ""  # "case" or "event"
    date: str | None = None
    title: str = ""
    detail: str = ""


@dataclass(slots=True)
class FacilityEntry(Figure):
    name: str = ""
    place: str | None = None


@dataclass(slots=True)
class RecommendationEntry(Figure):
    text: str = ""
    addressee: str | None = None
    articles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Profile:
    iso3: str
    country_name: str
    generated: str
    draft: bool
    quick_facts: list[QuickFact]
    statistics: list[StatisticsSection]
    statuses: dict[str, list[StatusValue]]  # by statuses.tsv section
    laws: list[LawEntry]
    international: InternationalLaw
    institutions: list[InstitutionEntry]
    timeline: list[TimelineEntry]
    facilities: list[FacilityEntry]
    recommendations: list[RecommendationEntry]
    sources: list[SourceDocument]
    footnotes: list[Footnote]

    def statuses_in(self, *sections: str) -> list[StatusValue]:
        return [s for key in sections for s in self.statuses.get(key, [])]

    def figures(self) -> list[tuple[str, Figure]]:
        """(section title, figure) for every figure shown, in reading order."""
        out: list[tuple[str, Figure]] = []
        for section in self.statistics:
            out += [(f"Statistics: {section.title}", v) for s in section.series for v in s.values]
        out += [("Detention policy", s) for s in self.statuses_in("detention", "enforcement")]
        out += [("Domestic law", law) for law in self.laws]
        out += [("Domestic law", s) for s in self.statuses_in("law")]
        intl = self.international
        out += [("International law", t) for t in intl.ratified + intl.complaints_accepted + intl.signed_only]
        out += [("International law", s) for s in self.statuses_in("international")]
        out += [("Institutions", i) for i in self.institutions]
        out += [("Institutions", s) for s in self.statuses_in("institutions")]
        out += [("Cases and events", t) for t in self.timeline]
        out += [("Detention places", f) for f in self.facilities]
        out += [("Recommendations received", r) for r in self.recommendations]
        return out
