"""``habeas extract`` (files, no library) and ``habeas extract-all`` (the library)."""

from __future__ import annotations

import json
import sys

import typer
from rich.table import Table

from habeas.cli.common import DbOption, console, err_console, handled_errors, services_for
from habeas.errors import HabeasError
from habeas.extract import extract_facts
from habeas.ingest.loader import DocumentOverrides, expand_inputs, load_document
from habeas.services.extract_document import reextract_all
from habeas.settings import get_settings


def extract_command(
    files: list[str] = typer.Argument(..., help="Files to extract facts from (not stored)."),
    format: str = typer.Option("jsonl", "--format", help="jsonl or table"),
    country: str | None = typer.Option(None, "--country", help="ISO3 code (else detected)."),
    kind: str | None = typer.Option(None, "--kind", help="profile, monitor, submission, state-report, ngo-report, other."),
    publisher: str | None = typer.Option(None, "--publisher"),
    date: str | None = typer.Option(None, "--date", help="The report's date or year YYYY[-MM[-DD]]: dates "
                                     "written without a year take its year."),
    title: str | None = typer.Option(None, "--title", help="The report's title (else its first heading)."),
) -> None:
    """Print the facts found in FILES in the interchange format (JSON Lines), without touching the library.

    What you give (country, kind, date, title, publisher) wins over what the text suggests,
    as with ``habeas ingest``.
    """
    paths, missing = expand_inputs(files)
    failures = len(missing)
    for arg, problem in missing:
        err_console.print(f"[red]failed[/red] {arg}: {problem}", highlight=False)
    overrides = DocumentOverrides(country=country.upper() if country else None, kind=kind,
                                  publisher=publisher, published=date, title=title)
    max_bytes = get_settings().max_file_size_bytes
    for path in paths:
        try:
            document = load_document(path, max_bytes=max_bytes, overrides=overrides)
        except HabeasError as exc:
            err_console.print(f"[red]failed[/red] {exc}", highlight=False)
            failures += 1
            continue
        result = extract_facts(document)
        for problem in result.problems:
            err_console.print(f"[yellow]warning[/yellow] {path}: {problem}", highlight=False)
        if format == "table":
            table = Table(title=f"{path.name}: {len(result.facts)} facts")
            for column in ("type", "what", "date", "quote"):
                table.add_column(column)
            for fact in result.facts:
                d = fact.to_interchange()
                what = {k: v for k, v in d.items() if k not in ("type", "country", "quote", "page",
                                                                  "confidence", "date")}
                table.add_row(fact.type.value, json.dumps(what, ensure_ascii=False)[:80],
                              str(d.get("date", "")), fact.quote[:80])
            console.print(table)
        else:
            for fact in result.facts:
                sys.stdout.write(json.dumps(fact.to_interchange(), ensure_ascii=False) + "\n")
    if failures:
        raise typer.Exit(1)


def extract_all_command(
    country: str | None = typer.Option(None, "--country"),
    db: str | None = DbOption,
) -> None:
    """Re-extract every library document, keeping every fact an editor reviewed or edited."""
    with handled_errors():
        outcomes = reextract_all(services_for(db), country=country)
        removed = sum(o.removed for o in outcomes)
        added = sum(o.added for o in outcomes)
        console.print(f"{len(outcomes)} documents re-extracted: {removed} untouched candidates "
                      f"replaced by {added} new facts; reviewed and edited facts kept")
