"""Articles to run the service on, outside the evaluation corpora: the reference articles in
../shared/seeds with their expected answers (read where they lie: they are not the project's to copy),
and the sample articles written for this project (the try-it page's). Tests, the topic evaluation, the
benchmarks and the Postman collection read them through here."""

from __future__ import annotations

import json
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "web" / "static" / "samples.json"


def reference_articles(seeds_dir: Path) -> list[tuple[str, str, dict]]:
    """(file name, text, expected answers) per article, in file-name order; none when `seeds_dir` holds no
    expected.json."""
    expected_path = seeds_dir / "expected.json"
    if not expected_path.is_file():
        return []
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    return [(name, (seeds_dir / name).read_text(encoding="utf-8"), want) for name, want in sorted(expected.items())]


def sample_articles() -> dict[str, str]:
    """id -> text of the sample articles written for this project."""
    return {s["id"]: s["text"] for s in json.loads(SAMPLES.read_text(encoding="utf-8"))["samples"]}
