"""The try-it page and /docs in a real browser: headless Chromium (Debian's package) driven by
playwright-core (npm), against a live gunicorn. Screenshots go to build/artifacts/ for CI."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.e2e
ARTIFACTS = ROOT / "build" / "artifacts"


@pytest.fixture(scope="module")
def page_report(live_server):
    node = shutil.which("node")
    chromium = shutil.which("chromium")
    if node is None or chromium is None or not (ROOT / "node_modules" / "playwright-core").is_dir():
        pytest.fail("needs node, playwright-core (npm ci) and chromium (Debian): `make test` installs them")
    seed = next(SEEDS.glob("004_*.txt"), None)
    if seed is None:
        pytest.skip(f"{SEEDS} not available: the page is checked on seed 004")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    run = subprocess.run([node, str(ROOT / "tests" / "browser" / "try_it.mjs"), live_server.url, str(seed),
                          str(ARTIFACTS)], cwd=ROOT, capture_output=True, text=True, timeout=180,
                         env={"CHROMIUM_PATH": chromium, "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_seed_004_byline_and_date(page_report):
    assert "Patrick Goodenough" in page_report["bylines"]
    assert page_report["published"].startswith("2014-01-05T17:13:00-05:00")
    assert page_report["highlightedBylines"] == ["Patrick Goodenough"]
    assert page_report["highlightedDate"], "the date's evidence is highlighted"
    assert "conflict" in page_report["topic"]


def test_jerusalem_and_ramadi_on_the_map_and_in_the_text(page_report):
    labels = page_report["markers"]
    assert any(label.startswith("Jerusalem") for label in labels)
    assert any(label.startswith("Ramadi") for label in labels)
    assert "Jerusalem" in page_report["highlightedPlaces"] and "Ramadi" in page_report["highlightedPlaces"]


def test_clicking_or_pressing_enter_on_a_place_shows_its_details(page_report):
    assert "Ramadi" in page_report["ramadiDetails"] and "33.42" in page_report["ramadiDetails"]
    assert "Confidence" in page_report["ramadiDetails"] and "Mentions" in page_report["ramadiDetails"]
    assert "Jerusalem" in page_report["jerusalemDetails"] and "31.7" in page_report["jerusalemDetails"]
    assert "Geneva" in page_report["genevaDetails"] and "46.2" in page_report["genevaDetails"]
    assert "Ramadi" in page_report["ramadiFromText"]


def test_map_works_offline_and_the_page_obeys_its_csp(page_report):
    assert page_report["countries"] > 150  # outlines shipped with the page
    assert page_report["samples"] >= 3  # the placeholder and the bundled samples
    assert page_report["outsideRequests"] == []
    assert page_report["consoleErrors"] == []  # a CSP violation would be reported here
    assert (ARTIFACTS / "try-it.png").stat().st_size > 10_000


def test_docs_render_the_contract(page_report):
    assert page_report["docsTitle"].startswith("Article enrichment")
    assert "/v1/enrich" in page_report["docsOperations"]
    assert (ARTIFACTS / "docs.png").is_file()
