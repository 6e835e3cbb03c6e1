"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the service returns goes through ``problem``; the handlers registered here
turn Werkzeug's HTTP exceptions, validation errors and anything unexpected into one,
so no input ever gets an HTML page, a stack trace or a bare 500.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, g, has_request_context, json, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

PROBLEM_JSON = "application/problem+json"
TYPE_PREFIX = "tag:article-enrichment,2026:problem:"
log = logging.getLogger("service.errors")


def problem_type(type_: str) -> str:
    """A problem ``type`` URI: short names ("validation-error") get the service's prefix; URIs stay."""
    return type_ if type_ == "about:blank" or ":" in type_ else TYPE_PREFIX + type_


class ProblemError(Exception):
    """Raise to answer with a problem document."""

    def __init__(self, status: int, title: str, detail: str, type_: str = "about:blank",
                 errors: list[dict] | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail
        self.type = problem_type(type_)
        self.errors = errors
        self.headers = headers or {}


def problem(status: int, title: str, detail: str, type_: str = "about:blank", errors: list[dict] | None = None,
            headers: dict | None = None) -> Response:
    body = {"type": type_, "title": title, "status": status, "detail": detail}
    if has_request_context():
        body["instance"] = request.path
        if getattr(g, "request_id", None):
            body["request_id"] = g.request_id
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _http_exception(exc: HTTPException) -> Response:
    headers = {}
    detail = exc.description or exc.name
    if isinstance(exc, MethodNotAllowed) and exc.valid_methods:
        allowed = sorted(set(exc.valid_methods))
        headers["Allow"] = ", ".join(allowed)
        detail = f"{request.method} is not allowed on {request.path}; use {', '.join(allowed)}."
    elif exc.code == 404:
        detail = f"There is no resource at {request.path}. See /openapi.yaml for the routes this service has."
    elif exc.code == 413:
        limit = request.max_content_length
        detail = (f"The request body is larger than this service accepts ({limit} bytes); "
                  "send a shorter text or split it.")
    return problem(exc.code or 500, exc.name, detail, headers=headers)


def _problem_error(exc: ProblemError) -> Response:
    return problem(exc.status, exc.title, exc.detail, exc.type, exc.errors, exc.headers)


def _unexpected(exc: Exception) -> Response:
    log.exception("unhandled error on %s %s", request.method, request.path,
                  extra={"request_id": getattr(g, "request_id", None)})
    return problem(500, "Internal Server Error",
                   "The service failed to process this request; the error was logged. Retrying may not help.")


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(ProblemError, _problem_error)
    app.register_error_handler(HTTPException, _http_exception)
    app.register_error_handler(Exception, _unexpected)
