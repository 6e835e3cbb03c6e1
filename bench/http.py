"""The service over HTTP: gunicorn with the repository's config on loopback, driven by wrk at
several concurrencies; time from start to /readyz = 200; RSS and PSS of the master and workers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile

from service.tools.local_server import LocalServer

from .articles import seeds


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


def _lua_script() -> str:
    bodies = ", ".join(f"[==[{text}]==]" for text in seeds().values())
    return LUA % bodies


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
    server = LocalServer(workers=workers).start()
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
