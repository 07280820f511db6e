"""Complete, versioned backups: ``habeas export --all`` and ``habeas import``.

A backup is a directory (or a .zip of one) holding ``manifest.json``, one JSON
Lines file per table with every column (ids included, so references survive)
and the original files under ``originals/``. Rows are written in id order with
sorted keys and timestamps normalised to UTC, so exporting, importing into
another database and exporting again gives the same bytes: only the
manifest's ``exported_at`` differs.

There are no user accounts yet; when they arrive, password hashes stay out of
backups unless ``--with-secrets`` is given.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select, text
from sqlalchemy.orm import Session

from habeas import __version__
from habeas.errors import InputError, ValidationFailed
from habeas.services.context import Services
from habeas.store.models import (
    AuditRow,
    Base,
    DocumentRow,
    FactHistoryRow,
    FactRow,
    PageRow,
    PassageRow,
)
from habeas.store.search import index_passages

FORMAT = "habeas-backup"
FORMAT_VERSION = 1
# Parents before children, so that foreign keys hold while importing.
TABLES: tuple[type[Base], ...] = (DocumentRow, PageRow, PassageRow, FactRow, FactHistoryRow, AuditRow)


def _normalise(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    return value


def _row_dict(row: Base) -> dict[str, Any]:
    return {c.name: _normalise(getattr(row, c.key)) for c in row.__table__.columns}


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _iter_rows(session: Session, model: type[Base]) -> Iterator[dict[str, Any]]:
    id_column = model.__table__.c.id
    for row in session.scalars(select(model).order_by(id_column).execution_options(yield_per=500)):
        record = _row_dict(row)
        if model is DocumentRow:
            # Where this machine keeps the file is not part of the library.
            record["stored_path"] = f"originals/{Path(record['stored_path']).name}"
        yield record


def export_all(services: Services, destination: Path, *, with_secrets: bool = False) -> dict[str, Any]:
    """Write a complete backup to ``destination`` (a new directory, or a path ending in .zip)."""
    as_zip = destination.suffix.lower() == ".zip"
    if destination.exists() and (as_zip or any(destination.iterdir())):
        raise InputError("destination already exists and is not empty", path=str(destination))
    files: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    with services.db.session() as session:
        for model in TABLES:
            lines = [_dumps(record) for record in _iter_rows(session, model)]
            counts[model.__tablename__] = len(lines)
            files[f"{model.__tablename__}.jsonl"] = ("\n".join(lines) + ("\n" if lines else "")).encode()
        for row in session.scalars(select(DocumentRow).order_by(DocumentRow.id)):
            name = Path(row.stored_path).name
            try:
                files[f"originals/{name}"] = services.originals.read(row.stored_path)
            except OSError as exc:
                raise InputError(f"original of document {row.id} is missing ({exc.strerror})",
                                 path=row.stored_path) from exc
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "habeas_version": __version__,
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": counts, "with_secrets": with_secrets, "users": "no user accounts exist yet",
    }
    files["manifest.json"] = (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
    if as_zip:
        destination.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in sorted(files):
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, files[name])
    else:
        for name, data in files.items():
            path = destination / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    return manifest


def _read_backup(source: Path) -> dict[str, bytes]:
    if not source.exists():
        raise InputError("no such backup", path=str(source))
    if source.is_dir():
        return {str(p.relative_to(source)): p.read_bytes() for p in source.rglob("*") if p.is_file()}
    try:
        with zipfile.ZipFile(source) as archive:
            return {name: archive.read(name) for name in archive.namelist() if not name.endswith("/")}
    except zipfile.BadZipFile as exc:
        raise InputError("not a Habeas backup (neither a directory nor a zip file)", path=str(source)) from exc


def _parse_value(column: Any, value: Any) -> Any:
    if value is not None and column.type.python_type is datetime:
        return datetime.fromisoformat(value)
    return value


def import_all(services: Services, source: Path) -> dict[str, int]:
    """Load a backup into an EMPTY library, ids and history included (all or nothing)."""
    files = _read_backup(source)
    try:
        manifest = json.loads(files["manifest.json"])
    except (KeyError, ValueError) as exc:
        raise InputError("backup has no readable manifest.json", path=str(source)) from exc
    if manifest.get("format") != FORMAT:
        raise InputError("not a Habeas backup", path=str(source))
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise InputError(f"backup format {manifest['format_version']} is newer than this Habeas "
                         f"understands ({FORMAT_VERSION}); upgrade Habeas", path=str(source))
    written: list[Path] = []
    counts: dict[str, int] = {}
    try:
        with services.db.session() as session:
            if session.scalar(select(func.count()).select_from(DocumentRow)) or session.scalar(
                    select(func.count()).select_from(FactRow)):
                raise ValidationFailed("the target library is not empty; import into a new database")
            for model in TABLES:
                name = f"{model.__tablename__}.jsonl"
                columns = {c.name: c for c in model.__table__.columns}
                rows = []
                for line in files.get(name, b"").decode().splitlines():
                    if line.strip():
                        record = json.loads(line)
                        rows.append({k: _parse_value(columns[k], v) for k, v in record.items() if k in columns})
                if rows:
                    # Core insert, not ORM: the ORM would reset version counters to 1.
                    session.execute(cast(Table, model.__table__).insert(), rows)
                counts[model.__tablename__] = len(rows)
            index_passages(session)
            for row in session.scalars(select(DocumentRow)):
                name = Path(row.stored_path).name
                data = files.get(f"originals/{name}")
                if data is None:
                    raise InputError(f"backup lacks the original of document {row.id}", path=str(source))
                path, created = services.originals.put(row.sha256, Path(name).suffix, data)
                if created:
                    written.append(path)
                row.stored_path = str(path)
            if services.db.dialect == "postgresql":
                for model in TABLES:
                    table = model.__tablename__
                    session.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"))
    except BaseException:
        for path in written:
            services.originals.remove(path)
        raise
    return counts
