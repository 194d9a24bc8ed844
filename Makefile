# fjordjobs: every target works on a fresh machine with Python 3.11 and a package index.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
# uv installs the locked versions in seconds where pip takes a minute; the Makefile fetches it from the
# package index with pip, and falls back to pip alone where uv cannot reach the index pip is set up for.
UV      := uv==0.13.9
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: install demo test lint typecheck pytest bench eval lock clean screens

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check $(UV)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements.lock \
	  || $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e . \
	  || $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/fjordjobs demo

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install
	$(BIN)/mypy spiders pipeline matching flows warehouse demo hunt benchmarks web
	$(BIN)/mypy --strict pipeline matching

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
	$(BIN)/uv pip freeze --python $(BIN)/python --exclude-editable | grep -v -e '^fjordjobs' -e '^uv==' > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache

# Screenshots of every page of `fjordjobs web` (desktop and 390 px) into reports/screens/, for review by eye.
screens: install
	FJORDJOBS_SCREENS=1 $(BIN)/pytest -q tests/test_web_browser.py
