# Two commands: `make site` installs and builds the site into site/;
# `make system-deps && make test` installs everything the tests need and runs them.
# `make check` runs the content checks contributors see (the tests run them too).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test check serve lint format system-deps requirements clean flyer-preview verify-qr

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The project's own package (src/vneid_site) is installed in editable mode, so hooks, scripts,
# tests and the flyer worker import it; its dependencies come from the hashed lock files.
$(VENV)/.site-installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# Bytecode of the project's own modules, as pip writes it for every package it installs: an
# editable install gets none, and where PYTHONDONTWRITEBYTECODE is set every build would
# compile them again (0.1 s). Only what changed since the last run is compiled.
BYTECODE := $(BIN)/python -m compileall -q src hooks scripts

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(VENV)/.site-installed

# What scripts/verify_qr.py reads QR codes with, on top of the site build.
$(VENV)/.verify-installed: requirements-verify.txt $(VENV)/.site-installed
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-verify.txt
	touch $@

# --ignore-scripts: no package's install script runs on a developer's machine or in CI.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

site: $(VENV)/.site-installed
	$(BYTECODE)
	$(BIN)/mkdocs build --strict

# Every QR code of the built site/ read back: each must open its own page under SITE_URL.
verify-qr: $(VENV)/.verify-installed
	$(BIN)/python scripts/verify_qr.py site

check: $(VENV)/.site-installed
	$(BIN)/python scripts/check_content.py

serve: $(VENV)/.site-installed
	$(BYTECODE)
	$(BIN)/mkdocs serve

# The flyer and poster templates with their sample data, and the print pack's contents page:
# preview/.
flyer-preview: $(VENV)/.site-installed
	$(BIN)/python scripts/preview_flyer.py
	$(BIN)/python scripts/preview_flyer.py --poster
	$(BIN)/python scripts/preview_flyer.py --pack
	$(BIN)/python scripts/preview_flyer.py --office

system-deps:
	@sh scripts/install-system-deps.sh

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/zizmor --offline --quiet .github/workflows

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Debian packages (Chromium) are not installed here: `make system-deps` does that, once.
test: $(VENV)/.dev-installed node_modules/.installed lint
	$(BYTECODE)
	$(BIN)/python -m pytest

# Regenerate the hashed lock files after editing requirements*.in. To move pins forward:
#   make requirements PIP_COMPILE_ARGS=--upgrade
#   make requirements PIP_COMPILE_ARGS="--upgrade-package mkdocs-material"
PIP_COMPILE_ARGS ?=
# No index or wheel folder of the machine that compiles goes into the lock files.
COMPILE := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url \
	--no-emit-find-links
requirements: $(VENV)/.dev-installed
	$(BIN)/pip-compile $(COMPILE) $(PIP_COMPILE_ARGS) -o requirements.txt requirements.in
	$(BIN)/pip-compile $(COMPILE) $(PIP_COMPILE_ARGS) -o requirements-verify.txt requirements-verify.in
	$(BIN)/pip-compile $(COMPILE) $(PIP_COMPILE_ARGS) -o requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .cache preview
