"""Indicator, status and treaty vocabularies (data files + a cached loader).

The slugs and codes are those of ../shared/vocab; the project's copies add
columns of synonyms and cue phrases (``|``-separated) that extractors use.
"""

from habeas.vocab.loader import (
    Indicator,
    StatusIndicator,
    Treaty,
    indicators,
    status_indicators,
    treaties,
)

__all__ = ["Indicator", "StatusIndicator", "Treaty", "indicators", "status_indicators", "treaties"]
