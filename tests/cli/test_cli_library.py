"""The CLI as a user runs it (in-process with Typer's CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from habeas.cli.app import app

runner = CliRunner()

TEXT = (
    "Detention of migrants in Malaysia\n\n"
    "According to SUHAKAM, 12,000 migrants were held in immigration depots in 2023. "
    "Malaysia has not ratified the 1951 Refugee Convention.\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HABEAS_DATA_DIR", str(tmp_path / "data"))
    from habeas.settings import get_settings

    get_settings.cache_clear()
    yield {"db": f"sqlite:///{tmp_path / 'lib.db'}"}
    get_settings.cache_clear()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_ingest_list_show_delete(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "malaysia.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("ingest", str(source), "--db", env["db"])
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output

    again = run("ingest", str(source), "--db", env["db"])
    assert again.exit_code == 0 and "1 already in library" in again.output

    listed = run("docs", "list", "--format", "json", "--db", env["db"])
    docs = json.loads(listed.output)
    assert len(docs) == 1 and docs[0]["country"] == "MYS"

    shown = run("docs", "show", str(docs[0]["id"]), "--text", "--format", "json", "--db", env["db"])
    assert json.loads(shown.output)["text"].startswith("Detention of migrants in Malaysia")

    filtered = json.loads(run("docs", "list", "--country", "GRC", "--format", "json", "--db", env["db"]).output)
    assert filtered == []

    deleted = run("docs", "delete", str(docs[0]["id"]), "--db", env["db"])
    assert deleted.exit_code == 0
    assert json.loads(run("docs", "list", "--format", "json", "--db", env["db"]).output) == []


def test_global_db_option_and_directories_and_globs(env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "reports" / "nested"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "reports" / "b.md").write_text(TEXT.replace("12,000", "13,500"), encoding="utf-8")
    result = run("--db", env["db"], "ingest", str(tmp_path / "reports"))
    assert result.exit_code == 0, result.output
    assert "2 ingested" in result.output
    (tmp_path / "c.txt").write_text(TEXT.replace("12,000", "9,000"), encoding="utf-8")
    result = run("--db", env["db"], "ingest", str(tmp_path / "*.txt"))
    assert "1 ingested" in result.output


def test_bad_files_give_one_line_each_and_non_zero_exit(env: dict[str, str], tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("ingest", str(empty), str(good), str(tmp_path / "missing.pdf"), "--db", env["db"])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "missing.pdf" in result.output
    assert "1 ingested" in result.output and "2 failed" in result.output


def test_invalid_options_are_refused(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run("ingest", str(source), "--country", "XXX", "--db", env["db"]).exit_code == 2
    assert run("ingest", str(source), "--kind", "novel", "--db", env["db"]).exit_code == 2
    assert run("ingest", str(source), "--date", "last year", "--db", env["db"]).exit_code == 2
    assert run("docs", "show", "999", "--db", env["db"]).exit_code == 3


def test_extract_prints_interchange_jsonl_without_touching_a_library(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("extract", str(source))
    assert result.exit_code == 0, result.output
    for line in result.output.splitlines():
        fact = json.loads(line)
        assert fact["type"] and fact["quote"] in TEXT
        assert 0 <= fact["confidence"] <= 1
    assert not (tmp_path / "habeas.db").exists()


def test_db_upgrade_is_idempotent(env: dict[str, str]) -> None:
    first = run("db", "upgrade", "--db", env["db"])
    second = run("db", "upgrade", "--db", env["db"])
    assert first.exit_code == second.exit_code == 0
    assert "revision" in second.output


def test_no_extract_then_extract_all(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "malaysia.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run("ingest", str(source), "--no-extract", "--db", env["db"]).exit_code == 0
    [doc] = json.loads(run("docs", "list", "--format", "json", "--db", env["db"]).output)
    assert doc["facts"] == 0
    result = run("extract-all", "--db", env["db"])
    assert result.exit_code == 0 and "1 documents re-extracted" in result.output
    [doc] = json.loads(run("docs", "list", "--format", "json", "--db", env["db"]).output)
    assert doc["facts"] > 0


# A State Department-style section that names neither its country nor its year in the body.
_UNDATED = ("Protection of Refugees\n\nOn May 5, police arrested 40 asylum seekers in a raid on a market "
            "in the capital. Refugees from Chad lived in camps near the border with Chad.\n")


def _events(result) -> list[dict]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return [f for f in map(json.loads, result.output.splitlines()) if f["type"] == "event"]


def test_extract_takes_the_report_context_from_the_user(env: dict[str, str], tmp_path: Path) -> None:
    source = tmp_path / "section.txt"
    source.write_text(_UNDATED, encoding="utf-8")
    given = _events(run("extract", str(source), "--title", "Cameroon 2022 Human Rights Report",
                        "--kind", "state-report", "--publisher", "U.S. Department of State"))
    assert given and all(e["country"] == "CMR" for e in given)
    assert any(e["date"] == "2022-05-05" for e in given)
    dated = _events(run("extract", str(source), "--date", "2019", "--country", "CMR"))
    assert any(e["date"] == "2019-05-05" for e in dated)
    assert run("extract", str(source), "--date", "last spring").exit_code == 1
    assert run("extract", str(source), "--kind", "novel").exit_code == 1
