# The two commands: `make run` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup setup-test system-deps system-deps-test bench lint clean

run: setup system-deps
	$(BIN)/habeas db upgrade
	$(BIN)/habeas demo load --if-empty examples
	$(BIN)/habeas summary --facts 10
	$(BIN)/habeas serve --host 127.0.0.1 --port 8000

test: setup-test system-deps-test
	@scripts/start-postgres.sh
	$(BIN)/pytest -n 2 --dist loadfile

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

setup-test: $(STAMP)

system-deps:
	@scripts/system-deps.sh run

system-deps-test:
	@scripts/system-deps.sh test

bench: setup
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/extract.py

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/mypy

clean:
	rm -rf $(VENV) habeas.db habeas.db-* habeas-data
