# fjordjobs: every target works on a fresh machine with Python 3.11 and a package index.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export PREFECT_HOME := $(CURDIR)/.prefect
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install demo test lint typecheck pytest bench eval lock clean screens

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/fjordjobs demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy spiders pipeline matching flows warehouse demo hunt benchmarks web

pytest: install
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: install
	$(BIN)/python -m benchmarks.run

eval: install
	$(BIN)/python -m pipeline.evaluate
	$(BIN)/python -m matching.evaluate

# Re-resolve the pinned versions after changing dependencies in pyproject.toml.
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^fjordjobs' > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache landing reports

# Screenshots of every page of `fjordjobs web` (desktop and 390 px) into reports/screens/, for review by eye.
screens: install
	FJORDJOBS_SCREENS=1 $(BIN)/pytest -q tests/test_web_browser.py
