"""``habeas train``: retrain the scoring models from all gold, report cross-validated figures.

Run from a checkout (the gold lives in ``tests/`` and ``../shared``). Prints the
document-level cross-validation per fact type, with and without the models,
then writes the models trained on every training document into the package.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from habeas.cli.common import console, handled_errors
from habeas.extract.scoring import Counts, ScoreReport
from habeas.services.train_scorer import (
    cross_validate,
    gold_documents,
    models_folder,
    train_models,
    write_models,
)


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _report(title: str, with_models: ScoreReport, rules_only: ScoreReport) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("type", "rules P", "rules R", "rules F1", "+models P", "+models R", "+models F1"):
        table.add_column(column, justify="right" if column != "type" else "left")
    rules = dict(rules_only.ordered_by_type())

    def row(label: str, a: Counts, b: Counts) -> list[str]:
        return [label, _pct(a.precision), _pct(a.recall), _pct(a.f1), _pct(b.precision), _pct(b.recall),
                _pct(b.f1)]

    for kind, counts in with_models.ordered_by_type():
        table.add_row(*row(kind, rules.get(kind, Counts()), counts))
    table.add_section()
    table.add_row(*row("OVERALL", rules_only.overall, with_models.overall), style="bold")
    console.print(table)


def train_command(
    project: Path = typer.Option(Path("."), "--project", help="The Habeas checkout (holds tests/)."),
    shared: Path = typer.Option(Path("../shared"), "--shared", help="The shared folder (seeds, corpus)."),
    folds: int = typer.Option(5, "--folds", min=2, help="Cross-validation folds (by document)."),
    write: bool = typer.Option(True, "--write/--no-write", help="Write the retrained models."),
) -> None:
    """Retrain the learned scorers on all gold; print document-level cross-validation."""
    with handled_errors():
        documents = gold_documents(project, shared)
        real = sum(1 for d in documents if d.real)
        console.print(f"{len(documents)} gold documents ({real} real), {folds}-fold cross-validation by document")
        cv = cross_validate(documents, folds)
        _report("Cross-validated, all gold documents", cv.learned, cv.rules_only)
        _report("Cross-validated, real third-party documents annotated blind (tests/gold_real)", cv.real_learned, cv.real_rules_only)
        console.print("thresholds: " + ", ".join(f"{k} {v}" for k, v in sorted(cv.thresholds.items())))
        if write:
            models = train_models(documents, cv.thresholds)
            for path in write_models(models, models_folder(project)):
                console.print(f"wrote {path}", highlight=False)
