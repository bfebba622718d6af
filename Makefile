PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# rustup installs cargo here; a login shell may not have it on PATH yet
export PATH := $(HOME)/.cargo/bin:$(PATH)
CORE := core/Cargo.toml $(wildcard core/src/*.rs)

.PHONY: install browser demo test bench eval clean-venv

install: $(STAMP)

# The package and its Rust engine (cleaner._core, built by maturin) in editable mode.
$(STAMP): pyproject.toml $(CORE)
	@command -v cargo >/dev/null || { echo "cleaner needs a Rust toolchain to build its engine: install one with rustup (https://rustup.rs)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	@for f in seeds/*.txt; do \
		echo "=================== $$f"; \
		$(BIN)/cleaner clean $$f --format annotated; \
	done

# The review page's test drives the system chromium; installed once, skipped when it cannot be.
browser:
	@{ command -v chromium && test -x /usr/bin/chromedriver; } >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium chromium-driver; } \
		|| echo "chromium could not be installed: the browser test will be skipped"

test: install browser
	cargo test -q --release --manifest-path core/Cargo.toml
	$(BIN)/python -m pytest
	$(BIN)/cleaner golden check fixtures

bench: install
	$(BIN)/python bench/run.py --write bench/RESULTS.md

clean-venv:
	rm -rf $(VENV)
