# Two commands do all set-up on a fresh machine:
#   make demo   - install, extract + ingest the seeds into the embedded store, print scores and stats
#   make test   - install everything (Python deps, Chromium, Neo4j from Maven Central) and run all tests
PY ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
SHARED ?= ../shared

.PHONY: install system-deps demo test scores bench bench-100k clean

$(BIN)/phoihop: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,spark]'
	touch $(BIN)/phoihop

install: $(BIN)/phoihop

system-deps:
	bash scripts/install_system_deps.sh

demo: install
	$(BIN)/phoihop ingest $(SHARED)/corpus/seeds --store ./phoihop-data
	$(BIN)/phoihop stats --store ./phoihop-data
	$(BIN)/python bench/seed_scores.py --shared $(SHARED)

scores: install
	$(BIN)/python bench/seed_scores.py --shared $(SHARED)

test: install system-deps
	$(BIN)/python -m pytest -q -p no:cacheprovider

bench: install system-deps
	$(BIN)/python bench/seed_scores.py --shared $(SHARED)
	$(BIN)/python bench/run.py --sizes 1000,10000 --neo4j --workers 2 --out bench/results.md

# About 45 minutes on 2 cores; needs ~15 GB of memory and ~15 GB of disk under $$TMPDIR.
bench-100k: install system-deps
	PHOIHOP_EMBEDDED_MEMORY_MB=6144 PHOIHOP_NEO4J_HEAP=8g PHOIHOP_NEO4J_PAGECACHE=6g \
	  $(BIN)/python bench/run.py --sizes 100000 --neo4j --workers 2 --out bench/results-100k.md

clean:
	rm -rf $(VENV) phoihop-data test-artifacts
