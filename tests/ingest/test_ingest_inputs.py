"""Expanding command-line arguments into the files to ingest."""

from __future__ import annotations

from pathlib import Path

from habeas.ingest import expand_inputs


def test_files_directories_and_patterns(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b.pdf", "a.txt", "sub/c.html", ".hidden/x.txt", ".dot.txt", "sub/notes.xlsx"):
        (tmp_path / name).write_text("x")
    files, problems = expand_inputs([str(tmp_path)])
    assert files == [tmp_path / "a.txt", tmp_path / "b.pdf", tmp_path / "sub" / "c.html"]
    assert [p for _, p in problems] == ["skipped: unsupported file type '.xlsx'"]

    files, problems = expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "a.txt")])
    assert files == [tmp_path / "a.txt"] and problems == []


def test_arguments_matching_nothing_are_reported(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    files, problems = expand_inputs([str(tmp_path / "missing.pdf"), str(tmp_path / "*.docx"), str(tmp_path / "empty")])
    assert files == []
    assert [p for _, p in problems] == [
        "no such file or directory",
        "pattern matched no files",
        "directory holds no readable documents",
    ]
