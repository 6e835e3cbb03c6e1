"""The five reference articles, through the HTTP API, against ../shared/seeds/expected.json (skipped
when ../shared is not at hand: the articles are not the project's to commit)."""

from __future__ import annotations

import math
import unicodedata

import pytest

from conftest import seed_cases

CASES = seed_cases()


def _key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _names(place: dict) -> set[str]:
    return {_key(place["name"])} | {_key(m["text"]) for m in place["mentions"]}


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module", params=CASES, ids=[c[0] for c in CASES])
def seed(request, app):
    name, text, want = request.param
    response = app.test_client().post("/v1/enrich", json={"text": text})
    assert response.status_code == 200, response.get_data(as_text=True)
    return text, want, response.get_json()


def test_publication_date(seed):
    _, want, got = seed
    if want["publication_date"] is None:
        assert got["publication_date"] is None
        return
    if "publication_time" in want:
        assert got["publication_date"] == f"{want['publication_date']}T{want['publication_time']}:00" \
                                          f"{want['publication_utc_offset']}"
    else:
        assert got["publication_date"] == want["publication_date"]
    evidence = got["publication"]["evidence"]
    assert evidence["text"]


def test_bylines(seed):
    _, want, got = seed
    assert [b["name"] for b in got["bylines"] if b["kind"] == "person"] == want["bylines"]


def test_cities_within_distance(seed):
    _, want, got = seed
    for city in want["cities"]:
        matches = [p for p in got["places"] if _key(city["name"]) in _names(p)]
        assert matches, f"{city['name']} not returned"
        best = min(_km(p["latitude"], p["longitude"], city["latitude"], city["longitude"]) for p in matches)
        assert best <= city["within_km"], f"{city['name']} placed {best:.0f} km away"


def test_regions_with_country(seed):
    _, want, got = seed
    for region in want["regions"]:
        assert any(_key(region["name"]) in _names(p) and p["country_code"] == region["country_code"]
                   for p in got["places"]), f"{region['name']} ({region['country_code']}) not returned"


def test_no_place_outside_allowed_countries(seed):
    _, want, got = seed
    outside = [(p["name"], p["country_code"]) for p in got["places"]
               if p["country_code"] is not None and p["country_code"] not in want["allowed_country_codes"]]
    assert not outside


def test_dateline(seed):
    _, want, got = seed
    if want["dateline"] is None:
        assert got["dateline"] is None
    else:
        assert got["dateline"] is not None and _key(got["dateline"]["name"]) == _key(want["dateline"])


def test_topic(seed):
    _, want, got = seed
    assert got["topic"]["code"] == f"medtop:{want['topic_iptc_preferred']}"
    ranked = [got["topic"]["code"]] + [a["code"] for a in got["topic"]["alternatives"]]
    assert set(ranked[:2]) <= {f"medtop:{c}" for c in want["topic_iptc_top_level_any_of"]}


def test_offsets_point_at_the_text(seed):
    text, _, got = seed
    spans = [m for p in got["places"] for m in p["mentions"]] + got["unresolved_toponyms"]
    spans += [b["evidence"] for b in got["bylines"]]
    if got["publication"]:
        spans.append(got["publication"]["evidence"])
    if got["dateline"]:
        spans.append(got["dateline"]["evidence"])
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]
