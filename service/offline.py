"""Enrichment without HTTP, for backfills: the ``article-enrich`` command and distributed engines.

``enrich_record`` and ``enrich_partition`` are plain module-level functions, so they pickle by
reference (pickle, cloudpickle) and ship to Dask or Spark workers as they are; each worker
process loads the gazetteer and models once, on first use (``pipeline()``), and keeps them.

A record is ``{"id": ..., "text": ..., "reference_date": "YYYY-MM-DD" | None}``; the result is
``{"id": ..., "status": 200, "enrichment": {...}}`` with the very JSON ``POST /v1/enrich``
returns, or ``{"id": ..., "status": 422 | 500, "error": "..."}``.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import lru_cache
from typing import Iterable, Iterator

from marshmallow import ValidationError

from . import __version__
from .core.pipeline import Pipeline
from .resources import load_resources

log = logging.getLogger("service.offline")
SERVICE_INFO = {"name": "article-enrichment", "version": __version__}


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """This process's pipeline, loaded on first use (call it before forking to share the pages)."""
    return Pipeline(load_resources())


@lru_cache(maxsize=1)
def _schemas():
    from .api.schemas import EnrichRequestSchema, EnrichResponseSchema   # marshmallow only
    return EnrichRequestSchema(), EnrichResponseSchema(SERVICE_INFO)


def enrich_record(record: dict) -> dict:
    """One record in, one result out; never raises for a bad or failing record."""
    record_id = record.get("id")
    request_schema, response_schema = _schemas()
    try:
        fields = {k: record[k] for k in ("text", "reference_date") if k in record}
        args = request_schema.load(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{k} {' '.join(v) if isinstance(v, list) else v}" for k, v in exc.messages.items())
        return {"id": record_id, "status": 422, "error": problems}
    try:
        result = pipeline().enrich(args["text"], args["reference_date"])
    except Exception as exc:   # reported in the output line; the backfill goes on
        log.exception("enrichment failed for id %r", record_id)
        return {"id": record_id, "status": 500, "error": f"enrichment failed: {type(exc).__name__}"}
    return {"id": record_id, "status": 200, "enrichment": response_schema.dump(result)}


def enrich_partition(records: Iterable[dict]) -> Iterator[dict]:
    """For Spark's ``rdd.mapPartitions`` (Dask: ``bag.map(enrich_record)``): one pipeline per worker process."""
    for record in records:
        yield enrich_record(record)


def enrich_text(text: str, reference_date: date | None = None) -> dict:
    """The enrichment of one text as the API's JSON (raises ValueError for an empty text)."""
    result = enrich_record({"text": text, "reference_date": reference_date.isoformat() if reference_date else None})
    if result["status"] != 200:
        raise ValueError(result["error"])
    return result["enrichment"]
