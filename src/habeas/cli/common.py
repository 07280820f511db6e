"""Shared pieces of the CLI: the --db option, the services root, error mapping."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from rich.console import Console

from habeas.errors import Conflict, HabeasError, InputError, NotFound
from habeas.services.context import Services
from habeas.settings import get_settings

console = Console()
err_console = Console(stderr=True, soft_wrap=True)  # one line per problem, never wrapped

DB_HELP = "Database URL or SQLite file path (default: $HABEAS_DATABASE_URL or sqlite:///habeas.db)."
DbOption = typer.Option(None, "--db", help=DB_HELP, show_default=False)
FormatOption = typer.Option("table", "--format", help="table or json")

_global_db: dict[str, str | None] = {"url": None}


def set_global_db(url: str | None) -> None:
    _global_db["url"] = url


def services_for(db: str | None) -> Services:
    settings = get_settings().with_database(db or _global_db["url"])
    return Services(settings)


EXIT_CODES = {NotFound: 3, Conflict: 4, InputError: 2}


@contextmanager
def handled_errors() -> Iterator[None]:
    """Map a HabeasError to one clear line on stderr and a stable exit code."""
    try:
        yield
    except HabeasError as exc:
        err_console.print(f"[red]error[/red] ({exc.code}): {exc}", highlight=False)
        code = next((c for cls, c in EXIT_CODES.items() if isinstance(exc, cls)), 1)
        raise typer.Exit(code) from None


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
