"""``habeas db``: schema migrations."""

from __future__ import annotations

import typer

from habeas.cli.common import DbOption, console, handled_errors, services_for

app = typer.Typer(help="Database schema.", no_args_is_help=True)


@app.command("upgrade")
def upgrade_command(db: str | None = DbOption) -> None:
    """Create or migrate the database to the newest schema."""
    with handled_errors():
        services = services_for(db)
        services.db.upgrade()
        console.print(f"database at revision {services.db.current_revision()} ({services.db.dialect})")


@app.command("current")
def current_command(db: str | None = DbOption) -> None:
    """Print the schema revision of the database."""
    services = services_for(db)
    console.print(str(services.db.current_revision()))
