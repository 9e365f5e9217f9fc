# Hansa: `make demo` starts a demo market, `make test` runs the whole suite.
# Everything installs into .venv from requirements.lock (exact versions of every package).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
export PORT

.PHONY: demo test install serve lint format messages clean

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the accessibility checks: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --silent

## demo: set up, migrate the SQLite database, generate the demo market once, and serve it.
demo: install
	$(BIN)/hansa migrate --noinput
	$(BIN)/hansa demo
	$(BIN)/hansa serve

serve: install
	$(BIN)/hansa serve

## test: the whole suite on SQLite, or on the database DATABASE_URL points at (PostgreSQL).
test: install node_modules/.package-lock.json
	@bash scripts/ensure-chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix . ; $(BIN)/ruff format .

## messages: refresh the gettext catalogs from the code and compile them.
messages: install
	cd src/hansa && ../../$(BIN)/hansa makemessages -l zh_Hans --no-obsolete --add-location file --ignore 'tests/*'
	$(BIN)/python scripts/compile_messages.py

clean:
	rm -rf $(VENV) node_modules var/static
