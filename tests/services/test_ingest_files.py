"""The ingest use case on a real database: storage, dedupe, and nothing half-written."""

from __future__ import annotations

import os
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import func, select

from habeas.ingest.loader import DocumentOverrides, reread_pages
from habeas.services import library
from habeas.services.context import Services
from habeas.services.ingest_files import ingest_paths, ingest_upload
from habeas.store.models import DocumentRow, FactHistoryRow, FactRow, PageRow, PassageRow

REPORT = (
    "Immigration detention in Greece\n\n"
    "According to the Hellenic Police, 1,240 migrants were deported in 2019. "
    "Greece ratified the Convention against Torture in 1988.\n\n"
    "The Law on Asylum (4636/2019) governs detention in Greece.\n"
)


def _counts(services: Services) -> dict[str, int]:
    with services.db.session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (DocumentRow, PageRow, PassageRow, FactRow, FactHistoryRow)
        }


def _stored_files(services: Services) -> list[Path]:
    root = services.settings.data_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _pdf(path: Path, pages: list[str]) -> Path:
    doc = pymupdf.open()
    for text in pages:
        page = doc.new_page()
        page.insert_text((72, 72), text)
    doc.save(path)
    return path


def test_ingest_text_stores_document_passages_and_original(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "greece.txt"
    source.write_text(REPORT, encoding="utf-8")
    [outcome] = ingest_paths(services, [source])
    assert outcome.status == "ingested", outcome.message
    doc = library.show_document(services, outcome.document_id, with_text=True)
    assert doc["country"] == "GRC"
    assert doc["text"].startswith("Immigration detention in Greece")
    assert doc["passages"] >= 2
    stored = _stored_files(services)
    assert len(stored) == 1 and stored[0].read_bytes() == source.read_bytes()
    assert doc["sha256"] in stored[0].name


def test_pdf_pages_are_kept(services: Services, tmp_path: Path) -> None:
    source = _pdf(tmp_path / "report.pdf", ["First page about Greece", "Second page about Athens"])
    [outcome] = ingest_paths(services, [source])
    assert outcome.status == "ingested", outcome.message
    assert outcome.pages == 2
    with services.db.session() as session:
        pages = session.scalars(select(PageRow).order_by(PageRow.number)).all()
        text = session.scalar(select(DocumentRow.text))
        assert [p.number for p in pages] == [1, 2]
        assert "Second page" in text[pages[1].start_char:pages[1].end_char]
        assert "Second page" not in text[pages[0].start_char:pages[0].end_char]
        passages = session.scalars(select(PassageRow)).all()
        assert {p.page for p in passages} == {1, 2}
        stored = session.scalar(select(DocumentRow.stored_path))
    # Word positions are kept by keeping the original: re-read, they point into the stored text.
    reread = reread_pages(Path(stored).read_bytes(), "report.pdf", text)
    assert reread is not None and reread[1].words
    assert all(text.startswith(w.text, w.start_char) for w in reread[1].words)


def test_same_bytes_twice_is_one_document(services: Services, tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "copy-of-a.txt"
    a.write_text(REPORT, encoding="utf-8")
    b.write_bytes(a.read_bytes())
    first, second = ingest_paths(services, [a, b])
    assert first.status == "ingested"
    assert second.status == "duplicate" and second.document_id == first.document_id
    assert _counts(services)["documents"] == 1
    assert len(_stored_files(services)) == 1


def test_overrides_win_over_detection(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    overrides = DocumentOverrides(country="TUR", kind="ngo-report", publisher="Example NGO",
                                  published="2021-05", title="Custom title", confidential=True)
    [outcome] = ingest_paths(services, [source], overrides)
    doc = library.show_document(services, outcome.document_id)
    assert (doc["country"], doc["kind"], doc["publisher"], doc["published"], doc["title"]) == (
        "TUR", "ngo-report", "Example NGO", "2021-05", "Custom title")
    assert doc["confidential"] is True
    with services.db.session() as session:
        assert all(f.confidential for f in session.scalars(select(FactRow)))


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    bad: dict[str, Path] = {}
    bad["empty"] = tmp_path / "empty.txt"
    bad["empty"].write_bytes(b"")
    good_pdf = _pdf(tmp_path / "whole.pdf", ["Some text about Greece"] * 3)
    bad["truncated_pdf"] = tmp_path / "truncated.pdf"
    bad["truncated_pdf"].write_bytes(good_pdf.read_bytes()[: len(good_pdf.read_bytes()) // 3])
    bad["junk_pdf"] = tmp_path / "junk.pdf"
    bad["junk_pdf"].write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    encrypted = pymupdf.open()
    encrypted.new_page().insert_text((72, 72), "secret about Greece")
    bad["encrypted_pdf"] = tmp_path / "encrypted.pdf"
    encrypted.save(bad["encrypted_pdf"], encryption=pymupdf.PDF_ENCRYPT_AES_256,
                   owner_pw="owner", user_pw="user")
    image_only = pymupdf.open()
    page = image_only.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 200, 200), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    bad["no_text_pdf"] = tmp_path / "scan.pdf"
    image_only.save(bad["no_text_pdf"])
    bad["binary_txt"] = tmp_path / "junk.txt"
    bad["binary_txt"].write_bytes(bytes(range(256)) * 20)
    bad["unsupported"] = tmp_path / "table.xyz"
    bad["unsupported"].write_bytes(b"\x00\x01\x02 not a known format")
    bad["too_large"] = tmp_path / "huge.txt"
    bad["too_large"].write_bytes(b"Greece detention report. " * (6 * 1024 * 1024 // 25 + 10))
    bad["missing"] = tmp_path / "does-not-exist.pdf"
    bad["directory_named_pdf"] = tmp_path / "folder.pdf"
    bad["directory_named_pdf"].mkdir()
    return bad


def test_bad_inputs_fail_cleanly_and_leave_the_database_unchanged(services: Services, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    ingest_paths(services, [good])
    before_counts, before_files = _counts(services), _stored_files(services)
    bad = _bad_inputs(tmp_path)
    for name, path in bad.items():
        [outcome] = ingest_paths(services, [path])
        assert outcome.status == "failed", f"{name} should fail"
        assert outcome.error_code and outcome.error_code != "internal_error", (name, outcome.message)
        assert outcome.message, name
        assert _counts(services) == before_counts, f"{name} changed the database"
        assert _stored_files(services) == before_files, f"{name} left a stored file"


def test_one_bad_file_does_not_stop_the_others(services: Services, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    outcomes = ingest_paths(services, [empty, good])
    assert [o.status for o in outcomes] == ["failed", "ingested"]
    assert "empty" in outcomes[0].message.lower()


def test_failure_while_storing_removes_the_original(services: Services, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash after the original is written must not leave it behind (nor any row)."""
    from habeas.store import facts as fact_store

    def explode(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full while writing facts")

    monkeypatch.setattr(fact_store, "add_extracted_facts", explode)
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    [outcome] = ingest_paths(services, [source])
    assert outcome.status == "failed" and "disk full" in outcome.message
    assert _counts(services)["documents"] == 0
    assert _stored_files(services) == []


def test_upload_path_uses_the_same_rules(services: Services) -> None:
    ok = ingest_upload(services, REPORT.encode(), "upload.txt")
    assert ok.status == "ingested"
    again = ingest_upload(services, REPORT.encode(), "renamed.txt")
    assert again.status == "duplicate"
    empty = ingest_upload(services, b"", "empty.txt")
    assert empty.status == "failed" and empty.error_code == "empty_file"


def test_delete_removes_rows_and_original(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    [outcome] = ingest_paths(services, [source])
    library.delete_document(services, outcome.document_id)
    assert _counts(services) == {k: 0 for k in _counts(services)}
    assert _stored_files(services) == []
