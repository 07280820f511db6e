"""Train the scoring models from every gold file there is, and measure them by cross-validation.

Gold comes from three places: the project's corpora (``tests/gold_corpus*``,
documents written for Habeas), the seeds with their gold (``shared/seeds``,
``shared/gold``), and real documents annotated blind (``tests/gold_real/<set>``,
whose documents live in ``shared/corpus/<set>``; only the ``dev`` role of each
set's ``SPLIT.tsv`` is used, the blind third is never trained on). Real
documents weigh more than written ones: they are what Habeas is judged on.

Cross-validation is by document: each fold's models are trained without the
fold's documents, which are then extracted and scored like any document. The
decision threshold of each model is the one that gives the best pooled F1.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from habeas.domain import Fact
from habeas.errors import InputError
from habeas.extract import extract_facts
from habeas.extract.analysis import AnalysedDocument, analyse
from habeas.extract.candidates.events import Candidate, propose_events
from habeas.extract.candidates.statistics import propose_statistics
from habeas.extract.candidates.statuses import propose_statuses
from habeas.extract.scorer.fit import fit
from habeas.extract.scorer.labels import event_labels, statistic_labels, status_labels
from habeas.extract.scorer.model import MODEL_NAMES, LinearModel, Models
from habeas.extract.scoring import ScoreReport, score_facts
from habeas.ingest.loader import DocumentOverrides, load_document
from habeas.services.evaluate import read_gold, split_stems

REAL_WEIGHT = 3.0
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
DEFAULT_THRESHOLD = 0.5
MAX_BYTES = 50_000_000

Proposer = Callable[[AnalysedDocument], list[Candidate]]
Labeller = Callable[[str, Sequence[Candidate], Sequence[dict[str, Any]]], list[str]]
_MODELS: dict[str, tuple[Proposer, Labeller]] = {
    "events": (propose_events, event_labels),
    "statuses": (propose_statuses, status_labels),
    "statistics": (propose_statistics, statistic_labels),
}


@dataclass
class GoldDocument:
    name: str
    path: Path
    gold: list[dict[str, Any]]
    weight: float
    analysed: AnalysedDocument | None = None
    real: bool = False  # a third-party document annotated blind (tests/gold_real)

    def load(self) -> AnalysedDocument:
        if self.analysed is None:
            countries = [str(g["country"]) for g in self.gold if g.get("country")]
            country = max(set(countries), key=countries.count) if countries else None
            document = load_document(self.path, max_bytes=MAX_BYTES,
                                     overrides=DocumentOverrides(country=country))
            self.analysed = analyse(document)
        return self.analysed


def _pairs(docs_dir: Path, gold_dir: Path, weight: float, only: set[str] | None,
           prefix: str) -> list[GoldDocument]:
    stems = {p.stem: p for p in sorted(docs_dir.iterdir()) if p.is_file() and not p.name.startswith(".")}
    out = []
    for gold_path in sorted(gold_dir.glob("*.jsonl")):
        stem = gold_path.stem
        if stem in stems and (only is None or stem in only):
            out.append(GoldDocument(f"{prefix}/{stem}", stems[stem], read_gold(gold_path), weight))
    return out


def gold_documents(project: Path, shared: Path) -> list[GoldDocument]:
    """Every document with gold the models may learn from, in a fixed order.

    A corpus folder holding a ``BLIND`` file is left out: it is being kept for a
    first, blind score and must not be learned from before that is recorded.
    """
    tests = project / "tests"
    found: list[GoldDocument] = []
    for corpus in sorted(tests.glob("gold_corpus*")):
        if (corpus / "gold").is_dir() and not (corpus / "BLIND").exists():
            found += _pairs(corpus / "docs", corpus / "gold", 1.0, None, corpus.name)
    if (shared / "seeds").is_dir() and (shared / "gold").is_dir():
        found += _pairs(shared / "seeds", shared / "gold", REAL_WEIGHT, None, "seeds")
    for real in sorted((tests / "gold_real").glob("*")):
        docs = shared / "corpus" / real.name.replace("_", "-")
        if (real / "gold").is_dir() and docs.is_dir():
            only = split_stems(real / "SPLIT.tsv", "dev") if (real / "SPLIT.tsv").exists() else None
            for doc in _pairs(docs, real / "gold", REAL_WEIGHT, only, real.name):
                doc.real = True
                found.append(doc)
    if not found:
        raise InputError("no gold documents found", path=str(project))
    return found


def examples_for(name: str, documents: Sequence[GoldDocument]) -> tuple[list[dict[str, float]], list[str], list[float]]:
    propose, label = _MODELS[name]
    features: list[dict[str, float]] = []
    labels: list[str] = []
    weights: list[float] = []
    for doc in documents:
        analysed = doc.load()
        candidates = propose(analysed)
        features += [c.features for c in candidates]
        labels += label(analysed.text, candidates, doc.gold)
        weights += [doc.weight] * len(candidates)
    return features, labels, weights


def train_models(documents: Sequence[GoldDocument], thresholds: dict[str, float]) -> Models:
    trained = {}
    for name in MODEL_NAMES:
        features, labels, weights = examples_for(name, documents)
        trained[name] = fit(name, features, labels, weights, threshold=thresholds.get(name, DEFAULT_THRESHOLD),
                            trained_on={"documents": len(documents), "examples": len(labels),
                                        "positives": sum(1 for x in labels if x != "none")})
    return Models(trained)


@dataclass
class CrossValidation:
    folds: int
    thresholds: dict[str, float]
    learned: ScoreReport = field(default_factory=ScoreReport)  # rules and models
    rules_only: ScoreReport = field(default_factory=ScoreReport)
    real_learned: ScoreReport = field(default_factory=ScoreReport)
    real_rules_only: ScoreReport = field(default_factory=ScoreReport)


def _is_real(doc: GoldDocument) -> bool:
    return doc.real


def _keep(fact: Fact, thresholds: dict[str, float]) -> bool:
    if not fact.rule.startswith("model:"):
        return True
    name = fact.rule.split(":")[1]
    return fact.confidence >= thresholds[name]


def cross_validate(documents: Sequence[GoldDocument], folds: int = 5) -> CrossValidation:
    """Document-level k-fold cross-validation of the whole extraction with fold-trained models."""
    low = {name: min(THRESHOLDS) for name in MODEL_NAMES}
    predictions: list[tuple[GoldDocument, list[Fact]]] = []
    for k in range(folds):
        held = [d for i, d in enumerate(documents) if i % folds == k]
        train = [d for i, d in enumerate(documents) if i % folds != k]
        models = train_models(train, low)
        for doc in held:
            predictions.append((doc, extract_facts(doc.load(), models).facts))

    def score(thresholds: dict[str, float], *, learned: bool = True,
              which: Callable[[GoldDocument], bool] = lambda d: True) -> ScoreReport:
        total = ScoreReport()
        for doc, facts in predictions:
            if not which(doc):
                continue
            kept = [f.to_interchange() for f in facts
                    if (_keep(f, thresholds) if learned else not f.rule.startswith("model:"))]
            total.merge(score_facts(doc.gold, kept, document=doc.name))
        return total

    def objective(thresholds: dict[str, float]) -> float:
        """Real documents are what Habeas is judged on, the written corpora guard the rest:
        the mean of the two F1s."""
        return (score(thresholds).overall.f1 + score(thresholds, which=_is_real).overall.f1) / 2

    chosen = {name: max(THRESHOLDS) for name in MODEL_NAMES}
    for _ in range(2):  # one model at a time, the others at their current choice; twice
        for name in MODEL_NAMES:
            chosen[name] = max(THRESHOLDS, key=lambda t: (objective({**chosen, name: t}), t))
    return CrossValidation(folds, chosen, learned=score(chosen), rules_only=score(chosen, learned=False),
                           real_learned=score(chosen, which=_is_real),
                           real_rules_only=score(chosen, learned=False, which=_is_real))


def models_folder(project: Path) -> Path:
    return project / "src" / "habeas" / "extract" / "scorer" / "models"


def write_models(models: Models, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in sorted(models.by_name.items()):
        path = folder / f"{name}.json"
        path.write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written


def shipped_thresholds(models: Models) -> dict[str, float]:
    return {name: model.threshold for name, model in models.by_name.items()}


__all__ = ["CrossValidation", "GoldDocument", "LinearModel", "cross_validate", "gold_documents",
           "train_models", "write_models"]
