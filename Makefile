# make run: set up (if needed), load the bundled record into the default SQLite database and
# assess Union Resolve 2022 from it.
# make test: set up (if needed), then ruff, mypy (strict) and pytest.
# make fuzz: the fuzz suite (tests/test_fuzz.py) at FUZZ_EXAMPLES inputs per target (10,000);
# not part of make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint typecheck pytest docs check-docs bench clean fuzz

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

WORLD_ATLAS := node_modules/world-atlas/countries-50m.json
COUNTRIES := src/csbm/data/zone/countries.geojson

# Natural Earth boundaries come from the npm registry at set-up (never at run time); npm
# stamps the files with 1985, hence the touch.
$(WORLD_ATLAS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(COUNTRIES): $(WORLD_ATLAS) src/csbm/rules/zone_build.py $(STAMP)
	$(BIN)/python -m csbm.rules.zone_build $(WORLD_ATLAS) $@

# The web app's front-end libraries, from the npm registry at set-up; the app serves them
# itself (no CDN, no network at run time).
VENDOR := src/csbm/web/static/vendor
VENDOR_FILES := $(VENDOR)/leaflet/leaflet.js $(VENDOR)/leaflet/leaflet.css \
	$(VENDOR)/chart.js/chart.umd.min.js \
	$(VENDOR)/vis-timeline/vis-timeline-graph2d.min.js \
	$(VENDOR)/vis-timeline/vis-timeline-graph2d.min.css
$(VENDOR_FILES) &: $(WORLD_ATLAS)
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/chart.js $(VENDOR)/vis-timeline
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css \
		node_modules/leaflet/LICENSE $(VENDOR)/leaflet/
	cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/LICENSE.md \
		$(VENDOR)/chart.js/
	cp node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js \
		node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css \
		node_modules/vis-timeline/LICENSE.md node_modules/vis-timeline/LICENSE.MIT.txt \
		$(VENDOR)/vis-timeline/
	touch $(VENDOR_FILES)

install: $(STAMP) $(COUNTRIES) $(VENDOR_FILES)

# The main job on the embedded SQLite default: the bundled record into the database (an
# unchanged dossier is left alone), then Union Resolve 2022 assessed from it.
run: install
	$(BIN)/csbm db init
	$(BIN)/csbm db import --bundled
	$(BIN)/csbm assess union-resolve-2022 --db default

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: install
	$(BIN)/mypy

pytest: install
	$(BIN)/pytest

test: lint typecheck pytest

FUZZ_EXAMPLES ?= 10000
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -W ignore::hypothesis.errors.HypothesisWarning \
		--hypothesis-show-statistics tests/test_fuzz.py

docs: install
	$(BIN)/python -m csbm.docgen write

check-docs: install
	$(BIN)/python -m csbm.docgen check

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache node_modules $(COUNTRIES) $(VENDOR)

# BENCH_N=100000 make bench for the full-size generated run.
BENCH_N ?= 2000
BATCH_N ?= 5000
bench: install
	$(BIN)/python -m benchmarks.record
	$(BIN)/python -m benchmarks.assess $(BENCH_N)
	$(BIN)/python -m benchmarks.store $(BENCH_N) --no-assess
	$(BIN)/python -m benchmarks.extract
	$(BIN)/python -m benchmarks.batch $(BATCH_N)
	$(BIN)/python -m benchmarks.web
