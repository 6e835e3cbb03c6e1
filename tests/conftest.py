"""Shared fixtures: one loaded app per test session, its client, the seeds, a live gunicorn."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from service.evaluate.articles import reference_articles, sample_articles  # noqa: F401 - used by the tests
from service.tools.local_server import LocalServer as LiveServer, free_port  # noqa: F401 - used by the tests

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))
# The five reference articles and their expected answers live in ../shared/seeds, never in the repository.
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def app():
    from service.api import create_app
    return create_app({"TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def engine(app):
    return app.extensions["enrichment"]


@pytest.fixture(scope="session")
def pipeline(engine):
    return engine.pipeline


@pytest.fixture(scope="session")
def resources(engine):
    return engine.resources


def seed_cases():
    """(file name, text, expected answers) of the five reference articles; none when ../shared/seeds is
    not at hand (a parametrized test then reports itself skipped)."""
    return reference_articles(SEEDS)


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or a skip when the data is not at hand."""
    path = SHARED.joinpath("data", *parts)
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return path


def metric_value(exposition: str, sample: str) -> float:
    """The value of one sample (name with its labels) in Prometheus text; 0 when absent."""
    for line in exposition.splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


@pytest.fixture(scope="session")
def live_server():
    server = LiveServer().start()
    yield server
    server.stop()
