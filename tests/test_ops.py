"""Access control, security headers, CORS, request ids, JSON logs, metrics and extraction failures."""

from __future__ import annotations

import json
import logging
import socket

import pytest
import requests

from conftest import LiveServer, metric_value, sample_articles
from service.api import create_app, ops
from service.logs import JsonFormatter

ARTICLE = {"text": "By Jane Doe\nJERUSALEM - Talks in Ramadi, Iraq."}


@pytest.fixture(scope="module")
def keyed_app(resources, tmp_path_factory):
    keys_file = tmp_path_factory.mktemp("keys") / "keys.txt"
    keys_file.write_text("# one key per line\nfile-key-1\n\nfile-key-2\n", encoding="utf-8")
    return create_app({"TESTING": True, "API_KEYS": "env-key", "API_KEYS_FILE": str(keys_file)}, resources)


def test_api_keys_are_off_by_default(client):
    assert client.post("/v1/enrich", json=ARTICLE).status_code == 200


@pytest.mark.parametrize("headers,detail", [
    ({}, "requires an API key"),
    ({"Authorization": "Bearer wrong"}, "not valid"),
    ({"Authorization": "Basic ZW52LWtleTo="}, "requires an API key"),
    ({"Authorization": "Bearer "}, "requires an API key"),
])
def test_without_a_valid_key_401_problem(keyed_app, headers, detail):
    response = keyed_app.test_client().post("/v1/enrich", json=ARTICLE, headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert detail in response.json["detail"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("key", ["env-key", "file-key-1", "file-key-2"])
def test_keys_from_environment_and_file(keyed_app, key):
    client = keyed_app.test_client()
    assert client.post("/v1/enrich", json=ARTICLE, headers={"Authorization": f"Bearer {key}"}).status_code == 200
    batch = {"articles": [{"id": "a", **ARTICLE}]}
    assert client.post("/v1/enrich/batch", json=batch, headers={"Authorization": f"Bearer {key}"}).status_code == 200
    assert client.post("/v1/enrich/batch", json=batch).status_code == 401


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.yaml"])
def test_health_and_operations_stay_open(keyed_app, path):
    assert keyed_app.test_client().get(path).status_code == 200


def test_keys_are_compared_in_constant_time_against_every_key(monkeypatch):
    calls = []
    real = ops.hmac.compare_digest
    monkeypatch.setattr(ops.hmac, "compare_digest", lambda a, b: calls.append(1) or real(a, b))
    keys = [b"first", b"second", b"third"]
    assert ops.key_is_valid("first", keys)
    assert len(calls) == 3  # no early exit on the match
    assert not ops.key_is_valid("fourth\udcff", keys)


@pytest.mark.parametrize("method,path,body", [
    ("POST", "/v1/enrich", ARTICLE), ("GET", "/healthz", None), ("GET", "/nowhere", None),
    ("DELETE", "/v1/enrich", None), ("POST", "/v1/enrich", {"text": ""}), ("GET", "/metrics", None),
])
def test_security_headers_on_every_response(client, method, path, body):
    response = client.open(path, method=method, json=body)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "Access-Control-Allow-Origin" not in response.headers  # CORS is off by default
    if path.startswith("/v1/"):
        assert response.headers["Cache-Control"] == "no-store"


def test_cors_only_for_configured_origins(resources):
    app = create_app({"TESTING": True, "CORS_ALLOW_ORIGINS": "https://news.example"}, resources)
    client = app.test_client()
    preflight = client.options("/v1/enrich", headers={"Origin": "https://news.example",
                                                      "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "https://news.example"
    other = client.post("/v1/enrich", json=ARTICLE, headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_request_id_is_echoed_or_made(client):
    given = client.post("/v1/enrich", json=ARTICLE, headers={"X-Request-ID": "caller-42"})
    assert given.headers["X-Request-ID"] == "caller-42"
    made = client.post("/v1/enrich", json=ARTICLE)
    assert len(made.headers["X-Request-ID"]) == 32
    hostile = client.post("/v1/enrich", json=ARTICLE, headers={"X-Request-ID": "a\u00e9<script>" + "x" * 300})
    assert hostile.headers["X-Request-ID"].isalnum()
    problem = client.post("/v1/enrich", json={}, headers={"X-Request-ID": "caller-43"})
    assert problem.json["request_id"] == "caller-43"


def test_access_log_is_json_with_the_request_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="service.access"):
        client.post("/v1/enrich", json=ARTICLE, headers={"X-Request-ID": "log-me"})
    records = [r for r in caplog.records if r.name == "service.access"]
    line = json.loads(JsonFormatter().format(records[-1]))
    assert line["request_id"] == "log-me"
    assert line["status"] == 200 and line["route"] == "/v1/enrich" and line["duration_ms"] > 0
    assert line["level"] == "info" and line["ts"].endswith("Z")


def test_a_failing_stage_costs_only_its_field(app, client, monkeypatch):
    pipeline = app.extensions["enrichment"].pipeline

    def broken(doc):
        raise RuntimeError("boom")

    stages = [(name, broken if name == "topic" else stage) for name, stage in pipeline.stages]
    monkeypatch.setattr(pipeline, "stages", stages)
    before = client.get("/metrics").get_data(as_text=True)
    response = client.post("/v1/enrich", json=ARTICLE)
    assert response.status_code == 200
    body = response.json
    assert body["topic"] is None and body["places"]
    assert any("topic extraction failed" in w for w in body["warnings"])
    after = client.get("/metrics").get_data(as_text=True)
    assert metric_value(after, 'enrichment_extraction_failures_total{stage="topic"}') == \
        metric_value(before, 'enrichment_extraction_failures_total{stage="topic"}') + 1


def test_no_outbound_network_in_the_default_configuration(resources, monkeypatch):
    attempts = []
    real_connect = socket.socket.connect

    def record(sock, address):
        attempts.append(address)
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", record)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: attempts.append(a) or (_ for _ in ()).throw(
        OSError("no network in tests")))
    app = create_app({"TESTING": True})
    client = app.test_client()
    for text in sample_articles().values():
        assert client.post("/v1/enrich", json={"text": text}).status_code == 200
    assert attempts == []


@pytest.mark.e2e
def test_metrics_add_up_across_gunicorn_workers(live_server):
    url = live_server.url
    key = 'enrichment_http_requests_total{method="POST",route="/v1/enrich",status="200"}'
    before = metric_value(requests.get(url + "/metrics", timeout=5).text, key)
    places_before = metric_value(requests.get(url + "/metrics", timeout=5).text, "enrichment_places_found_total")
    for _ in range(12):
        assert requests.post(url + "/v1/enrich", json=ARTICLE, timeout=10).status_code == 200
    after = requests.get(url + "/metrics", timeout=5).text
    assert metric_value(after, key) == before + 12
    assert metric_value(after, "enrichment_places_found_total") >= places_before + 24
    assert 'enrichment_http_request_duration_seconds_bucket{le="0.5",method="POST",route="/v1/enrich"}' in after


@pytest.mark.e2e
def test_logs_are_json_lines_with_request_ids(tmp_path):
    server = LiveServer().start()
    try:
        requests.post(server.url + "/v1/enrich", json=ARTICLE, headers={"X-Request-ID": "trace-me"}, timeout=10)
    finally:
        server.stop()
    lines = [json.loads(line) for line in server.log.decode().splitlines() if line.startswith("{")]
    assert any(line.get("request_id") == "trace-me" and line["status"] == 200 for line in lines)
    assert any(line["logger"] == "gunicorn.error" for line in lines)
    assert all(not line.startswith("Traceback") for line in server.log.decode().splitlines())
