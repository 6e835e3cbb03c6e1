"""A bounded soak: gunicorn at saturation for a fixed time with a small ``max_requests``, so workers
are recycled several times under load. Reports errors, recycles and how memory moved.

Memory is sampled every 2 s: the master's RSS, and the workers' summed PSS (what the service costs
beyond the shared pages). Growth compares the first sample after a warm-up with the last one."""

from __future__ import annotations

import os
import threading
import time

from service.tools.local_server import LocalServer, children_of, memory_of

from .http import wrk


def run(seconds: float = 60.0, connections: int = 8, max_requests: int = 400, workers: int | None = None) -> dict:
    workers = workers or os.cpu_count() or 2
    server = LocalServer(env={"GUNICORN_MAX_REQUESTS": str(max_requests),
                              "GUNICORN_MAX_REQUESTS_JITTER": str(max_requests // 10)}, workers=workers).start()
    samples, pids_seen = [], set(children_of(server.process.pid))
    result: dict = {}
    load = threading.Thread(target=lambda: result.update(wrk(server.url, connections, seconds)))
    try:
        load.start()
        started = time.monotonic()
        while load.is_alive():
            time.sleep(2.0)
            try:
                pids = children_of(server.process.pid)
                workers_pss = sum(memory_of(pid)["pss_mb"] for pid in pids)
            except OSError:  # a worker exited between listing and reading: next sample
                continue
            pids_seen |= set(pids)
            samples.append({"t": round(time.monotonic() - started, 1), "master_rss_mb": memory_of(
                server.process.pid)["rss_mb"], "workers_pss_mb": round(workers_pss, 1)})
        load.join()
    finally:
        server.stop()
    warm = [s for s in samples if s["t"] >= 6] or samples
    first, last = warm[0], warm[-1]
    peak = max(s["workers_pss_mb"] for s in warm)
    return {**result, "seconds": seconds, "workers": workers, "max_requests": max_requests,
            "recycled_workers": len(pids_seen) - workers, "samples": samples,
            "master_rss_growth": last["master_rss_mb"] / first["master_rss_mb"] - 1,
            "workers_pss_growth": last["workers_pss_mb"] / first["workers_pss_mb"] - 1,
            "workers_pss_first_mb": first["workers_pss_mb"], "workers_pss_last_mb": last["workers_pss_mb"],
            "workers_pss_peak_mb": peak}


def table(r: dict) -> str:
    return "\n".join([
        f"{r['seconds']:.0f} s at {r['connections']} connections, {r['workers']} workers, max_requests "
        f"{r['max_requests']} (±10 %)", "",
        "| requests | requests/s | p99 ms | errors | non-2xx | workers recycled | master RSS growth | "
        "workers PSS first → last (peak) MB | workers PSS growth |",
        "|---:|---:|---:|---:|---:|---:|---:|---|---:|",
        f"| {r['requests']} | {r['rps']:.0f} | {r['p99_ms']:.0f} | {r['errors']} | {r['non_2xx']} | "
        f"{r['recycled_workers']} | {r['master_rss_growth']:+.1%} | {r['workers_pss_first_mb']} → "
        f"{r['workers_pss_last_mb']} ({r['workers_pss_peak_mb']}) | {r['workers_pss_growth']:+.1%} |"])
