"""What every use case needs: settings and the database, built once by the caller."""

from __future__ import annotations

from dataclasses import dataclass, field

from habeas.settings import Settings
from habeas.store.database import Database
from habeas.store.originals import OriginalStore


@dataclass
class Services:
    settings: Settings
    db: Database = field(init=False)
    originals: OriginalStore = field(init=False)

    def __post_init__(self) -> None:
        self.db = Database(self.settings.database_url)
        self.originals = OriginalStore(self.settings.data_dir)

    @property
    def actor(self) -> str:
        return self.settings.editor
