"""Accuracy figures of the service's own pipeline over ../shared/data.

    python -m service.evaluate places ../shared/data/geo/gwn.jsonl [...] [--folds 5]
    python -m service.evaluate all --shared ../shared

``places`` on a corpus the shipped models were trained on (GeoWebNews, LGL, TR-News,
GeoVirus) reports held-out figures with ``--folds K`` (each fold's documents are enriched by
models trained without them); without it, it warns that the figures are not independent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..core.pipeline import Pipeline
from ..resources import default_paths, load_resources
from . import meta, places, topics

TRAINED_ON = {"gwn", "lgl", "trnews", "geovirus"}
RESOLUTION_ONLY = {"wiktor"}
GEO_FILES = ("gwn", "lgl", "trnews", "geovirus", "wiktor", "geocorpora")


def _table(rows: list[dict]) -> str:
    head = ("| corpus | docs | P | R | F1 | F1 overlap | acc@161 found [n] | strict | acc@161 e2e | mean km | "
            "median km | calibration error | ms/KB | held out |")
    lines = [head, "|" + "---|" * 14]
    for r in rows:
        rec = ("-", "-", "-", "-") if r["corpus"] in RESOLUTION_ONLY else (
            r["precision"], r["recall"], r["f1"], r["overlap_f1"])
        # Marking one place per article, WikToR would count every other placed mention as wrong.
        calibration = "-" if r["corpus"] in RESOLUTION_ONLY else r["calibration_error"]
        lines.append(f"| {r['corpus']} | {r['docs']} | {rec[0]} | {rec[1]} | {rec[2]} | {rec[3]} | "
                     f"{r['acc161_found']} [{r['found']}] | {r['acc161_found_strict']} | {r['acc161_e2e']} | "
                     f"{r['mean_km']} | {r['median_km']} | {calibration} | "
                     f"{r['ms_per_kb']} | {r['held_out']} |")
    return "\n".join(lines)


def external_geocoder(kind: str, url: str):
    """The external geocoder the places figures run with (None: the embedded gazetteer alone)."""
    if kind == "embedded":
        return None
    from ..config import Config
    from ..geocoders import build_geocoder
    return build_geocoder({**Config.as_dict(), "GEOCODER": kind, "GEOCODER_URL": url, "GEOCODER_TIMEOUT": 10.0})


def run_places(files: list[Path], folds: int, geocoder=None) -> list[dict]:
    paths = default_paths()
    resources = load_resources(paths)
    pipeline = Pipeline(resources, geocoder=geocoder)
    rows = []
    to_fold = {}
    for path in files:
        name = path.stem
        records = places.load(path)
        if name in TRAINED_ON and folds:
            to_fold[name] = records
            continue
        scores = places.evaluate_corpus(records, pipeline, name).summary()
        scores["held_out"] = "not trained on" if name not in TRAINED_ON else "NO: trained on it, use --folds"
        rows.append(scores)
        print(f"{name}: done", file=sys.stderr)
    if to_fold:
        paths["geo_dir"] = files[0].parent
        totals = places.evaluate_folds(to_fold, resources, paths, folds, TRAINED_ON, geocoder)
        for name, scores in totals.items():
            summary = scores.summary()
            summary["held_out"] = f"{folds}-fold"
            rows.append(summary)
    order = {n: i for i, n in enumerate(GEO_FILES)}
    rows.sort(key=lambda r: order.get(r["corpus"], 99))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="task", required=True)
    p = sub.add_parser("places", help="geoparsing figures")
    p.add_argument("files", nargs="+", type=Path)
    p.add_argument("--folds", type=int, default=0)
    p.add_argument("--json", action="store_true")
    p.add_argument("--geocoder", choices=["embedded", "nominatim", "photon", "pelias"], default="embedded",
                   help="run with this external geocoder as well (see service/core/places/refine.py)")
    p.add_argument("--geocoder-url", default="", help="e.g. http://127.0.0.1:8088 (service.tools.standin_geocoder)")
    m = sub.add_parser("meta", help="publication date and author figures")
    m.add_argument("meta_dir", type=Path, nargs="?", default=Path("../shared/data/meta"))
    m.add_argument("--errors", type=Path, default=None, help="write the mistakes here as JSON lines")
    m.add_argument("--folds", type=int, default=5, help="held-out folds (0: the shipped models, in-sample)")
    t = sub.add_parser("topics", help="topic figures")
    t.add_argument("--shared", type=Path, default=Path("../shared"))
    t.add_argument("--folds", type=int, default=5, help="held-out folds for BBC and AG (0: skip them)")
    a = sub.add_parser("all", help="every figure the README shows")
    a.add_argument("--shared", type=Path, default=Path("../shared"))
    a.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    if args.task == "places":
        rows = run_places(args.files, args.folds, external_geocoder(args.geocoder, args.geocoder_url))
        print(json.dumps(rows, indent=1) if args.json else _table(rows))
        return 0
    if args.task == "topics":
        print(topic_figures(args.shared, args.folds))
        return 0
    if args.task == "meta":
        resources = load_resources()
        results = meta.evaluate(args.meta_dir, Pipeline(resources), keep_errors=bool(args.errors), folds=args.folds,
                                resources=resources)
        print(meta.table([r.summary() for r in results]))
        if args.errors:
            with args.errors.open("w", encoding="utf-8") as fh:
                for r in results:
                    if r.name.endswith("(all)"):
                        for e in r.errors:
                            fh.write(json.dumps({"set": r.name, **e}, ensure_ascii=False) + "\n")
        return 0
    geo = args.shared / "data" / "geo"
    files = [geo / f"{name}.jsonl" for name in GEO_FILES if (geo / f"{name}.jsonl").exists()]
    if not files:
        print(f"no corpora under {geo}", file=sys.stderr)
        return 1
    print("## Places\n")
    print(_table(run_places(files, args.folds)))
    meta_dir = args.shared / "data" / "meta"
    if meta_dir.is_dir():
        print("\n## Publication date and authors\n")
        resources = load_resources()
        print(meta.table([r.summary() for r in meta.evaluate(meta_dir, Pipeline(resources), folds=args.folds,
                                                              resources=resources)]))
        print("\n## Topics\n")
        print(topic_figures(args.shared, args.folds))
    return 0


def topic_figures(shared: Path, folds: int) -> str:
    meta_dir, geo_dir = shared / "data" / "meta", shared / "data" / "geo"
    model = load_resources().topic_model
    held = topics.held_out(meta_dir, geo_dir if geo_dir.is_dir() else None, folds, model.temperature) if folds else None
    return topics.table(held, topics.own_and_seeds(model, shared / "seeds"))


if __name__ == "__main__":
    sys.exit(main())
