# Two commands do everything on a fresh machine:
#   make demo   build the workspace from the bundled data and serve the app on 127.0.0.1
#   make test   install everything (Python packages, local Neo4j, Chromium) and run all checks
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup neo4j-launcher browser lint unit clean-workspace

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(BIN)/chipwatch demo

neo4j-launcher:
	bash scripts/build-neo4j-launcher.sh

browser:
	bash scripts/install-browser.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy chipwatch graph ingest app.py $(wildcard pages)

unit: setup
	$(BIN)/pytest

test: setup neo4j-launcher browser lint unit
