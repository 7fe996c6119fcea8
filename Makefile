# Portalis developer entry points. Every target works from a clean clone on Debian 12:
# it creates .venv, installs the project (again whenever pyproject.toml changes), and
# installs the system packages the tests need (rustc & co.) when they are missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# rustup installs the toolchain here; Debian's apt packages land in /usr/bin instead.
export PATH := $(HOME)/.cargo/bin:$(PATH)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Lives inside the venv: a recreated venv has no stamp, so it is reinstalled too.
STAMP := $(VENV)/.portalis-installed
DEMO := examples/demo.py
# lsp_server/ is type-checked as soon as it has code.
MYPY_PATHS := backend $(if $(wildcard lsp_server/*.py),lsp_server)
PYTEST_WORKERS ?= 2

.PHONY: help demo test test-fast lint pytest bench fmt system-deps clean

help:
	@echo "make demo    translate $(DEMO) to Rust and check it against CPython"
	@echo "make test    lint (ruff, mypy, import contracts) and run the test suite"
	@echo "make test-fast  the tests not marked slow (golden Rust per family, stage units): no rustc, under a minute"
	@echo "make bench   quality, real programs, runtime speed, engine speed, editor latency, Triton load (benchmarks/results/)"
	@echo "make fmt     format and auto-fix with ruff"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

system-deps:
	@scripts/ensure-system-deps.sh

demo: system-deps $(STAMP)
	@echo "== portalis translate $(DEMO)"
	$(BIN)/portalis translate $(DEMO)
	@echo "== portalis check $(DEMO)  (runs the demo under CPython and as Rust)"
	$(BIN)/portalis check $(DEMO)
	@echo "== portalis-lsp: a scripted editor session over stdio (hover + Translate to Rust)"
	$(BIN)/python examples/lsp_demo.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy $(MYPY_PATHS)
	$(BIN)/lint-imports --no-logo

pytest: system-deps $(STAMP)
	@scripts/ensure-vscode-e2e.sh
	$(BIN)/pytest -n $(PYTEST_WORKERS) tests

test: system-deps lint pytest

# The inner loop: no rustc, no editors, no Triton, no kubectl (the `slow` marker, see
# pyproject.toml); tests/test_golden.py compares the emitted Rust per family.
test-fast: $(STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not slow" tests

BENCH_STAMP := $(VENV)/.portalis-bench-installed

$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench]'
	touch $@

bench: system-deps $(STAMP) $(BENCH_STAMP)
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/real_programs.py
	$(BIN)/python benchmarks/runtime_speed.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/lsp_latency.py
	$(BIN)/python benchmarks/triton_load.py
	@echo "results written to benchmarks/results/{quality,real_programs,runtime_speed,speed,lsp_latency,triton_load}.json"

fmt: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf .mypy_cache .ruff_cache .pytest_cache build dist
