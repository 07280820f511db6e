"""The demo library reads as the documents it claims to be (country, kind, format)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from habeas.ingest import document_from_bytes, load_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _make_demo():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("make_demo", EXAMPLES / "make_demo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [("greece-briefing.md", "GRC", "ngo-report"), ("mexico-update.html", "MEX", "monitor")],
)
def test_committed_demo_documents(name: str, country: str, kind: str) -> None:
    document = load_document(EXAMPLES / name, max_bytes=1_000_000)
    assert (document.country, document.kind) == (country, kind)


def test_generated_demo_documents_are_deterministic_and_readable() -> None:
    make_demo = _make_demo()
    docx_bytes, pdf_bytes = make_demo.malaysia_docx(), make_demo.united_kingdom_pdf()
    assert docx_bytes == make_demo.malaysia_docx() and pdf_bytes == make_demo.united_kingdom_pdf()

    malaysia = document_from_bytes(docx_bytes, "malaysia-submission.docx")
    assert (malaysia.country, malaysia.kind, malaysia.published) == ("MYS", "submission", "2024-01-15")
    assert "Year\tEvent\tCount" in malaysia.text

    uk = document_from_bytes(pdf_bytes, "united-kingdom-profile.pdf")
    assert (uk.country, uk.kind, len(uk.pages)) == ("GBR", "profile", 3)
    assert uk.page_at(uk.text.index("ratified the International Covenant")) == 3
