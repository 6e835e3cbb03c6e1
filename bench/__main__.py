"""python -m bench [inprocess|peers|http|soak|all] [--seconds S] [--json FILE]

Prints Markdown tables (the README's figures come from here). Timing is measured, never
asserted: nothing here passes or fails on speed."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["inprocess", "peers", "http", "soak", "all"], nargs="?", default="all")
    parser.add_argument("--seconds", type=float, default=3.0, help="per text in-process; per load level over HTTP x3")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    args = parser.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}\n")
    raw = {}
    if args.what in ("inprocess", "peers", "all"):
        from service.core.pipeline import Pipeline
        from service.resources import load_resources
        pipeline = Pipeline(load_resources())
    if args.what in ("inprocess", "all"):
        from . import inprocess
        raw["inprocess"] = inprocess.run(pipeline, args.seconds)
        print("## In-process latency (full enrichment)\n\n" + inprocess.table(raw["inprocess"]) + "\n")
    if args.what in ("peers", "all"):
        from . import peers
        raw["peers"] = peers.run(pipeline, max(0.5, args.seconds / 3))
        print("## Peers, same texts, same run\n\n" + peers.table(raw["peers"]) + "\n")
    if args.what in ("http", "all"):
        from . import http
        raw["http"] = http.run(seconds=max(2, int(args.seconds * 3)))
        print("## Over HTTP\n\n" + http.table(raw["http"]) + "\n")
    if args.what == "soak":  # not part of "all": a minute of saturation, run on purpose (make soak)
        from . import soak
        raw["soak"] = soak.run(seconds=args.seconds)
        print("## Soak\n\n" + soak.table(raw["soak"]) + "\n")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(raw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
