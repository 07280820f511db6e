"""The learned scorers: plain-Python application, deterministic fitting, labels from gold."""

from __future__ import annotations

import json
import math

import pytest

from habeas.domain import Document
from habeas.extract.analysis import analyse
from habeas.extract.candidates.events import propose_events
from habeas.extract.candidates.statistics import propose_statistics
from habeas.extract.scorer.labels import event_labels, locate, statistic_labels
from habeas.extract.scorer.model import MODEL_NAMES, LinearModel, shipped_models


def test_probabilities_are_a_softmax_of_the_weighted_features() -> None:
    model = LinearModel("t", ("a", "b", "none"), {"x": {"a": 2.0}, "y": {"b": 1.0, "none": -1.0}},
                        {"a": 0.0, "b": 0.0, "none": 0.5})
    probs = model.probabilities({"x": 1.0, "y": 1.0, "unknown": 1.0})
    scores = {"a": 2.0, "b": 1.0, "none": -0.5}
    total = sum(math.exp(v) for v in scores.values())
    assert probs == pytest.approx({k: math.exp(v) / total for k, v in scores.items()})
    assert model.best({"x": 1.0}) == ("a", pytest.approx(probs["a"] * 0 + model.probabilities({"x": 1.0})["a"]))


def test_shipped_models_load_and_round_trip() -> None:
    models = shipped_models()
    for name in MODEL_NAMES:
        model = models.get(name)
        assert model is not None and "none" in model.classes and 0 < model.threshold < 1
        assert model.trained_on["documents"] > 50
        again = LinearModel.from_json(json.loads(json.dumps(model.to_json())))
        assert again.to_json() == model.to_json()


_TEXT = ("Ruritania 2031 Human Rights Report\n\nOn May 5, police deported 120 migrants to the border. "
         "The ministry said 4,500 refugees lived in the country at the end of the year. "
         "Officials met on June 2 to discuss the budget.\n")
_GOLD = [{"type": "event", "kind": "deportation", "date": "2031-05-05", "quote": "police deported 120 migrants"},
         {"type": "statistic", "indicator": "refugees", "value": 4500, "unit": "persons", "date": "2031-12",
          "quote": "4,500 refugees lived in the country"}]


def _analysed():  # type: ignore[no-untyped-def]
    return analyse(Document(sha256="x", filename="r.txt", media_type="text/plain", text=_TEXT, published="2031"))


def test_candidates_are_generous_and_labels_come_from_gold_quotes() -> None:
    analysed = _analysed()
    events = propose_events(analysed)
    assert [c.fields["date"] for c in events] == ["2031", "2031-05-05", "2031", "2031-06-02"]
    assert events[1].fields["count"] == 120 and "count" not in events[3].fields  # "June 2" is a day
    assert event_labels(analysed.text, events, _GOLD) == ["none", "deportation", "none", "none"]
    figures = propose_statistics(analysed)
    labels = statistic_labels(analysed.text, figures, _GOLD)
    assert dict(zip([c.fields["value"] for c in figures], labels, strict=True)) == {120.0: "none", 4500.0: "refugees"}
    assert locate("a  b\nc", "b c") == (3, 6) and locate("abc", "zz") is None


def test_fitting_is_deterministic() -> None:
    pytest.importorskip("sklearn")  # the test extra installs it; extraction does not need it
    from habeas.extract.scorer.fit import fit

    examples = [{"w=deported": 1.0, "count": 1.0}, {"w=met": 1.0}, {"w=deported": 1.0}, {"w=budget": 1.0},
                {"w=deported": 1.0, "count": 1.0}, {"w=met": 1.0, "w=budget": 1.0}] * 3
    labels = ["deportation", "none", "deportation", "none", "deportation", "none"] * 3
    first = fit("events", examples, labels, [1.0] * len(labels), threshold=0.5).to_json()
    second = fit("events", examples, labels, [1.0] * len(labels), threshold=0.5).to_json()
    assert first == second
    model = LinearModel.from_json(first)
    assert model.best({"w=deported": 1.0, "count": 1.0})[0] == "deportation"
    assert model.best({"w=met": 1.0})[0] == "none"
