# Two entry points, each doing its own set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock

.PHONY: run dev test lint bench clean browser refresh lock i18n curate

# Installs the versions the suite passed with (requirements.lock), not whatever is newest on the index today.
$(STAMP): pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run hosting/app.py --server.port 8501 --server.address localhost

# For engineers: the same app, reloaded on every saved edit (the hosted profile watches no files).
dev: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port 8501 --server.address localhost \
	  --server.fileWatcherType auto --server.runOnSave true

# Re-pin: a fresh venv at the newest versions pyproject.toml allows, frozen into requirements.lock.
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade pip && .venv-lock/bin/pip install --quiet -e ".[test]"
	{ sed -n '1,/^# ranges allow/p' $(LOCK); .venv-lock/bin/pip freeze --exclude-editable | grep -v '^russia-tajikistan'; } > $(LOCK).new
	mv $(LOCK).new $(LOCK) && rm -rf .venv-lock
	@echo "requirements.lock re-pinned: now rm -rf .venv && make test"

# Browser tests drive Debian's chromium, and the hosting tests Debian's nginx: install what is
# missing when we are root (as in CI), else say how.
SYSTEM_PACKAGES := /usr/bin/chromium:chromium /usr/sbin/nginx:nginx
browser:
	@missing=""; for pair in $(SYSTEM_PACKAGES); do \
	  [ -x "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	    if command -v service >/dev/null; then service nginx stop >/dev/null 2>&1 || true; fi; \
	  else \
	    echo "Tests need:$$missing. Run 'sudo apt-get install$$missing' once." >&2; exit 1; \
	  fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check dashboard tests benchmarks scripts hosting

test: $(STAMP) browser lint
	$(BIN)/pytest

# Pull the APIs into a new data edition beside data/ (needs network; SOURCE=worldbank|comtrade|imf|baci|all,
# or editions / rollback to list the editions or go back one).
refresh: $(STAMP)
	$(BIN)/python -m dashboard.refresh $(or $(SOURCE),all)

# Re-curate data/ from the data pack beside the checkout (../shared/data-pack; docs/data.md): for a
# maintainer after the pack changes. Its one extra package only names the IMF's partners by ISO code.
curate: $(STAMP)
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[test,curate]"
	$(BIN)/python scripts/curate.py

# Interface languages (docs/i18n.md): extract the English msgids from the code into the template,
# merge it into every language's catalogue (new strings arrive untranslated, for a translator),
# and compile the catalogues the app reads. Commit the .pot, .po and .mo together.
LOCALE := dashboard/formatting/locale
i18n: $(STAMP)
	$(BIN)/pybabel extract -F pyproject.toml -o $(LOCALE)/messages.pot --add-location=file --sort-output \
	  --no-wrap --add-comments=Translators: --project="Russia–Tajikistan dashboard" --version=1 dashboard
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) --no-wrap --no-fuzzy-matching --ignore-obsolete
	$(BIN)/python -m dashboard.formatting.catalogue

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run --write-readme

clean:
	rm -rf $(VENV) .pytest_cache
