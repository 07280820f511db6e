"""The README documents every command and every setting (so users can find them)."""

from __future__ import annotations

from pathlib import Path

import typer.main

from habeas.cli.app import app
from habeas.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _command_paths() -> list[str]:
    root = typer.main.get_command(app)
    paths: list[str] = []

    def walk(command, prefix: str) -> None:  # type: ignore[no-untyped-def]
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{prefix} {name}".strip())
        else:
            paths.append(prefix)

    walk(root, "")
    return paths


def test_readme_opens_with_the_two_commands() -> None:
    head = README[:600]
    assert "make run" in head and "make test" in head


def test_every_command_is_documented() -> None:
    missing = [p for p in _command_paths() if f"habeas {p}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_documented() -> None:
    missing = [f"HABEAS_{name.upper()}" for name in Settings.model_fields
               if f"HABEAS_{name.upper()}" not in README]
    assert not missing, f"settings missing from README.md: {missing}"
