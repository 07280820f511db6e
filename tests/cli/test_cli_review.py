"""The review and hand-entry commands as an editor types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from habeas.cli.app import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HABEAS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HABEAS_EDITOR", "cli-editor")
    from habeas.settings import get_settings

    get_settings.cache_clear()
    yield f"sqlite:///{tmp_path / 'lib.db'}"
    get_settings.cache_clear()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_add_edit_reject_history(db: str) -> None:
    added = run("facts", "add", "statistic", "indicator=refugees", "value=510", "date=2020-07",
                "--country", "MYS", "--source-note", "UNHCR Malaysia, figures at a glance",
                "--status", "candidate", "--format", "json", "--db", db)
    assert added.exit_code == 0, added.output
    fact_id = json.loads(added.output)["id"]
    edited = run("review", "edit", str(fact_id), "value=520", "--by", "ana", "--format", "json", "--db", db)
    assert json.loads(edited.output)["value"] == 520
    stale = run("review", "edit", str(fact_id), "value=530", "--version", "1", "--db", db)
    assert stale.exit_code == 4 and "changed since" in stale.output
    accepted = run("review", "accept", str(fact_id), "--db", db)
    assert "1 facts accepted" in accepted.output
    listed = json.loads(run("review", "list", "--status", "accepted", "--format", "json", "--db", db).output)
    assert [f["id"] for f in listed] == [fact_id]
    history = json.loads(run("review", "history", str(fact_id), "--format", "json", "--db", db).output)
    assert [h["action"] for h in history] == ["added", "edited", "accepted"]
    assert history[1]["actor"] == "ana" and history[2]["actor"] == "cli-editor"
    assert run("review", "reject", str(fact_id), "--reason", "duplicate", "--db", db).exit_code == 0
    assert run("review", "edit", str(fact_id), "nonsense", "--db", db).exit_code == 2


def test_accept_all_with_filters_and_csv_import(db: str, tmp_path: Path) -> None:
    csv_path = tmp_path / "facts.csv"
    csv_path.write_text("type,country,indicator,value,date,status\n"
                        "statistic,GRC,deportations,1240,2019,candidate\n"
                        "statistic,MYS,deportations,300,2019,candidate\n", encoding="utf-8")
    assert run("facts", "import", str(csv_path), "--db", db).exit_code == 2  # no source note
    imported = run("facts", "import", str(csv_path), "--source-note", "Official statistics", "--db", db)
    assert "2 facts imported" in imported.output
    run("review", "accept", "--all", "--country", "GRC", "--db", db)
    statuses = {f["country"]: f["status"] for f in
                json.loads(run("review", "list", "--format", "json", "--db", db).output)}
    assert statuses == {"GRC": "accepted", "MYS": "candidate"}
