"""The search index follows the passages: ingest, delete, backup import and migration."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from habeas.services import backup, library
from habeas.services.context import Services
from habeas.services.ingest_files import ingest_paths
from habeas.settings import Settings
from habeas.store.database import Database, alembic_config
from habeas.store.search import search_passages


def _hits(services: Services, query: str) -> list[int]:
    with services.db.session() as session:
        return [hit.document_id for hit in search_passages(session, query, include_confidential=True).hits]


def _report(tmp_path: Path, name: str, word: str) -> Path:
    path = tmp_path / name
    path.write_text(f"Detention in Greece\n\nThe {word} centre held 240 people in 2023.\n\nSecond paragraph.\n",
                    encoding="utf-8")
    return path


def test_ingested_passages_are_found_and_deleted_ones_are_not(services: Services, tmp_path: Path) -> None:
    first, second = ingest_paths(services, [_report(tmp_path, "a.txt", "Amygdaleza"),
                                            _report(tmp_path, "b.txt", "Korinthos")], extract=False)
    assert _hits(services, "Amygdaleza") == [first.document_id]
    assert _hits(services, "Korinthos") == [second.document_id]
    library.delete_document(services, first.document_id)
    assert _hits(services, "Amygdaleza") == []
    assert _hits(services, "Korinthos") == [second.document_id]


def test_an_imported_backup_is_searchable(services: Services, tmp_path: Path) -> None:
    [outcome] = ingest_paths(services, [_report(tmp_path, "a.txt", "Amygdaleza")], extract=False)
    backup.export_all(services, tmp_path / "backup")
    target = Services(Settings(database_url=f"sqlite:///{tmp_path / 'restored.db'}", data_dir=tmp_path / "data2"))
    backup.import_all(target, tmp_path / "backup")
    assert _hits(target, "Amygdaleza") == [outcome.document_id]


def test_upgrading_a_library_keeps_its_index_and_indexes_new_documents(tmp_path: Path) -> None:
    """A library created before migration 0004 (FTS filled by a trigger) stays searchable."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old = Database(url)
    config = alembic_config(url)
    with old.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0003")
    with old.engine.begin() as conn:
        conn.execute(sa.text(
            "INSERT INTO documents (id, sha256, filename, media_type, kind, confidential, size_bytes, "
            "stored_path, text, page_count, extraction_problems, ingested_at) VALUES (1, 'abc', 'old.txt', "
            "'text/plain', 'other', 0, 10, '', 'Old Lindholmen report', 0, '[]', '2024-01-01')"))
        conn.execute(sa.text("INSERT INTO pages (document_id, number, start_char, end_char, width, height, words) "
                             "VALUES (1, 1, 0, 21, 0, 0, '[]')"))
        conn.execute(sa.text("INSERT INTO passages (document_id, seq, page, start_char, end_char, text) "
                             "VALUES (1, 0, 1, 0, 21, 'Old Lindholmen report')"))
    old.dispose()
    services = Services(Settings(database_url=url, data_dir=tmp_path / "data"))
    services.db.upgrade()
    with services.db.engine.connect() as conn:
        assert "words" not in {c["name"] for c in sa.inspect(conn).get_columns("pages")}
    assert _hits(services, "Lindholmen") == [1]
    [outcome] = ingest_paths(services, [_report(tmp_path, "new.txt", "Amygdaleza")], extract=False)
    assert _hits(services, "Amygdaleza") == [outcome.document_id]
