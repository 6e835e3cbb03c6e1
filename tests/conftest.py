"""Shared fixtures: one loaded app per test session, its client, the seeds, a live gunicorn."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
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


def metric_value(exposition: str, sample: str) -> float:
    """The value of one sample (name with its labels) in Prometheus text; 0 when absent."""
    for line in exposition.splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    return 0.0


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
        # A file, not a pipe: a pipe nobody reads fills up and blocks gunicorn on its next log line.
        self._log_file = tempfile.TemporaryFile()

    def start(self, timeout: float = 60.0, wait_for: str = "/readyz") -> "LiveServer":
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=self._log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.read_log().decode(errors='replace')}")
            try:
                if requests.get(self.url + wait_for, timeout=1).status_code == 200 and \
                        len(self.worker_pids()) >= int(self.env["WEB_CONCURRENCY"]):
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not become ready")

    def worker_pids(self) -> list[int]:
        """The master's live child processes (gunicorn workers)."""
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def read_log(self) -> bytes:
        self._log_file.seek(0)
        return self._log_file.read()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process:
            self.log = self.read_log()


@pytest.fixture(scope="session")
def live_server():
    server = LiveServer().start()
    yield server
    server.stop()
