"""openapi.yaml is the contract: the app serves exactly its routes, and what it answers
validates against the schemas it declares."""

from __future__ import annotations


import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker
from openapi_spec_validator import validate as validate_spec

from conftest import ROOT, seed_cases

SPEC = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = {"get", "post", "put", "patch", "delete"}


def _deref(node: dict) -> dict:
    while "$ref" in node:
        target = SPEC
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def response_validator(path: str, method: str, status: int, media_type: str) -> Draft202012Validator:
    operation = SPEC["paths"][path][method.lower()]
    response = _deref(operation["responses"][str(status)])
    schema = response["content"][media_type]["schema"]
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": SPEC["components"], **schema}
    return Draft202012Validator(root, format_checker=FormatChecker())


def assert_matches_spec(response, path: str, method: str = "post") -> None:
    media_type = response.mimetype
    validator = response_validator(path, method, response.status_code, media_type)
    errors = sorted(validator.iter_errors(response.get_json()), key=lambda e: e.path)
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


def test_spec_is_valid_openapi_31():
    assert SPEC["openapi"].startswith("3.1")
    validate_spec(SPEC)


def test_app_routes_equal_spec_paths(app):
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint.endswith("static"):  # the pages' files
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            served.add((rule.rule, method.lower()))
    declared = {(path, method) for path, item in SPEC["paths"].items() for method in item if method in METHODS}
    assert served == declared


def test_request_example_is_a_valid_request():
    body = SPEC["paths"]["/v1/enrich"]["post"]["requestBody"]["content"]["application/json"]
    root = {"components": SPEC["components"], **body["schema"]}
    for example in body["examples"].values():
        Draft202012Validator(root, format_checker=FormatChecker()).validate(example["value"])


@pytest.mark.parametrize("name,text,_", seed_cases(), ids=[c[0] for c in seed_cases()])
def test_enrichment_responses_match_schema(client, name, text, _):
    assert_matches_spec(client.post("/v1/enrich", json={"text": text}), "/v1/enrich")
    assert_matches_spec(client.post("/v1/enrich", data=text.encode(), content_type="text/plain; charset=utf-8"),
                        "/v1/enrich")


ERROR_REQUESTS = [
    ("malformed json", dict(data="{", content_type="application/json"), 400),
    ("missing text", dict(json={}), 422),
    ("empty text", dict(json={"text": ""}), 422),
    ("whitespace text", dict(json={"text": "  \n\t "}), 422),
    ("non-string text", dict(json={"text": ["a"]}), 422),
    ("null text", dict(json={"text": None}), 422),
    ("bad reference_date", dict(json={"text": "x", "reference_date": "05/01/2014"}), 422),
    ("unknown field", dict(json={"text": "x", "lang": "en"}), 422),
    ("not an object", dict(json=["text"]), 422),
    ("unsupported type", dict(data=b"<p>x</p>", content_type="text/html"), 415),
    ("no content type", dict(data=b"x"), 415),
    ("latin-1 text/plain", dict(data="caf\xe9".encode("latin-1"), content_type="text/plain; charset=iso-8859-1"), 415),
    ("invalid utf-8", dict(data=b"\xff\xfe\xfa", content_type="text/plain"), 400),
]


@pytest.mark.parametrize("label,kwargs,status", ERROR_REQUESTS, ids=[e[0] for e in ERROR_REQUESTS])
def test_error_responses_match_schema(client, label, kwargs, status):
    response = client.post("/v1/enrich", **kwargs)
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    assert_matches_spec(response, "/v1/enrich")


def test_operational_responses_match_schema(client):
    for path in ("/healthz", "/readyz"):
        response = client.get(path)
        assert response.status_code == 200
        assert_matches_spec(response, path, "get")


def test_openapi_is_served(client):
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.get_data(as_text=True)) == SPEC
