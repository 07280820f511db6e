"""Tables saved one cell per line are read back as rows, offsets kept."""

from __future__ import annotations

from habeas.text.cells import tabled

PAGE = """Home
Countries
Ruritania
KEY INDICATORS
Immigration detainees (year)
412
2022
388
2021
Detained minors (year)
Not Available
QUICK FACTS
Detains children?
Yes (2023)
Legal tradition
Common law
"""

KEY_FIGURES = """KEY FIGURES (as of 31 March 2025)
47,600
refugees and asylum-seekers registered with UNHCR
610
new asylum-seekers registered in January-March 2025
"""


def test_label_value_year_cells_become_rows() -> None:
    rows = tabled(PAGE).split("\n")
    assert "Immigration detainees (year)\t412\t2022" in rows
    assert "388\t2021" in rows
    assert "Detained minors (year)\tNot Available" in rows
    assert "Detains children?\tYes (2023)" in rows
    assert "KEY INDICATORS" in rows and "Home" in rows  # headings and navigation stay alone


def test_offsets_are_kept() -> None:
    out = tabled(PAGE)
    assert len(out) == len(PAGE)
    assert [i for i, (a, b) in enumerate(zip(PAGE, out, strict=True)) if a != b] == [
        i for i, ch in enumerate(out) if ch == "\t"]


def test_value_first_blocks_are_left_alone() -> None:
    assert tabled(KEY_FIGURES) == KEY_FIGURES
    assert tabled("One paragraph of prose.\nAnother one.\n") == "One paragraph of prose.\nAnother one.\n"
