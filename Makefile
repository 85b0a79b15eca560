# Two entry points, each doing its own set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench clean browser refresh

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port 8501 --server.address localhost

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

# Pull the World Bank, UN Comtrade and IMF APIs into data/ (needs network; SOURCE=worldbank|comtrade|imf|all).
refresh: $(STAMP)
	$(BIN)/python -m dashboard.refresh $(or $(SOURCE),all)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run --write-readme

clean:
	rm -rf $(VENV) .pytest_cache
