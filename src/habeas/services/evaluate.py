"""Score the extractors against hand-made gold files: the project's yardstick.

For every document in ``docs_dir`` whose file stem has a gold file
``<stem>.jsonl`` in ``gold_dir``, load it the way ``habeas ingest`` would, run
every registered extractor, and score the interchange dicts with
:mod:`habeas.extract.scoring`. Counts are summed over documents, so the corpus
figure is a micro-average and a long document weighs more than a short one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from habeas.domain import Document
from habeas.errors import HabeasError, InputError, UnreadablePath
from habeas.extract import extract_facts
from habeas.extract.scoring import ScoreReport, score_facts
from habeas.ingest.loader import DocumentOverrides, load_document
from habeas.settings import get_settings

if TYPE_CHECKING:
    from habeas.extract.scorer.model import Models

GOLD_SUFFIX = ".jsonl"


@dataclass(slots=True)
class DocumentEvaluation:
    """One document's score and what it took to get it."""

    name: str
    path: Path
    gold_path: Path
    country: str | None
    n_gold: int
    n_predicted: int
    report: ScoreReport
    problems: list[str] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        return {"name": self.name, "path": str(self.path), "gold": str(self.gold_path),
                "country": self.country, "gold_facts": self.n_gold, "predicted_facts": self.n_predicted,
                "problems": list(self.problems), **self.report.to_dict(errors=errors)}


@dataclass(slots=True)
class EvaluationReport:
    """Per-document scores, the corpus micro-average, and gold files left without a document."""

    documents: list[DocumentEvaluation] = field(default_factory=list)
    total: ScoreReport = field(default_factory=ScoreReport)
    gold_without_document: list[str] = field(default_factory=list)

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        return {"documents": [d.to_dict(errors=errors) for d in self.documents],
                "gold_without_document": list(self.gold_without_document),
                **self.total.to_dict(errors=errors)}


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The facts of one gold JSON Lines file; a bad line is an input error naming the line."""
    facts: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadablePath(f"cannot read gold file: {exc.strerror or exc}", path=str(path)) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} is not JSON: {exc.msg}", path=str(path)) from exc
        if not isinstance(fact, dict) or "type" not in fact:
            raise InputError(f"line {number} is not a fact object with a 'type'", path=str(path))
        facts.append(fact)
    return facts


def _load(path: Path, *, country: str | None, max_bytes: int | None) -> Document:
    """Load with the ingest loader, as ``habeas ingest`` would."""
    if max_bytes is None:
        max_bytes = get_settings().max_file_size_bytes
    return load_document(path, max_bytes=max_bytes, overrides=DocumentOverrides(country=country))


def _gold_country(gold: Sequence[Mapping[str, Any]]) -> str | None:
    countries = [str(g["country"]) for g in gold if g.get("country")]
    return max(set(countries), key=countries.count) if countries else None


def _document_paths(docs_dir: Path) -> dict[str, Path]:
    """Stem -> path; of several files sharing a stem the first by name wins."""
    found: dict[str, Path] = {}
    for path in sorted(p for p in docs_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        found.setdefault(path.stem, path)
    return found


def evaluate_document(path: Path, gold: list[dict[str, Any]], *, gold_path: Path,
                      country: str | None = None, max_bytes: int | None = None,
                      models: Models | None = None) -> DocumentEvaluation:
    """Load, extract and score one document against its gold facts."""
    try:
        document = _load(path, country=country, max_bytes=max_bytes)
    except HabeasError as exc:  # an unreadable document scores as "found nothing", visibly
        report = score_facts(gold, [], document=path.stem)
        return DocumentEvaluation(name=path.stem, path=path, gold_path=gold_path, country=country,
                                  n_gold=len(gold), n_predicted=0, report=report,
                                  problems=[f"load: {exc.code}: {exc}"])
    document.country = country or document.country or _gold_country(gold)
    result = extract_facts(document, models)
    predicted = [fact.to_interchange() for fact in result.facts]
    report = score_facts(gold, predicted, document=path.stem)
    return DocumentEvaluation(name=path.stem, path=path, gold_path=gold_path, country=document.country,
                              n_gold=len(gold), n_predicted=len(predicted), report=report,
                              problems=list(result.problems))


def split_stems(split_file: Path, role: str) -> set[str]:
    """The document stems a split file (``role<TAB>stem`` lines, ``#`` comments) gives ``role``."""
    try:
        lines = Path(split_file).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadablePath(f"cannot read split file: {exc.strerror or exc}", path=str(split_file)) from exc
    stems = {parts[1].strip() for line in lines if line.strip() and not line.startswith("#")
             and len(parts := line.split("\t")) >= 2 and parts[0].strip() == role}
    if not stems:
        raise InputError(f"no document has the role {role!r}", path=str(split_file))
    return stems


def evaluate(gold_dir: Path, docs_dir: Path, *, country: str | None = None,
             max_bytes: int | None = None, only: set[str] | None = None,
             models: Models | None = None) -> EvaluationReport:
    """Extract from every document that has a gold file and score it.

    ``country`` overrides the detected country (useful when a corpus is about
    one country); otherwise the loader's guess is used, else the gold file's.
    """
    gold_dir, docs_dir = Path(gold_dir), Path(docs_dir)
    for directory, what in ((gold_dir, "gold"), (docs_dir, "documents")):
        if not directory.is_dir():
            raise UnreadablePath(f"{what} directory not found", path=str(directory))
    docs = _document_paths(docs_dir)
    evaluation = EvaluationReport()
    for gold_path in sorted(gold_dir.glob(f"*{GOLD_SUFFIX}")):
        stem = gold_path.name[: -len(GOLD_SUFFIX)]
        if only is not None and stem not in only:
            continue
        doc_path = docs.get(stem)
        if doc_path is None:
            evaluation.gold_without_document.append(gold_path.name)
            continue
        scored = evaluate_document(doc_path, read_gold(gold_path), gold_path=gold_path, country=country,
                                    max_bytes=max_bytes, models=models)
        evaluation.documents.append(scored)
        evaluation.total.merge(scored.report)
    return evaluation
