"""The ingest entry points: path or bytes in, a complete Document out.

Checks that can be made without reading (missing, unreadable, empty, too
large) come first so a user hears the real reason rather than a parser's
complaint. Metadata is layered: what the user says wins, then what the file
carries, then what the text suggests.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from habeas.domain.document import DOCUMENT_KINDS, Document, ExtractedText, Page
from habeas.errors import (
    CorruptFile,
    EmptyFile,
    FileTooLarge,
    InputError,
    UnreadablePath,
)
from habeas.ingest import detect
from habeas.ingest.passages import split_passages
from habeas.ingest.registry import (
    EXTENSIONS,
    KNOWN_UNSUPPORTED,
    extension_of,
    reader_for,
    sniff_media_type,
)
from habeas.text.dates import parse_date
from habeas.text.gazetteer import country_code


@dataclass
class DocumentOverrides:
    """Metadata given on the command line or upload form; None means "detect"."""

    country: str | None = None
    kind: str | None = None
    publisher: str | None = None
    published: str | None = None
    title: str | None = None
    url: str | None = None
    confidential: bool = False


def _human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def load_document(path: Path, *, max_bytes: int, overrides: DocumentOverrides | None = None) -> Document:
    """Read and parse the file at ``path``. Raises InputError subclasses with path=str(path)."""
    return document_from_bytes(read_file(path, max_bytes=max_bytes), Path(path).name, overrides=overrides,
                               where=str(path))


def read_file(path: Path, *, max_bytes: int) -> bytes:
    """The bytes of the file at ``path``, after the checks that need no parsing."""
    path = Path(path)
    where = str(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise UnreadablePath("no such file", path=where) from None
    except OSError as exc:
        raise UnreadablePath(f"cannot access file: {exc.strerror or exc}", path=where) from None
    if path.is_dir():
        raise UnreadablePath("is a directory, not a file", path=where)
    if not os.access(path, os.R_OK):
        raise UnreadablePath("permission denied: the file is not readable", path=where)
    if stat.st_size == 0:
        raise EmptyFile("empty file (0 bytes)", path=where)
    if stat.st_size > max_bytes:
        raise FileTooLarge(
            f"file is {_human_size(stat.st_size)}, over the limit of {_human_size(max_bytes)}",
            path=where,
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnreadablePath(f"cannot read file: {exc.strerror or exc}", path=where) from None


def document_from_bytes(data: bytes, filename: str, *, overrides: DocumentOverrides | None = None,
                        where: str | None = None) -> Document:
    """Parse a file's bytes (an upload, or a file already read); errors carry ``where``
    (by default ``filename``) as their path."""
    where = where or filename
    if not data:
        raise EmptyFile("empty file (0 bytes)", path=where)
    return _build(data, Path(filename).name, overrides, where)


def _read(data: bytes, filename: str, where: str) -> ExtractedText:
    try:
        media_type = sniff_media_type(data, filename)
        reader = reader_for(media_type)
        extracted = reader(data, filename)
    except InputError as exc:
        exc.path = exc.path or where
        raise type(exc)(exc.message, path=exc.path) from exc.__cause__
    except Exception as exc:  # parsers of hostile files fail in many ways; all mean "corrupt"
        raise CorruptFile(f"could not parse the file: {exc}", path=where) from exc
    if not extracted.text.strip():
        raise EmptyFile("the file holds no text", path=where)
    return extracted


def reread_pages(data: bytes, filename: str, stored_text: str) -> list[Page] | None:
    """Pages with their word boxes, read again from a stored original.

    The library does not store word boxes (they cost more to write than to
    read); re-extraction gets them back from the original. Returns None when
    the reader now yields a different text, since the boxes' offsets would
    then point at the wrong characters; extraction falls back to text alone.
    """
    try:
        extracted = _read(data, filename, filename)
    except InputError:
        return None
    return extracted.pages if extracted.text == stored_text else None


def _build(data: bytes, filename: str, overrides: DocumentOverrides | None, where: str) -> Document:
    given = overrides or DocumentOverrides()
    extracted = _read(data, filename, where)
    text = extracted.text
    title = _clean(given.title) or extracted.title or detect.detect_title(text)
    kind = _kind(given.kind, where) or detect.detect_kind(
        text, title, media_type=extracted.media_type, has_pages=extracted.has_pages
    )
    return Document(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename,
        media_type=extracted.media_type,
        text=text,
        pages=extracted.pages,
        passages=split_passages(text, extracted.pages),
        title=title,
        publisher=_clean(given.publisher) or extracted.publisher,
        published=_published(given.published, where) or extracted.published
        or detect.detect_published(text, title),
        country=_country(given.country, where) or detect.detect_country(text, title),
        kind=kind,
        url=_clean(given.url) or extracted.url,
        confidential=given.confidential,
        size_bytes=len(data),
    )


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None


def _country(value: str | None, where: str) -> str | None:
    if not _clean(value):
        return None
    code = country_code(value or "")
    if code is None:
        raise InputError(f"unknown country {value!r}: give an ISO code such as KAZ or a name", path=where)
    return code


def _kind(value: str | None, where: str) -> str | None:
    if not _clean(value):
        return None
    kind = (value or "").strip().lower()
    if kind not in DOCUMENT_KINDS:
        raise InputError(f"unknown kind {value!r}: use one of {', '.join(DOCUMENT_KINDS)}", path=where)
    return kind


def _published(value: str | None, where: str) -> str | None:
    if not _clean(value):
        return None
    iso = parse_date((value or "").strip())
    if iso is None or "/" in iso:
        raise InputError(f"cannot read date {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD", path=where)
    return iso


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _files_under(root: Path, problems: list[tuple[str, str]]) -> list[Path]:
    """Readable files under a directory, sorted. Documents of formats Habeas cannot read
    (.doc, .xlsx ...) are reported as skipped; anything else (scripts, images) is ignored."""
    found: list[Path] = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or _is_hidden(path, root):
            continue
        ext = extension_of(path.name)
        if ext and ext in EXTENSIONS:
            found.append(path)
        elif ext in KNOWN_UNSUPPORTED:
            problems.append((str(path), f"skipped: unsupported file type {ext or '(no extension)'!r}"))
    return found


def expand_inputs(args: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files, directories (recursively) and glob patterns to a de-duplicated file list.

    Explicit file arguments are kept whatever their type (the reader will say
    if it cannot read them); directory and pattern expansion skip hidden files.
    Returns (files, [(argument, problem)]).
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for arg in args:
        path = Path(arg)
        found: list[Path] = []
        if path.is_file():
            found = [path]
        elif path.is_dir():
            found = _files_under(path, problems)
            if not found:
                problems.append((arg, "directory holds no readable documents"))
        elif glob.has_magic(arg):
            for match in sorted(glob.glob(arg, recursive=True)):
                match_path = Path(match)
                if match_path.is_file():
                    found.append(match_path)
                elif match_path.is_dir():
                    found.extend(_files_under(match_path, problems))
            if not found:
                problems.append((arg, "pattern matched no files"))
        else:
            problems.append((arg, "no such file or directory"))
        files.extend(found)
    unique = list(dict.fromkeys(files))
    return unique, problems
