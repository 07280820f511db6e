"""Guards on the set of extractors: what is registered, how failures surface, no silent imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from habeas.domain import Document
from habeas.extract import extract_facts
from habeas.extract import registry as registry_module
from habeas.extract.registry import RegisteredExtractor, registered_extractors

# Changing an extractor's output means bumping its version (stored facts name it, and
# extract-all tells stale facts by it); adding or dropping one is a decision. Either
# changes this snapshot on purpose.
SNAPSHOT = {
    "cases@5": ["case"], "events@5": ["event"], "events_scored@1": ["event"],
    "facilities@6": ["facility"], "institutions@5": ["institution"], "laws@3": ["law"],
    "recommendations@4": ["recommendation"], "statistics.profile_table@2": ["statistic"],
    "statistics.prose@5": ["statistic"], "statistics.table@3": ["statistic"],
    "statistics_scored@1": ["statistic"], "statuses@3": ["status"], "statuses_scored@1": ["status"],
    "treaties@3": ["treaty"],
}
SRC = Path(__file__).resolve().parents[2] / "src" / "habeas"


def test_registered_extractors_match_the_snapshot() -> None:
    got = {e.id: [t.value for t in e.produces] for e in registered_extractors()}
    assert got == SNAPSHOT


def test_an_extractor_that_raises_is_a_recorded_problem_and_the_others_still_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(document: Document) -> list:  # type: ignore[type-arg]
        raise ValueError("bad pattern")

    registered = {e.name: e for e in registered_extractors()}
    registered["laws"] = RegisteredExtractor("laws", 3, registered["laws"].produces, broken)
    monkeypatch.setattr(registry_module, "_REGISTRY", registered)
    text = ("Ruritania ratified the Convention against Torture in 1998. "
            "The Aliens Act of 2004 allows detention for up to 180 days.")
    document = Document(sha256="x", filename="x.txt", media_type="text/plain", text=text,
                        country="ZZZ", published="2024")
    result = extract_facts(document)
    assert result.problems == ["laws@3: ValueError: bad pattern"]
    assert {f.type.value for f in result.facts} >= {"treaty", "statistic"}
    assert all(f.type.value != "law" for f in result.facts)


def _swallowing_handlers(path: Path) -> list[int]:
    """Lines of ``except ImportError`` / ``ModuleNotFoundError`` handlers that do not raise."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ExceptHandler) or node.type is None:
            continue
        names = [n.id for n in ast.walk(node.type) if isinstance(n, ast.Name)]
        if {"ImportError", "ModuleNotFoundError"} & set(names) and not any(
                isinstance(n, ast.Raise) for n in ast.walk(node)):
            lines.append(node.lineno)
    return lines


def test_no_import_error_is_swallowed() -> None:
    """A missing module must fail loudly, not leave an extractor or command silently absent."""
    found = {str(p.relative_to(SRC)): lines for p in SRC.rglob("*.py") if (lines := _swallowing_handlers(p))}
    assert found == {}
