"""``habeas profile ISO3``: publish the country data profile from accepted facts."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from habeas.cli.common import DbOption, err_console, handled_errors, services_for
from habeas.services.build_profile import FORMATS, render_profile

TEXT_FORMATS = ("html", "json", "csv")


def profile_command(
    iso3: str = typer.Argument(..., help="ISO 3166-1 alpha-3 code of the country, e.g. KAZ."),
    format: str = typer.Option("html", "--format", "-f", help="html, pdf, json, csv or xlsx."),
    output: Path | None = typer.Option(
        None, "--output", "-o",
        help="File to write ('-' for stdout). Default: stdout for html/json/csv, ISO3-profile.EXT otherwise."),
    include_candidates: bool = typer.Option(
        False, "--include-candidates",
        help="Also show unreviewed facts, marked, and watermark the profile DRAFT."),
    db: str | None = DbOption,
) -> None:
    """Build the country profile from accepted facts (never rejected or confidential ones)."""
    fmt = format.lower()
    with handled_errors():
        if fmt not in FORMATS:
            from habeas.errors import InputError

            raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
        data = render_profile(services_for(db), iso3, fmt, include_candidates)
        if output is None and fmt not in TEXT_FORMATS:
            output = Path(f"{iso3.upper()}-profile.{fmt}")
        if output is None or str(output) == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        output.write_bytes(data)
        draft = " (DRAFT, includes unreviewed facts)" if include_candidates else ""
        err_console.print(f"wrote {output} ({len(data):,} bytes){draft}")
