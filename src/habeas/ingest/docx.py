"""Word documents: paragraphs and tables in the order a reader meets them.

python-docx lists paragraphs and tables separately, which would move every table
to the end and cut statistics off from the prose around them, so the body XML
is walked child by child. Headings and list items are kept (list items with a
"- " prefix), table rows become tab-separated lines, headers and footers are left out.
"""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from habeas.domain.document import ExtractedText
from habeas.errors import CorruptFile

_P = qn("w:p")
_TBL = qn("w:tbl")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")


def _is_list_item(paragraph: Paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style.lower().startswith("list"):
        return True
    ppr = paragraph._p.pPr
    return ppr is not None and ppr.numPr is not None


def _paragraph_text(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    if text and _is_list_item(paragraph):
        return "- " + text
    return text


def _table_lines(table: Table) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
        if any(cells):
            lines.append("\t".join(cells))
    return lines


def _body_blocks(document: WordDocument) -> list[str]:
    blocks: list[str] = []

    def visit(parent: object) -> None:
        for child in parent.iterchildren():  # type: ignore[attr-defined]
            if child.tag == _P:
                text = _paragraph_text(Paragraph(child, document))
                if text:
                    blocks.append(text)
            elif child.tag == _TBL:
                lines = _table_lines(Table(child, document))
                if lines:
                    blocks.append("\n".join(lines))
            elif child.tag == _SDT:  # content controls wrap ordinary paragraphs and tables
                content = child.find(_SDT_CONTENT)
                if content is not None:
                    visit(content)

    visit(document.element.body)
    return blocks


def _created(props: object) -> str | None:
    """The creation date, unless it is the stamp of python-docx's blank template (2013-12-23)."""
    created = getattr(props, "created", None)
    if not isinstance(created, datetime):
        return None
    if getattr(props, "author", "") == "python-docx" and created.year == 2013:
        return None
    return created.date().isoformat()


def read(data: bytes, filename: str) -> ExtractedText:
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # BadZipFile, KeyError, lxml errors ...
        raise CorruptFile(f"damaged Word document ({exc})") from exc
    props = document.core_properties
    title = (props.title or "").strip() or None
    return ExtractedText(
        text="\n\n".join(_body_blocks(document)),
        title=title,
        published=_created(props),
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
