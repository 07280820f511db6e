"""Score predicted facts against gold facts, exactly as ../shared/spec/facts.md says.

Pure functions over interchange dicts (the JSON Lines form), so that any
extractor's output, ours or another project's, can be scored against any gold
file, and so that the rules can be unit-tested without documents or I/O.

Matching is a maximum bipartite matching per fact type (augmenting paths),
required gold facts first, so the score never depends on the order in which
facts were predicted or written down.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from habeas.domain.fact import FACT_TYPES
from habeas.text.dates import dates_match
from habeas.text.titles import titles_match

FactDict = Mapping[str, Any]

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_VALUE_TOLERANCE = 0.005
_RECOMMENDATION_OVERLAP = 0.8


# --- dates -------------------------------------------------------------------------------
# ``dates_match`` (equal, prefix, or periods with equal start and end years) lives in
# habeas.text.dates; the prefix rule is literal, so "2020" also matches "2020/2021".


def _required_dates_match(gold: FactDict, pred: FactDict) -> bool:
    """Dates must match; two facts that both omit the date agree on it."""
    g, p = gold.get("date"), pred.get("date")
    if not g and not p:
        return True
    return dates_match(str(g).strip(), str(p).strip())


def _dates_match_where_both(gold: FactDict, pred: FactDict) -> bool:
    g, p = gold.get("date"), pred.get("date")
    if not g or not p:
        return True
    return dates_match(str(g).strip(), str(p).strip())


# --- normalisation helpers ---------------------------------------------------------------


def _as_int(value: Any) -> int | None:
    try:
        return int(str(value).strip()[:4]) if value is not None and str(value).strip() else None
    except ValueError:
        return None


def _as_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None


def values_match(gold: Any, pred: Any) -> bool:
    """Within 0.5 % of the gold value; a gold zero needs an exact zero; both null match."""
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = _as_float(gold), _as_float(pred)
    if g is None or p is None:
        return False
    return abs(p - g) <= _VALUE_TOLERANCE * abs(g)


def name_words(name: str | None) -> tuple[str, ...]:
    """A person's name case-folded with punctuation removed, as words."""
    return tuple(_WORD.findall(str(name or "").casefold()))


def surname_owners(gold_facts: Iterable[FactDict]) -> dict[str, int]:
    """For every word of a gold case name, how many distinct people of the file carry it.

    A one-word gold name that is part of a longer gold name is the same person,
    not another one.
    """
    names = {name_words(g.get("name")) for g in gold_facts if g.get("type") == "case"}
    names.discard(())
    full = [n for n in names if len(n) > 1]
    people = list(full) + [n for n in names if len(n) == 1 and not any(n[0] in f for f in full)]
    owners: dict[str, int] = {}
    for person in people:
        for word in set(person):
            owners[word] = owners.get(word, 0) + 1
    return owners


def same_person(gold_name: str | None, pred_name: str | None, owners: Mapping[str, int]) -> bool:
    """Equal names, or a one-word name (either side) that is a word of the other name
    and belongs to exactly one person in the gold file."""
    g, p = name_words(gold_name), name_words(pred_name)
    if not g or not p:
        return False
    if g == p:
        return True
    if len(p) == 1 and p[0] in g:
        return owners.get(p[0], 0) == 1
    if len(g) == 1 and g[0] in p:
        return owners.get(g[0], 0) == 1
    return False


def recommendation_words(text: str | None) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(str(text or "")))


# --- per-type predicates -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldContext:
    """What a predicate may need to know about the whole gold file (surname owners)."""

    owners: Mapping[str, int] = field(default_factory=dict)


def _statistic(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    return (g.get("indicator") == p.get("indicator") and _required_dates_match(g, p)
            and values_match(g.get("value"), p.get("value")))


def _status(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    return (g.get("indicator") == p.get("indicator")
            and str(g.get("value", "")).casefold() == str(p.get("value", "")).casefold()
            and _dates_match_where_both(g, p))


def _treaty(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    return (g.get("treaty") == p.get("treaty") and g.get("action") == p.get("action")
            and _as_int(g.get("year")) == _as_int(p.get("year")))


def _law(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    if not titles_match(g.get("title"), p.get("title")):
        return False
    gy, py = _as_int(g.get("year_adopted")), _as_int(p.get("year_adopted"))
    return gy is None or py is None or gy == py


def _case(g: FactDict, p: FactDict, ctx: GoldContext) -> bool:
    return g.get("outcome") == p.get("outcome") and same_person(g.get("name"), p.get("name"), ctx.owners)


def _event(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    return g.get("kind") == p.get("kind") and _required_dates_match(g, p)


def _facility(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    place = str(g.get("place") or "").casefold().strip()
    if not place:  # the spec keys on the gold place; without one, fall back to the name
        return titles_match(g.get("name"), p.get("name"))
    return place in str(p.get("name") or "").casefold() or place in str(p.get("place") or "").casefold()


def _institution(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    return titles_match(g.get("name"), p.get("name"))


def _recommendation(g: FactDict, p: FactDict, _: GoldContext) -> bool:
    gw, pw = recommendation_words(g.get("text")), recommendation_words(p.get("text"))
    if not gw or not pw:
        return False
    return len(gw & pw) >= _RECOMMENDATION_OVERLAP * max(len(gw), len(pw))


Predicate = Callable[[FactDict, FactDict, GoldContext], bool]

PREDICATES: dict[str, Predicate] = {
    "statistic": _statistic,
    "status": _status,
    "treaty": _treaty,
    "law": _law,
    "case": _case,
    "event": _event,
    "facility": _facility,
    "institution": _institution,
    "recommendation": _recommendation,
}


def facts_match(gold: FactDict, pred: FactDict, context: GoldContext | None = None) -> bool:
    """Does ``pred`` match ``gold`` under the rule of their (shared) type?"""
    kind = gold.get("type")
    if kind != pred.get("type") or kind not in PREDICATES:
        return False
    return PREDICATES[str(kind)](gold, pred, context or GoldContext())


# --- matching ----------------------------------------------------------------------------


def maximum_matching(edges: Sequence[Sequence[int]], n_right: int) -> dict[int, int]:
    """Kuhn's augmenting paths: left index -> right index, left vertices tried in order.

    Once matched, a left vertex stays matched, so listing required gold facts
    first gives a maximum matching of them, then as many optional ones as remain.
    """
    right_owner: list[int | None] = [None] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in edges[left]:
            if seen[right]:
                continue
            seen[right] = True
            owner = right_owner[right]
            if owner is None or augment(owner, seen):
                right_owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        augment(left, [False] * n_right)
    return {owner: right for right, owner in enumerate(right_owner) if owner is not None}


# --- reports -----------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(slots=True)
class Counts:
    """True positives, false positives and misses, with the usual ratios (0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(frozen=True, slots=True)
class ScoredFact:
    """A false positive or a miss, kept with its document so an editor can look it up."""

    type: str
    fact: Mapping[str, Any]
    document: str = ""

    @property
    def quote(self) -> str:
        return str(self.fact.get("quote") or "")

    def to_dict(self) -> dict[str, Any]:
        return {"document": self.document, "type": self.type, "fact": dict(self.fact)}


@dataclass(slots=True)
class ScoreReport:
    """Per-type counts, the micro-averaged overall, and the errors behind them."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    false_positives: list[ScoredFact] = field(default_factory=list)
    misses: list[ScoredFact] = field(default_factory=list)
    matched_optional: int = 0

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_type.values():
            total.add(counts)
        return total

    def ordered_by_type(self) -> list[tuple[str, Counts]]:
        """Counts per type in the order of the spec, unknown types last."""
        return [(k, self.by_type[k]) for k in _ordered(self.by_type)]

    def merge(self, other: ScoreReport) -> None:
        """Add another report's counts and errors (corpus micro-average)."""
        for kind, counts in other.by_type.items():
            self.by_type.setdefault(kind, Counts()).add(counts)
        self.false_positives.extend(other.false_positives)
        self.misses.extend(other.misses)
        self.matched_optional += other.matched_optional

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "by_type": {k: self.by_type[k].to_dict() for k in _ordered(self.by_type)},
            "overall": self.overall.to_dict(),
            "matched_optional": self.matched_optional,
        }
        if errors:
            out["false_positives"] = [f.to_dict() for f in self.false_positives]
            out["misses"] = [f.to_dict() for f in self.misses]
        return out


def _ordered(keys: Iterable[str]) -> list[str]:
    keys = list(keys)
    known = [k for k in FACT_TYPES if k in keys]
    return known + sorted(k for k in keys if k not in FACT_TYPES)


def score_facts(gold: Sequence[FactDict], predicted: Sequence[FactDict], *, document: str = "") -> ScoreReport:
    """Score one document's predictions against its gold facts.

    Predictions matched to optional gold facts count neither way; unmatched
    predictions are false positives; unmatched required gold facts are misses.
    """
    context = GoldContext(owners=surname_owners(gold))
    report = ScoreReport()
    kinds = {str(f.get("type")) for f in gold} | {str(f.get("type")) for f in predicted}
    for kind in _ordered(kinds):
        golds = [g for g in gold if g.get("type") == kind]
        golds.sort(key=lambda g: bool(g.get("optional")))  # stable: required first
        preds = [p for p in predicted if p.get("type") == kind]
        edges = [[j for j, p in enumerate(preds) if facts_match(g, p, context)] for g in golds]
        matching = maximum_matching(edges, len(preds))
        matched_preds = set(matching.values())
        counts = Counts()
        for i, g in enumerate(golds):
            if g.get("optional"):
                if i in matching:
                    report.matched_optional += 1
                continue
            if i in matching:
                counts.tp += 1
            else:
                counts.fn += 1
                report.misses.append(ScoredFact(kind, g, document))
        for j, p in enumerate(preds):
            if j not in matched_preds:
                counts.fp += 1
                report.false_positives.append(ScoredFact(kind, p, document))
        report.by_type[kind] = counts
    return report
