"""The serve command is wired into the CLI, and building the app connects to nothing."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from habeas.cli.app import app as cli_app
from habeas.settings import Settings
from habeas.web import create_app


def test_serve_is_a_documented_command() -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--host" in result.output


def test_create_app_does_not_touch_the_database(tmp_path: Path) -> None:
    db_file = tmp_path / "never.db"
    app = create_app(Settings(database_url=f"sqlite:///{db_file}", data_dir=tmp_path / "data"))
    assert app.state.services is None
    assert not db_file.exists()


def test_docs_and_assets_are_local(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    client = TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'h.db'}")))
    docs = client.get("/docs").text
    assert "cdn" not in docs.lower() and "/static/swagger/swagger-ui-bundle.js" in docs
    page = client.get("/library").text
    assert "http://" not in page.split("<main")[0] and "https://" not in page.split("<main")[0]
    assert client.get("/static/htmx.min.js").status_code == 200
