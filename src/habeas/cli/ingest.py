"""``habeas ingest``: put files into the library."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from habeas.cli.common import DbOption, console, err_console, handled_errors, services_for
from habeas.domain import DOCUMENT_KINDS
from habeas.errors import InputError
from habeas.ingest.loader import DocumentOverrides, expand_inputs
from habeas.services.ingest_files import ingest_paths


def _validate_country(code: str | None) -> str | None:
    if code is None:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_3=code.upper())
    if found is None:
        raise InputError(f"unknown ISO 3166-1 alpha-3 country code {code!r}")
    return found.alpha_3


def _validate_date(value: str | None) -> str | None:
    if value is None:
        return None
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise InputError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def ingest_command(
    paths: list[str] = typer.Argument(..., help="Files, directories (recursive) or glob patterns."),
    country: str | None = typer.Option(None, "--country", help="ISO 3166-1 alpha-3 code (else detected)."),
    kind: str | None = typer.Option(None, "--kind", help="profile, monitor, submission, state-report, ngo-report, other."),
    publisher: str | None = typer.Option(None, "--publisher"),
    date: str | None = typer.Option(None, "--date", help="Publication date YYYY[-MM[-DD]]."),
    title: str | None = typer.Option(None, "--title"),
    url: str | None = typer.Option(None, "--url", help="Where the document was found."),
    confidential: bool = typer.Option(False, "--confidential", help="Never show on public pages, feeds, exports or API."),
    extract: bool = typer.Option(True, "--extract/--no-extract", help="Extract facts now (else later with extract-all)."),
    db: str | None = DbOption,
) -> None:
    """Ingest PDF, HTML, DOCX and text files into the library and extract their facts."""
    with handled_errors():
        if kind is not None and kind not in DOCUMENT_KINDS:
            raise InputError(f"unknown kind {kind!r}; choose one of {', '.join(DOCUMENT_KINDS)}")
        overrides = DocumentOverrides(
            country=_validate_country(country), kind=kind, publisher=publisher,
            published=_validate_date(date), title=title, url=url, confidential=confidential,
        )
        files, missing = expand_inputs(paths)
        for arg, problem in missing:
            err_console.print(f"[red]failed[/red] {arg}: {problem}", highlight=False)
        services = services_for(db)
        services.db.ensure_ready()
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err_console, transient=True,
                      disable=len(files) < 2) as progress:
            task = progress.add_task("Ingesting", total=len(files))

            def done(outcome):  # type: ignore[no-untyped-def]
                progress.advance(task)
                if outcome.failed:
                    err_console.print(f"[red]failed[/red] {outcome.path}: {outcome.message}",
                                      highlight=False)
                elif outcome.status == "duplicate":
                    err_console.print(f"[yellow]skipped[/yellow] {outcome.path}: {outcome.message}",
                                      highlight=False)

            outcomes = ingest_paths(services, files, overrides, on_done=done, extract=extract)

        table = Table(title="Ingest summary")
        for column in ("file", "result", "id", "country", "kind", "pages", "facts"):
            table.add_column(column)
        for o in outcomes:
            result = {"ingested": "[green]ingested[/green]", "duplicate": "[yellow]already in library[/yellow]",
                      "failed": "[red]failed[/red]"}[o.status]
            table.add_row(Path(o.path).name, result, str(o.document_id or ""), o.country or "",
                          o.kind or "", str(o.pages or ""), str(o.facts or ""))
        if outcomes:
            console.print(table)
        ingested = sum(o.status == "ingested" for o in outcomes)
        duplicates = sum(o.status == "duplicate" for o in outcomes)
        failed = sum(o.failed for o in outcomes) + len(missing)
        console.print(f"{ingested} ingested, {duplicates} already in library, {failed} failed")
        if failed:
            raise typer.Exit(1)
