"""Errors are RFC 9457 problem documents with a detail a person can act on; no input gets a 500."""

from __future__ import annotations

import threading

import pytest

from service.api import create_app
from service.api.state import Engine


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"]
    assert "Traceback" not in response.get_data(as_text=True)
    return body


def test_malformed_json_is_400(client):
    body = problem(client.post("/v1/enrich", data='{"text": "a",}', content_type="application/json"), 400)
    assert "not valid JSON" in body["detail"]


def test_duplicate_keys_are_400(client):
    body = problem(client.post("/v1/enrich", data='{"text": "a", "text": "b"}', content_type="application/json"), 400)
    assert "'text'" in body["detail"]


@pytest.mark.parametrize("payload,needle", [
    ({}, "is required"),
    ({"text": ""}, "must not be empty"),
    ({"text": "   "}, "must not be empty"),
    ({"text": 42}, "must be a string"),
    ({"text": None}, "not null"),
])
def test_bad_text_is_422_pointing_at_text(client, payload, needle):
    body = problem(client.post("/v1/enrich", json=payload), 422)
    assert body["errors"] == [{"pointer": "#/text", "detail": body["errors"][0]["detail"]}]
    assert needle in body["errors"][0]["detail"]
    assert body["detail"].startswith("text ")


def test_lone_surrogate_is_422(client):
    body = problem(client.post("/v1/enrich", data='{"text": "a\\ud800b"}', content_type="application/json"), 422)
    assert "surrogate" in body["errors"][0]["detail"]


def test_bad_reference_date_is_422_pointing_at_it(client):
    body = problem(client.post("/v1/enrich", json={"text": "x", "reference_date": "2014-02-30"}), 422)
    assert body["errors"][0]["pointer"] == "#/reference_date"


def test_reference_date_in_query_for_text_plain(client):
    ok = client.post("/v1/enrich?reference_date=2014-01-06", data=b"Some text.", content_type="text/plain")
    assert ok.status_code == 200
    body = problem(client.post("/v1/enrich?reference_date=yesterday", data=b"x", content_type="text/plain"), 422)
    assert body["errors"][0]["pointer"] == "#/query/reference_date"


def test_unsupported_content_type_is_415(client):
    body = problem(client.post("/v1/enrich", data=b"<html>", content_type="text/html"), 415)
    assert "application/json" in body["detail"] and "text/plain" in body["detail"]


def test_body_over_default_limit_is_413(client):
    body = problem(client.post("/v1/enrich", data=b"a" * 1_000_001, content_type="text/plain"), 413)
    assert "1000000 bytes" in body["detail"]


def test_body_limit_is_configurable(resources):
    small = create_app({"MAX_CONTENT_LENGTH": 100}, resources=resources).test_client()
    problem(small.post("/v1/enrich", data=b"a" * 101, content_type="text/plain"), 413)
    assert small.post("/v1/enrich", data=b"a" * 100, content_type="text/plain").status_code == 200


def test_unknown_route_is_404(client):
    body = problem(client.get("/v2/enrich"), 404)
    assert "/v2/enrich" in body["detail"]


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_405_with_allow(client, method):
    response = client.open("/v1/enrich", method=method)
    problem(response, 405)
    assert "POST" in response.headers["Allow"]


def test_not_ready_is_503_then_ready(resources):
    """With background loading, /readyz and /v1/enrich answer 503 until the resources are in."""
    release = threading.Event()
    original = Engine.load

    def slow_load(self, res=None):
        release.wait(10)
        original(self, resources)

    Engine.load = slow_load
    try:
        app = create_app({"RESOURCE_LOADING": "background"})
        client = app.test_client()
        assert client.get("/healthz").status_code == 200
        response = client.get("/readyz")
        problem(response, 503)
        assert response.headers["Retry-After"]
        problem(client.post("/v1/enrich", json={"text": "Paris"}), 503)
        release.set()
        engine = app.extensions["enrichment"]
        for _ in range(200):
            if engine.ready:
                break
            threading.Event().wait(0.05)
        assert client.get("/readyz").status_code == 200
        assert client.post("/v1/enrich", json={"text": "Paris"}).status_code == 200
    finally:
        Engine.load = original
        release.set()


def test_unexpected_failure_is_a_problem_not_a_trace(app, monkeypatch):
    engine = app.extensions["enrichment"]

    def boom(*_args, **_kwargs):
        raise RuntimeError("secret internal state")

    monkeypatch.setattr(engine.pipeline, "enrich", boom)
    body = problem(app.test_client().post("/v1/enrich", json={"text": "x"}), 500)
    assert "secret" not in body["detail"]
