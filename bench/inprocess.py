"""In-process latency of the full enrichment: median and p99 per text, and the split by stage."""

from __future__ import annotations

import statistics
import time

from .articles import corpus


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed_runs(fn, text: str, seconds: float, min_runs: int) -> list[tuple[float, object]]:
    """(milliseconds, result) of `fn(text)`, called for about `seconds` and at least `min_runs` times,
    after one call that warms caches, as a serving worker is after its first requests."""
    fn(text)
    runs = []
    deadline = time.perf_counter() + seconds
    while len(runs) < min_runs or time.perf_counter() < deadline:
        t0 = time.perf_counter()
        result = fn(text)
        runs.append(((time.perf_counter() - t0) * 1000, result))
    return runs


def measure(pipeline, text: str, seconds: float, min_runs: int = 20) -> dict:
    """Runs `pipeline.enrich(text)` for about `seconds`; per-run totals and per-stage medians, in ms."""
    totals, stages = [], {}
    for ms, result in timed_runs(pipeline.enrich, text, seconds, min_runs):
        totals.append(ms)
        for name, stage_ms in result.timings_ms.items():
            stages.setdefault(name, []).append(stage_ms)
    return {"chars": len(text), "runs": len(totals), "median_ms": statistics.median(totals),
            "p99_ms": percentile(totals, 0.99), "min_ms": min(totals),
            "stages_ms": {name: statistics.median(v) for name, v in stages.items()}}


def run(pipeline, seconds: float = 3.0) -> dict[str, dict]:
    return {name: measure(pipeline, text, seconds) for name, text in corpus().items()}


def table(results: dict[str, dict]) -> str:
    stages = ["normalise", "language", "dates", "bylines", "places", "topic"]
    rows = ["| text | chars | runs | median ms | p99 ms | " + " | ".join(stages) + " |",
            "|---|---:|---:|---:|---:|" + "---:|" * len(stages)]
    for name, r in results.items():
        rows.append(f"| {name} | {r['chars']} | {r['runs']} | {r['median_ms']:.2f} | {r['p99_ms']:.2f} | "
                    + " | ".join(f"{r['stages_ms'].get(s, 0):.2f}" for s in stages) + " |")
    five, fifty = results.get("5KB"), results.get("50KB")
    if five and fifty:
        rows.append(f"\n50 KB / 5 KB median: {fifty['median_ms'] / five['median_ms']:.1f}x")
    return "\n".join(rows)
