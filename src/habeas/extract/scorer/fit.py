"""Fit a linear model on labelled candidates (scikit-learn), deterministically.

Only ``habeas train`` imports this module; extraction applies the fitted
weights with ``habeas.extract.scorer.model`` and needs no scikit-learn. The
fit is deterministic: the examples arrive in a fixed order, features are
sorted, the solver (lbfgs) has no random start, and weights are rounded.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from habeas.errors import HabeasError
from habeas.extract.scorer.model import LinearModel

MIN_FEATURE_COUNT = 3  # a feature seen once or twice says more about its document than about facts
MIN_WEIGHT = 0.02  # smaller weights move no decision; dropping them keeps the shipped model small
REGULARISATION = 0.5  # scikit-learn's C; chosen by cross-validation (see habeas train)


class TrainingUnavailable(HabeasError):
    code = "training_unavailable"


def fit(name: str, examples: Sequence[Mapping[str, float]], labels: Sequence[str],
        weights: Sequence[float], *, threshold: float, c: float = REGULARISATION,
        trained_on: Mapping[str, Any] | None = None) -> LinearModel:
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise TrainingUnavailable(
            "training needs scikit-learn: pip install 'habeas[train]' (extraction does not)") from exc
    counts: Counter[str] = Counter(f for features in examples for f in features)
    kept = [{f: v for f, v in features.items() if counts[f] >= MIN_FEATURE_COUNT} for features in examples]
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise TrainingUnavailable(f"model {name!r}: the gold gives only the class {classes}")
    vectoriser = DictVectorizer(sort=True)
    matrix = vectoriser.fit_transform(kept)
    model = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
    model.fit(matrix, list(labels), sample_weight=list(weights))
    names = vectoriser.get_feature_names_out()
    fitted = [str(c) for c in model.classes_]
    coef = model.coef_
    intercept = model.intercept_
    if len(fitted) == 2:  # scikit-learn keeps one row for two classes: the second class's logit
        coef = [-coef[0] / 2, coef[0] / 2]
        intercept = [-intercept[0] / 2, intercept[0] / 2]
    table: dict[str, dict[str, float]] = {}
    for j, feature in enumerate(names):
        row = {fitted[i]: round(float(coef[i][j]), 3) for i in range(len(fitted))}
        row = {k: v for k, v in row.items() if abs(v) >= MIN_WEIGHT}
        if row:
            table[str(feature)] = row
    bias = {fitted[i]: round(float(intercept[i]), 4) for i in range(len(fitted))}
    return LinearModel(name=name, classes=tuple(fitted), weights=table, bias=bias,
                       threshold=threshold, trained_on=dict(trained_on or {}))
