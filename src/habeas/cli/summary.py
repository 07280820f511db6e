"""``habeas summary`` and ``habeas demo``: what the library holds, and a demo to fill it."""

from __future__ import annotations

import subprocess
import sys
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
from habeas.ingest.loader import expand_inputs
from habeas.services import library
from habeas.services.ingest_files import ingest_paths
from habeas.store import facts as fact_store

demo_app = typer.Typer(help="The demo library in examples/.", no_args_is_help=True)


def summary_command(
    facts: int = typer.Option(25, "--facts", help="How many facts to list (0 for none)."),
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """Print the library summary and the facts extracted so far."""
    with handled_errors():
        services = services_for(db)
        data = library.summary(services)
        with services.db.session() as session:
            rows = fact_store.list_facts(session, limit=facts or 0)
            listed = [{"id": r.id, "type": r.type, "country": r.country, "status": r.status,
                       **r.fields, "quote": r.quote, "document_id": r.document_id} for r in rows]
        if format == "json":
            print_json({**data, "facts": listed})
            return
        console.print(f"[bold]Library[/bold]: {data['documents']} documents, {data['pages']} pages")
        table = Table(title="Documents by country and kind")
        table.add_column("country")
        table.add_column("documents", justify="right")
        for country, count in sorted(data["by_country"].items(), key=lambda kv: str(kv[0])):
            table.add_row(str(country or "unknown"), str(count))
        console.print(table)
        facts_table = Table(title="Facts by type")
        facts_table.add_column("type")
        facts_table.add_column("facts", justify="right")
        for fact_type, count in sorted(data["facts_by_type"].items()):
            facts_table.add_row(fact_type, str(count))
        console.print(facts_table)
        if listed:
            listing = Table(title=f"First {len(listed)} facts")
            for column in ("id", "type", "country", "what", "quote"):
                listing.add_column(column, overflow="fold")
            for f in listed:
                what = ", ".join(f"{k}={v}" for k, v in f.items()
                                 if k not in ("id", "type", "country", "status", "quote", "document_id")
                                 and v not in (None, []))
                listing.add_row(str(f["id"]), f["type"], f["country"] or "", what[:60], f["quote"][:70])
            console.print(listing)


@demo_app.command("load")
def demo_load_command(
    path: Path = typer.Argument(Path("examples"), help="Folder of demo documents."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Only when the library has no documents."),
    db: str | None = DbOption,
) -> None:
    """Ingest the demo library (generating its PDF first)."""
    with handled_errors():
        services = services_for(db)
        if if_empty and library.summary(services)["documents"]:
            console.print("library is not empty; demo not loaded")
            return
        maker = path / "make_demo.py"
        if maker.exists():
            subprocess.run([sys.executable, str(maker)], check=True)
        files, _ = expand_inputs([str(path)])
        files = [f for f in files if f.suffix.lower() in (".pdf", ".html", ".htm", ".docx", ".txt", ".md")]
        outcomes = ingest_paths(services, files)
        for o in outcomes:
            if o.failed:
                console.print(f"[red]failed[/red] {o.path}: {o.message}")
        console.print(f"demo: {sum(o.status == 'ingested' for o in outcomes)} documents ingested")
