"""POST /v1/enrich/batch: per-item answers, per-item errors that never fail the batch, limits."""

from __future__ import annotations

import pytest

from conftest import sample_articles
from test_contract import assert_matches_spec
from test_errors import problem


def post_batch(client, articles, **kwargs):
    return client.post("/v1/enrich/batch", json={"articles": articles}, **kwargs)


def test_each_article_gets_the_single_endpoint_answer_in_order(client):
    samples = list(sample_articles().items())
    articles = [{"id": name, "text": text} for name, text in samples]
    response = post_batch(client, articles)
    assert response.status_code == 200
    assert_matches_spec(response, "/v1/enrich/batch")
    body = response.get_json()
    assert (body["succeeded"], body["failed"]) == (len(samples), 0)
    assert [r["id"] for r in body["results"]] == [a["id"] for a in articles]
    assert [r["index"] for r in body["results"]] == list(range(len(samples)))
    for result, (_, text) in zip(body["results"], samples):
        single = client.post("/v1/enrich", json={"text": text}).get_json()
        assert result["status"] == 200
        assert result["enrichment"] == single


def test_bad_items_get_their_own_problem_and_the_rest_succeed(client):
    articles = [
        {"id": "good", "text": "JERUSALEM - Kerry spoke of Ramadi, Iraq."},
        {"id": "good", "text": "repeats the id"},
        {"text": "no id"},
        "not an object",
        {"id": "bad-date", "text": "x", "reference_date": "05/01/2014"},
        {"id": "empty", "text": "   "},
        {"id": "extra", "text": "x", "lang": "en"},
        {"id": 7, "text": "numeric id"},
    ]
    response = post_batch(client, articles)
    assert response.status_code == 200
    assert_matches_spec(response, "/v1/enrich/batch")
    body = response.get_json()
    assert (body["succeeded"], body["failed"]) == (1, 7)
    results = body["results"]
    assert results[0]["status"] == 200
    assert any(p["name"] == "Ramadi" for p in results[0]["enrichment"]["places"])
    pointers = {r["index"]: [e["pointer"] for e in r["problem"]["errors"]] for r in results[1:]}
    assert pointers == {1: ["#/articles/1/id"], 2: ["#/articles/2/id"], 3: ["#/articles/3"],
                        4: ["#/articles/4/reference_date"], 5: ["#/articles/5/text"], 6: ["#/articles/6/lang"],
                        7: ["#/articles/7/id"]}
    assert all(r["status"] == 422 and r["problem"]["status"] == 422 and r["problem"]["detail"] for r in results[1:])
    assert "already used by item 0" in results[1]["problem"]["detail"]
    assert results[2]["id"] is None and results[3]["id"] is None


def test_a_failing_article_does_not_fail_the_batch(client, pipeline, monkeypatch):
    real = pipeline.enrich

    def flaky(text, reference_date=None, deadline=None):
        if "BOOM" in text:
            raise RuntimeError("simulated extractor bug")
        return real(text, reference_date, deadline)

    monkeypatch.setattr(pipeline, "enrich", flaky)
    response = post_batch(client, [{"id": "a", "text": "BOOM in Paris"}, {"id": "b", "text": "Rain in Paris."}])
    body = response.get_json()
    assert response.status_code == 200
    assert [r["status"] for r in body["results"]] == [500, 200]
    assert body["results"][0]["problem"]["type"].endswith("extraction-failed")
    assert "simulated" not in response.get_data(as_text=True)


def test_an_article_over_the_single_limit_is_413_alone(app, client):
    limit = app.config["MAX_CONTENT_LENGTH"]
    response = post_batch(client, [{"id": "long", "text": "a" * (limit + 1)}, {"id": "short", "text": "Paris."}])
    assert [r["status"] for r in response.get_json()["results"]] == [413, 200]


def test_too_many_items_is_422_before_any_work(app, client, pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "enrich", lambda *a: pytest.fail("must not enrich"))
    limit = app.config["BATCH_MAX_ITEMS"]
    body = problem(post_batch(client, [{"id": str(i), "text": "x"} for i in range(limit + 1)]), 422)
    assert f"at most {limit}" in body["detail"]
    assert body["errors"][0]["pointer"] == "#/articles"


def test_ten_thousand_items_are_refused_quickly(client):
    response = post_batch(client, [{"id": str(i), "text": "Paris"} for i in range(10_000)])
    assert response.status_code in (413, 422)


def test_body_over_the_batch_limit_is_413(app, client):
    limit = app.config["BATCH_MAX_CONTENT_LENGTH"]
    articles = [{"id": str(i), "text": "a" * 100_000} for i in range(limit // 100_000 + 1)]
    problem(post_batch(client, articles), 413)


@pytest.mark.parametrize("kwargs,status,pointer", [
    (dict(json={"articles": []}), 422, "#/articles"),
    (dict(json={"articles": "x"}), 422, "#/articles"),
    (dict(json={}), 422, "#/articles"),
    (dict(json={"articles": [{"id": "a", "text": "x"}], "extra": 1}), 422, "#/extra"),
    (dict(json=[{"id": "a", "text": "x"}]), 422, "#"),
    (dict(data="{", content_type="application/json"), 400, None),
    (dict(data="Paris", content_type="text/plain"), 415, None),
])
def test_malformed_batches_are_refused_with_a_problem(client, kwargs, status, pointer):
    response = client.post("/v1/enrich/batch", **kwargs)
    body = problem(response, status)
    assert_matches_spec(response, "/v1/enrich/batch")
    if pointer:
        assert body["errors"][0]["pointer"] == pointer
