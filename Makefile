# Two commands: `make site` installs and builds the site into site/;
# `make test` installs everything the tests need and runs them.
# `make check` runs the content checks contributors see (also run by `make test`).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve lint format system-deps requirements clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.site-installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

site: $(VENV)/.site-installed
	$(BIN)/mkdocs build --strict

check: $(VENV)/.site-installed
	$(BIN)/python scripts/check_content.py

serve: $(VENV)/.site-installed
	$(BIN)/mkdocs serve

system-deps:
	@sh scripts/install-system-deps.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: system-deps $(VENV)/.dev-installed node_modules/.installed lint check
	$(BIN)/python -m pytest

# Regenerate the hashed lock files after editing requirements*.in. To move pins forward:
#   make requirements PIP_COMPILE_ARGS=--upgrade
#   make requirements PIP_COMPILE_ARGS="--upgrade-package mkdocs-material"
PIP_COMPILE_ARGS ?=
requirements: $(VENV)/.dev-installed
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe $(PIP_COMPILE_ARGS) -o requirements.txt requirements.in
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe $(PIP_COMPILE_ARGS) -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .cache
