"""``article-enrich``: JSONL and folder input, every core, resumable, the API's JSON per article."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, sample_articles
from service.cli import done_ids, main


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def read_output(path) -> dict[str, dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len({line["id"] for line in lines}), "each id once"
    return {line["id"]: line for line in lines}


@pytest.fixture()
def corpus(tmp_path):
    records = [{"id": name, "text": text} for name, text in sample_articles().items()]
    records += [{"id": "empty", "text": "  "}, {"id": "dated", "text": "By Jane Doe | Jan. 5\n\nRain in Paris.",
                                               "reference_date": "2014-01-06"}]
    path = tmp_path / "in.jsonl"
    write_jsonl(path, records)
    return path, records


def test_jsonl_in_api_json_out(corpus, tmp_path, client, capsys):
    source, records = corpus
    out = tmp_path / "out.jsonl"
    assert main([str(source), "-o", str(out), "-j", "1", "--no-progress"]) == 1   # one record fails
    results = read_output(out)
    assert set(results) == {r["id"] for r in records}
    for record in records[:len(sample_articles())]:
        assert results[record["id"]]["status"] == 200
        single = client.post("/v1/enrich", json={"text": record["text"]}).get_json()
        assert results[record["id"]]["enrichment"] == single
    assert results["empty"]["status"] == 422 and "must not be empty" in results["empty"]["error"]
    assert results["dated"]["enrichment"]["publication_date"] == "2014-01-05"
    assert f"{len(records) - 1} enriched, 1 failed" in capsys.readouterr().err


def test_resumes_after_an_interruption(corpus, tmp_path, capsys):
    source, records = corpus
    out = tmp_path / "out.jsonl"
    main([str(source), "-o", str(out), "-j", "1", "--no-progress"])
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # Interrupted while writing the fourth line: three whole lines and half of one.
    out.write_text("".join(lines[:3]) + lines[3][: len(lines[3]) // 2], encoding="utf-8")
    capsys.readouterr()
    main([str(source), "-o", str(out), "-j", "1", "--no-progress"])
    assert set(read_output(out)) == {r["id"] for r in records}
    assert "3 already in the output" in capsys.readouterr().err


def test_done_ids_drops_a_cut_line(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text('{"id": "a", "status": 200}\n{"id": "b", "sta', encoding="utf-8")
    assert done_ids(out) == {"a"}
    assert out.read_text(encoding="utf-8") == '{"id": "a", "status": 200}\n'


def test_folder_of_texts_with_every_core(tmp_path):
    folder = tmp_path / "texts"
    (folder / "2014").mkdir(parents=True)
    for name, text in sample_articles().items():
        (folder / "2014" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "service.cli", str(folder), "-o", str(out), "-j", "2",
                          "--reference-date", "2014-01-06"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    results = read_output(out)
    assert {k for k, v in results.items() if v["status"] == 200} == {f"2014/{n}.txt" for n in sample_articles()}
    assert results["broken.txt"]["status"] == 400
    assert f"{len(sample_articles())} enriched, 1 failed" in run.stderr
    flood = results["2014/flood.txt"]["enrichment"]
    assert [b["name"] for b in flood["bylines"] if b["kind"] == "person"] == ["Sara Malik", "Tom Hayes"]


def test_duplicate_ids_and_bad_lines(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "x", "text": "Paris"}\n{"id": "x", "text": "Rome"}\nnot json\n[1]\n\n',
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main([str(source), "-o", str(out), "-j", "1", "--no-progress"]) == 1
    results = read_output(out)
    assert set(results) == {"x", "line:3", "line:4"}
    assert results["line:3"]["status"] == 400
    assert "1 duplicate ids skipped" in capsys.readouterr().err


def test_missing_input_is_exit_2(tmp_path):
    assert main([str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
