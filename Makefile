# Two commands for a fresh machine with only Python: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's metadata changed (safe to repeat).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/newsreader

test: $(VENV)/.installed-test
	@command -v tmux >/dev/null || sh .ci/install-tmux
	$(BIN)/ruff check store tui tests
	$(BIN)/python -m pytest -q

# The fuzz targets of the suite with many more generated examples (a bounded few in `make test`).
fuzz: $(VENV)/.installed-test
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-3000} $(BIN)/python -m pytest -q tests/test_fuzz.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check store tui tests

bench: $(VENV)/.installed-test
	$(BIN)/python tests/bench/extraction.py ../shared/bench/extraction
	$(BIN)/python tests/bench/timex.py ../shared/bench/timex/dev.jsonl
	$(BIN)/python tests/bench/quotes.py ../shared/bench/quotes/dev.jsonl
	$(BIN)/python tests/bench/voices.py ../shared/bench/quotes/dev.jsonl
	$(BIN)/python tests/bench/app.py
	$(BIN)/python tests/bench/notebook.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
