"""Delivery: the Dockerfile is clean and installs the way the tests do; the Postman collection
is what its generator writes; the README's two commands are the Makefile's."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess

import pytest

from conftest import ROOT


def test_dockerfile_is_hadolint_clean():
    hadolint = shutil.which("hadolint") or str(ROOT / ".venv" / "bin" / "hadolint")
    result = subprocess.run([hadolint, "Dockerfile"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_and_tests_share_one_install_step():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^RUN sh scripts/install.sh /opt/venv\b", dockerfile, re.M)
    assert "sh scripts/install.sh $(VENV) dev" in makefile  # make test
    assert "sh scripts/install.sh $(VENV)\n" in makefile     # make install, make serve


def test_dockerfile_runs_unprivileged_with_healthcheck():
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert dockerfile.count("FROM ") == 2 and "slim" in dockerfile
    assert re.search(r"^USER \d+:\d+$", dockerfile, re.M)
    assert "HEALTHCHECK" in dockerfile and 'CMD ["gunicorn", "-c", "gunicorn.conf.py"' in dockerfile


def test_postman_collection_is_generated_from_the_fixtures():
    spec = importlib.util.spec_from_file_location("make_postman", ROOT / "scripts" / "make_postman_collection.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "postman" / "article-enrichment.postman_collection.json").read_text(encoding="utf-8")
    assert committed == module.render(), "run: python scripts/make_postman_collection.py"


def test_readme_commands_are_make_targets():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


@pytest.mark.parametrize("setting,value", [("preload_app", True), ("control_socket_disable", True)])
def test_gunicorn_config(setting, value, monkeypatch, tmp_path):
    # The config file sets environment variables for the server it configures; keep them out of this process.
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path / "metrics"))
    monkeypatch.setenv("_ENRICHMENT_METRICS_OWNER", "0")  # recorded, so restored (unset) afterwards
    monkeypatch.setenv("REQUEST_TIMEOUT", "20")
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    assert getattr(conf, setting) == value
    assert conf.worker_class == "service.serving.EnrichmentWorker" and conf.accesslog is None
    assert conf.max_requests > 0 and conf.max_requests_jitter > 0 and conf.timeout > 0 and conf.workers >= 1


class _Parsed(Exception):
    """Raised once a tool has parsed its arguments, before it does any work."""


def test_make_models_gives_every_tool_the_arguments_it_requires(monkeypatch):
    # `make models` once stopped at its first step for a missing --out; parse each step's arguments
    # the way the tool would, without training anything.
    import argparse
    import importlib
    import shlex

    makefile = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    recipe = makefile.split("\nmodels:", 1)[1].split("\n\n", 1)[0]
    steps = re.findall(r"\$\(BIN\)/python -m (service\.tools\.\w+) ([^\n]*)", recipe)
    assert {module.rsplit(".", 1)[1] for module, _ in steps} >= {
        "build_lexicon", "train_toponyms", "train_resolver", "train_meta", "train_topics"}
    parse = argparse.ArgumentParser.parse_args

    def parse_then_stop(self, args=None, namespace=None):
        parse(self, args, namespace)
        raise _Parsed

    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", parse_then_stop)
    for module, arguments in steps:
        argv = shlex.split(arguments.replace("$(SHARED)", "../shared"))
        with pytest.raises(_Parsed):
            importlib.import_module(module).main(argv)
