"""The texts every benchmark runs on: the five seeds and synthetic 1 KB, 5 KB and 50 KB articles
built from them (whole lines of the seeds, in turn, so each size reads like news, with its
header lines, places and dates)."""

from __future__ import annotations

import os
from pathlib import Path

from service.evaluate.articles import reference_articles

# The reference articles are read from ../shared/seeds (SHARED_DIR), never committed.
SEEDS = Path(os.environ.get("SHARED_DIR", Path(__file__).resolve().parents[2] / "shared")) / "seeds"
SIZES = {"1KB": 1_000, "5KB": 5_000, "50KB": 50_000}


def seeds() -> dict[str, str]:
    articles = reference_articles(SEEDS)
    if not articles:
        raise SystemExit(f"the benchmarks run on the reference articles: {SEEDS} is not there (set SHARED_DIR)")
    return {name.split("_")[0]: text for name, text, _ in articles}


def _article_lines(text: str) -> list[str]:
    """The seed's lines without its page furniture (reader comments, "Most popular" lists): repeated
    into a long text, a seed's "Leave a Reply" would make every later seed comments, which the
    pipeline reads for bylines only, and the long text would cost less than an article of its length."""
    from service.core.document import Document

    doc = Document.from_text(text)
    return [text[line.start:line.end] for i, line in enumerate(doc.lines) if i not in doc.furniture_lines]


def synthetic(size: int) -> str:
    """About `size` characters: seed 004 first (it has a header), then the others' article lines in turn."""
    texts = list(seeds().values())
    texts = texts[4:] + texts[:4]
    lines = [line for text in texts for line in _article_lines(text)]
    out, total, i = [], 0, 0
    while total < size:
        line = lines[i % len(lines)]
        out.append(line)
        total += len(line) + 1
        i += 1
    return "\n".join(out)[:size]


def corpus() -> dict[str, str]:
    """Name -> text: seed ids ("000".."004") and synthetic sizes ("1KB", "5KB", "50KB")."""
    return {**{f"seed {k}": v for k, v in seeds().items()}, **{k: synthetic(n) for k, n in SIZES.items()}}
