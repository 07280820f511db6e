"""Bytes to Document: sniff the format, read it, cut pages and passages, detect metadata.

The public entry points live in :mod:`habeas.ingest.loader`; readers are
looked up by media type in :mod:`habeas.ingest.registry` so that a new format
is one new module plus one registry line.
"""

from __future__ import annotations

from habeas.ingest.loader import (
    DocumentOverrides,
    document_from_bytes,
    expand_inputs,
    load_document,
)

__all__ = ["DocumentOverrides", "document_from_bytes", "expand_inputs", "load_document"]
