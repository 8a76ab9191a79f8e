# Two commands for a fresh machine with only Python 3 on it:
#   make run    set up, then clean the seeds into out/
#   make test   set up, then run the tests
#   make lint   set up, then check the import contract of pyproject.toml (the layout)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/cleanseed clean seeds/000_f40d5da0bd9190a7.txt seeds/001_0ccc9cf2ea06e653.txt --output-dir out
	@echo "cleaned seeds written to out/"

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/lint-imports

clean-venv:
	rm -rf $(VENV)
