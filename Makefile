# filmsite: `make demo` serves the site with demo content, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: demo test lint format check-migrations backup restore clean

# The virtualenv is rebuilt only when pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The site and, in the background, the worker that makes image renditions (reviews/tasks.py);
# Ctrl-C or the server exiting stops both.
demo: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --noinput -v0
	DJANGO_DEBUG=true $(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST)/ with a background worker (Ctrl-C to stop both)"
	@DJANGO_DEBUG=true $(BIN)/python manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver $(HOST)

# One worker a core (pytest-xdist), each with its own test database.
test: $(STAMP)
	$(BIN)/pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check-migrations: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# Database (pg_dump, or SQLite's online backup API; from DATABASE_URL) and MEDIA_ROOT in one archive.
BACKUP ?= backups/filmsite-$(shell date -u +%Y%m%d-%H%M%S).tar.gz

backup: $(STAMP)
	$(BIN)/python manage.py backup $(BACKUP)

# Into an empty database and MEDIA_ROOT: make restore BACKUP=backups/filmsite-....tar.gz
restore: $(STAMP)
	@test -n "$(filter command line environment,$(origin BACKUP))" \
		|| { echo "Say which archive: make restore BACKUP=path"; exit 2; }
	$(BIN)/python manage.py restore $(BACKUP)

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles test-output
