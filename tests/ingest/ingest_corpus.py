"""Tiny normal and hostile input files, written into a test's tmp_path.

Generated rather than committed so that every fixture's content is visible in
code next to the tests that rely on it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf

PAGE_TEXTS = [
    "Page one says that 120 people were detained at the border in 2021.",
    "Page two reports 45 deportations carried out during March 2022.",
    "Page three lists 3 detention centres visited by the ombudsperson.",
]


def multipage_pdf(path: Path, texts: list[str] = PAGE_TEXTS, title: str | None = None) -> Path:
    doc = pymupdf.open()
    for text in texts:
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), text, fontsize=11)
    if title:
        doc.set_metadata({"title": title, "creationDate": "D:20210314120000Z"})
    doc.save(path)
    return path


def table_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 80), "Detention statistics", fontsize=12)
    for row, cells in enumerate([("Year", "Detainees"), ("2019", "1,234"), ("2020", "987")]):
        for col, cell in enumerate(cells):
            page.insert_text((72 + col * 200, 120 + row * 16), cell, fontsize=10)
    doc.save(path)
    return path


def encrypted_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), "Secret text", fontsize=11)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="user", owner_pw="owner")
    return path


def truncated_pdf(path: Path, tmp: Path) -> Path:
    whole = multipage_pdf(tmp / "whole-for-truncation.pdf")
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: a picture and no text layer."""
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pixmap.set_rect(pixmap.irect, (200, 200, 200))
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_image(pymupdf.Rect(72, 72, 272, 272), pixmap=pixmap)
    doc.save(path)
    return path


def docx_file(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Detention in Freedonia"
    document.add_heading("Overview", level=1)
    document.add_paragraph("Before the table comes this paragraph.")
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Year", (0, 1): "Detainees", (1, 0): "2020", (1, 1): "512"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("A listed point", style="List Bullet")
    document.add_paragraph("After the table comes this paragraph.")
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return path


HTML_PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Detention update | Example Monitor</title>
<meta property="og:site_name" content="Example Monitor">
<meta property="article:published_time" content="2023-05-02T09:00:00Z">
<link rel="canonical" href="https://monitor.example.org/updates/42">
<script>var tracking = "do not index this";</script>
<style>.x { color: red }</style>
</head><body>
<nav><a href="/">Home</a><a href="/about">About us</a></nav>
<header>Site banner text</header>
<main>
<h1>Detention update</h1>
<p>Officials said that <b>1,200</b> people<br>were held in May.</p>
<ul><li>First point</li><li>Second <em>point</em></li></ul>
<table><tr><th>Year</th><th>Detainees</th></tr><tr><td>2022</td><td>3,100</td></tr></table>
</main>
<aside>Related stories</aside>
<footer>Copyright notice</footer>
</body></html>
"""

RUSSIAN = "Задержаны 15 мигрантов в центре временного содержания.\n"
FRENCH = "Les étrangers retenus au centre de rétention étaient 37 en été.\n"
ENGLISH = "In 2021, 300 migrants were detained.\n\nA second paragraph follows here.\n"
