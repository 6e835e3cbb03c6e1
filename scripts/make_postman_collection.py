"""Write the Postman collection (v2.1) in postman/ from the project's sample articles.

    python scripts/make_postman_collection.py

One request per sample article (the try-it page's, written for this project: the reference articles in
../shared/seeds are not the project's to ship), its expected answers (EXPECTED, below) as pm.test
assertions, and one per error case. The collection is committed; a test checks it is what this script
writes, so the two cannot drift apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from service.evaluate.articles import sample_articles

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "postman" / "article-enrichment.postman_collection.json"

# What the service must answer for each sample, in the form of ../shared/seeds/expected.json.
EXPECTED = {
    "flood": {
        "publication_date": "2022-08-30", "publication_time": "08:30", "publication_utc_offset": "+00:00",
        "bylines": ["Sara Malik", "Tom Hayes"],
        "cities": [{"name": "Islamabad", "latitude": 33.72, "longitude": 73.06, "within_km": 25},
                   {"name": "Karachi", "latitude": 24.86, "longitude": 67.01, "within_km": 25},
                   {"name": "Lahore", "latitude": 31.55, "longitude": 74.34, "within_km": 25}],
        "regions": [{"name": "Sindh", "country_code": "PK"}, {"name": "Pakistan", "country_code": "PK"}],
        "allowed_country_codes": ["PK", "IN", "CN"], "dateline": "Islamabad", "topic_iptc_preferred": "03000000",
    },
    "election": {
        "publication_date": "2023-11-07", "bylines": [],
        "cities": [{"name": "Columbus", "latitude": 39.96, "longitude": -83.0, "within_km": 25},
                   {"name": "Cleveland", "latitude": 41.5, "longitude": -81.69, "within_km": 25},
                   {"name": "Cincinnati", "latitude": 39.1, "longitude": -84.51, "within_km": 25}],
        "regions": [{"name": "Ohio", "country_code": "US"}, {"name": "California", "country_code": "US"}],
        "allowed_country_codes": ["US"], "dateline": "Columbus", "topic_iptc_preferred": "11000000",
    },
}


HELPERS = r"""
const body = pm.response.json();
const norm = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const names = (p) => [p.name, ...p.mentions.map(m => m.text)].map(norm);
const km = (lat1, lon1, lat2, lon2) => {
  const r = Math.PI / 180, a = Math.sin((lat2 - lat1) * r / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
};
""".strip()


def _script(lines: list[str]) -> dict:
    return {"listen": "test", "script": {"type": "text/javascript", "exec": lines}}


def article_request(name: str, text: str, want: dict) -> dict:
    tests = HELPERS.splitlines() + [
        "pm.test('200 with JSON', () => { pm.response.to.have.status(200); "
        "pm.expect(pm.response.headers.get('Content-Type')).to.include('application/json'); });",
    ]
    if want["publication_date"] is None:
        tests.append("pm.test('no publication date', () => pm.expect(body.publication_date).to.equal(null));")
    else:
        value = want["publication_date"]
        if "publication_time" in want:
            value = f"{value}T{want['publication_time']}:00{want['publication_utc_offset']}"
        tests.append(f"pm.test('publication date {value}', () => pm.expect(body.publication_date)"
                     f".to.equal({json.dumps(value)}));")
    tests.append(f"pm.test('bylines', () => pm.expect(body.bylines.filter(b => b.kind === 'person')"
                 f".map(b => b.name)).to.eql({json.dumps(want['bylines'])}));")
    for city in want["cities"]:
        tests.append(
            f"pm.test('{city['name']} within {city['within_km']} km of {city['latitude']}, {city['longitude']}', () => {{"
            f" const hits = body.places.filter(p => names(p).includes(norm({json.dumps(city['name'])})));"
            f" pm.expect(hits.length).to.be.above(0);"
            f" pm.expect(Math.min(...hits.map(p => km(p.latitude, p.longitude, {city['latitude']}, {city['longitude']}))))"
            f".to.be.at.most({city['within_km']}); }});")
    for region in want["regions"]:
        tests.append(
            f"pm.test('{region['name']} in {region['country_code']}', () => pm.expect(body.places.some(p => "
            f"names(p).includes(norm({json.dumps(region['name'])})) && p.country_code === "
            f"{json.dumps(region['country_code'])})).to.be.true);")
    tests.append(f"pm.test('no place outside the allowed countries', () => pm.expect(body.places.filter(p => "
                 f"p.country_code !== null && !{json.dumps(want['allowed_country_codes'])}.includes(p.country_code))"
                 f".map(p => p.name)).to.eql([]));")
    if want["dateline"] is None:
        tests.append("pm.test('no dateline', () => pm.expect(body.dateline).to.equal(null));")
    else:
        tests.append(f"pm.test('dateline {want['dateline']}', () => pm.expect(norm(body.dateline.name))"
                     f".to.equal(norm({json.dumps(want['dateline'])})));")
    tests.append(f"pm.test('topic medtop:{want['topic_iptc_preferred']} first', () => pm.expect(body.topic.code)"
                 f".to.equal('medtop:{want['topic_iptc_preferred']}'));")
    return {
        "name": f"Sample: {name}",
        "event": [_script(tests)],
        "request": {
            "method": "POST",
            "header": [{"key": "Content-Type", "value": "application/json"}],
            "body": {"mode": "raw", "raw": json.dumps({"text": text}, ensure_ascii=False, indent=1)},
            "url": {"raw": "{{baseUrl}}/v1/enrich", "host": ["{{baseUrl}}"], "path": ["v1", "enrich"]},
        },
    }


def problem_request(name: str, method: str, path: str, status: int, content_type: str | None, body: str | None,
                    extra: list[str], prerequest: list[str] | None = None) -> dict:
    tests = [
        f"pm.test('{status} problem+json', () => {{ pm.response.to.have.status({status}); "
        "pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json'); "
        f"const p = pm.response.json(); pm.expect(p.status).to.equal({status}); "
        "pm.expect(p.detail).to.be.a('string').and.not.empty; pm.expect(p.title).to.be.a('string'); });",
        *extra,
    ]
    request: dict = {"method": method, "header": [],
                     "url": {"raw": "{{baseUrl}}" + path, "host": ["{{baseUrl}}"], "path": path.strip("/").split("/")}}
    if content_type:
        request["header"].append({"key": "Content-Type", "value": content_type})
    if body is not None:
        request["body"] = {"mode": "raw", "raw": body}
    events = [_script(tests)]
    if prerequest:
        events.insert(0, {"listen": "prerequest", "script": {"type": "text/javascript", "exec": prerequest}})
    return {"name": name, "event": events, "request": request}


def get_request(name: str, path: str, lines: list[str]) -> dict:
    return {"name": name, "event": [_script(lines)],
            "request": {"method": "GET", "header": [],
                        "url": {"raw": "{{baseUrl}}" + path, "host": ["{{baseUrl}}"], "path": [path.strip("/")]}}}


def batch_of_samples(texts: dict[str, str]) -> dict:
    """The samples and one malformed item in one batch: a result per sample, one per-item problem."""
    articles = [{"id": name, "text": text} for name, text in texts.items()]
    articles.append({"id": "no-text"})
    bad = len(articles) - 1
    tests = [
        "const body = pm.response.json();",
        "pm.test('200 with one result per article, in order', () => { pm.response.to.have.status(200); "
        f"pm.expect(body.results.map(r => r.id)).to.eql({json.dumps([a['id'] for a in articles])}); }});",
        f"pm.test('{bad} succeeded, one failed', () => {{ pm.expect(body.succeeded).to.equal({bad}); "
        "pm.expect(body.failed).to.equal(1); });",
        f"pm.test('the bad item has its own 422 problem at its text', () => {{ const r = body.results[{bad}]; "
        "pm.expect(r.status).to.equal(422); "
        f"pm.expect(r.problem.errors[0].pointer).to.equal('#/articles/{bad}/text'); }});",
        "pm.test('the flood story has its bylines and Karachi', () => { const e = body.results[0].enrichment; "
        "pm.expect(e.bylines.map(b => b.name)).to.include('Sara Malik'); "
        "pm.expect(e.places.some(p => p.name === 'Karachi')).to.be.true; });",
    ]
    return {"name": "Batch of the samples and a malformed item", "event": [_script(tests)],
            "request": {"method": "POST", "header": [{"key": "Content-Type", "value": "application/json"}],
                        "body": {"mode": "raw", "raw": json.dumps({"articles": articles}, ensure_ascii=False,
                                                                  indent=1)},
                        "url": {"raw": "{{baseUrl}}/v1/enrich/batch", "host": ["{{baseUrl}}"],
                                "path": ["v1", "enrich", "batch"]}}}


def build() -> dict:
    texts = sample_articles()
    articles = [article_request(name, texts[name], want) for name, want in EXPECTED.items()]
    errors = [
        problem_request("Malformed JSON is 400", "POST", "/v1/enrich", 400, "application/json", '{"text": "a",', []),
        problem_request("Missing text is 422 at #/text", "POST", "/v1/enrich", 422, "application/json", "{}",
                        ["pm.test('points at text', () => pm.expect(pm.response.json().errors[0].pointer)"
                         ".to.equal('#/text'));"]),
        problem_request("Empty text is 422", "POST", "/v1/enrich", 422, "application/json", '{"text": "   "}',
                        ["pm.test('points at text', () => pm.expect(pm.response.json().errors[0].pointer)"
                         ".to.equal('#/text'));"]),
        problem_request("Non-string text is 422", "POST", "/v1/enrich", 422, "application/json", '{"text": 12}',
                        ["pm.test('points at text', () => pm.expect(pm.response.json().errors[0].pointer)"
                         ".to.equal('#/text'));"]),
        problem_request("Bad reference_date is 422", "POST", "/v1/enrich", 422, "application/json",
                        '{"text": "x", "reference_date": "5 Jan 2014"}',
                        ["pm.test('points at reference_date', () => pm.expect(pm.response.json().errors[0].pointer)"
                         ".to.equal('#/reference_date'));"]),
        problem_request("Unsupported content type is 415", "POST", "/v1/enrich", 415, "application/xml",
                        "<text>x</text>", []),
        problem_request("Body over 1 MB is 413", "POST", "/v1/enrich", 413, "text/plain; charset=utf-8", "", [],
                        prerequest=["pm.request.body.raw = 'a'.repeat(1000001);"]),
        problem_request("Unknown route is 404", "GET", "/v1/nowhere", 404, None, None, []),
        problem_request("Wrong method is 405 with Allow", "GET", "/v1/enrich", 405, None, None,
                        ["pm.test('Allow names POST', () => pm.expect(pm.response.headers.get('Allow'))"
                         ".to.include('POST'));"]),
    ]
    operations = [
        get_request("Liveness", "/healthz", ["pm.test('200 ok', () => { pm.response.to.have.status(200); "
                                             "pm.expect(pm.response.json().status).to.equal('ok'); });"]),
        get_request("Readiness", "/readyz", ["pm.test('200 ready', () => { pm.response.to.have.status(200); "
                                             "pm.expect(pm.response.json().status).to.equal('ready'); });"]),
        get_request("Prometheus metrics", "/metrics", [
            "pm.test('200 in Prometheus text format', () => { pm.response.to.have.status(200); "
            "pm.expect(pm.response.text()).to.include('enrichment_http_requests_total'); });",
            "pm.test('security headers and a request id', () => { "
            "pm.expect(pm.response.headers.get('X-Content-Type-Options')).to.equal('nosniff'); "
            "pm.expect(pm.response.headers.get('X-Request-ID')).to.match(/^[0-9a-f]{32}$/); });"]),
        get_request("OpenAPI document", "/openapi.yaml", ["pm.test('the contract', () => { "
                                                          "pm.response.to.have.status(200); "
                                                          "pm.expect(pm.response.text()).to.include('openapi: 3.1'); });"]),
    ]
    plain = {
        "name": "Sample as text/plain with reference_date",
        "event": [_script(["pm.test('200 and the same date', () => { pm.response.to.have.status(200); "
                           "pm.expect(pm.response.json().publication_date).to.equal('2022-08-30T08:30:00+00:00'); });",
                           "pm.test('our X-Request-ID comes back', () => pm.expect("
                           "pm.response.headers.get('X-Request-ID')).to.equal('postman-sample-flood'));"])],
        "request": {"method": "POST", "header": [{"key": "Content-Type", "value": "text/plain; charset=utf-8"},
                                                 {"key": "X-Request-ID", "value": "postman-sample-flood"}],
                    "body": {"mode": "raw", "raw": texts["flood"]},
                    "url": {"raw": "{{baseUrl}}/v1/enrich?reference_date=2022-08-31", "host": ["{{baseUrl}}"],
                            "path": ["v1", "enrich"], "query": [{"key": "reference_date", "value": "2022-08-31"}]}},
    }
    batch = [batch_of_samples(texts), problem_request(
        "Batch over BATCH_MAX_ITEMS is 422", "POST", "/v1/enrich/batch", 422, "application/json", "",
        ["pm.test('points at articles', () => pm.expect(pm.response.json().errors[0].pointer)"
         ".to.equal('#/articles'));"],
        prerequest=["const articles = Array.from({length: 1001}, (_, i) => ({id: `a${i}`, text: 'Paris'}));",
                    "pm.request.body.raw = JSON.stringify({articles});"])]
    return {
        "info": {"name": "Article enrichment", "_postman_id": "5b7f0c55-0d0e-4e5e-9f6a-6a1f0e2b7d21",
                 "description": "Requests against POST /v1/enrich and /v1/enrich/batch: the sample "
                                "articles with their expected answers, a batch, and every error case. Set baseUrl "
                                "in the environment. Paste your own article (or a reference article from "
                                "../shared/seeds) into a sample's body to try it.",
                 "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": [{"name": "Sample articles", "item": articles + [plain]},
                 {"name": "Batch", "item": batch},
                 {"name": "Errors", "item": errors},
                 {"name": "Operations", "item": operations}],
        "variable": [{"key": "baseUrl", "value": "http://localhost:8000"}],
    }


def render() -> str:
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
