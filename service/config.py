"""One configuration object for the HTTP service, read from the environment."""

from __future__ import annotations

import os

from . import __version__


def _number(name: str, default, kind=int):
    value = os.environ.get(name)
    try:
        return kind(value) if value not in (None, "") else default
    except ValueError as exc:
        raise ValueError(f"environment variable {name} must be a {kind.__name__}, got {value!r}") from exc


class Config:
    """Defaults for every setting; each can be overridden by the environment variable of the same name."""

    SERVICE_NAME = "article-enrichment"
    SERVICE_VERSION = __version__
    # Largest request body accepted, in bytes (413 beyond it).
    MAX_CONTENT_LENGTH = _number("MAX_CONTENT_LENGTH", 1_000_000)
    # POST /v1/enrich/batch: most articles per request, and its body limit in bytes.
    BATCH_MAX_ITEMS = _number("BATCH_MAX_ITEMS", 100)
    BATCH_MAX_CONTENT_LENGTH = _number("BATCH_MAX_CONTENT_LENGTH", 5_000_000)
    # "eager": load gazetteer and models in create_app (gunicorn preloads the app, so once, before
    # the fork); "background": load in a thread and answer 503 on /readyz and /v1/enrich until done.
    RESOURCE_LOADING = os.environ.get("RESOURCE_LOADING", "eager")
    # Seconds an enrichment may run before the request is answered 503 (checked between pipeline
    # stages; a batch answers its remaining items 503). Keep it below gunicorn's worker timeout
    # (GUNICORN_TIMEOUT, 30 s), which kills the worker outright; gunicorn.conf.py derives it from that.
    REQUEST_TIMEOUT = _number("REQUEST_TIMEOUT", 20.0, float)
    # Optional API keys: comma-separated, and/or a file with one key per line. Empty: no keys needed.
    API_KEYS = os.environ.get("API_KEYS", "")
    API_KEYS_FILE = os.environ.get("API_KEYS_FILE", "")
    # CORS is off unless origins are listed here (comma-separated, exact "https://host[:port]").
    CORS_ALLOW_ORIGINS = os.environ.get("CORS_ALLOW_ORIGINS", "")
    # External geocoder (see service/core/places/refine.py for how it works with the gazetteer):
    # "embedded" (default: no network), or "nominatim", "photon", "pelias" at GEOCODER_URL.
    GEOCODER = os.environ.get("GEOCODER", "embedded")
    GEOCODER_URL = os.environ.get("GEOCODER_URL", "")
    GEOCODER_TIMEOUT = _number("GEOCODER_TIMEOUT", 2.0, float)
    GEOCODER_USER_AGENT = os.environ.get("GEOCODER_USER_AGENT", f"article-enrichment/{__version__}")
    GEOCODER_MIN_DELAY = _number("GEOCODER_MIN_DELAY", 0.0, float)   # geopy RateLimiter, per process
    GEOCODER_API_KEY = os.environ.get("GEOCODER_API_KEY", "")        # Pelias only
    GEOCODER_CONFIRM_BELOW = _number("GEOCODER_CONFIRM_BELOW", 0.5, float)
    GEOCODER_MAX_LOOKUPS = _number("GEOCODER_MAX_LOOKUPS", 8)
    GEOCODER_BREAKER_FAILURES = _number("GEOCODER_BREAKER_FAILURES", 3)
    GEOCODER_BREAKER_COOLDOWN = _number("GEOCODER_BREAKER_COOLDOWN", 30.0, float)
    # Cache of geocoder answers: in-process LRU; shared through Redis when REDIS_URL is set.
    GEOCODER_CACHE_SIZE = _number("GEOCODER_CACHE_SIZE", 10_000)
    GEOCODER_CACHE_TTL = _number("GEOCODER_CACHE_TTL", 7 * 86400, float)
    REDIS_URL = os.environ.get("REDIS_URL", "")
    JSON_SORT_KEYS = False

    @classmethod
    def as_dict(cls) -> dict:
        return {k: getattr(cls, k) for k in dir(cls) if k.isupper()}
