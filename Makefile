# One entry point for every check, the same for a person and for CI.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: help install demo test quick check format lint typecheck pytest examples docs bench clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)  ## create .venv if needed and install the package with the dev tools

demo: $(STAMP)  ## run the Kon Tum 2023 walkthrough
	$(BIN)/python examples/kon_tum_2023.py

format: $(STAMP)  ## rewrite files with the formatter
	$(BIN)/ruff format src tests examples benchmarks tools docs
	$(BIN)/ruff check --fix src tests examples benchmarks tools docs

lint: $(STAMP)
	$(BIN)/ruff format --check src tests examples benchmarks tools docs
	$(BIN)/ruff check src tests examples benchmarks tools docs

typecheck: $(STAMP)
	$(BIN)/mypy --strict
	$(BIN)/mypy --strict docs/conftest.py

pytest: $(STAMP)  ## the whole test suite, with line and branch coverage and its floor
	rm -f .coverage
	HYPOTHESIS_PROFILE=ci $(BIN)/coverage run -m pytest
	$(BIN)/coverage report
	$(BIN)/python tools/coverage_floor.py

quick: $(STAMP)  ## the edit-test loop, under two minutes: lint, types, the fast tests (no coverage)
	$(BIN)/ruff check src tests
	$(BIN)/mypy --strict
	HYPOTHESIS_PROFILE=quick $(BIN)/python -m pytest -q -x -m "not slow and not packaging" tests src

examples: $(STAMP)  ## run every script in examples/
	@set -e; for f in examples/*.py; do echo "== $$f"; $(BIN)/python $$f > /dev/null; done

docs: $(STAMP)  ## build the docs site strictly
	$(BIN)/python tools/build_docs.py

bench: $(STAMP)  ## bulk rollup benchmark: antq_domain.bulk vs pandas vs parse-only (several minutes)
	$(BIN)/python benchmarks/rollup_bench.py

test: lint typecheck pytest examples docs  ## everything CI runs

clean:
	rm -rf $(VENV) build dist site .cache .mypy_cache .pytest_cache .ruff_cache .hypothesis .coverage
