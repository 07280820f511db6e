"""Does extraction stay near-linear on long, odd inputs? Time for 4x the input, per pattern.

Garbled tables and badly converted files give "sentences" thousands of words long,
full of numbers and dates. A rule that compares every number with every date of
its sentence is invisible on real prose and quadratic there. This benchmark
repeats short fragments into long single-sentence texts and prints how the time
grows when the input grows four times (linear: about 4x; quadratic: 16x).

Run: ``.venv/bin/python benchmarks/extract_scaling.py [--repeats N]``.
"""

from __future__ import annotations

import argparse
import time

from habeas.domain import Document
from habeas.extract import extract_facts

FRAGMENTS = ["\n", "children ", "\n\n- ", "\t", " | ", "\n1. ", "detention\n", "Yes\t2021\n", "   \n", "2023\n",
             "The Committee should\n", "“", "(", "Law No. 5 ", "of\n", "1,240\n", "held in ", "X v. Y, ",
             "UPDATE (1 May 2024): ", "On 3 May ", ", and ", "—", "1, ", "a "]


def seconds(text: str) -> float:
    document = Document(sha256="x", filename="x.txt", media_type="text/plain", text=text, country="ZZZ",
                        published="2024")
    start = time.process_time()
    extract_facts(document)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3000, help="repeats of each fragment in the short text")
    args = parser.parse_args()
    rows = []
    for fragment in FRAGMENTS:
        short = min(seconds(fragment * args.repeats) for _ in range(2))
        long = min(seconds(fragment * args.repeats * 4) for _ in range(2))
        rows.append((long / max(short, 1e-3), long, fragment))
    print(f"{len(FRAGMENTS)} fragments, {args.repeats:,} and {4 * args.repeats:,} repeats; CPU seconds, best of 2")
    for growth, long, fragment in sorted(rows, reverse=True):
        print(f"  x4 input -> x{growth:5.1f} time ({long:6.2f} s for the long text)  {fragment!r}")
    worst = max(rows)[0]
    print(f"worst growth x{worst:.1f} for x4 input (linear ~4, quadratic ~16); goal <= 8: "
          f"{'met' if worst <= 8 else 'NOT met'}")


if __name__ == "__main__":
    main()
