"""``habeas review`` and ``habeas facts``: the editor's workflow on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from habeas.cli.common import (
    DbOption,
    FormatOption,
    console,
    handled_errors,
    print_json,
    services_for,
)
from habeas.errors import ValidationFailed
from habeas.services import review_fact

review_app = typer.Typer(help="Accept, correct or reject extracted facts.", no_args_is_help=True)
facts_app = typer.Typer(help="Add facts by hand or import them from CSV.", no_args_is_help=True)

_SKIP = {"id", "type", "country", "status", "quote", "page", "document_id", "document_title",
         "source_note", "extractor", "rule", "confidence", "version", "confidential", "edited",
         "start_char", "end_char"}


def _what(fact: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in fact.items() if k not in _SKIP and v not in (None, []))


def _print_facts(facts: list[dict], title: str) -> None:
    table = Table(title=title)
    for column in ("id", "type", "status", "country", "what", "quote", "source"):
        table.add_column(column, overflow="fold")
    for f in facts:
        source = f"doc {f['document_id']} p.{f['page']}" if f["page"] else (
            f"doc {f['document_id']}" if f["document_id"] else (f["source_note"] or ""))
        status = f["status"] + (" (edited)" if f["edited"] else "")
        table.add_row(str(f["id"]), f["type"], status, f["country"] or "", _what(f)[:70],
                      f["quote"][:70], source)
    console.print(table)


def _field_values(pairs: list[str]) -> dict[str, str]:
    """``["value=1240", "date=2024-03"]`` -> ``{"value": "1240", "date": "2024-03"}``."""
    parsed = {}
    for pair in pairs:
        if "=" not in pair:
            raise ValidationFailed(f"{pair!r} is not field=value")
        key, value = pair.split("=", 1)
        parsed[key.strip()] = value
    return parsed


def _actor(by: str | None, services) -> str:  # type: ignore[no-untyped-def]
    return by or services.actor


ByOption = typer.Option(None, "--by", help="Editor name recorded in the history (default $HABEAS_EDITOR).")


@review_app.command("list")
def list_command(
    country: str | None = typer.Option(None, "--country"),
    type_: str | None = typer.Option(None, "--type", help="statistic, treaty, law, case, event, ..."),
    status: str | None = typer.Option(None, "--status", help="candidate, accepted or rejected"),
    document: int | None = typer.Option(None, "--document", help="Only facts of this document id."),
    limit: int | None = typer.Option(None, "--limit"),
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """List facts with their review status."""
    with handled_errors():
        facts = review_fact.list_review(services_for(db), country=country, type_=type_, status=status,
                                        document_id=document, limit=limit)
        if format == "json":
            print_json(facts)
        else:
            _print_facts(facts, f"{len(facts)} facts")


@review_app.command("accept")
def accept_command(
    ids: list[int] = typer.Argument(None, help="Fact ids (or --all with filters)."),
    all_: bool = typer.Option(False, "--all", help="Accept every candidate matching the filters."),
    country: str | None = typer.Option(None, "--country"),
    type_: str | None = typer.Option(None, "--type"),
    document: int | None = typer.Option(None, "--document"),
    by: str | None = ByOption,
    db: str | None = DbOption,
) -> None:
    """Accept facts: they become publishable."""
    with handled_errors():
        services = services_for(db)
        if all_:
            ids = review_fact.matching_ids(services, country=country, type_=type_, document_id=document)
        elif not ids:
            raise ValidationFailed("give fact ids, or --all (with optional --country/--type/--document)")
        done = review_fact.accept_facts(services, ids, _actor(by, services))
        console.print(f"{len(done)} facts accepted")


@review_app.command("reject")
def reject_command(
    ids: list[int] = typer.Argument(..., help="Fact ids."),
    reason: str | None = typer.Option(None, "--reason"),
    by: str | None = ByOption,
    db: str | None = DbOption,
) -> None:
    """Reject facts (they are kept, with the reason, but never published)."""
    with handled_errors():
        services = services_for(db)
        done = review_fact.reject_facts(services, ids, _actor(by, services), reason)
        console.print(f"{len(done)} facts rejected")


@review_app.command("edit")
def edit_command(
    fact_id: int = typer.Argument(...),
    changes: list[str] = typer.Argument(..., help="field=value pairs, e.g. value=1240 date=2024-03"),
    reason: str | None = typer.Option(None, "--reason"),
    version: int | None = typer.Option(None, "--version", help="Refuse if the fact changed since this version."),
    by: str | None = ByOption,
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """Correct a fact. The original extraction is kept; the correction and its author are recorded."""
    with handled_errors():
        parsed = _field_values(changes)
        services = services_for(db)
        fact = review_fact.edit_fact(services, fact_id, parsed, _actor(by, services), version, reason)
        if format == "json":
            print_json(fact)
        else:
            _print_facts([fact], f"fact {fact_id} corrected")


@review_app.command("show")
def show_command(fact_id: int = typer.Argument(...), format: str = FormatOption,
                 db: str | None = DbOption) -> None:
    """Show one fact with its source."""
    with handled_errors():
        fact = review_fact.get_fact(services_for(db), fact_id)
        if format == "json":
            print_json(fact)
            return
        table = Table(show_header=False, title=f"Fact {fact_id}")
        for key, value in fact.items():
            table.add_row(key, json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value))
        console.print(table)


@review_app.command("history")
def history_command(fact_id: int = typer.Argument(...), format: str = FormatOption,
                    db: str | None = DbOption) -> None:
    """Every change to a fact: who, when, before and after."""
    with handled_errors():
        entries = review_fact.fact_history(services_for(db), fact_id)
        if format == "json":
            print_json(entries)
            return
        table = Table(title=f"History of fact {fact_id}")
        for column in ("when", "who", "action", "before", "after", "reason"):
            table.add_column(column, overflow="fold")
        for e in entries:
            table.add_row(e["at"][:19], e["actor"], e["action"],
                          json.dumps(e["before"], ensure_ascii=False)[:60] if e["before"] else "",
                          json.dumps(e["after"], ensure_ascii=False)[:60] if e["after"] else "",
                          e["reason"] or "")
        console.print(table)


@facts_app.command("add")
def add_command(
    fact_type: str = typer.Argument(..., metavar="TYPE", help="statistic, treaty, law, ..."),
    fields: list[str] = typer.Argument(..., help="field=value pairs, e.g. indicator=refugees value=510 date=2020-07"),
    country: str = typer.Option(..., "--country", help="ISO3 code."),
    source_note: str = typer.Option(..., "--source-note", help="Where the fact comes from."),
    quote: str = typer.Option("", "--quote"),
    document: int | None = typer.Option(None, "--document", help="Document id it comes from, if in the library."),
    status: str = typer.Option("accepted", "--status"),
    confidential: bool = typer.Option(False, "--confidential"),
    by: str | None = ByOption,
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """Add a fact by hand, with a source note."""
    with handled_errors():
        parsed = _field_values(fields)
        services = services_for(db)
        fact = review_fact.add_fact(services, fact_type, country, parsed, _actor(by, services),
                                    source_note=source_note, quote=quote, document_id=document,
                                    status=status, confidential=confidential)
        if format == "json":
            print_json(fact)
        else:
            console.print(f"added fact {fact['id']}")


@facts_app.command("import")
def import_command(
    path: Path = typer.Argument(..., help="CSV file: type,country,source_note,<fields>..."),
    source_note: str | None = typer.Option(None, "--source-note", help="Source note for rows without one."),
    by: str | None = ByOption,
    db: str | None = DbOption,
) -> None:
    """Import hand-collected facts from CSV (all rows or none)."""
    with handled_errors():
        try:
            data = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ValidationFailed(f"cannot read {path}: {exc.strerror}") from exc
        services = services_for(db)
        added = review_fact.import_csv(services, data, _actor(by, services), default_source_note=source_note)
        console.print(f"{len(added)} facts imported from {path}")
