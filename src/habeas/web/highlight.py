"""Document text as HTML with every extracted fact marked and linked.

Offsets come from the stored facts (start_char/end_char), so what is marked is
exactly the span the fact quotes. Facts that overlap an earlier mark are
attached to that mark rather than nested, which keeps the HTML well formed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape


@dataclass(slots=True)
class _Mark:
    start: int
    end: int
    fact_ids: list[int] = field(default_factory=list)
    status: str = "candidate"
    type: str = ""


def highlight_document(text: str, facts: Sequence[dict], page_starts: Sequence[tuple[int, int]] = ()
                       ) -> str:
    """HTML of ``text`` with ``<mark>`` links for facts and page markers at page starts."""
    marks: list[_Mark] = []
    for fact in sorted((f for f in facts if f.get("start_char") is not None and f.get("end_char")),
                       key=lambda f: (f["start_char"], -f["end_char"])):
        start, end = max(0, int(fact["start_char"])), min(len(text), int(fact["end_char"]))
        if end <= start:
            continue
        if marks and start < marks[-1].end:
            marks[-1].end = max(marks[-1].end, end)
            marks[-1].fact_ids.append(int(fact["id"]))
            continue
        marks.append(_Mark(start, end, [int(fact["id"])], str(fact.get("status") or "candidate"),
                           str(fact.get("type") or "")))
    pages = sorted(page_starts)
    out: list[str] = []
    cursor = 0
    page_index = 0

    def emit_plain(until: int) -> None:
        nonlocal cursor, page_index
        while page_index < len(pages) and pages[page_index][1] <= until:
            number, at = pages[page_index]
            if at >= cursor:
                out.append(escape(text[cursor:at]))
                cursor = at
                out.append(f'<span class="page-marker" id="page-{number}" aria-label="Page {number}">'
                           f"page {number}</span>")
            page_index += 1
        out.append(escape(text[cursor:until]))
        cursor = until

    for mark in marks:
        emit_plain(mark.start)
        ids = " ".join(f"fact-{i}" for i in mark.fact_ids)
        label = f"{mark.type} fact {mark.fact_ids[0]}" + (
            f" and {len(mark.fact_ids) - 1} more" if len(mark.fact_ids) > 1 else "")
        out.append(f'<a class="fact-mark status-{escape(mark.status)}" href="/facts/{mark.fact_ids[0]}" '
                   f'id="mark-{mark.fact_ids[0]}" data-facts="{ids}" title="{escape(label)}">'
                   f"<mark>{escape(text[mark.start:mark.end])}</mark></a>")
        cursor = mark.end
    emit_plain(len(text))
    return "".join(out)
