"""``habeas serve``: run the web application and REST API."""

from __future__ import annotations

import typer

from habeas.cli.common import DB_HELP, _global_db
from habeas.settings import get_settings


def serve_command(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP, show_default=False),
) -> None:
    """Serve the web app (Library, Review, Facts, Search, Countries, Updates) and /api/v1."""
    import uvicorn

    from habeas.web.app import create_app

    settings = get_settings().with_database(db or _global_db["url"])
    app = create_app(settings)
    typer.echo(f"Habeas on http://{host}:{port}  (API docs at /docs, database {settings.database_url})")
    uvicorn.run(app, host=host, port=port, log_level="info")
