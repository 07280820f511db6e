"""``habeas eval``: score the extractors against a directory of gold files.

The table output ends with the OVERALL line so that the last lines of a run
(what a log tail or a hook shows) carry the headline figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from habeas.cli.common import console, handled_errors, print_json
from habeas.errors import InputError
from habeas.extract.scoring import Counts, ScoredFact, ScoreReport
from habeas.services.evaluate import EvaluationReport, evaluate, split_stems

_FORMATS = ("table", "json")
GoldDirOption = typer.Option(..., "--gold", help="Directory of gold files <stem>.jsonl.")
DocsDirOption = typer.Option(..., "--docs", help="Directory of documents named <stem>.<ext>.")


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _row(label: str, counts: Counts) -> list[str]:
    return [label, _pct(counts.precision), _pct(counts.recall), _pct(counts.f1),
            str(counts.tp), str(counts.fp), str(counts.fn)]


def _score_table(title: str, first_column: str) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(first_column)
    for column in ("P %", "R %", "F1 %", "TP", "FP", "FN"):
        table.add_column(column, justify="right")
    return table


def _brief(item: ScoredFact) -> str:
    skip = {"type", "country", "quote", "page", "confidence", "optional"}
    fields = {k: v for k, v in item.fact.items() if k not in skip}
    return json.dumps(fields, ensure_ascii=False)[:120]


def _print_errors(total: ScoreReport) -> None:
    """One block per error: where, what was expected or predicted, and the quote to look up."""
    for title, items in (("False positives", total.false_positives), ("Misses", total.misses)):
        console.print(f"[bold]{title} ({len(items)})[/bold]")
        for item in items:
            console.print(f"  {item.document}  {item.type}  {_brief(item)}", highlight=False,
                          markup=False)
            console.print(f"      \u201c{' '.join(item.quote.split())[:200]}\u201d", highlight=False, markup=False)


def _print_table(report: EvaluationReport, *, errors: bool) -> None:
    if errors:
        _print_errors(report.total)
    documents = _score_table("Per document", "document")
    for doc in report.documents:
        documents.add_row(*_row(doc.name, doc.report.overall))
    console.print(documents)
    for doc in report.documents:
        for problem in doc.problems:
            console.print(f"[yellow]warning[/yellow] {doc.name}: {problem}", highlight=False)
    if report.gold_without_document:
        console.print(f"[yellow]no document for[/yellow] {', '.join(report.gold_without_document)}",
                      highlight=False)
    by_type = _score_table(f"Per fact type ({len(report.documents)} documents, "
                           f"{report.total.matched_optional} optional facts found)", "type")
    for kind, counts in report.total.ordered_by_type():
        by_type.add_row(*_row(kind, counts))
    by_type.add_section()
    by_type.add_row(*_row("OVERALL", report.total.overall), style="bold")
    console.print(by_type)


def eval_command(
    gold: Path = GoldDirOption,
    docs: Path = DocsDirOption,
    format: str = typer.Option("table", "--format", help="table|json"),
    errors: bool = typer.Option(False, "--errors", help="List every false positive and miss."),
    country: str | None = typer.Option(None, "--country", help="ISO3 code for every document."),
    split: Path | None = typer.Option(None, "--split", help="A split file (role<TAB>stem lines)."),
    role: str = typer.Option("dev", "--role", help="With --split: score only documents of this role."),
) -> None:
    """Score the extractors on DOCS against the gold facts in GOLD (precision, recall, F1)."""
    with handled_errors():
        if format not in _FORMATS:
            raise InputError(f"unknown --format {format!r}; use one of {', '.join(_FORMATS)}")
        only = split_stems(split, role) if split is not None else None
        report = evaluate(gold, docs, country=country.upper() if country else None, only=only)
    if format == "json":
        print_json(report.to_dict(errors=errors))
    else:
        _print_table(report, errors=errors)
