PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test bench eval clean-venv

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	@for f in seeds/*.txt; do \
		echo "=================== $$f"; \
		$(BIN)/cleaner clean $$f --format annotated; \
	done

test: install
	$(BIN)/python -m pytest
	$(BIN)/cleaner golden check fixtures

bench: install
	$(BIN)/python bench/run.py

clean-venv:
	rm -rf $(VENV)
