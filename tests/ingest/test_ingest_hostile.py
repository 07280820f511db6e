"""Files Habeas must refuse with a clear, coded error naming the file, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import ingest_corpus as corpus
import pytest

from habeas.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    NoTextLayer,
    UnreadablePath,
    UnsupportedFormat,
)
from habeas.ingest import document_from_bytes, load_document

LIMIT = 10_000_000


def _refused(path: Path, error: type[Exception], max_bytes: int = LIMIT) -> Exception:
    with pytest.raises(error) as info:
        load_document(path, max_bytes=max_bytes)
    assert info.value.path == str(path)  # type: ignore[attr-defined]
    return info.value


def test_missing_path(tmp_path: Path) -> None:
    assert "no such file" in str(_refused(tmp_path / "nope.pdf", UnreadablePath))


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    _refused(tmp_path, UnreadablePath)


def test_unreadable_path(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Some text.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running with privileges that read chmod 000 files (root)")
        assert "permission" in str(_refused(path, UnreadablePath))
    finally:
        path.chmod(0o644)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _refused(path, EmptyFile)


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text("   \n\n\t \n")
    _refused(path, EmptyFile)


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 200)
    assert "limit" in str(_refused(path, FileTooLarge, max_bytes=100))


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    assert "binary" in str(_refused(path, CorruptFile))


def test_unsupported_extension_is_named(tmp_path: Path) -> None:
    path = tmp_path / "data.xyz"
    path.write_text("hello")
    assert "'.xyz'" in str(_refused(path, UnsupportedFormat))


def test_legacy_word_file(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".docx" in str(_refused(path, UnsupportedFormat))


def test_encrypted_pdf(tmp_path: Path) -> None:
    _refused(corpus.encrypted_pdf(tmp_path / "locked.pdf"), EncryptedFile)


def test_truncated_pdf(tmp_path: Path) -> None:
    path = corpus.truncated_pdf(tmp_path / "cut.pdf", tmp_path)
    # MuPDF repairs what it can; a third of a file must either fail as corrupt or lose text.
    try:
        document = load_document(path, max_bytes=LIMIT)
    except (CorruptFile, NoTextLayer) as exc:
        assert exc.path == str(path)
    else:
        assert len(document.text) < sum(len(t) for t in corpus.PAGE_TEXTS)


def test_garbage_named_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"this is not a pdf at all\n" * 10)
    assert "%PDF" in str(_refused(path, CorruptFile))


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    assert "OCR" in str(_refused(corpus.image_only_pdf(tmp_path / "scan.pdf"), NoTextLayer))


def test_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    _refused(path, CorruptFile)


def test_content_beats_a_wrong_extension(tmp_path: Path) -> None:
    path = corpus.multipage_pdf(tmp_path / "download.txt")
    assert load_document(path, max_bytes=LIMIT).media_type == "application/pdf"


def test_bytes_errors_name_the_upload() -> None:
    with pytest.raises(EmptyFile) as info:
        document_from_bytes(b"", "upload.pdf")
    assert info.value.path == "upload.pdf"
    with pytest.raises(CorruptFile) as corrupt:
        document_from_bytes(b"\x00\x01\x02\x03" * 100, "upload.txt")
    assert corrupt.value.path == "upload.txt"


def test_html_error_page_saved_as_pdf_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_text("<!DOCTYPE html><html><body><p>Access denied for Greece report.</p></body></html>")
    document = load_document(path, max_bytes=LIMIT)
    assert document.media_type == "text/html"
    assert document.text == "Access denied for Greece report."
