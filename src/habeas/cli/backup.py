"""``habeas export`` and ``habeas import``: complete, lossless backups."""

from __future__ import annotations

from pathlib import Path

import typer

from habeas.cli.common import DbOption, console, handled_errors, services_for
from habeas.errors import ValidationFailed
from habeas.services.backup import export_all, import_all


def export_command(
    path: Path = typer.Argument(..., help="New directory, or a file name ending in .zip."),
    all_: bool = typer.Option(False, "--all", help="Everything: originals, documents, facts, history, audit log."),
    with_secrets: bool = typer.Option(False, "--with-secrets", help="Include password hashes (none exist yet)."),
    db: str | None = DbOption,
) -> None:
    """Write a complete, versioned backup of the library."""
    with handled_errors():
        if not all_:
            raise ValidationFailed("only complete backups exist so far: use --all "
                                   "(profiles export per country with `habeas profile`)")
        manifest = export_all(services_for(db), path, with_secrets=with_secrets)
        counts = ", ".join(f"{v} {k}" for k, v in manifest["counts"].items())
        console.print(f"exported to {path}: {counts}")


def import_command(
    path: Path = typer.Argument(..., help="A backup directory or .zip written by `habeas export --all`."),
    db: str | None = DbOption,
) -> None:
    """Restore a backup into an empty library (SQLite or PostgreSQL)."""
    with handled_errors():
        counts = import_all(services_for(db), path)
        console.print("imported " + ", ".join(f"{v} {k}" for k, v in counts.items()))
