"""Ingest speed against the PDF library's own text extraction, measured in the same run.

Generates a 300-page report-like PDF (prose with figures, plus number tables),
then times, best of 3 each, into a library that already exists (migrated once
beforehand, as a researcher's library is):

  in one process
    (a) raw: ``page.get_text()`` for every page with PyMuPDF alone (the baseline);
        ``get_text("words")`` is shown too: positions are what ingest must keep;
    (c) the ingest step: ``ingest_paths(..., extract=False)``, i.e. read the
        PDF, cut passages, detect metadata, store the original, the document,
        pages, passages and search index, and commit;
  as separate processes, the way a user runs them
    (a') raw: ``python -c "import pymupdf; ...get_text()..."``;
    (b) ``habeas ingest FILE --no-extract``; and (b+) ``habeas ingest FILE``,
        which also extracts facts (extraction speed is benchmarks/extract.py's);
    per page: the same commands on a 1-page PDF give each one's fixed start-up
        cost; (300-page time - 1-page time) / 299 is the cost of a page.
Goal: ingest <= 2x raw. Run: ``.venv/bin/python benchmarks/ingest.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
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


def report(label: str, timing: tuple[float, float], pages: int, raw: tuple[float, float] | None,
           raw_label: str = "raw") -> None:
    wall, cpu = timing
    line = f"{label:<46} wall {wall:6.3f} s ({pages / wall:5.0f} pages/s)  cpu {cpu:6.3f} s"
    if raw is not None:
        line += f"  = {wall / raw[0]:.2f}x wall, {cpu / raw[1]:.2f}x cpu of {raw_label} (goal <= 2x)"
    print(line)


def raw_extract(path: Path, mode: str = "text") -> None:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_text(mode)


RAW_SCRIPT = "import pymupdf, sys\nwith pymupdf.open(sys.argv[1]) as d:\n    for p in d: p.get_text()\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-cli", action="store_true", help="time only the in-process figures")
    args = parser.parse_args()

    from habeas.services.context import Services
    from habeas.services.ingest_files import ingest_paths
    from habeas.settings import Settings

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pdf, one_page = tmp / "bench.pdf", tmp / "one.pdf"
        make_pdf(pdf, args.pages)
        make_pdf(one_page, 1, seed=8)
        template = tmp / "template.db"
        Services(Settings(database_url=f"sqlite:///{template}", data_dir=tmp / "unused")).db.upgrade()
        runs = iter(range(1_000_000))

        def fresh_library() -> tuple[str, Path]:
            """A copy of the migrated, empty library and a new originals directory."""
            n = next(runs)
            db = tmp / f"lib-{n}.db"
            shutil.copyfile(template, db)
            return f"sqlite:///{db}", tmp / f"data-{n}"

        def ingest_in_process() -> None:
            url, data = fresh_library()
            services = Services(Settings(database_url=url, data_dir=data))
            [outcome] = ingest_paths(services, [pdf], extract=False)
            assert outcome.status == "ingested", outcome.message
            services.db.dispose()

        raw = best_of(args.runs, lambda: raw_extract(pdf))
        raw_words = best_of(args.runs, lambda: raw_extract(pdf, "words"))
        in_process = best_of(args.runs, ingest_in_process)
        pages = pymupdf.open(pdf).page_count
        print(f"PDF: {pages} pages, {pdf.stat().st_size / 1e6:.1f} MB; best of {args.runs} runs each")
        print("in one process")
        report("(a) raw page.get_text()", raw, pages, None)
        report("    raw page.get_text('words')", raw_words, pages, raw, "(a)")
        report("(c) ingest step, stored and committed", in_process, pages, raw, "(a)")

        habeas = ROOT / ".venv" / "bin" / "habeas"
        if args.skip_cli:
            return
        if not habeas.exists():
            print("(b) habeas ingest CLI: not measured (.venv/bin/habeas is not installed)")
            return

        def raw_process(path: Path) -> Callable[[], None]:
            return lambda: subprocess.run([sys.executable, "-c", RAW_SCRIPT, str(path)], check=True,
                                          capture_output=True)

        def cli(path: Path, *extra: str) -> Callable[[], None]:
            def run() -> None:
                url, data = fresh_library()
                subprocess.run([str(habeas), "ingest", str(path), "--db", url, *extra],
                               check=True, capture_output=True, cwd=tmp,
                               env={**os.environ, "HABEAS_DATA_DIR": str(data)})
            return run

        try:
            timings = {
                "raw": (best_of(args.runs, raw_process(pdf)), best_of(args.runs, raw_process(one_page))),
                "ingest": (best_of(args.runs, cli(pdf, "--no-extract")),
                           best_of(args.runs, cli(one_page, "--no-extract"))),
                "extract": (best_of(args.runs, cli(pdf)), best_of(args.runs, cli(one_page))),
            }
        except subprocess.CalledProcessError as exc:
            err = exc.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["?"]
            print(f"(b) habeas ingest CLI: failed ({err[0]}); in-process figures above stand")
            return
        raw_run = timings["raw"][0]
        print("as separate processes")
        report("(a') raw: python -c 'import pymupdf ... get_text()'", raw_run, pages, None)
        report("(b) habeas ingest FILE --no-extract", timings["ingest"][0], pages, raw_run, "(a')")
        report("(b+) habeas ingest FILE (also extracts facts)", timings["extract"][0], pages, raw_run, "(a')")
        print("per page, without each command's fixed start-up (its time on a 1-page PDF)")
        per_page = {name: tuple((big - small) / (pages - 1) for big, small in zip(*pair, strict=True))
                    for name, pair in timings.items()}
        for name, label in (("raw", "(a') raw"), ("ingest", "(b) ingest --no-extract"),
                            ("extract", "(b+) ingest with extraction")):
            wall, cpu = per_page[name]
            start_up = timings[name][1][0]
            line = f"    {label:<42} {wall * 1000:6.2f} ms/page ({1 / wall:5.0f} pages/s), start-up {start_up:.2f} s"
            if name != "raw":
                line += f"  = {wall / per_page['raw'][0]:.2f}x raw per page (goal <= 2x)"
            print(line)


if __name__ == "__main__":
    main()
