"""Shared fixtures: the seeds beside the repo, and a store on SQLite and on PostgreSQL.

The ``services`` fixture is parametrised over both databases. PostgreSQL tests
use a fresh database per test, cloned from a migrated template made once per
run; when no server answers they are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from habeas.services.context import Services
from habeas.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"

PG_ADMIN_URL = os.environ.get("HABEAS_TEST_PG_ADMIN", "postgresql://postgres@127.0.0.1:5432/test")


def seed_path(prefix: str) -> Path:
    """Path of the seed whose name starts with ``prefix`` ("000" ... "004"), or skip."""
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}: seed fixtures unavailable")
    matches = sorted(SEEDS.glob(f"{prefix}*"))
    if not matches:
        pytest.skip(f"no seed {prefix}* in {SEEDS}")
    return matches[0]


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not found at {SEEDS}")
    return SEEDS


@pytest.fixture
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip(f"../shared/gold not found at {GOLD}")
    return GOLD


class _PostgresTemplate:
    """A migrated template database, cloned for each test (fast: no migrations per test)."""

    def __init__(self) -> None:
        self.error: str | None = None
        self.template: str | None = None
        self.created: list[str] = []

    def _admin(self):  # type: ignore[no-untyped-def]
        import psycopg

        return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)

    def url(self, name: str) -> str:
        base = PG_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
        return f"{base}/{name}"

    def clone(self) -> str:
        if self.error:
            pytest.skip(self.error)
        try:
            if self.template is None:
                name = f"habeas_tpl_{os.getpid()}_{uuid.uuid4().hex[:6]}"
                with self._admin() as conn:
                    conn.execute(f'CREATE DATABASE "{name}"')
                from habeas.store.database import Database

                db = Database(self.url(name))
                db.upgrade()
                db.dispose()
                self.template = name
            name = f"habeas_t_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            with self._admin() as conn:
                conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
            self.created.append(name)
            return self.url(name)
        except Exception as exc:  # noqa: BLE001
            self.error = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {type(exc).__name__}: {exc}"
            pytest.skip(self.error)

    def drop(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        try:
            with self._admin() as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        except Exception:  # noqa: BLE001
            pass

    def close(self) -> None:
        if self.template:
            self.drop(self.url(self.template))


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[_PostgresTemplate]:
    template = _PostgresTemplate()
    yield template
    template.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, postgres_template: _PostgresTemplate) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'habeas.db'}"
        return
    url = postgres_template.clone()
    yield url
    postgres_template.drop(url)


@pytest.fixture
def services(database_url: str, tmp_path: Path) -> Iterator[Services]:
    settings = Settings(database_url=database_url, data_dir=tmp_path / "data", max_file_size_mb=5)
    svc = Services(settings)
    svc.db.ensure_ready()
    yield svc
    svc.db.dispose()


@pytest.fixture
def sqlite_services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'habeas.db'}", data_dir=tmp_path / "data",
                        max_file_size_mb=5)
    svc = Services(settings)
    yield svc
    svc.db.dispose()
