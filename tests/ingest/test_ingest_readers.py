"""Each reader on small, well-formed files: text, order, pages, offsets and metadata."""

from __future__ import annotations

from pathlib import Path

import ingest_corpus as corpus
import pytest

from habeas.ingest import load_document

LIMIT = 10_000_000


def test_pdf_pages_keep_their_text_and_offsets(tmp_path: Path) -> None:
    document = load_document(corpus.multipage_pdf(tmp_path / "report.pdf"), max_bytes=LIMIT)
    assert document.media_type == "application/pdf"
    assert [p.number for p in document.pages] == [1, 2, 3]
    for page, expected in zip(document.pages, corpus.PAGE_TEXTS, strict=True):
        assert document.text[page.start_char:page.end_char] == expected
        assert page.width == 595 and page.height == 842
    offset = document.text.index("45 deportations")
    assert document.page_at(offset) == 2


def test_pdf_words_point_into_the_document_text(tmp_path: Path) -> None:
    document = load_document(corpus.multipage_pdf(tmp_path / "report.pdf"), max_bytes=LIMIT)
    words = [w for page in document.pages for w in page.words]
    assert len(words) > 20
    for word in words:
        assert document.text[word.start_char:word.start_char + len(word.text)] == word.text
        assert word.x1 > word.x0 and word.y1 > word.y0


def test_pdf_passages_carry_their_page(tmp_path: Path) -> None:
    document = load_document(corpus.multipage_pdf(tmp_path / "report.pdf"), max_bytes=LIMIT)
    assert [(p.page, document.text[p.start_char:p.end_char]) for p in document.passages] == [
        (i + 1, text) for i, text in enumerate(corpus.PAGE_TEXTS)
    ]


def test_pdf_metadata_title_and_date(tmp_path: Path) -> None:
    path = corpus.multipage_pdf(tmp_path / "r.pdf", title="Detention in Freedonia 2021")
    document = load_document(path, max_bytes=LIMIT)
    assert document.title == "Detention in Freedonia 2021"
    assert document.published == "2021-03-14"


def test_pdf_table_rows_become_tab_separated_lines(tmp_path: Path) -> None:
    document = load_document(corpus.table_pdf(tmp_path / "t.pdf"), max_bytes=LIMIT)
    assert "Year\tDetainees\n2019\t1,234\n2020\t987" in document.text


def test_html_drops_boilerplate_and_keeps_structure(tmp_path: Path) -> None:
    path = tmp_path / "update.html"
    path.write_text(corpus.HTML_PAGE, encoding="utf-8")
    document = load_document(path, max_bytes=LIMIT)
    for boilerplate in ("About us", "Site banner", "Related stories", "Copyright notice", "tracking"):
        assert boilerplate not in document.text
    assert "Officials said that 1,200 people\nwere held in May." in document.text
    assert "- First point\n- Second point" in document.text
    assert "Year\tDetainees\n2022\t3,100" in document.text
    assert (document.title, document.publisher) == ("Detention update", "Example Monitor")
    assert document.published == "2023-05-02"
    assert document.url == "https://monitor.example.org/updates/42"


def test_html_paragraphs_become_passages(tmp_path: Path) -> None:
    path = tmp_path / "update.html"
    path.write_text(corpus.HTML_PAGE, encoding="utf-8")
    document = load_document(path, max_bytes=LIMIT)
    texts = [document.text[p.start_char:p.end_char] for p in document.passages]
    assert texts[0] == "Detention update"
    assert texts[1].startswith("Officials said")


def test_docx_keeps_body_order_tables_and_lists(tmp_path: Path) -> None:
    document = load_document(corpus.docx_file(tmp_path / "d.docx"), max_bytes=LIMIT)
    text = document.text
    assert text.index("Before the table") < text.index("Year\tDetainees\n2020\t512") < text.index("After the table")
    assert "- A listed point" in text
    assert text.startswith("Overview")
    assert document.title == "Detention in Freedonia"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (corpus.ENGLISH.encode("utf-8"), corpus.ENGLISH),
        (corpus.ENGLISH.encode("utf-8-sig"), corpus.ENGLISH),
        (corpus.RUSSIAN.encode("utf-16"), corpus.RUSSIAN),
        (corpus.RUSSIAN.encode("utf-16-le"), corpus.RUSSIAN),
        (corpus.RUSSIAN.encode("cp1251"), corpus.RUSSIAN),
        (corpus.FRENCH.encode("latin-1"), corpus.FRENCH),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16-no-bom", "cp1251", "latin1"],
)
def test_text_encodings_are_decoded(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    assert load_document(path, max_bytes=LIMIT).text == expected


def test_text_line_endings_are_normalised_and_form_feeds_make_pages(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt"
    path.write_bytes(b"first page\r\nline two\fsecond page\f")
    document = load_document(path, max_bytes=LIMIT)
    assert [document.text[p.start_char:p.end_char] for p in document.pages] == [
        "first page\nline two",
        "second page",
    ]
    assert [p.page for p in document.passages] == [1, 1, 2]


def test_markdown_title_from_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Detention in Freedonia\n\nSome text about 40 detainees.\n", encoding="utf-8")
    document = load_document(path, max_bytes=LIMIT)
    assert document.title == "Detention in Freedonia"
    assert document.media_type == "text/markdown"
    assert document.pages == []


def test_sha256_and_size_describe_the_bytes(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "a.txt"
    path.write_bytes(b"Some text about Greece.\n")
    document = load_document(path, max_bytes=LIMIT)
    assert document.sha256 == hashlib.sha256(b"Some text about Greece.\n").hexdigest()
    assert document.size_bytes == 24 and document.filename == "a.txt"


def test_double_spaced_pdf_lines_of_one_sentence_stay_one_paragraph(tmp_path: Path) -> None:
    import pymupdf

    lines = ["Detention in Ruritania", "Officials said that 4,100 people were held in closed",
             "centres in 2023, up from 3,600 in 2022.", "A new law was adopted in May."]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for number, line in enumerate(lines):
        page.insert_text((60, 80 + 26 * number), line, fontsize=10)  # double spacing: a block per line
    path = tmp_path / "double.pdf"
    doc.save(path)
    text = load_document(path, max_bytes=LIMIT).text
    assert "held in closed\ncentres in 2023" in text  # the sentence runs on: a line break
    assert "Ruritania\n\nOfficials" in text  # a title, then a new paragraph
    assert "2022.\n\nA new law" in text  # after a full stop, a new paragraph
