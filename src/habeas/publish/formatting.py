"""How figures read in a profile: one function per kind of value, shared by every renderer."""

from __future__ import annotations

NOT_AVAILABLE = "Not Available"

UNIT_SUFFIX = {
    "percent": "%",
    "per_100k": " per 100,000",
    "per_1000": " per 1,000",
    "days": " days",
}
QUALIFIER_PREFIX = {"approx": "about ", "min": "at least ", "max": "up to "}


def format_number(value: float) -> str:
    """Thousands separators, and no trailing '.0' on whole numbers."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_statistic(value: float | None, unit: str, qualifier: str | None) -> str:
    if value is None:
        return NOT_AVAILABLE
    prefix = QUALIFIER_PREFIX.get(qualifier or "", "")
    return f"{prefix}{format_number(value)}{UNIT_SUFFIX.get(unit, '')}"


def unit_label(unit: str) -> str:
    return {"per_100k": "per 100,000", "per_1000": "per 1,000", "percent": "%"}.get(unit, unit)
