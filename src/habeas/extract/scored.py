"""Learned extractors: candidates proposed generously, then kept or dropped by a model.

Three registered extractors, one per model: events, statuses and statistics.
Each asks its proposer (``habeas.extract.candidates``) for every span that might
state a fact, asks its model (``habeas.extract.scorer``) for the most likely
kind, and keeps the candidate when that kind is not "none" and its probability
reaches the model's threshold (chosen by cross-validation). The stored ``rule``
is ``model:<name>:<class>`` so a reviewer sees that a model, not a phrase rule,
decided. Where a phrase rule found the same fact, the pipeline keeps the rule's
fact (see ``pipeline._without_learned_repeats``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from habeas.domain import Document, Fact, FactType
from habeas.extract.analysis import AnalysedDocument, analyse
from habeas.extract.candidates.events import Candidate, propose_events
from habeas.extract.candidates.statistics import propose_statistics
from habeas.extract.candidates.statuses import propose_statuses
from habeas.extract.registry import register
from habeas.extract.scorer.model import LinearModel, shipped_models
from habeas.extract.spans import make_fact
from habeas.vocab import indicators

NONE = "none"
VERSION = 1


def _model(document: AnalysedDocument, name: str) -> LinearModel:
    models = document.models or shipped_models()
    model = models.get(name)
    if model is None:
        raise LookupError(f"no scoring model named {name!r}")
    return model


def _decide(model: LinearModel, features: dict[str, float]) -> tuple[str, float] | None:
    """The most likely class other than "none", when it reaches the model's threshold."""
    probs = model.probabilities(features)
    kinds = [c for c in model.classes if c != NONE]
    if not kinds:
        return None
    best = max(kinds, key=lambda c: (probs[c], c))
    return (best, probs[best]) if probs[best] >= model.threshold else None


def _kept(document: AnalysedDocument, name: str,
          candidates: Iterable[Candidate]) -> Iterator[tuple[Candidate, str, float]]:
    """The candidates the named model keeps, with the class it names and its probability."""
    model = _model(document, name)
    for candidate in candidates:
        decision = _decide(model, candidate.features)
        if decision is not None:
            yield candidate, decision[0], decision[1]


@register("events_scored", version=VERSION, produces=[FactType.EVENT])
def scored_events(document: Document) -> Iterable[Fact]:
    analysed = analyse(document)
    for candidate, kind, probability in _kept(analysed, "events", propose_events(analysed)):
        fields = {"kind": kind, **candidate.fields}
        yield make_fact(analysed, FactType.EVENT, candidate.start, candidate.end, fields,
                        extractor=f"events_scored@{VERSION}", rule=f"model:events:{kind}",
                        confidence=probability)


@register("statuses_scored", version=VERSION, produces=[FactType.STATUS])
def scored_statuses(document: Document) -> Iterable[Fact]:
    """One status per indicator: the sentence the model is surest of."""
    analysed = analyse(document)
    best: dict[str, tuple[float, str, int, int]] = {}
    for candidate, label, probability in _kept(analysed, "statuses", propose_statuses(analysed)):
        indicator = label.split("=", 1)[0]
        if indicator not in best or probability > best[indicator][0]:
            best[indicator] = (probability, label, candidate.start, candidate.end)
    year = analysed.report_year
    for indicator, (probability, label, start, end) in sorted(best.items()):
        value = label.split("=", 1)[1]
        fields = {"indicator": indicator, "value": value, "date": str(year) if year else None}
        yield make_fact(analysed, FactType.STATUS, start, end, fields,
                        extractor=f"statuses_scored@{VERSION}", rule=f"model:statuses:{label}",
                        confidence=probability)


@register("statistics_scored", version=VERSION, produces=[FactType.STATISTIC])
def scored_statistics(document: Document) -> Iterable[Fact]:
    analysed = analyse(document)
    vocabulary = indicators()
    for candidate, slug, probability in _kept(analysed, "statistics", propose_statistics(analysed)):
        indicator = vocabulary.get(slug)
        if indicator is None:
            continue
        value = candidate.fields["value"]
        if indicator.unit == "days":
            value = candidate.fields["days"]
            if value is None:
                continue  # a length must say its unit
        elif candidate.fields["days"] is not None:
            continue  # "six months" is not a head count
        if candidate.fields["date"] is None:
            continue  # a figure must say when it was observed
        fields = {"indicator": slug, "value": int(value) if float(value).is_integer() else value,
                  "unit": indicator.unit, "date": candidate.fields["date"]}
        if candidate.fields["qualifier"]:
            fields["qualifier"] = candidate.fields["qualifier"]
        start, end = candidate.fields["sentence"]
        yield make_fact(analysed, FactType.STATISTIC, start, end, fields,
                        extractor=f"statistics_scored@{VERSION}", rule=f"model:statistics:{slug}",
                        confidence=probability)
