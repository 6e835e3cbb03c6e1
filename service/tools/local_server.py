"""gunicorn with the repository's configuration on a free loopback port, as a child process.

The end-to-end tests and the HTTP benchmarks both start the real server this way; nothing here
is imported by the service itself.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children_of(pid: int) -> list[int]:
    """Live child processes of `pid` (gunicorn's workers, for its master)."""
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        return []
    return sorted(out)


def memory_of(pid: int) -> dict:
    """RSS and PSS in MB from /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key.lower() + "_mb"] = round(int(rest.split()[0]) / 1024, 1)
    return values


class LocalServer:
    """``LocalServer(env={...}).start()`` returns once ``wait_for`` answers 200 and every worker
    has forked; ``ready_seconds`` is the time from launch to then. ``stop()`` sends SIGTERM to
    the process group (SIGKILL after 30 s) and keeps the output in ``log``."""

    def __init__(self, env: dict | None = None, args: list[str] | None = None, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers),
                    **(env or {})}
        self.args = args or [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "service.wsgi:app"]
        self.process: subprocess.Popen | None = None
        self.ready_seconds: float | None = None
        self.log = b""
        # A file, not a pipe: a pipe nobody reads fills up and blocks gunicorn on its next log line.
        self._log_file = tempfile.TemporaryFile()

    def start(self, timeout: float = 60.0, wait_for: str = "/readyz") -> "LocalServer":
        started = time.perf_counter()
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=self._log_file,
                                        stderr=subprocess.STDOUT, start_new_session=True)
        workers = int(self.env["WEB_CONCURRENCY"])
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.read_log().decode(errors='replace')}")
            if self._answers(wait_for) and len(self.worker_pids()) >= workers:
                self.ready_seconds = time.perf_counter() - started
                return self
            time.sleep(0.01)
        self.stop()
        raise RuntimeError("gunicorn did not become ready")

    def _answers(self, path: str) -> bool:
        try:
            with urllib.request.urlopen(self.url + path, timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    def worker_pids(self) -> list[int]:
        return children_of(self.process.pid) if self.process is not None else []

    def memory(self) -> dict:
        return {"master": memory_of(self.process.pid), "workers": [memory_of(pid) for pid in self.worker_pids()]}

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
