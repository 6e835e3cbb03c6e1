"""One configuration object for the HTTP service, read from the environment."""

from __future__ import annotations

import os

from . import __version__


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    try:
        return int(value) if value not in (None, "") else default
    except ValueError as exc:
        raise ValueError(f"environment variable {name} must be an integer, got {value!r}") from exc


class Config:
    """Defaults for every setting; each can be overridden by the environment variable of the same name."""

    SERVICE_NAME = "article-enrichment"
    SERVICE_VERSION = __version__
    # Largest request body accepted, in bytes (413 beyond it).
    MAX_CONTENT_LENGTH = _int("MAX_CONTENT_LENGTH", 1_000_000)
    # POST /v1/enrich/batch: most articles per request, and its body limit in bytes.
    BATCH_MAX_ITEMS = _int("BATCH_MAX_ITEMS", 100)
    BATCH_MAX_CONTENT_LENGTH = _int("BATCH_MAX_CONTENT_LENGTH", 5_000_000)
    # "eager": load gazetteer and models in create_app (gunicorn preloads the app, so once, before
    # the fork); "background": load in a thread and answer 503 on /readyz and /v1/enrich until done.
    RESOURCE_LOADING = os.environ.get("RESOURCE_LOADING", "eager")
    JSON_SORT_KEYS = False

    @classmethod
    def as_dict(cls) -> dict:
        return {k: getattr(cls, k) for k in dir(cls) if k.isupper()}
