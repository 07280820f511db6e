"""Write the binary documents of the demo library: a Word submission and a PDF data profile.

Run ``python examples/make_demo.py``. The output is deterministic (fixed
metadata and dates), and a file whose bytes would not change is left alone,
so running it twice is harmless. The texts are the project's own words;
figures are as publicly reported by the publishers named in them.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOTE = (
    "Demonstration document written for the Habeas example library. Figures are as "
    "publicly reported by the publishers named; check the originals before reusing them."
)

MALAYSIA_PARAGRAPHS = [
    ("heading", "Submission to the Human Rights Council: Malaysia"),
    ("para", "Universal Periodic Review, demonstration submission on immigration detention."),
    ("para", NOTE),
    ("heading", "Context"),
    ("para", (
        "Malaysia is not a party to the 1951 Refugee Convention, and the law does not "
        "distinguish refugees from other undocumented migrants, who can be detained in "
        "immigration depots."
    )),
    ("para", (
        "According to the Ministry of Home Affairs, 150 foreign nationals died in "
        "immigration depots in 2022."
    )),
    ("table", [("Year", "Event", "Count"), ("2022", "Deaths in immigration depots", "150"),
               ("2022", "Detainees who fled the Sungai Bakap depot", "528")]),
    ("para", (
        "In April 2022, 528 Rohingya detainees fled the Sungai Bakap depot in Penang; "
        "six of them died on a highway during the escape, the authorities said."
    )),
    ("heading", "Recommendations"),
    ("bullet", "Accede to the 1951 Refugee Convention and its 1967 Protocol."),
    ("bullet", "End the immigration detention of children."),
    ("bullet", "Give UNHCR access to all immigration depots."),
]

UK_PAGES = [
    [
        "United Kingdom Immigration Detention Data Profile",
        "Habeas demonstration profile",
        NOTE,
        "Quick Facts",
        "People entering immigration detention (2023)\tabout 24,000",
        "Time limit on immigration detention\tNone",
    ],
    [
        "Statistics",
        "According to the Home Office, about 24,000 people entered immigration detention",
        "in 2023, up from about 19,000 in 2022.",
        "The United Kingdom has no statutory time limit on immigration detention.",
    ],
    [
        "Treaties and institutions",
        "The United Kingdom ratified the International Covenant on Civil and Political Rights in 1976.",
        "Independent Monitoring Boards and HM Inspectorate of Prisons visit immigration removal centres.",
    ],
]


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


def malaysia_docx() -> bytes:
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = "Submission to the Human Rights Council: Malaysia"
    props.author = "Habeas demo"
    props.created = props.modified = datetime(2024, 1, 15, tzinfo=UTC)
    props.last_printed = datetime(2024, 1, 15, tzinfo=UTC)
    props.revision = 1
    for kind, content in MALAYSIA_PARAGRAPHS:
        if kind == "heading":
            document.add_heading(str(content), level=1)
        elif kind == "bullet":
            document.add_paragraph(str(content), style="List Bullet")
        elif kind == "table":
            rows = list(content)
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(content))
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip_times(buffer.getvalue())


def _fixed_zip_times(data: bytes) -> bytes:
    """Re-pack the .docx with fixed member timestamps so the bytes do not change between runs."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 15, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def united_kingdom_pdf() -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for number, lines in enumerate(UK_PAGES, start=1):
        page = doc.new_page(width=595, height=842)
        y = 72.0
        for line in lines:
            cells = line.split("\t")
            for col, cell in enumerate(cells):
                page.insert_text((60 + col * 300, y), cell, fontsize=13 if y == 72 else 10)
            y += 26
        page.insert_text((500, 815), f"{number}/{len(UK_PAGES)}", fontsize=9)
    doc.set_metadata({
        "title": "United Kingdom Immigration Detention Data Profile",
        "author": "Habeas demo",
        "creationDate": "D:20240201000000Z",
        "modDate": "D:20240201000000Z",
        "producer": "Habeas make_demo.py",
        "creator": "Habeas make_demo.py",
    })
    return doc.tobytes(garbage=3, deflate=True, no_new_id=True)


def main() -> None:
    outputs = {
        HERE / "malaysia-submission.docx": malaysia_docx(),
        HERE / "united-kingdom-profile.pdf": united_kingdom_pdf(),
    }
    for path, data in outputs.items():
        state = "written" if _write_if_changed(path, data) else "unchanged"
        print(f"{path.relative_to(HERE.parent)}: {state}")


if __name__ == "__main__":
    main()
