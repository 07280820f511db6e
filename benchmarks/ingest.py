"""Ingest speed against the PDF library's own text extraction, measured in the same run.

Generates a 300-page report-like PDF (prose with figures, plus number tables),
then times, best of 3 each:
  (a) raw: ``page.get_text()`` for every page with PyMuPDF alone;
  (b) ingest: the ``habeas ingest FILE --db sqlite:///TMP/bench.db`` command,
      when ``.venv/bin/habeas`` exists and works (it also extracts facts and
      writes the database; CLI start-up is timed separately for context);
  (c) load_document(): the in-process ingest (reader, passages, detection).
Goal: ingest <= 2x raw. Run: ``.venv/bin/python benchmarks/ingest.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

_COUNTRIES = ["Greece", "Mexico", "Malaysia", "the United Kingdom", "Libya", "Turkey"]
_SENTENCES = [
    "According to the ministry, {n:,} people were placed in immigration detention in {y}.",
    "The ombudsperson visited {k} facilities during {y} and reported overcrowding in most of them.",
    "Authorities deported {n:,} foreign nationals in {y}, an increase on the previous year.",
    "Civil society groups documented {k} cases of children held with adults at the border.",
    "The maximum length of administrative detention remained {k} months under the law of {y}.",
    "Lawyers reported that detainees in {c} were rarely informed of their right to appeal.",
    "The national preventive mechanism published {k} reports on places of deprivation of liberty.",
    "Some {n:,} asylum applications were lodged in {y}, most of them by nationals of neighbouring states.",
]


def _paragraph(rng: random.Random) -> str:
    parts = [
        rng.choice(_SENTENCES).format(
            n=rng.randint(100, 90000), y=rng.randint(2005, 2024), k=rng.randint(2, 40),
            c=rng.choice(_COUNTRIES),
        )
        for _ in range(rng.randint(3, 6))
    ]
    return " ".join(parts)


def make_pdf(path: Path, pages: int, seed: int = 7) -> None:
    """A report-like PDF: about 45 wrapped lines of prose per page, a number table every 5th page."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        y = 60.0
        page.insert_text((60, y), f"Immigration detention report, chapter {1 + number // 20}", fontsize=13)
        y += 28
        if number % 5 == 0:
            for row in range(12):
                cells = [str(2010 + row), f"{rng.randint(100, 99999):,}", f"{rng.random() * 100:.1f}"]
                for col, cell in enumerate(cells):
                    page.insert_text((60 + col * 150, y), cell, fontsize=10)
                y += 14
            y += 14
        while y < 760:
            lines = textwrap.wrap(_paragraph(rng), 95)
            if y + 13 * len(lines) > 780:
                break
            page.insert_text((60, y), "\n".join(lines), fontsize=10)
            y += 13 * len(lines) + 10
        page.insert_text((290, 815), str(number), fontsize=9)
    doc.save(path)


def _cpu() -> float:
    """CPU seconds of this process and its finished children: steadier than wall time on a busy machine."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_of(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    """(best wall seconds, best CPU seconds) over ``runs`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), _cpu()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(_cpu() - cpu)
    return min(walls), min(cpus)


def report(label: str, timing: tuple[float, float], pages: int, raw: tuple[float, float] | None) -> None:
    wall, cpu = timing
    line = f"{label:<34} wall {wall:6.3f} s ({pages / wall:5.0f} pages/s)  cpu {cpu:6.3f} s"
    if raw is not None:
        line += f"  ratio wall {wall / raw[0]:.2f}x, cpu {cpu / raw[1]:.2f}x raw (goal <= 2x)"
    print(line)


def raw_extract(path: Path) -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cli", action="store_true", help="time only (a) and (c)")
    args = parser.parse_args()

    from habeas.ingest.loader import load_document

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "bench.pdf"
        make_pdf(pdf, args.pages)
        raw = best_of(args.runs, lambda: raw_extract(pdf))
        in_process = best_of(args.runs, lambda: load_document(pdf, max_bytes=1 << 30))
        document = load_document(pdf, max_bytes=1 << 30)
        pages = len(document.pages)
        print(f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB, {len(document.text):,} chars, "
              f"{len(document.passages):,} passages; best of {args.runs} runs each")
        report("(a) raw page.get_text()", raw, pages, None)
        report("(c) load_document() in-process", in_process, pages, raw)

        habeas = ROOT / ".venv" / "bin" / "habeas"
        if args.skip_cli:
            return
        if not habeas.exists():
            print("(b) habeas ingest CLI: not measured (.venv/bin/habeas is not installed)")
            return
        db = Path(tmp) / "bench.db"

        def cli(*extra: str) -> Callable[[], None]:
            def run() -> None:
                db.unlink(missing_ok=True)
                subprocess.run([str(habeas), "ingest", str(pdf), "--db", f"sqlite:///{db}", *extra],
                               check=True, capture_output=True, cwd=tmp,
                               env={**os.environ, "HABEAS_DATA_DIR": str(Path(tmp) / f"data-{time.time_ns()}")})
            return run

        try:
            cli_time = best_of(args.runs, cli())
            cli_stored = best_of(args.runs, cli("--no-extract"))
        except subprocess.CalledProcessError as exc:
            err = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            print(f"(b) habeas ingest CLI: failed ({err[0]}); in-process figure above stands")
            return
        startup = best_of(args.runs, lambda: subprocess.run(
            [str(habeas), "--help"], check=True, capture_output=True, cwd=tmp))
        report("(b) habeas ingest FILE (CLI, with extraction)", cli_time, pages, raw)
        report("(d) habeas ingest FILE --no-extract (CLI)", cli_stored, pages, raw)
        report("    CLI start-up alone (--help)", startup, pages, None)
        print("    the CLI also extracts facts and writes the database; (c) is the ingest step alone")


if __name__ == "__main__":
    main()
