"""The ``habeas`` Typer application: one module per command group."""

from __future__ import annotations

import typer

from habeas.cli import backup, db, docs, review, summary
from habeas.cli.common import DB_HELP, set_global_db
from habeas.cli.evaluate import eval_command
from habeas.cli.extract import extract_all_command, extract_command
from habeas.cli.ingest import ingest_command
from habeas.cli.profile import profile_command
from habeas.cli.serve import serve_command
from habeas.cli.train import train_command

app = typer.Typer(
    name="habeas",
    help="Habeas: sourced, reviewable data on immigration detention.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _root(db_url: str | None = typer.Option(None, "--db", help=DB_HELP, show_default=False)) -> None:
    set_global_db(db_url)


app.command("ingest")(ingest_command)
app.command("extract")(extract_command)
app.command("extract-all")(extract_all_command)
app.command("summary")(summary.summary_command)
app.command("serve")(serve_command)
app.command("profile")(profile_command)
app.command("export")(backup.export_command)
app.command("import")(backup.import_command)
app.add_typer(docs.app, name="docs")
app.add_typer(db.app, name="db")
app.add_typer(summary.demo_app, name="demo")
app.add_typer(review.review_app, name="review")
app.add_typer(review.facts_app, name="facts")

app.command("eval")(eval_command)
app.command("train")(train_command)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
