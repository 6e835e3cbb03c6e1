"""The service over HTTP: gunicorn with the repository's config on loopback, driven by wrk at
several concurrencies; time from start to /readyz = 200; RSS and PSS of the master and workers."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .articles import seeds

ROOT = Path(__file__).resolve().parents[1]

# wrk's Lua: rotate the five seeds as text/plain bodies; at the end print one JSON line.
LUA = r"""
local bodies = { %s }
local i = 0
request = function()
  i = i %% #bodies + 1
  return wrk.format("POST", "/v1/enrich", {["Content-Type"] = "text/plain; charset=utf-8"}, bodies[i])
end
local non2xx = 0
response = function(status, headers, body)
  if status >= 300 then non2xx = non2xx + 1 end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_JSON {"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, ' ..
    '"write": %%d, "status": %%d, "timeout": %%d, "p50_us": %%d, "p95_us": %%d, "p99_us": %%d, "max_us": %%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _lua_script() -> str:
    bodies = ", ".join(f"[==[{text}]==]" for text in seeds().values())
    return LUA % bodies


def memory_of(pid: int) -> dict:
    """RSS and PSS in MB from /proc/PID/smaps_rollup."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("Rss", "Pss"):
            values[key.lower() + "_mb"] = round(int(rest.split()[0]) / 1024, 1)
    return values


def children_of(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        out += [int(c) for c in (task / "children").read_text().split()]
    return sorted(out)


class Server:
    def __init__(self, workers: int, env: dict | None = None):
        self.workers = workers
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile()
        env = {**os.environ, "PORT": str(self.port), "HOST": "127.0.0.1", "WEB_CONCURRENCY": str(workers),
               **(env or {})}
        self.started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                                         "service.wsgi:app"], cwd=ROOT, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        self.ready_seconds = self._wait_ready()

    def _wait_ready(self, timeout: float = 60.0) -> float:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn exited before it was ready")
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=1) as r:
                    if r.status == 200:
                        ready = time.perf_counter() - self.started
                        while len(children_of(self.process.pid)) < self.workers:   # all forked
                            time.sleep(0.01)
                        return ready
            except OSError:
                pass
            time.sleep(0.01)
        raise RuntimeError("gunicorn not ready in time")

    def memory(self) -> dict:
        return {"master": memory_of(self.process.pid),
                "workers": [memory_of(pid) for pid in children_of(self.process.pid)]}

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url: str, connections: int, seconds: float, threads: int = 2) -> dict:
    exe = shutil.which("wrk")
    if exe is None:
        raise RuntimeError("wrk is not installed: `make bench` installs it (Debian package wrk)")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(_lua_script())
        script = fh.name
    try:
        run = subprocess.run([exe, "-t", str(min(threads, connections)), "-c", str(connections), "-d", f"{int(seconds)}s",
                              "--timeout", "10s", "-s", script, url], capture_output=True, text=True, check=True)
    finally:
        os.unlink(script)
    line = next(line for line in run.stdout.splitlines() if line.startswith("WRK_JSON "))
    raw = json.loads(line[len("WRK_JSON "):])
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    return {"connections": connections, "requests": raw["requests"],
            "rps": raw["requests"] / (raw["duration_us"] / 1e6), "p50_ms": raw["p50_us"] / 1000,
            "p95_ms": raw["p95_us"] / 1000, "p99_ms": raw["p99_us"] / 1000, "max_ms": raw["max_us"] / 1000,
            "errors": errors, "non_2xx": raw["status"]}


def run(concurrencies=(1, 8, 32), seconds: int = 10, workers: int | None = None) -> dict:
    workers = workers or os.cpu_count() or 2
    server = Server(workers)
    try:
        idle = server.memory()
        loads = [wrk(server.url, c, seconds) for c in concurrencies]
        return {"workers": workers, "ready_seconds": server.ready_seconds, "memory_idle": idle,
                "memory_after_load": server.memory(), "load": loads}
    finally:
        server.stop()


def table(results: dict) -> str:
    rows = [f"gunicorn, {results['workers']} sync workers, preload; wrk rotating the five seeds (text/plain); "
            f"ready {results['ready_seconds']:.2f} s after start.", "",
            "| connections | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results["load"]:
        rows.append(f"| {r['connections']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | "
                    f"{r['p99_ms']:.1f} | {r['max_ms']:.1f} | {r['errors']} |")
    rows += ["", "| process | RSS MB idle | PSS MB idle | RSS MB after load | PSS MB after load |",
             "|---|---:|---:|---:|---:|"]
    idle, after = results["memory_idle"], results["memory_after_load"]
    pairs = [("master", idle["master"], after["master"])]
    pairs += [(f"worker {i + 1}", a, b) for i, (a, b) in enumerate(zip(idle["workers"], after["workers"]))]
    for name, a, b in pairs:
        rows.append(f"| {name} | {a['rss_mb']} | {a['pss_mb']} | {b['rss_mb']} | {b['pss_mb']} |")
    return "\n".join(rows)
