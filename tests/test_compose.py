"""The docker-compose example is valid: `docker compose config` when a compose CLI is installed,
and always against the Compose specification's JSON schema (from the docker-compose wheel that
`make test` downloads from PyPI)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

import jsonschema
import pytest
import yaml

from conftest import ROOT

COMPOSE = ROOT / "deploy" / "docker-compose.yml"
WHEEL = ROOT / "build" / "pypi" / "docker_compose-1.29.2-py2.py3-none-any.whl"


def test_compose_file_matches_the_compose_specification():
    if not WHEEL.is_file():
        pytest.fail(f"{WHEEL.name} missing: `make test` downloads it (pip download docker-compose==1.29.2)")
    with zipfile.ZipFile(WHEEL) as wheel:
        schema = json.loads(wheel.read("compose/config/compose_spec.json"))
    document = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    # The spec names its draft as "http://json-schema.org/draft/2019-09/schema#", which jsonschema
    # does not recognise by that spelling; say which draft it is.
    jsonschema.validate(document, schema, cls=jsonschema.Draft201909Validator)


def test_compose_wires_the_geocoder_and_the_cache():
    services = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]
    env = services["enrichment"]["environment"]
    assert env["GEOCODER"] == "nominatim" and env["GEOCODER_URL"].startswith("http://nominatim:")
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert set(services) == {"enrichment", "redis", "nominatim"}


@pytest.mark.skipif(shutil.which("docker") is None, reason="no docker CLI")
def test_docker_compose_config_when_available():
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("docker CLI without the compose plugin; the schema test above validates the file")
    run = subprocess.run(["docker", "compose", "-f", str(COMPOSE), "config", "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
