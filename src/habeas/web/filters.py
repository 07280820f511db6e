"""Jinja filters and globals shared by every template."""

from __future__ import annotations

from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment


@lru_cache(maxsize=512)
def country_name(iso3: str | None) -> str:
    """A readable country name for an ISO3 code (the code itself when unknown)."""
    if not iso3:
        return "Unknown country"
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3.upper())
    if country is None:
        return iso3
    return getattr(country, "common_name", None) or country.name


def with_query(params: dict[str, Any], **changes: Any) -> str:
    """The current filters with some changed, as a query string (empty values dropped)."""
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if v not in (None, "", False)}
    return "?" + urlencode(clean) if clean else "?"


def fact_summary(fact: dict[str, Any]) -> str:
    """One line saying what a fact claims, for tables and cards."""
    kind = fact.get("type")
    if kind == "statistic":
        value = fact.get("value")
        shown = f"{value:,}" if isinstance(value, (int, float)) else "—"
        return f"{fact.get('indicator') or '?'} = {shown} {fact.get('unit') or ''}".strip()
    if kind == "status":
        return f"{fact.get('indicator') or '?'}: {fact.get('value') or '—'}"
    if kind == "treaty":
        return f"{fact.get('treaty') or '?'} {fact.get('action') or ''} {fact.get('year') or ''}".strip()
    if kind == "law":
        return str(fact.get("title") or fact.get("number") or "law")
    if kind == "case":
        return str(fact.get("name") or "case")
    if kind == "event":
        return f"{fact.get('kind') or 'event'}" + (f" at {fact['place']}" if fact.get("place") else "")
    if kind in ("facility", "institution"):
        return str(fact.get("name") or kind)
    if kind == "recommendation":
        text = str(fact.get("text") or "")
        return text[:120] + ("…" if len(text) > 120 else "")
    return str(kind)


def fact_date(fact: dict[str, Any]) -> str:
    for key in ("date", "year", "year_adopted"):
        if fact.get(key):
            return str(fact[key])
    return ""


def install(env: Environment) -> None:
    env.filters["country_name"] = country_name
    env.filters["fact_summary"] = fact_summary
    env.filters["fact_date"] = fact_date
    env.globals["with_query"] = with_query
