"""Labels for candidates, read off gold facts: which candidates state a gold fact, and which kind.

A candidate is labelled with a gold fact's kind when its span overlaps that
fact's quote (located in the document with whitespace collapsed, as scoring
compares quotes) and, for statistics, when its value is the gold value.
Everything else is "none". Optional gold facts count as facts here: the model
should learn that they are facts, and predicting them costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from habeas.extract.candidates.events import Candidate
from habeas.extract.scoring import values_match

NONE = "none"


def locate(text: str, quote: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``quote`` stands in ``text``, whitespace runs matching any whitespace."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text[start:]) if len(pattern) < 5000 else None
    return (start + match.start(), start + match.end()) if match else None


def gold_spans(text: str, gold: Iterable[Mapping[str, Any]], fact_type: str) -> list[tuple[int, int, Mapping[str, Any]]]:
    out = []
    for fact in gold:
        if fact.get("type") != fact_type:
            continue
        span = locate(text, str(fact.get("quote") or ""))
        if span is not None:
            out.append((span[0], span[1], fact))
    return out


def _overlaps(candidate: Candidate, start: int, end: int) -> bool:
    return candidate.start < end and start < candidate.end


def _overlap_labels(text: str, candidates: Sequence[Candidate], gold: Sequence[Mapping[str, Any]],
                    fact_type: str, label_of: Callable[[Mapping[str, Any]], str]) -> list[str]:
    """Each candidate's label: that of the gold fact whose quote it overlaps (required first)."""
    spans = gold_spans(text, gold, fact_type)
    labels = []
    for candidate in candidates:
        hits = sorted((f for s, e, f in spans if _overlaps(candidate, s, e)), key=lambda f: bool(f.get("optional")))
        labels.append(label_of(hits[0]) if hits else NONE)
    return labels


def event_labels(text: str, candidates: Sequence[Candidate], gold: Sequence[Mapping[str, Any]]) -> list[str]:
    return _overlap_labels(text, candidates, gold, "event", lambda f: str(f["kind"]))


def status_labels(text: str, candidates: Sequence[Candidate], gold: Sequence[Mapping[str, Any]]) -> list[str]:
    return _overlap_labels(text, candidates, gold, "status", lambda f: f"{f['indicator']}={str(f['value']).lower()}")


def statistic_labels(text: str, candidates: Sequence[Candidate], gold: Sequence[Mapping[str, Any]]) -> list[str]:
    """A number is labelled with the indicator of a gold figure of the same value quoted around it."""
    spans = gold_spans(text, gold, "statistic")
    labels = []
    for candidate in candidates:
        sentence_start, sentence_end = candidate.fields["sentence"]
        label = NONE
        for s, e, fact in sorted(spans, key=lambda x: bool(x[2].get("optional"))):
            if not (sentence_start < e and s < sentence_end):
                continue
            value = candidate.fields["days"] if fact.get("unit") == "days" else candidate.fields["value"]
            if value is not None and values_match(fact.get("value"), value):
                label = str(fact["indicator"])
                break
        labels.append(label)
    return labels
