"""Imports point downward only (STYLE.md): a room that imports a room above it fails here.

Text helpers sit below ingest and extract so that ingest and publish need not
import extraction; this keeps it that way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "habeas"
# room -> rooms it must never import
FORBIDDEN = {
    "text": {"ingest", "extract", "store", "services", "publish", "cli", "web"},
    "domain": {"text", "ingest", "extract", "store", "services", "publish", "cli", "web"},
    "ingest": {"extract", "store", "services", "publish", "cli", "web"},
    "extract": {"ingest", "store", "services", "publish", "cli", "web"},
    "publish": {"extract", "ingest", "services", "cli", "web"},
}


def _imported_rooms(path: Path) -> set[str]:
    rooms = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "habeas" and len(parts) > 1:
                rooms.add(parts[1])
    return rooms


@pytest.mark.parametrize("room", sorted(FORBIDDEN))
def test_rooms_import_only_downward(room: str) -> None:
    offending = {
        str(path.relative_to(PACKAGE)): sorted(_imported_rooms(path) & FORBIDDEN[room])
        for path in (PACKAGE / room).rglob("*.py")
    }
    assert {k: v for k, v in offending.items() if v} == {}
