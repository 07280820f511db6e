"""Build a country data profile from reviewed facts: a pure function, no I/O.

``assemble_profile`` decides what the public may see (accepted facts only,
candidates only in a marked draft, never rejected or confidential material),
merges what several documents say about the same thing, flags figures that
sources disagree on, and numbers one footnote per fact in reading order.
Renderers and exports only read the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date as _date
from typing import Any

from habeas.publish import charts
from habeas.publish.formatting import format_statistic
from habeas.publish.model import (
    FacilityEntry,
    Footnote,
    IndicatorSeries,
    InstitutionEntry,
    InternationalLaw,
    LawEntry,
    Profile,
    QuickFact,
    RecommendationEntry,
    SourceDocument,
    SourceFact,
    StatisticsSection,
    StatisticValue,
    StatusValue,
    TimelineEntry,
    TreatyAct,
    TreatyRef,
)
from habeas.text.titles import title_words, titles_match
from habeas.vocab.loader import indicators, status_indicators, treaties

QUICK_FACT_INDICATORS = ("immigration_detainees", "detained_minors", "international_migrants",
                         "asylum_applications")
STATISTICS_SECTIONS = (("detention", "Detention"), ("enforcement", "Enforcement"),
                       ("prisons", "Prisons"), ("demographics", "Demographics"), ("asylum", "Asylum"))
MIN_CHART_POINTS = 3

_YEAR = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def country_name(iso3: str) -> str:
    import pycountry  # a declared dependency: its absence is an install error, not "no name"

    try:
        found = pycountry.countries.get(alpha_3=iso3.upper())
    except (LookupError, KeyError):
        found = None
    return str(getattr(found, "common_name", None) or getattr(found, "name", None) or iso3.upper())


def date_sort_key(value: Any) -> tuple[int, int, int, str]:
    """Order observation dates; a period ``A/B`` sorts by its end, undated values last."""
    text = str(value or "")
    end = text.split("/")[-1]
    m = _YEAR.match(end)
    if not m:
        return (9999, 99, 99, text)
    return (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0), text)


def chart_x(value: str) -> float | None:
    """The chart position of a date: periods use their end year."""
    m = _YEAR.match(str(value or "").split("/")[-1])
    if not m:
        return None
    return int(m.group(1)) + (int(m.group(2) or 1) - 1) / 12 + (int(m.group(3) or 1) - 1) / 365


def _as_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except ValueError:
        return None


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip()[:4]) if value not in (None, "") else None
    except ValueError:
        return None


def visible_facts(
    iso3: str, facts: Iterable[SourceFact], documents: dict[int, SourceDocument], include_candidates: bool
) -> list[SourceFact]:
    """The facts the public may see: the country's accepted ones (and candidates in a draft).

    Rejected facts, confidential facts and facts of confidential documents never pass.
    """
    allowed = {"accepted", "candidate"} if include_candidates else {"accepted"}
    out = []
    for fact in facts:
        document = documents.get(fact.document_id) if fact.document_id is not None else None
        if fact.status not in allowed or fact.confidential:
            continue
        if fact.document_id is not None and (document is None or document.confidential):
            continue
        country = fact.country or (document.country if document else None)
        if (country or "").upper() != iso3.upper():
            continue
        out.append(fact)
    return out


class _Footnotes:
    """Hands out footnote numbers in reading order, one per fact."""

    def __init__(self, documents: dict[int, SourceDocument]) -> None:
        self.documents = documents
        self.notes: list[Footnote] = []
        self.by_fact: dict[int, int] = {}
        self.used_documents: list[int] = []

    def cite(self, facts: Sequence[SourceFact]) -> list[int]:
        numbers = []
        for fact in facts:
            if fact.id not in self.by_fact:
                document = self.documents.get(fact.document_id) if fact.document_id is not None else None
                number = len(self.notes) + 1
                self.notes.append(Footnote(
                    number=number, fact_id=fact.id, document_id=fact.document_id,
                    document_title=document.display_title if document else (fact.source_note or "Editor's note"),
                    page=fact.page, quote=fact.quote, source_note=fact.source_note,
                    candidate=fact.status != "accepted"))
                self.by_fact[fact.id] = number
                if document is not None and document.id not in self.used_documents:
                    self.used_documents.append(document.id)
            numbers.append(self.by_fact[fact.id])
        return numbers


def _is_candidate(facts: Sequence[SourceFact]) -> bool:
    """A merged entry is unreviewed unless at least one accepted fact supports it."""
    return not any(f.status == "accepted" for f in facts)


# --- statistics --------------------------------------------------------------------------


def _statistic_values(facts: list[SourceFact]) -> list[StatisticValue]:
    """One value per (date, value); several values on one date are 'contrasting reports'."""
    groups: dict[tuple[str, str], list[SourceFact]] = {}
    for fact in facts:
        date = str(fact.fields.get("date") or "")
        value = _as_float(fact.fields.get("value"))
        groups.setdefault((date, repr(value)), []).append(fact)
    per_date: dict[str, int] = {}
    for date, _ in groups:
        per_date[date] = per_date.get(date, 0) + 1
    values = []
    for (date, _), members in groups.items():
        first = members[0].fields
        qualifier = next((m.fields.get("qualifier") for m in members if m.fields.get("qualifier")), None)
        value = _as_float(first.get("value"))
        unit = str(first.get("unit") or "")
        values.append(StatisticValue(
            facts=members, footnotes=[], candidate=_is_candidate(members),
            indicator=str(first.get("indicator") or ""), value=value, unit=unit, date=date,
            qualifier=qualifier, contrasting=bool(date) and per_date[date] > 1,
            display=format_statistic(value, unit, qualifier)))
    values.sort(key=lambda v: (date_sort_key(v.date), v.value if v.value is not None else -1.0))
    return values


def _statistics(facts: list[SourceFact]) -> dict[str, list[StatisticValue]]:
    by_indicator: dict[str, list[SourceFact]] = {}
    for fact in facts:
        by_indicator.setdefault(str(fact.fields.get("indicator") or "unknown"), []).append(fact)
    return {k: _statistic_values(v) for k, v in by_indicator.items()}


def _series_chart(label: str, unit: str, values: list[StatisticValue]) -> str | None:
    points = [(x, v.value, v.contrasting) for v in values
              if v.value is not None and (x := chart_x(v.date)) is not None]
    if len(points) < MIN_CHART_POINTS:
        return None
    return charts.line_chart_svg(label, unit, points)


# --- laws --------------------------------------------------------------------------------


def _laws(facts: list[SourceFact]) -> list[LawEntry]:
    """Merge the same law named by several documents (title words contain each other)."""
    groups: list[list[SourceFact]] = []
    for fact in facts:
        title = str(fact.fields.get("title") or "")
        year = _as_int(fact.fields.get("year_adopted"))
        for group in groups:
            g = group[0].fields
            gy = _as_int(g.get("year_adopted"))
            if titles_match(str(g.get("title") or ""), title) and (gy is None or year is None or gy == year):
                group.append(fact)
                break
        else:
            groups.append([fact])
    laws = []
    for group in groups:
        titles = [str(f.fields.get("title") or "") for f in group if f.fields.get("title")]
        adopted = [y for f in group if (y := _as_int(f.fields.get("year_adopted"))) is not None]
        amended = [y for f in group if (y := _as_int(f.fields.get("year_amended"))) is not None]
        articles: list[str] = []
        for f in group:
            for article in f.fields.get("articles") or []:
                if str(article) not in articles:
                    articles.append(str(article))
        title = max(titles, key=len) if titles else "Untitled law"
        laws.append(LawEntry(
            facts=group, footnotes=[], candidate=_is_candidate(group), title=title,
            number=next((str(f.fields["number"]) for f in group if f.fields.get("number")), None),
            year_adopted=min(adopted) if adopted else None, year_amended=max(amended) if amended else None,
            articles=articles, is_constitution="constitution" in title_words(title)))
    laws.sort(key=lambda law: (not law.is_constitution, law.title.casefold()))
    return laws


# --- treaties ----------------------------------------------------------------------------


def _international(facts: list[SourceFact]) -> InternationalLaw:
    vocab = treaties()
    by_key: dict[tuple[str, str], list[SourceFact]] = {}
    for fact in facts:
        code = str(fact.fields.get("treaty") or "")
        action = str(fact.fields.get("action") or "ratification")
        if code in vocab:
            by_key.setdefault((code, action), []).append(fact)

    def act(code: str, action: str) -> TreatyAct:
        group = by_key[(code, action)]
        years = [y for f in group if (y := _as_int(f.fields.get("year"))) is not None]
        return TreatyAct(facts=group, footnotes=[], candidate=_is_candidate(group), code=code,
                         name=vocab[code].name, group=vocab[code].group, action=action,
                         year=min(years) if years else None)

    core = [c for c, t in vocab.items() if t.group == "core"]
    complaints = [c for c, t in vocab.items() if t.group == "complaints"]
    ratified = [act(c, "ratification") for c in core if (c, "ratification") in by_key]
    accepted = []
    for code in complaints:
        acts = [a for a in ("acceptance", "ratification") if (code, a) in by_key]
        if acts:
            accepted.append(act(code, acts[0]))
    done = {a.code for a in ratified + accepted}
    signed = [act(c, "signature") for c in vocab if (c, "signature") in by_key and c not in done]
    for group in (ratified, accepted):
        group.sort(key=lambda a: (a.year or 9999, a.code))
    missing = [TreatyRef(c, vocab[c].name) for c in core if c not in done]
    return InternationalLaw(ratified=ratified, complaints_accepted=accepted, signed_only=signed,
                            core_total=len(core), complaints_total=len(complaints), not_ratified=missing)


# --- statuses, institutions, timeline, places, recommendations ---------------------------


def _merge_by(facts: list[SourceFact], key: Any) -> list[list[SourceFact]]:
    groups: dict[Any, list[SourceFact]] = {}
    for fact in facts:
        groups.setdefault(key(fact), []).append(fact)
    return list(groups.values())


def _statuses(facts: list[SourceFact]) -> dict[str, list[StatusValue]]:
    vocab = status_indicators()
    out: dict[str, list[StatusValue]] = {}
    groups = _merge_by(facts, lambda f: (f.fields.get("indicator"), str(f.fields.get("value", "")).casefold(),
                                         f.fields.get("date") or ""))
    for group in groups:
        fields = group[0].fields
        slug = str(fields.get("indicator") or "")
        known = vocab.get(slug)
        section = known.section if known else "detention"
        value = str(fields.get("value") or "")
        out.setdefault(section, []).append(StatusValue(
            facts=group, footnotes=[], candidate=_is_candidate(group), indicator=slug,
            label=known.label if known else slug.replace("_", " ").capitalize(), section=section,
            value=value[:1].upper() + value[1:], date=str(fields["date"]) if fields.get("date") else None))
    order = list(vocab)
    for values in out.values():
        values.sort(key=lambda s: (order.index(s.indicator) if s.indicator in order else 99,
                                   date_sort_key(s.date)))
    return out


def _institutions(facts: list[SourceFact]) -> list[InstitutionEntry]:
    groups: list[list[SourceFact]] = []
    for fact in facts:
        name = str(fact.fields.get("name") or "")
        for group in groups:
            if titles_match(str(group[0].fields.get("name") or ""), name):
                group.append(fact)
                break
        else:
            groups.append([fact])
    out = []
    for group in groups:
        names = [str(f.fields.get("name")) for f in group if f.fields.get("name")]
        dates = sorted((str(f.fields["date"]) for f in group if f.fields.get("date")), key=date_sort_key)
        out.append(InstitutionEntry(
            facts=group, footnotes=[], candidate=_is_candidate(group),
            name=max(names, key=len) if names else "Unnamed institution",
            kind=next((str(f.fields["kind"]) for f in group if f.fields.get("kind")), None),
            date=dates[-1] if dates else None))
    return sorted(out, key=lambda i: i.name.casefold())


def _timeline(cases: list[SourceFact], events: list[SourceFact]) -> list[TimelineEntry]:
    out = []
    for group in _merge_by(cases, lambda f: (str(f.fields.get("name", "")).casefold(),
                                             f.fields.get("outcome"), f.fields.get("date"))):
        f = group[0].fields
        nationality = f" ({f['nationality']})" if f.get("nationality") else ""
        outcome = str(f.get("outcome") or "other").replace("_", " ")
        out.append(TimelineEntry(facts=group, footnotes=[], candidate=_is_candidate(group), kind="case",
                                 date=str(f["date"]) if f.get("date") else None,
                                 title=f"{f.get('name') or 'Unnamed person'}{nationality}: {outcome}",
                                 detail=group[0].quote))
    for group in _merge_by(events, lambda f: (f.fields.get("kind"), f.fields.get("date"), f.quote)):
        f = group[0].fields
        bits = [str(f.get("kind") or "other").replace("_", " ").capitalize()]
        if f.get("count") is not None:
            bits.append(f"{format_statistic(_as_float(f['count']), 'persons', None)} people")
        if f.get("place"):
            bits.append(str(f["place"]))
        out.append(TimelineEntry(facts=group, footnotes=[], candidate=_is_candidate(group), kind="event",
                                 date=str(f["date"]) if f.get("date") else None,
                                 title=", ".join(bits), detail=group[0].quote))
    out.sort(key=lambda t: (date_sort_key(t.date), t.kind, t.title))
    return out


def _facilities(facts: list[SourceFact]) -> list[FacilityEntry]:
    groups = _merge_by(facts, lambda f: (str(f.fields.get("name") or "").casefold(),
                                         str(f.fields.get("place") or "").casefold()))
    out = [FacilityEntry(facts=g, footnotes=[], candidate=_is_candidate(g),
                         name=str(g[0].fields.get("name") or g[0].fields.get("place") or "Unnamed place"),
                         place=str(g[0].fields["place"]) if g[0].fields.get("place") else None)
           for g in groups]
    return sorted(out, key=lambda e: (str(e.place or "").casefold(), e.name.casefold()))


def _recommendations(facts: list[SourceFact]) -> list[RecommendationEntry]:
    groups = _merge_by(facts, lambda f: " ".join(str(f.fields.get("text") or f.quote).casefold().split()))
    return [RecommendationEntry(
        facts=g, footnotes=[], candidate=_is_candidate(g), text=str(g[0].fields.get("text") or g[0].quote),
        addressee=str(g[0].fields["addressee"]) if g[0].fields.get("addressee") else None,
        articles=[str(a) for a in g[0].fields.get("articles") or []]) for g in groups]


# --- the profile -------------------------------------------------------------------------


def assemble_profile(
    country: str,
    facts: Iterable[SourceFact],
    documents: Iterable[SourceDocument],
    include_candidates: bool = False,
    *,
    generated: str | None = None,
) -> Profile:
    """The country profile from the facts the public may see, with numbered footnotes."""
    iso3 = country.upper()
    docs = {d.id: d for d in documents}
    shown = visible_facts(iso3, facts, docs, include_candidates)
    by_type: dict[str, list[SourceFact]] = {}
    for fact in sorted(shown, key=lambda f: f.id):
        by_type.setdefault(fact.type, []).append(fact)

    stats = _statistics(by_type.get("statistic", []))
    vocab = indicators()
    quick = [QuickFact(slug, vocab[slug].label if slug in vocab else slug,
                       _latest(stats.get(slug, [])))
             for slug in QUICK_FACT_INDICATORS]
    sections = []
    for key, title in STATISTICS_SECTIONS:
        series = []
        for slug, indicator in vocab.items():
            if indicator.section == key and stats.get(slug):
                series.append(IndicatorSeries(slug, indicator.label, indicator.unit, stats[slug],
                                              _series_chart(indicator.label, indicator.unit, stats[slug])))
        if key == "detention":  # indicators outside the vocabulary are still shown, not lost
            series += [IndicatorSeries(slug, slug.replace("_", " ").capitalize(), values[0].unit, values,
                                       _series_chart(slug, values[0].unit, values))
                       for slug, values in stats.items() if slug not in vocab]
        sections.append(StatisticsSection(key, title, series, f"No accepted {title.lower()} statistics yet."))

    profile = Profile(
        iso3=iso3, country_name=country_name(iso3), generated=generated or _date.today().isoformat(),
        draft=include_candidates, quick_facts=quick, statistics=sections,
        statuses=_statuses(by_type.get("status", [])), laws=_laws(by_type.get("law", [])),
        international=_international(by_type.get("treaty", [])),
        institutions=_institutions(by_type.get("institution", [])),
        timeline=_timeline(by_type.get("case", []), by_type.get("event", [])),
        facilities=_facilities(by_type.get("facility", [])),
        recommendations=_recommendations(by_type.get("recommendation", [])),
        sources=[], footnotes=[])
    notes = _Footnotes(docs)
    for _, figure in profile.figures():  # reading order
        figure.footnotes = notes.cite(figure.facts)
    profile.footnotes = notes.notes
    profile.sources = sorted((docs[i] for i in notes.used_documents),
                             key=lambda d: (str(d.published or ""), d.display_title))
    return profile


def _latest(values: list[StatisticValue]) -> list[StatisticValue]:
    dated = [v for v in values if v.date]
    if not dated:
        return []
    last = max(date_sort_key(v.date) for v in dated)
    return [v for v in dated if date_sort_key(v.date) == last]
