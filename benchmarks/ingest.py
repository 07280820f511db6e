"""Ingest speed against the PDF library's own text extraction, measured in the same run.

Generates a 300-page report-like PDF (prose with figures, plus number tables),
then times, best of 3 each:
  (a) raw: ``page.get_text()`` for every page with PyMuPDF alone;
  (b) ingest: the ``habeas ingest FILE --db sqlite:///TMP/bench.db`` command,
      when ``.venv/bin/habeas`` exists and works;
  (c) load_document(): the in-process ingest (reader, passages, detection).
Goal: ingest <= 2x raw. Run: ``.venv/bin/python benchmarks/ingest.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import random
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


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def raw_extract(path: Path) -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
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
              f"{len(document.passages):,} passages")
        print(f"(a) raw page.get_text()          best of {args.runs}: {raw:6.3f} s  {pages / raw:8.0f} pages/s")
        print(f"(c) load_document() in-process   best of {args.runs}: {in_process:6.3f} s  "
              f"{pages / in_process:8.0f} pages/s  ratio {in_process / raw:.2f}x raw (goal <= 2x)")

        habeas = ROOT / ".venv" / "bin" / "habeas"
        if not habeas.exists():
            print("(b) habeas ingest CLI: not measured (.venv/bin/habeas is not installed)")
            return
        db = Path(tmp) / "bench.db"

        def cli() -> None:
            db.unlink(missing_ok=True)
            subprocess.run([str(habeas), "ingest", str(pdf), "--db", f"sqlite:///{db}"],
                           check=True, capture_output=True, cwd=tmp)

        try:
            cli_time = best_of(args.runs, cli)
        except subprocess.CalledProcessError as exc:
            err = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            print(f"(b) habeas ingest CLI: failed ({err[0]}); in-process figure above stands")
            return
        print(f"(b) habeas ingest CLI (process)  best of {args.runs}: {cli_time:6.3f} s  "
              f"{pages / cli_time:8.0f} pages/s  ratio {cli_time / raw:.2f}x raw (goal <= 2x; "
              "includes interpreter start-up and database writes)")


if __name__ == "__main__":
    main()
