"""Runtime settings, read from the environment (prefix ``HABEAS_``).

Nothing here touches the disk or the database at import time: callers ask for
``get_settings()`` and the CLI's ``--db`` option overrides the URL.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def normalise_database_url(url_or_path: str) -> str:
    """Accept a SQLAlchemy URL or a bare path to a SQLite file."""
    if "://" in url_or_path:
        if url_or_path.startswith("postgresql://"):
            return "postgresql+psycopg://" + url_or_path[len("postgresql://"):]
        return url_or_path
    return f"sqlite:///{url_or_path}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HABEAS_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///habeas.db",
        description="SQLAlchemy URL of the library database, or a path to a SQLite file.",
    )
    data_dir: Path = Field(
        default=Path("habeas-data"),
        description="Directory where original files are stored, content-addressed by sha256.",
    )
    max_file_size_mb: int = Field(
        default=200, description="Files larger than this many megabytes are refused."
    )
    editor: str = Field(
        default="editor", description="Name recorded in the audit log for CLI changes."
    )

    @property
    def max_file_size_bytes(self) -> int:
        return self.max_file_size_mb * 1024 * 1024

    def with_database(self, url_or_path: str | None) -> Settings:
        if not url_or_path:
            return self
        return self.model_copy(update={"database_url": normalise_database_url(url_or_path)})


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    settings = Settings()
    return settings.model_copy(update={"database_url": normalise_database_url(settings.database_url)})
