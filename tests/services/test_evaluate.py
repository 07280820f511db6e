"""`evaluate` pairs documents with gold files, extracts, scores and sums; `habeas eval` prints it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from habeas.domain import Document, FactType
from habeas.errors import InputError, UnreadablePath
from habeas.extract import ExtractionResult
from habeas.extract.spans import make_fact
from habeas.services import evaluate as evaluate_module
from habeas.services.evaluate import evaluate, read_gold

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
GOLD = SEEDS.parent / "gold"

TEXT = "Figures for Utopia.\nIn 2021 the authorities held 1,500 people in immigration detention.\n"


def _fake_extract(document: Document, models: object = None) -> ExtractionResult:
    """A stand-in extractor: one statistic on the figure, so scores do not depend on real extractors."""
    start = document.text.index("1,500")
    fact = make_fact(document, FactType.STATISTIC, start, start + 5,
                     {"indicator": "immigration_detainees", "value": 1500, "unit": "persons", "date": "2021"},
                     extractor="fake@1", rule="test", confidence=0.9)
    wrong = make_fact(document, FactType.STATISTIC, start, start + 5,
                      {"indicator": "immigration_detainees", "value": 15, "unit": "persons", "date": "2021"},
                      extractor="fake@1", rule="test", confidence=0.1)
    return ExtractionResult(facts=[fact, wrong], problems=["fake@1: nothing serious"])


def _gold_line(**fact: object) -> str:
    return json.dumps({"country": "UTO", "quote": "q", **fact})


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (docs / "a.txt").write_text(TEXT, encoding="utf-8")
    (docs / "b.txt").write_text(TEXT, encoding="utf-8")
    (docs / "no_gold.txt").write_text(TEXT, encoding="utf-8")
    (gold / "a.jsonl").write_text("\n".join([
        _gold_line(type="statistic", indicator="immigration_detainees", value=1500, unit="persons", date="2021"),
        _gold_line(type="treaty", treaty="CAT", action="ratification", year=1998),
    ]) + "\n", encoding="utf-8")
    (gold / "b.jsonl").write_text("\n".join([
        _gold_line(type="statistic", indicator="immigration_detainees", value=15, unit="persons",
                   date="2021", optional=True),
        "",
    ]), encoding="utf-8")
    (gold / "orphan.jsonl").write_text(_gold_line(type="treaty", treaty="CAT", action="signature", year=1990))
    monkeypatch.setattr(evaluate_module, "extract_facts", _fake_extract)
    yield gold, docs


def test_evaluate_scores_each_document_and_sums_counts(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    report = evaluate(gold, docs)
    assert [d.name for d in report.documents] == ["a", "b"]
    a, b = report.documents
    assert (a.report.overall.tp, a.report.overall.fp, a.report.overall.fn) == (1, 1, 1)
    # b: the 1500 prediction is a false positive; the 15 one matched an optional fact and counts nothing
    assert (b.report.overall.tp, b.report.overall.fp, b.report.overall.fn) == (0, 1, 0)
    assert (report.total.overall.tp, report.total.overall.fp, report.total.overall.fn) == (1, 2, 1)
    assert report.total.matched_optional == 1
    assert report.gold_without_document == ["orphan.jsonl"]
    assert a.country == "UTO"  # taken from the gold file when nothing else says
    assert a.problems == ["fake@1: nothing serious"]
    assert a.n_gold == 2 and a.n_predicted == 2


def test_country_override_wins(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    assert {d.country for d in evaluate(gold, docs, country="ATL").documents} == {"ATL"}


def test_misses_and_false_positives_carry_document_and_quote(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    report = evaluate(gold, docs)
    assert [(m.document, m.type) for m in report.total.misses] == [("a", "treaty")]
    assert all(fp.quote == "1,500" for fp in report.total.false_positives)
    data = report.to_dict(errors=True)
    assert data["overall"]["tp"] == 1 and len(data["misses"]) == 1


def test_bad_gold_line_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"type": "law"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_gold(path)


def test_missing_directories_raise(tmp_path: Path) -> None:
    with pytest.raises(UnreadablePath):
        evaluate(tmp_path / "nope", tmp_path)


def _app() -> typer.Typer:
    from habeas.cli.evaluate import eval_command

    app = typer.Typer()
    app.command("eval")(eval_command)
    app.command("noop")(lambda: None)  # two commands, so "eval" stays a sub-command
    return app


def test_cli_table_ends_with_overall(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    result = CliRunner().invoke(_app(), ["eval", "--gold", str(gold), "--docs", str(docs), "--errors"])
    assert result.exit_code == 0, result.output
    tail = [line for line in result.output.splitlines() if line.strip()][-3:]
    assert any("OVERALL" in line for line in tail)
    assert "False positives (2)" in result.output and "Misses (1)" in result.output
    assert "1,500" in result.output


def test_cli_json_is_one_object(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    result = CliRunner().invoke(_app(), ["eval", "--gold", str(gold), "--docs", str(docs), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["overall"] == {"tp": 1, "fp": 2, "fn": 1, "precision": pytest.approx(1 / 3, abs=1e-4),
                               "recall": 0.5, "f1": pytest.approx(0.4)}
    assert "misses" not in data


def test_cli_rejects_unknown_format(corpus: tuple[Path, Path]) -> None:
    gold, docs = corpus
    result = CliRunner().invoke(_app(), ["eval", "--gold", str(gold), "--docs", str(docs), "--format", "xml"])
    assert result.exit_code == 2


@pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.is_dir()), reason="../shared/seeds and ../shared/gold absent")
def test_real_seeds_are_all_evaluated_and_counts_add_up() -> None:
    report = evaluate(GOLD, SEEDS)
    assert len(report.documents) == len(list(GOLD.glob("*.jsonl")))
    for doc in report.documents:
        required = sum(1 for g in read_gold(doc.gold_path) if not g.get("optional"))
        overall = doc.report.overall
        assert overall.tp + overall.fn == required
        assert overall.tp + overall.fp <= doc.n_predicted
