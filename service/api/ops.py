"""What every request goes through, around the routes: a request id, optional API keys, optional
CORS, security headers, one JSON access-log line and the Prometheus counters.

API keys are off unless ``API_KEYS`` (comma-separated) or ``API_KEYS_FILE`` (one key per line) is
set; then every ``/v1/`` route wants ``Authorization: Bearer <key>``. Health, readiness, metrics and
the contract stay open, so that orchestrators and scrapers need no secret.
"""

from __future__ import annotations

import hmac
import logging
import re
import time
import uuid
from pathlib import Path

from flask import Flask, Response, g, request

from . import metrics
from .errors import ProblemError

access_log = logging.getLogger("service.access")
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
PROTECTED_PREFIX = "/v1/"

# Responses are JSON for programs; nothing in them should be framed, sniffed, cached or embedded.
# HTML pages (the docs and try-it page) replace the CSP with their own.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}


def load_api_keys(keys_env: str, keys_file: str) -> list[bytes]:
    keys = [k.strip() for k in keys_env.split(",")] if keys_env else []
    if keys_file:
        for line in Path(keys_file).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                keys.append(line.strip())
    return [k.encode("utf-8") for k in keys if k]


def key_is_valid(presented: str, keys: list[bytes]) -> bool:
    """Compare against every key in constant time, so timing tells nothing about which one nearly matched."""
    token = presented.encode("utf-8", "surrogateescape")
    valid = False
    for key in keys:
        valid |= hmac.compare_digest(token, key)
    return valid


def _route_label() -> str:
    # The rule, not the path, so unknown paths cannot blow up the metric's cardinality.
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def _begin_request() -> None:
    g.started = time.perf_counter()
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


def _check_api_key(keys: list[bytes]):
    def check() -> None:
        if not request.path.startswith(PROTECTED_PREFIX) or request.method == "OPTIONS":
            return
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise ProblemError(401, "Unauthorized", "This service requires an API key: send "
                               "'Authorization: Bearer <key>'.", headers={"WWW-Authenticate": 'Bearer realm="enrichment"'})
        if not key_is_valid(token.strip(), keys):
            raise ProblemError(401, "Unauthorized", "The API key is not valid.",
                               headers={"WWW-Authenticate": 'Bearer realm="enrichment", error="invalid_token"'})
    return check


def _cors_preflight(origins: frozenset[str]):
    def preflight():
        if request.method == "OPTIONS" and request.headers.get("Origin") in origins \
                and request.headers.get("Access-Control-Request-Method"):
            return Response(status=204)
        return None
    return preflight


def _finish_response(cors_origins: frozenset[str]):
    def finish(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.path.startswith(PROTECTED_PREFIX):
            response.headers["Cache-Control"] = "no-store"
        origin = request.headers.get("Origin")
        if origin and origin in cors_origins:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.headers["Access-Control-Allow-Methods"] = "POST, GET, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-Request-ID"
            response.headers["Access-Control-Expose-Headers"] = "X-Request-ID"
            response.headers.add("Vary", "Origin")
        request_id = getattr(g, "request_id", None) or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        elapsed = time.perf_counter() - getattr(g, "started", time.perf_counter())
        route = _route_label()
        metrics.REQUESTS.labels(request.method, route, str(response.status_code)).inc()
        metrics.LATENCY.labels(request.method, route).observe(elapsed)
        access_log.info("%s %s %s", request.method, request.path, response.status_code, extra={
            "request_id": request_id, "method": request.method, "path": request.path, "route": route,
            "status": response.status_code, "duration_ms": round(elapsed * 1000, 2),
            "request_bytes": request.content_length, "response_bytes": response.content_length,
            "remote_addr": request.remote_addr, "user_agent": request.headers.get("User-Agent")})
        return response
    return finish


def install_request_hooks(app: Flask) -> None:
    config = app.config
    keys = load_api_keys(config["API_KEYS"], config["API_KEYS_FILE"])
    cors_origins = frozenset(o.strip() for o in config["CORS_ALLOW_ORIGINS"].split(",") if o.strip())
    app.before_request(_begin_request)
    if cors_origins:
        app.before_request(_cors_preflight(cors_origins))
    if keys:
        app.before_request(_check_api_key(keys))
    app.after_request(_finish_response(cors_origins))
