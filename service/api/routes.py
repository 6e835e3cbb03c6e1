"""Routes: thin; parse and validate, call the engine, serialise."""

from __future__ import annotations

import json as stdlib_json
import time
from pathlib import Path

from flask import Blueprint, Response, current_app, jsonify, request
from marshmallow import ValidationError
from werkzeug.exceptions import ClientDisconnected

from . import metrics
from .batch import check_batch_shape, run_batch
from .errors import ProblemError
from ..core.pipeline import DeadlineExceeded
from .schemas import EnrichRequestSchema, ReferenceDateQuerySchema, validation_errors

bp = Blueprint("api", __name__)
OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"
_REQUEST_SCHEMA = EnrichRequestSchema()
_QUERY_SCHEMA = ReferenceDateQuerySchema()
_TEXT_CHARSETS = {"utf-8", "utf8", "us-ascii", "ascii"}


def engine():
    return current_app.extensions["enrichment"]


def _reject_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise ProblemError(400, "Bad Request", f"The JSON body repeats the key(s) {', '.join(map(repr, duplicates))}; "
                           "send each key once.", "malformed-json")
    return dict(pairs)


def _read_body() -> bytes:
    try:
        return request.get_data(cache=False)
    except ClientDisconnected as exc:  # Werkzeug: the stream ended (or stalled) short of Content-Length
        raise ProblemError(400, "Bad Request", f"The body ended after fewer bytes than its Content-Length "
                           f"({request.content_length}) announced; send a Content-Length that matches the body.",
                           "incomplete-body") from exc
    except TimeoutError as exc:  # the worker's socket timeout (CLIENT_TIMEOUT) on a stalled upload
        raise ProblemError(408, "Request Timeout", "The request body stopped arriving before Content-Length "
                           "bytes were read; send the whole body, with a Content-Length that matches it.") from exc


def _read_json_object() -> dict:
    """The JSON body, which must be an object; problem documents for everything else."""
    raw = _read_body()
    try:
        payload = stdlib_json.loads(raw.decode("utf-8"), object_pairs_hook=_reject_duplicate_keys)
    except UnicodeDecodeError as exc:
        raise ProblemError(400, "Bad Request", f"The body is not valid UTF-8 (byte {exc.start}); "
                           "JSON must be sent as UTF-8.", "malformed-json") from exc
    except RecursionError as exc:
        raise ProblemError(400, "Bad Request", "The JSON body is nested too deeply.", "malformed-json") from exc
    except ValueError as exc:
        raise ProblemError(400, "Bad Request", f"The body is not valid JSON: {exc}.", "malformed-json") from exc
    if not isinstance(payload, dict):
        raise ProblemError(422, "Unprocessable Content",
                           "The JSON body must be an object such as {\"text\": \"...\"}.", "validation-error",
                           errors=[{"pointer": "#", "detail": "must be a JSON object."}])
    return payload


def _parse_json_body() -> dict:
    payload = _read_json_object()
    try:
        return _REQUEST_SCHEMA.load(payload)
    except ValidationError as exc:
        errors = validation_errors(exc)
        raise ProblemError(422, "Unprocessable Content",
                           "; ".join(f"{e['pointer'][2:] or 'body'} {e['detail']}" for e in errors),
                           "validation-error", errors=errors) from exc


def _parse_text_body() -> dict:
    charset = (request.mimetype_params.get("charset") or "utf-8").lower()
    if charset not in _TEXT_CHARSETS:
        raise ProblemError(415, "Unsupported Media Type",
                           f"text/plain bodies must be UTF-8; this one declares charset={charset}.")
    raw = _read_body()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(400, "Bad Request", f"The text/plain body is not valid UTF-8 (byte {exc.start}).",
                           "malformed-text") from exc
    if not text.strip():
        raise ProblemError(422, "Unprocessable Content", "text must not be empty or whitespace only.",
                           "validation-error", errors=[{"pointer": "#", "detail": "must not be empty."}])
    return {"text": text, "reference_date": None}


def _unsupported_media_type(accepted: str, example: str) -> ProblemError:
    return ProblemError(415, "Unsupported Media Type", f"Content-Type {request.mimetype or 'none'} is not "
                        f"supported: send {example}.", headers={"Accept-Post": accepted})


def _parse_query() -> dict:
    try:
        return _QUERY_SCHEMA.load(request.args.to_dict())
    except ValidationError as exc:
        errors = validation_errors(exc, prefix="#/query")
        raise ProblemError(422, "Unprocessable Content", "; ".join(
            f"query parameter {e['pointer'].rsplit('/', 1)[-1]} {e['detail']}" for e in errors),
            "validation-error", errors=errors) from exc


def parse_enrich_request() -> dict:
    """Body and query; a ``reference_date`` in the body wins over one in the query."""
    if request.mimetype not in ("application/json", "text/plain"):
        raise _unsupported_media_type("application/json, text/plain; charset=utf-8",
                                      "application/json ({\"text\": ...}) or text/plain; charset=utf-8")
    query = _parse_query()
    args = _parse_json_body() if request.mimetype == "application/json" else _parse_text_body()
    if args.get("reference_date") is None:
        args["reference_date"] = query["reference_date"]
    return args


def _require_ready():
    e = engine()
    if not e.ready:
        reason = "the service is shutting down" if e.draining else (
            f"loading failed: {e.error}" if e.error else "the gazetteer and models are still loading")
        raise ProblemError(503, "Service Unavailable", f"Not ready: {reason}. Retry shortly.",
                           headers={"Retry-After": "2"})
    return e


def _deadline() -> float:
    return time.monotonic() + current_app.config["REQUEST_TIMEOUT"]


def _deadline_problem(exc: DeadlineExceeded) -> ProblemError:
    metrics.DEADLINES.inc()
    return ProblemError(503, "Service Unavailable", f"Enrichment took longer than this service allows "
                        f"({current_app.config['REQUEST_TIMEOUT']:g} s, REQUEST_TIMEOUT) and was stopped "
                        f"before its {exc.stage} stage. Send a shorter text, or retry when the service is "
                        "less busy.", "deadline-exceeded", headers={"Retry-After": "5"})


def enrich_one(pipeline, text: str, reference_date, deadline: float):
    try:
        result = pipeline.enrich(text, reference_date, deadline=deadline)
    except DeadlineExceeded as exc:
        raise _deadline_problem(exc) from exc
    metrics.observe_enrichment(result)
    return result


@bp.post("/v1/enrich")
def enrich():
    args = parse_enrich_request()
    e = _require_ready()
    result = enrich_one(e.pipeline, args["text"], args["reference_date"], _deadline())
    return jsonify(current_app.extensions["response_schema"].dump(result))


@bp.post("/v1/enrich/batch")
def enrich_batch():
    config = current_app.config
    if request.mimetype != "application/json":
        raise _unsupported_media_type("application/json", "application/json ({\"articles\": [...]})")
    request.max_content_length = config["BATCH_MAX_CONTENT_LENGTH"]
    articles = check_batch_shape(_read_json_object(), config["BATCH_MAX_ITEMS"])
    e = _require_ready()
    deadline = _deadline()
    body = run_batch(articles, lambda text, ref: enrich_one(e.pipeline, text, ref, deadline),
                     current_app.extensions["response_schema"].dump,
                     max_text_chars=config["MAX_CONTENT_LENGTH"])
    return jsonify({**body, "service": config["SERVICE_INFO"]})


@bp.get("/healthz")
def healthz():
    return jsonify({"status": "ok"})


@bp.get("/readyz")
def readyz():
    e = _require_ready()
    return jsonify({"status": "ready", "version": current_app.config["SERVICE_VERSION"],
                    **e.resources.describe(), "load_seconds": e.resources.load_seconds})


@bp.get("/metrics")
def prometheus_metrics():
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type)


@bp.get("/openapi.yaml")
def openapi():
    return Response(OPENAPI_PATH.read_text(encoding="utf-8"), mimetype="application/yaml")
