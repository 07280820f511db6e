"""Linear models shipped inside the package, applied in plain Python.

Training (``habeas train``) uses scikit-learn; applying a model needs only its
weights, so extraction does not import scikit-learn or numpy. A model is a
JSON file: classes, one weight per (feature, class), one bias per class, and
the decision threshold chosen by cross-validation.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

MODEL_NAMES = ("events", "statuses", "statistics")


@dataclass(frozen=True)
class LinearModel:
    name: str
    classes: tuple[str, ...]
    weights: Mapping[str, Mapping[str, float]]  # feature -> class -> weight
    bias: Mapping[str, float]
    threshold: float = 0.5
    trained_on: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index = {cls: i for i, cls in enumerate(self.classes)}
        rows = {feature: tuple((index[cls], weight) for cls, weight in row.items())
                for feature, row in self.weights.items()}
        object.__setattr__(self, "_rows", rows)
        object.__setattr__(self, "_bias", [float(self.bias.get(cls, 0.0)) for cls in self.classes])

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        """Softmax over the classes (a one-vs-rest model with two classes is a logistic)."""
        scores = list(self._bias)  # type: ignore[attr-defined]
        rows = self._rows  # type: ignore[attr-defined]
        for feature, value in features.items():
            row = rows.get(feature)
            if row:
                for i, weight in row:
                    scores[i] += weight * value
        top = max(scores)
        exp = [math.exp(score - top) for score in scores]
        total = sum(exp)
        return {cls: exp[i] / total for i, cls in enumerate(self.classes)}

    def best(self, features: Mapping[str, float]) -> tuple[str, float]:
        probs = self.probabilities(features)
        cls = max(self.classes, key=lambda c: (probs[c], c))
        return cls, probs[cls]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "classes": list(self.classes), "threshold": self.threshold,
                "bias": dict(self.bias), "trained_on": dict(self.trained_on),
                "weights": {f: dict(sorted(r.items())) for f, r in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        return cls(name=data["name"], classes=tuple(data["classes"]), weights=data["weights"],
                   bias=data["bias"], threshold=float(data["threshold"]),
                   trained_on=data.get("trained_on", {}))


@dataclass(frozen=True)
class Models:
    """The scoring models one extraction uses, by name."""

    by_name: Mapping[str, LinearModel]

    def get(self, name: str) -> LinearModel | None:
        return self.by_name.get(name)


@lru_cache(maxsize=1)
def shipped_models() -> Models:
    """The models in ``habeas/extract/scorer/models/``, read once per process (they are
    package data, like the vocabularies). A missing file is an error, not an empty
    model: a broken install must not silently extract less."""
    folder = resources.files("habeas.extract.scorer") / "models"
    loaded = {}
    for name in MODEL_NAMES:
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        loaded[name] = LinearModel.from_json(data)
    return Models(loaded)
