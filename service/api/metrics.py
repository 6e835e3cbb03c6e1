"""Prometheus metrics. Under gunicorn, ``PROMETHEUS_MULTIPROC_DIR`` (set by gunicorn.conf.py before
anything imports prometheus_client) makes every worker write its samples to files there, and
``/metrics`` adds them up, so a scrape sees the whole server whichever worker answers it."""

from __future__ import annotations

import os

from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client import multiprocess

REQUESTS = Counter("enrichment_http_requests", "HTTP requests answered, by route and status.",
                   ["method", "route", "status"])
LATENCY = Histogram("enrichment_http_request_duration_seconds", "Time from request to response, by route.",
                    ["method", "route"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0))
ARTICLES = Counter("enrichment_articles", "Articles enriched (single and batch).")
PLACES = Counter("enrichment_places_found", "Resolved places returned, summed over articles.")
EXTRACTION_FAILURES = Counter("enrichment_extraction_failures", "Pipeline stages that raised, by stage; the "
                              "article was still answered without that field.", ["stage"])
DEADLINES = Counter("enrichment_deadline_exceeded", "Requests or batch items stopped at REQUEST_TIMEOUT.")
GEOCODER = Counter("enrichment_geocoder_lookups", "External geocoder lookups by outcome (hit, miss, "
                   "cached, error kinds, circuit_open).", ["geocoder", "outcome"])


def observe_enrichment(result) -> None:
    ARTICLES.inc()
    PLACES.inc(len(result.places))
    for stage in result.failed_stages:
        EXTRACTION_FAILURES.labels(stage).inc()


def exposition() -> tuple[bytes, str]:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    return generate_latest(registry), CONTENT_TYPE_LATEST
