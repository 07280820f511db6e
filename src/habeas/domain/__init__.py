"""Plain typed records shared by every layer (stdlib only)."""

from habeas.domain.document import (
    DOCUMENT_KINDS,
    Document,
    ExtractedText,
    Page,
    Passage,
    Word,
)
from habeas.domain.fact import FACT_TYPES, Fact, FactType, SourceSpan

__all__ = [
    "DOCUMENT_KINDS",
    "Document",
    "ExtractedText",
    "FACT_TYPES",
    "Fact",
    "FactType",
    "Page",
    "Passage",
    "SourceSpan",
    "Word",
]
