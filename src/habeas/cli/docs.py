"""``habeas docs``: list, show and delete library documents."""

from __future__ import annotations

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
from habeas.services import library

app = typer.Typer(help="Browse and manage the document library.", no_args_is_help=True)


@app.command("list")
def list_command(
    country: str | None = typer.Option(None, "--country"),
    kind: str | None = typer.Option(None, "--kind"),
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """List documents in the library."""
    with handled_errors():
        docs = library.list_documents(services_for(db), country=country, kind=kind)
        if format == "json":
            print_json(docs)
            return
        table = Table(title=f"{len(docs)} documents")
        for column in ("id", "title", "country", "kind", "published", "pages", "facts"):
            table.add_column(column)
        for d in docs:
            title = (d["title"] or d["filename"])[:70]
            if d["confidential"]:
                title += " [red](confidential)[/red]"
            table.add_row(str(d["id"]), title, d["country"] or "", d["kind"], d["published"] or "",
                          str(d["pages"]), str(d["facts"]))
        console.print(table)


@app.command("show")
def show_command(
    document_id: int = typer.Argument(...),
    text: bool = typer.Option(False, "--text", help="Also print the document text."),
    format: str = FormatOption,
    db: str | None = DbOption,
) -> None:
    """Show one document's metadata (and text)."""
    with handled_errors():
        doc = library.show_document(services_for(db), document_id, with_text=text)
        if format == "json":
            print_json(doc)
            return
        table = Table(show_header=False, title=f"Document {document_id}")
        for key, value in doc.items():
            if key in ("text", "page_ranges"):
                continue
            table.add_row(key, str(value))
        console.print(table)
        if text:
            console.print(doc["text"], markup=False, highlight=False)


@app.command("delete")
def delete_command(document_id: int = typer.Argument(...), db: str | None = DbOption) -> None:
    """Delete a document, its facts and its stored original."""
    with handled_errors():
        doc = library.delete_document(services_for(db), document_id)
        console.print(f"deleted document {document_id} ({doc['title'] or doc['filename']})")
