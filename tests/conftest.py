"""Shared fixtures: one loaded app per test session, its client, the seeds, a live gunicorn."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
SHARED = Path(os.environ.get("SHARED_DIR", ROOT.parent / "shared"))


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
    expected = json.loads((SEEDS / "expected.json").read_text(encoding="utf-8"))
    return [(name, (SEEDS / name).read_text(encoding="utf-8"), want) for name, want in sorted(expected.items())]


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or a skip when the data is not at hand."""
    path = SHARED.joinpath("data", *parts)
    if not path.is_file():
        pytest.skip(f"{path} not available")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """gunicorn with the repository's config on a free loopback port."""

    def __init__(self, env: dict | None = None, args: list[str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": "2",
                    **(env or {})}
        self.args = args or [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "service.wsgi:app"]
        self.process: subprocess.Popen | None = None
        self.log = b""

    def start(self, timeout: float = 60.0) -> "LiveServer":
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.process.stdout.read().decode(errors='replace')}")
            try:
                if requests.get(self.url + "/readyz", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not become ready")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.log = self.process.communicate(timeout=30)[0]
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.log = self.process.communicate()[0]


@pytest.fixture(scope="session")
def live_server():
    server = LiveServer().start()
    yield server
    server.stop()
