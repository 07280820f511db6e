"""Build facts whose quote is exactly the document text at their offsets."""

from __future__ import annotations

from typing import Any

from habeas.domain import Document, Fact, FactType, SourceSpan


def make_fact(
    document: Document,
    fact_type: FactType,
    start: int,
    end: int,
    fields: dict[str, Any],
    *,
    extractor: str,
    rule: str,
    confidence: float,
) -> Fact:
    """A fact whose quote is ``document.text[start:end]`` with outer whitespace trimmed."""
    text = document.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Fact(
        type=fact_type,
        fields=fields,
        span=SourceSpan(start, end, document.page_at(start)),
        quote=text[start:end],
        extractor=extractor,
        rule=rule,
        confidence=max(0.0, min(1.0, confidence)),
        country=document.country,
    )
