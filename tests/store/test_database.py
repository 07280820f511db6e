"""Migrations: the fast up-to-date check agrees with Alembic."""

from __future__ import annotations

from pathlib import Path

from habeas.store.database import HEAD_REVISION, Database


def test_head_revision_constant_is_alembics_head(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.db'}")
    assert db.head_revision() == HEAD_REVISION


def test_a_new_database_is_migrated_to_head_on_first_use(database_url: str) -> None:
    db = Database(database_url)
    with db.session():
        pass
    assert db.current_revision() == HEAD_REVISION
    db.dispose()
