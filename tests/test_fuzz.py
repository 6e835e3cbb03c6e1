"""Contract fuzzing: schemathesis generates requests from openapi.yaml against a live gunicorn and
runs all its checks (status codes and content types documented, responses matching their schemas,
invalid data rejected, valid data accepted, no 5xx)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.e2e
MIN_CASES = 500


def test_schemathesis_finds_nothing(live_server, tmp_path):
    report = tmp_path / "schemathesis.json"
    st = Path(sys.executable).parent / "st"
    # A fixed seed keeps the run deterministic; 300 examples per phase and operation gives 700-odd cases.
    command = [str(st), "run", str(ROOT / "openapi.yaml"), "--url", live_server.url, "--checks", "all",
               "--max-examples", "300", "--seed", "20261121", "--no-color", "--request-timeout", "30",
               "--report", "json", "--report-json-path", str(report)]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=900)
    summary = json.loads(report.read_text())
    assert run.returncode == 0, run.stdout[-6000:]
    assert summary["test_cases"]["generated"] >= MIN_CASES, summary["test_cases"]
    assert summary["test_cases"]["with_failures"] == 0 and not summary["errors"]
    assert summary["operations"]["tested"] == summary["operations"]["total"]
