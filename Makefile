# Two commands do everything on a fresh machine:
#   make serve   install, build the gazetteer, start gunicorn on localhost:$(PORT)
#   make test    install everything the tests need (Python; newman, playwright-core from npm; redis-server,
#                chromium from Debian) and run every test
PYTHON ?= python3
VENV ?= .venv
PORT ?= 8000
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: help install serve test test-fast models eval bench soak clean

help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

install: ## runtime dependencies and the gazetteer (the Dockerfile runs the same script)
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV)

serve: install ## start the service with gunicorn on localhost:$(PORT) (PORT=... to change)
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py service.wsgi:app

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

test: node_modules/.package-lock.json ## install test dependencies and run every test
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV) dev
	sh scripts/install-debian-packages.sh redis-server chromium
	$(BIN)/python -m pip download --quiet --no-deps -d build/pypi docker-compose==1.29.2
	$(BIN)/python -m pytest

models: ## retrain lexicon, recogniser, resolver and topic model from $(SHARED)/data
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV) train
	$(BIN)/python -m pip download --quiet --no-deps -d build/pypi names==0.3.0
	sh scripts/install-debian-packages.sh wamerican
	$(BIN)/python -m service.tools.build_lexicon --meta $(SHARED)/data/meta --pypi-archives build/pypi \
		--dictionary /usr/share/dict/american-english --out service/resources/models/lexicon.json.gz
	$(BIN)/python -m service.tools.train_toponyms --geo-dir $(SHARED)/data/geo
	$(BIN)/python -m service.tools.train_resolver --geo-dir $(SHARED)/data/geo
	$(BIN)/python -m service.tools.train_meta --meta $(SHARED)/data/meta --models service/resources/models
	$(BIN)/python -m service.tools.train_topics --meta $(SHARED)/data/meta --geo-dir $(SHARED)/data/geo --out service/resources/models

bench: ## speed and memory figures: in-process, peers, HTTP under wrk (never pass/fail)
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV) bench
	sh scripts/install-debian-packages.sh wrk
	$(BIN)/python -m bench all --json build/bench.json

soak: ## 60 s at saturation with worker recycling: errors and memory growth (never pass/fail)
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV) bench
	sh scripts/install-debian-packages.sh wrk
	$(BIN)/python -m bench soak --seconds 60 --json build/soak.json

eval: ## accuracy figures over $(SHARED)/data
	PYTHON=$(PYTHON) sh scripts/install.sh $(VENV) train
	$(BIN)/python -m service.evaluate all --shared $(SHARED)

clean:
	rm -rf build service/resources/gazetteer .pytest_cache
