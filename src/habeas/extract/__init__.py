"""Document -> Facts. One extractor per fact type, registered under a versioned name."""

from habeas.extract.pipeline import ExtractionResult, extract_facts

__all__ = ["ExtractionResult", "extract_facts"]
