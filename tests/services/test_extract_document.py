"""Re-extraction of stored documents: word boxes come back from the stored original."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
from sqlalchemy import select

from habeas.services.context import Services
from habeas.services.extract_document import reextract_document
from habeas.services.ingest_files import ingest_paths
from habeas.store.models import DocumentRow, FactRow


def _profile_pdf(tmp_path: Path) -> Path:
    """A data-profile page whose two statistics columns only word positions keep apart."""
    rows = [
        [("Observation", 150), ("Date", 220), ("Observation", 450), ("Date", 520)],
        [("Refugees", 20), ("3,100", 150), ("2019", 220), ("Stateless", 320), ("persons", 380),
         ("640", 450), ("2019", 520)],
        [("2,950", 150), ("2018", 220), ("610", 450), ("2017", 520)],
    ]
    doc = pymupdf.open()
    page = doc.new_page(width=600, height=800)
    page.insert_text((20, 60), "Immigration Detention Data Profile: Ruritania", fontsize=12)
    for number, row in enumerate(rows):
        for word, x in row:
            page.insert_text((x, 110 + 14 * number), word, fontsize=10)
    path = tmp_path / "profile.pdf"
    doc.save(path)
    return path


def _fact_keys(services: Services, document_id: int) -> list[str]:
    with services.db.session() as session:
        rows = session.scalars(select(FactRow).where(FactRow.document_id == document_id))
        return sorted(json.dumps([r.type, r.fields, r.start_char, r.rule], sort_keys=True) for r in rows)


def test_reextracting_a_profile_pdf_finds_the_same_facts(services: Services, tmp_path: Path) -> None:
    """The garbled data-profile tables are rebuilt from word positions, which the
    library does not store: re-extraction must read them again from the original."""
    [outcome] = ingest_paths(services, [_profile_pdf(tmp_path)])
    assert outcome.status == "ingested" and outcome.facts > 0
    at_ingest = _fact_keys(services, outcome.document_id)
    assert any('"table:positions"' in key for key in at_ingest)
    result = reextract_document(services, outcome.document_id)
    assert result.removed == len(at_ingest)
    assert _fact_keys(services, outcome.document_id) == at_ingest


def test_reextraction_without_the_original_runs_on_the_text_alone(services: Services, tmp_path: Path) -> None:
    [outcome] = ingest_paths(services, [_profile_pdf(tmp_path)])
    with services.db.session() as session:
        stored = Path(session.get(DocumentRow, outcome.document_id).stored_path)
    stored.unlink()
    result = reextract_document(services, outcome.document_id)
    assert result.removed > 0
    assert not any('"table:positions"' in key for key in _fact_keys(services, outcome.document_id))
