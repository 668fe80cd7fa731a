# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of theirs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# the suite runs on every core (pytest-xdist); the workers take tests in pytest-django's order, so the
# transactional ones (which flush the database) still run last on each. TEST_WORKERS=0: one process.
TEST_WORKERS ?= auto
# the test settings: production-like (DEBUG off), with a throwaway key
TEST_ENV := DEBUG=False SECRET_KEY=test-only-not-secret ALLOWED_HOSTS=testserver,localhost,127.0.0.1

.PHONY: install run test

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

run: install
	DEBUG=True $(BIN)/python manage.py migrate --verbosity 0
	DEBUG=True $(BIN)/python manage.py setup_demo
	@echo "AidTracker is at http://127.0.0.1:$(PORT)/ (the admin at http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=True $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(TEST_ENV) $(BIN)/pytest -n $(TEST_WORKERS)
