# The team's habits. `make run` and `make test` are all a new machine needs (Python 3.11).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# pytest-xdist workers for the tests without the browser: one per core.
TEST_WORKERS ?= auto

.PHONY: run classroom test test-fast test-browser lint format messages bench bench-cluster bench-classroom bench-live screenshots check-deploy clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --site http://127.0.0.1:$(PORT)
	@# The worker closes timed attempts at their deadline (README, "The worker"); Ctrl+C stops both.
	$(PY) manage.py run_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# A classroom on a laptop: serves the local network (every interface, the laptop's LAN address
# allowed) through gunicorn on the embedded SQLite, with the background worker; prints the address students open.
classroom: $(VENV)/.installed
	$(PY) deploy/classroom.py --port $(PORT)

# Everything: the migrations are complete, the tests without the browser in parallel (pytest-xdist,
# a process per core, each with its own test database and Redis database), then the browser tests
# in a pass of their own (one Chromium, one live server).
test: $(VENV)/.installed
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) --dist worksteal
	$(PY) -m pytest -m browser

# What a developer runs between edits: the tests without the browser, in parallel.
test-fast: $(VENV)/.installed
	$(PY) -m pytest -m "not browser" -n $(TEST_WORKERS) --dist worksteal

test-browser: $(VENV)/.installed
	$(PY) -m pytest -m browser

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Needs GNU gettext. The compiled .mo files are committed, so `make run` does not.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale tr --locale en --ignore ".venv/*" --ignore "bench/*" --ignore "tests/*" --no-obsolete --no-location
	$(PY) manage.py compilemessages --ignore ".venv/*"

bench: $(VENV)/.installed
	$(PY) bench/bench_generation.py
	$(PY) bench/bench_reports.py
	$(PY) bench/bench_http.py

# The production profile: nginx, two gunicorn instances (deploy/), PostgreSQL and Redis; one instance killed midway.
bench-cluster: $(VENV)/.installed
	$(PY) bench/bench_cluster.py

# 40 students at once against `make classroom`.
bench-classroom: $(VENV)/.installed
	$(PY) bench/bench_classroom.py

# The live game: nginx, two daphne processes, PostgreSQL and Redis; 300 players in one game (a process
# killed mid-game), then 25 games x 40 players.
bench-live: $(VENV)/.installed
	$(PY) bench/bench_live.py

screenshots: $(VENV)/.installed
	$(PY) bench/screenshots.py

check-deploy: $(VENV)/.installed
	DEBUG=0 SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-enough-secret-key-value ALLOWED_HOSTS=example.org \
	  REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/0} $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles screenshots
