"""``article-enrich``: enrich a corpus without HTTP, on every core, resumably.

    article-enrich articles.jsonl -o enriched.jsonl
    article-enrich ./texts/ -o enriched.jsonl --reference-date 2014-01-06

Input: a JSON Lines file (one ``{"id": ..., "text": ..., "reference_date": ...}`` per line;
``-`` reads standard input) or a folder of ``.txt`` files (searched recursively; the id is the
path under the folder). Output: JSON Lines, one ``{"id", "status", "enrichment" | "error"}``
per article, ``enrichment`` being exactly what ``POST /v1/enrich`` returns.

Resumable: ids already in the output are skipped and new lines are appended, so an interrupted
run continues where it stopped (a line cut short by the interruption is dropped first).
The gazetteer and models load once, in this process, and the worker processes share them.
Exit status: 0 when every article was enriched, 1 when some failed (their lines say why),
2 when the input or output cannot be used.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterator

from .offline import enrich_record, pipeline

WINDOW_PER_WORKER = 32      # records in flight per worker: bounded memory on inputs of any size


@dataclass
class Summary:
    enriched: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    places: int = 0
    started: float = field(default_factory=time.perf_counter)

    def line(self) -> str:
        seconds = time.perf_counter() - self.started
        done = self.enriched + self.failed
        rate = done / seconds if seconds > 0 else 0.0
        return (f"article-enrich: {self.enriched} enriched, {self.failed} failed, {self.skipped} already in the "
                f"output, {self.duplicates} duplicate ids skipped; {self.places} places; {seconds:.1f} s "
                f"({rate:.1f} articles/s)")


def read_jsonl(path: str, id_field: str, text_field: str) -> Iterator[dict]:
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except ValueError as exc:
                yield {"id": f"line:{number}", "_error": f"line {number} is not JSON: {exc}"}
                continue
            if not isinstance(raw, dict):
                yield {"id": f"line:{number}", "_error": f"line {number} is not a JSON object"}
                continue
            record = {"id": str(raw.get(id_field, f"line:{number}")), "text": raw.get(text_field)}
            if raw.get("reference_date") is not None:
                record["reference_date"] = raw["reference_date"]
            yield record


def read_folder(folder: Path) -> Iterator[dict]:
    for path in sorted(folder.rglob("*.txt")):
        record_id = path.relative_to(folder).as_posix()
        try:
            yield {"id": record_id, "text": path.read_text(encoding="utf-8")}
        except (OSError, UnicodeDecodeError) as exc:
            yield {"id": record_id, "_error": f"cannot read {record_id}: {exc}"}


def count_input(source: str) -> int | None:
    if source == "-":
        return None
    path = Path(source)
    if path.is_dir():
        return sum(1 for _ in path.rglob("*.txt"))
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def done_ids(output: Path) -> set[str]:
    """Ids already in the output; a last line cut short by an interruption is removed."""
    if not output.exists():
        return set()
    ids, good_bytes = set(), 0
    with output.open("rb") as fh:
        for line in fh:
            try:
                ids.add(json.loads(line)["id"])
            except (ValueError, KeyError, TypeError):
                break
            good_bytes += len(line)
    if good_bytes < output.stat().st_size:
        with output.open("r+b") as fh:
            fh.truncate(good_bytes)
    return ids


def enrich_or_report(record: dict) -> dict:
    if "_error" in record:
        return {"id": record["id"], "status": 400, "error": record["_error"]}
    return enrich_record(record)


def todo(records: Iterator[dict], done: set[str], summary: Summary, progress) -> Iterator[dict]:
    seen: set[str] = set()
    for record in records:
        if record["id"] in done:
            summary.skipped += 1
            progress.update(1)
        elif record["id"] in seen:
            summary.duplicates += 1
            progress.update(1)
        else:
            seen.add(record["id"])
            yield record


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="article-enrich", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("input", help="a .jsonl file, - for standard input, or a folder of .txt files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSON Lines output (appended to)")
    parser.add_argument("-j", "--workers", type=int, default=os.cpu_count() or 1, help="processes (default: cores)")
    parser.add_argument("--id-field", default="id")
    parser.add_argument("--text-field", default="text")
    parser.add_argument("--reference-date", help="YYYY-MM-DD for records that do not carry their own")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    args = parser.parse_args(argv)

    source = Path(args.input)
    if args.input != "-" and not source.exists():
        print(f"article-enrich: {args.input} does not exist", file=sys.stderr)
        return 2
    records = read_folder(source) if source.is_dir() else read_jsonl(args.input, args.id_field, args.text_field)
    if args.reference_date:
        records = ({"reference_date": args.reference_date, **r} for r in records)
    try:
        done = done_ids(args.output)
        out = args.output.open("a", encoding="utf-8")
    except OSError as exc:
        print(f"article-enrich: cannot use {args.output}: {exc}", file=sys.stderr)
        return 2

    from tqdm import tqdm
    summary = Summary()
    pipeline()   # load once here: forked workers share the pages
    progress = tqdm(total=count_input(args.input), unit="article", disable=args.no_progress or None,
                    file=sys.stderr)
    pending = todo(records, done, summary, progress)
    workers = max(1, args.workers)
    pool = multiprocessing.get_context("fork").Pool(workers) if workers > 1 else None
    try:
        while window := list(islice(pending, WINDOW_PER_WORKER * workers)):
            results = pool.imap(enrich_or_report, window, chunksize=4) if pool else map(enrich_or_report, window)
            for result in results:
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                if result["status"] == 200:
                    summary.enriched += 1
                    summary.places += len(result["enrichment"]["places"])
                else:
                    summary.failed += 1
                progress.update(1)
            out.flush()
    except KeyboardInterrupt:
        progress.close()
        print(f"{summary.line()}\narticle-enrich: interrupted; run the same command again to resume",
              file=sys.stderr)
        return 130
    finally:
        if pool:
            pool.terminate()
        out.close()
    progress.close()
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
