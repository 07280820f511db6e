"""Content-addressed storage of original files: ``<data_dir>/<sha[:2]>/<sha><suffix>``.

The original is written before the database commit and removed again if the
commit fails, so the library never points to a missing file and never keeps
an orphan from a failed ingest.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OriginalStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path_for(self, sha256: str, suffix: str) -> Path:
        safe_suffix = suffix.lower() if suffix and len(suffix) <= 10 and suffix[1:].isalnum() else ""
        return self.root / sha256[:2] / f"{sha256}{safe_suffix}"

    def put(self, sha256: str, suffix: str, data: bytes) -> tuple[Path, bool]:
        """Store ``data``; returns the path and whether this call created it."""
        path = self.path_for(sha256, suffix)
        if path.exists():
            return path, False
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return path, True

    def read(self, stored_path: str) -> bytes:
        return Path(stored_path).read_bytes()

    def remove(self, stored_path: str | Path) -> None:
        Path(stored_path).unlink(missing_ok=True)
