"""Backups round-trip losslessly between SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from habeas.errors import InputError, ValidationFailed
from habeas.services import review_fact
from habeas.services.backup import export_all, import_all
from habeas.services.context import Services
from habeas.services.ingest_files import ingest_paths
from habeas.settings import Settings

TEXT = ("Immigration detention in Malaysia\n\n"
        "According to SUHAKAM, 12,000 migrants were held in immigration depots in 2023. "
        "On 3 May 2023, 130 detainees escaped from the Bidor depot in Perak.\n")


def _library(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "mys.txt"
    source.write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text(TEXT.replace("12,000", "13,000"), encoding="utf-8")
    ingest_paths(services, [source, tmp_path / "b.md"])
    added = review_fact.add_fact(services, "statistic", "MYS",
                                 {"indicator": "immigration_detainees", "value": 11000, "date": "2022"},
                                 "ana", source_note="Parliamentary answer, 2022", status="candidate")
    review_fact.edit_fact(services, added["id"], {"value": 11500}, "ben")
    review_fact.accept_facts(services, [added["id"]], "carla")


def _exported(path: Path) -> dict[str, bytes]:
    files = {str(p.relative_to(path)): p.read_bytes() for p in path.rglob("*") if p.is_file()}
    manifest = json.loads(files.pop("manifest.json"))
    manifest.pop("exported_at")
    files["manifest.json"] = json.dumps(manifest, sort_keys=True).encode()
    return files


def test_roundtrip_through_the_other_database_is_byte_identical(
        services: Services, tmp_path: Path, postgres_template) -> None:  # type: ignore[no-untyped-def]
    _library(services, tmp_path)
    first = tmp_path / "first"
    export_all(services, first)
    # Import into the other kind of database, then export again.
    if services.db.dialect == "sqlite":
        other_url = postgres_template.clone()
    else:
        other_url = f"sqlite:///{tmp_path / 'other.db'}"
    other = Services(Settings(database_url=other_url, data_dir=tmp_path / "other-data"))
    try:
        counts = import_all(other, first)
        assert counts["documents"] == 2 and counts["fact_history"] >= 3
        second = tmp_path / "second"
        export_all(other, second)
        assert _exported(first) == _exported(second)
        # The restored library works: new facts get fresh ids, history is intact.
        history = review_fact.fact_history(other, review_fact.list_review(other, status="accepted")[0]["id"])
        assert [h["actor"] for h in history][-2:] == ["ben", "carla"]
        new = review_fact.add_fact(other, "statistic", "MYS", {"indicator": "refugees", "value": 1},
                                   "ana", source_note="test")
        assert new["id"] > max(f["id"] for f in review_fact.list_review(other) if f["id"] != new["id"])
    finally:
        other.db.dispose()
        if other_url.startswith("postgresql"):
            postgres_template.drop(other_url)


def test_zip_backup_and_refusals(services: Services, tmp_path: Path) -> None:
    _library(services, tmp_path)
    archive = tmp_path / "backup.zip"
    export_all(services, archive)
    with pytest.raises(InputError):
        export_all(services, archive)  # never overwrite a backup
    with pytest.raises(ValidationFailed):
        import_all(services, archive)  # the library is not empty
    empty = Services(Settings(database_url=f"sqlite:///{tmp_path / 'new.db'}", data_dir=tmp_path / "new"))
    assert import_all(empty, archive)["documents"] == 2
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    fresh = Services(Settings(database_url=f"sqlite:///{tmp_path / 'fresh.db'}", data_dir=tmp_path / "f"))
    with pytest.raises(InputError):
        import_all(fresh, junk)


def test_a_backup_made_before_word_boxes_left_the_database_still_imports(
        services: Services, tmp_path: Path) -> None:
    """Backups written before migration 0004 carry each page's word boxes; they are dropped
    on import (the originals in the backup hold them) and everything else comes back."""
    import pymupdf

    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "Detention in Malaysia: 12,000 migrants were held in 2023.")
    pdf.save(tmp_path / "report.pdf")
    ingest_paths(services, [tmp_path / "report.pdf"])
    backup = tmp_path / "old-backup"
    export_all(services, backup)
    pages = backup / "pages.jsonl"
    rows = [json.loads(line) for line in pages.read_text().splitlines() if line.strip()]
    pages.write_text("".join(json.dumps({**row, "words": [["Detention", 600, 580, 1020, 700, 0]]}) + "\n"
                             for row in rows))
    restored = Services(Settings(database_url=f"sqlite:///{tmp_path / 'restored.db'}",
                                 data_dir=tmp_path / "restored-data"))
    assert rows, "the PDF has pages to carry word boxes"
    counts = import_all(restored, backup)
    assert counts["documents"] == 1 and counts["pages"] == len(rows)
