# Two commands set everything up on a fresh machine with Python 3.11+:
#   make run    create .venv if needed, install, open the window
#   make test   the same set-up, then lint, type check, layer contracts and the whole test suite
#               (headless)
# For people who will not use a terminal (packaging/README.md):
#   make package            the one-folder bundle in dist/careerplanner/, the archive users
#                           download (dist/careerplanner-VERSION-linux-ARCH.tar.gz), smoke-tested
#   make install-desktop    add Career Planner to your applications menu (the bundle if built,
#                           else .venv's launcher; EXEC=PATH to choose); uninstall-desktop removes it

PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { echo $$p; break; }; done)
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PACKAGE_STAMP := $(VENV)/.installed-package
VERSION := $(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' src/careerplanner/__init__.py)
ARCHIVE := dist/careerplanner-$(VERSION)-linux-$(shell uname -m).tar.gz
BUNDLE := dist/careerplanner
# The smoke test's window check under a virtual X server: auto (if Xvfb is there), require, skip.
SMOKE_X11 ?= auto

.PHONY: run test lint bench clean install package install-desktop uninstall-desktop

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Career Planner needs Python 3.11 or newer on PATH"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/careerplanner

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools packaging
	$(BIN)/ruff format --check src tests benchmarks tools packaging
	$(BIN)/lint-imports
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run.py

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,package]'
	@touch $(PACKAGE_STAMP)

package: $(PACKAGE_STAMP)
	rm -rf build/careerplanner $(BUNDLE) $(ARCHIVE)
	$(BIN)/pyinstaller --noconfirm --log-level ERROR packaging/careerplanner.spec
	tar -C dist --sort=name --owner=0 --group=0 --numeric-owner \
		--transform 'flags=r;s,^careerplanner,careerplanner-$(VERSION),' \
		-czf $(ARCHIVE) careerplanner
	@du -sh $(BUNDLE) $(ARCHIVE)
	$(BIN)/python packaging/smoke_test.py $(ARCHIVE) --x11 $(SMOKE_X11)

install-desktop:
	@if [ -n "$(EXEC)" ]; then exe="$(EXEC)"; \
	elif [ -x $(BUNDLE)/careerplanner ]; then exe="$(abspath $(BUNDLE))/careerplanner"; \
	else $(MAKE) --no-print-directory install && exe="$(abspath $(BIN))/careerplanner"; fi; \
	sh packaging/linux/install-desktop.sh --exec "$$exe"

uninstall-desktop:
	sh packaging/linux/install-desktop.sh --uninstall

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
