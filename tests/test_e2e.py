"""End to end: a real gunicorn on loopback, started exactly as the Docker image starts it,
driven over HTTP by requests and by the Postman collection (newman)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest
import requests

from conftest import ROOT, LiveServer, seed_cases

pytestmark = pytest.mark.e2e


def dockerfile_json_instruction(keyword: str) -> list[str]:
    """The exec-form arguments of the Dockerfile's CMD or HEALTHCHECK ... CMD."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    line = next(l for l in text.splitlines() if l.startswith(keyword))
    return json.loads(line[line.index("CMD") + 3:].strip() if keyword == "HEALTHCHECK" else line[len("CMD"):].strip())


@pytest.fixture(scope="module")
def docker_cmd_server():
    """gunicorn launched with the Dockerfile's own CMD (from the venv the tests run in)."""
    cmd = dockerfile_json_instruction("CMD")
    assert cmd[0] == "gunicorn"
    server = LiveServer(args=[str(ROOT / ".venv" / "bin" / "gunicorn") if (ROOT / ".venv/bin/gunicorn").exists()
                              else "gunicorn", *cmd[1:]]).start()
    yield server
    server.stop()


def test_healthcheck_command_passes_against_the_server(docker_cmd_server):
    check = dockerfile_json_instruction("HEALTHCHECK")
    assert check[0] == "python"
    result = subprocess.run([sys.executable, *check[1:]], env={"PORT": str(docker_cmd_server.port)},
                            capture_output=True, timeout=10)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("name,text,_", seed_cases(), ids=[c[0] for c in seed_cases()])
def test_seeds_over_http(docker_cmd_server, name, text, _):
    response = requests.post(docker_cmd_server.url + "/v1/enrich", json={"text": text}, timeout=10)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.json()["places"]


def test_problem_details_over_http(docker_cmd_server):
    response = requests.post(docker_cmd_server.url + "/v1/enrich", data=b"{", timeout=10,
                             headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.headers["Content-Type"] == "application/problem+json"
    too_big = requests.post(docker_cmd_server.url + "/v1/enrich", data=b"a" * 1_000_001, timeout=10,
                            headers={"Content-Type": "text/plain"})
    assert too_big.status_code == 413


def test_workers_share_loaded_resources(docker_cmd_server):
    """preload: the app (and its gazetteer) is loaded once in the master before the fork."""
    requests.get(docker_cmd_server.url + "/readyz", timeout=5)
    docker_cmd_server.stop()
    log = docker_cmd_server.log.decode(errors="replace")
    assert len(re.findall(r"resources loaded in", log)) == 1, log
    assert len(re.findall(r"Booting worker", log)) >= 2


def test_postman_collection_passes_with_newman(live_server, tmp_path):
    newman = ROOT / "node_modules" / ".bin" / "newman"
    if not newman.exists():
        pytest.fail("newman is not installed: run `make test` (it runs npm ci)")
    report = tmp_path / "newman.json"
    result = subprocess.run(
        [str(newman), "run", "postman/article-enrichment.postman_collection.json",
         "-e", "postman/local.postman_environment.json", "--env-var", f"baseUrl={live_server.url}",
         "--reporters", "cli,json", "--reporter-json-export", str(report), "--color", "off"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    stats = json.loads(report.read_text())["run"]["stats"]
    # Every pm.test of the collection ran (a request whose script broke would run fewer) and none failed.
    written = (ROOT / "postman" / "article-enrichment.postman_collection.json").read_text().count("pm.test(")
    assert stats["assertions"]["failed"] == 0 and stats["assertions"]["total"] == written


def test_nothing_written_to_home(live_server, tmp_path):
    """gunicorn 25+ would create a control socket under $HOME; the config disables it."""
    home = tmp_path / "home"
    home.mkdir()
    server = LiveServer(env={"HOME": str(home)}).start()
    server.stop()
    assert list(home.iterdir()) == []


def test_node_is_available():
    assert shutil.which("node") or shutil.which("nodejs")
