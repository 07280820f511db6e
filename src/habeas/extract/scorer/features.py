"""Features of a candidate for the learned scorers: words around it and what the document is.

Deliberately plain: lower-cased words and word pairs of the sentence, six-letter
prefixes (so "detained", "detainees" and "detention" share "detain"/"detent"),
the words right around a number, the shape of the dates the sentence carries
relative to the report's year, and the kind of document. The model learns which
of these make a candidate a fact; nothing here names a phrase of one report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from habeas.text.dates import DateMention

Features = dict[str, float]

_TOKEN = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]|\d[\d,.]*")
_STOP = frozenset("the of a an and or to in on at by for with as is was were be been has had have that "
                  "this it its from which who".split())


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _shape(token: str) -> str:
    return "<num>" if token[0].isdigit() else token


def add_words(features: Features, words: Iterable[str], prefix: str, *, pairs: bool = True) -> None:
    """Words, their six-letter stems and neighbouring pairs, each under ``prefix``."""
    previous = None
    for raw in words:
        word = _shape(raw)
        if word not in _STOP:
            features[f"{prefix}w={word}"] = 1.0
            if len(word) > 6 and word != "<num>":
                features[f"{prefix}p={word[:6]}"] = 1.0
        if pairs and previous is not None:
            features[f"{prefix}b={previous}_{word}"] = 1.0
        previous = word


def add_dates(features: Features, dates: list[DateMention], report_year: int | None,
              sentence_start_offset: int | None) -> None:
    """How the sentence is dated: how precisely, and against the report's year."""
    features[f"dates={min(len(dates), 3)}"] = 1.0
    if not dates:
        return
    first = dates[0]
    features[f"date.kind={first.kind}"] = 1.0
    if first.year_inferred:
        features["date.inferred"] = 1.0
    if sentence_start_offset is not None and first.start - sentence_start_offset < 15:
        features["date.opens"] = 1.0
    if report_year is not None:
        gap = report_year - first.year
        features["date.rel=" + ("future" if gap < 0 else "same" if gap == 0 else
                                "last" if gap == 1 else "recent" if gap <= 5 else "old")] = 1.0


def add_context(features: Features, kind: str | None, sentence_length: int) -> None:
    features[f"doc.kind={kind or 'other'}"] = 1.0
    features["len=" + ("short" if sentence_length < 80 else "mid" if sentence_length < 250 else "long")] = 1.0
    features["bias"] = 1.0
