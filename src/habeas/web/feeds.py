"""Atom feeds of updates (per country and for all countries), built with the stdlib."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"


def _updated(item: dict[str, Any]) -> str:
    if item.get("updated"):
        return str(item["updated"])
    return datetime.now(UTC).isoformat()


def atom_feed(title: str, feed_url: str, site_url: str, items: Sequence[dict[str, Any]]) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = feed_url
    ET.SubElement(feed, f"{{{ATOM}}}link", href=feed_url, rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url)
    newest = max((_updated(i) for i in items), default=datetime.now(UTC).isoformat())
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = newest
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Habeas"
    for item in items:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        path = f"/facts/{item['fact_id']}" if item.get("fact_id") else f"/documents/{item['document_id']}"
        link = site_url.rstrip("/") + path
        ET.SubElement(entry, f"{{{ATOM}}}title").text = (
            f"{item.get('date') or 'undated'} · {item.get('country') or ''} · {item.get('title') or ''}")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = link
        ET.SubElement(entry, f"{{{ATOM}}}link", href=link)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _updated(item)
        summary = item.get("quote") or f"Source: {item.get('document_title') or ''}"
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")
