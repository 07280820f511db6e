"""Passages are paragraph ranges of the unchanged text."""

from __future__ import annotations

from habeas.domain.document import Page
from habeas.ingest.passages import MAX_PASSAGE_CHARS, split_passages


def _texts(text: str, pages: list[Page] | None = None) -> list[str]:
    return [text[p.start_char:p.end_char] for p in split_passages(text, pages or [])]


def test_blank_lines_separate_paragraphs() -> None:
    assert _texts("  First one.\n\n\nSecond\n  \nThird.  ") == ["First one.", "Second", "Third."]


def test_hard_wrapped_lines_join_into_one_paragraph() -> None:
    line = "word " * 15
    text = f"Heading\n{line}\n{line}\n{line}\nend of it.\n{line}\n{line}\nlast line.\n- a bullet point"
    assert _texts(text) == [
        "Heading",
        f"{line}\n{line}\n{line}\nend of it.",
        f"{line}\n{line}\nlast line.",
        "- a bullet point",
    ]


def test_one_paragraph_per_line_text() -> None:
    text = "Short title\nA first paragraph that is long enough to be a full line of prose here.\nTwo."
    assert _texts(text) == ["Short title", text.split("\n")[1], "Two."]


def test_table_rows_stay_together() -> None:
    assert _texts("Year\tCount\n2020\t5\n2021\t7\nAfter the table.") == [
        "Year\tCount\n2020\t5\n2021\t7",
        "After the table.",
    ]


def test_long_paragraph_splits_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} says something about detention." for i in range(100))
    passages = split_passages(text, [])
    assert len(passages) > 1
    assert all(p.end_char - p.start_char <= MAX_PASSAGE_CHARS for p in passages)
    assert all(text[p.end_char - 1] == "." for p in passages)
    assert " ".join(text[p.start_char:p.end_char] for p in passages) == text


def test_passages_do_not_cross_pages_and_know_their_page() -> None:
    text = "page one text\n\npage two text"
    pages = [Page(1, 0, 13), Page(2, 15, len(text))]
    passages = split_passages(text, pages)
    assert [(text[p.start_char:p.end_char], p.page) for p in passages] == [
        ("page one text", 1),
        ("page two text", 2),
    ]


def test_no_text_no_passages() -> None:
    assert split_passages("", []) == []
