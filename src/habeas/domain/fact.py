"""Facts: what extraction produces, editors review and profiles publish.

A fact is a typed claim (statistic, treaty act, law ...) plus its provenance:
the character span it came from, the extractor and rule that found it, and the
extractor's own confidence. The quote is derived from the span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FactType(StrEnum):
    STATISTIC = "statistic"
    STATUS = "status"
    TREATY = "treaty"
    LAW = "law"
    CASE = "case"
    EVENT = "event"
    FACILITY = "facility"
    INSTITUTION = "institution"
    RECOMMENDATION = "recommendation"


FACT_TYPES = tuple(t.value for t in FactType)

# The type-specific keys of the interchange format (../shared/spec/facts.md), in order.
FIELDS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "statistic": ("indicator", "value", "unit", "date", "qualifier"),
    "status": ("indicator", "value", "date"),
    "treaty": ("treaty", "action", "year"),
    "law": ("title", "number", "year_adopted", "year_amended", "articles"),
    "case": ("name", "nationality", "outcome", "date"),
    "event": ("kind", "date", "count", "place"),
    "facility": ("name", "place"),
    "institution": ("name", "kind", "date"),
    "recommendation": ("text", "addressee", "articles"),
}

# Keys that the interchange format always prints, even when empty.
ALWAYS_PRINTED = {"value", "articles"}


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Where a fact was stated: character offsets into the document text, and its page."""

    start_char: int
    end_char: int
    page: int | None = None


@dataclass(slots=True)
class Fact:
    type: FactType
    fields: dict[str, Any]
    span: SourceSpan
    quote: str
    extractor: str  # registered name with version, e.g. "statistics.prose@1"
    rule: str = ""
    confidence: float = 0.5
    country: str | None = None
    notes: list[str] = field(default_factory=list)

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)

    def to_interchange(self) -> dict[str, Any]:
        """The flat JSON object of ../shared/spec/facts.md."""
        out: dict[str, Any] = {"type": self.type.value, "country": self.country}
        for key in FIELDS_BY_TYPE[self.type.value]:
            value = self.fields.get(key)
            if value is None and key not in ALWAYS_PRINTED:
                continue
            if key == "articles" and value is None:
                value = []
            out[key] = value
        out["quote"] = self.quote
        if self.span.page is not None:
            out["page"] = self.span.page
        out["confidence"] = round(float(self.confidence), 3)
        if out["country"] is None:
            del out["country"]
        return out
