# Warta: the two commands a new user needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit install train-ner bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## demo: process the bundled examples (and ../shared/corpus when present) into SQLite, then serve the dashboard
demo: $(STAMP)
	@$(BIN)/python -m warta.demo --shared $(SHARED)

## test: ruff, mypy and the test suite
test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

## train-ner: retrain the committed Indonesian NER model from ../shared/data/ner
train-ner: $(STAMP)
	$(BIN)/python -m warta.entities.train --shared $(SHARED)

## bench: throughput and per-stage cost on the IndoSum corpus
bench: $(STAMP)
	$(BIN)/pip install -q -e '.[dev,bench]'
	$(BIN)/python bench/throughput.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
