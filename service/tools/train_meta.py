"""Train the publication-date and byline selectors from ../shared/data/meta.

    python -m service.tools.train_meta --meta ../shared/data/meta            # train, write the models
    python -m service.tools.train_meta --meta ../shared/data/meta --cv-only  # cross-validate only

The date selector is a logistic regression over candidate features
(``service.core.dates.select``), the byline selector a conditional logit over each page's
candidates and "nobody" (``service.core.bylines``); both learn from the English records of
the three date/author sets.
Cross-validation groups records by site (``domain``), so that no site's template is both
learned and scored; the date threshold maximises right answers minus wrong ones (a wrong
date is worse than none), the byline threshold F1.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Callable

from ..core.bylines import NIL, byline_candidates, byline_features, name_key as byline_key, select_bylines
from ..core.dates import NIL as DATE_NIL, candidate_dates, choose_date, date_features
from ..core.document import Document
from ..resources import default_paths
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import Lexicon
from ..resources.linear import LinearModel, fit_choice

FILES = ("dates_authors_naeb.jsonl", "dates_authors_trafilatura.jsonl", "dates_htmldate.jsonl")
# L2 strengths chosen by the cross-validation below: for dates, 3.0 gave the most right-minus-wrong
# answers over all English records among 1, 2, 3 and 5 (1.0: 0.710, 3.0: 0.721).
DATE_L2, BYLINE_L2 = 3.0, 1.0
THRESHOLDS = [round(0.05 * k, 2) for k in range(1, 19)]
RATIOS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0]


IsPlace = Callable[[str], bool] | None


def load_records(meta_dir: Path) -> list[dict]:
    records = []
    for name in FILES:
        with (meta_dir / name).open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    return sorted((r for r in records if r.get("lang") == "en"), key=lambda r: r["id"])


def fold_of(record: dict, folds: int) -> int:
    return int(hashlib.md5(record.get("domain", record["id"]).encode()).hexdigest(), 16) % folds


# -- dates -------------------------------------------------------------------------------------
def date_examples(record: dict):
    """(features, labels, values, (doc, mentions)) of one record's candidate dates."""
    doc = Document.from_text(record["text"])
    mentions = candidate_dates(doc)
    gold = record.get("date")
    return date_features(doc, mentions), [m.to_date().isoformat() == gold for m in mentions], \
        [m.to_date().isoformat() for m in mentions], (doc, mentions)


def fit_dates(records: list[dict]) -> LinearModel:
    """Conditional logit over each page's dates and "none" (right when no date on the page is the
    annotated one: the page does not state it, or states it only in markup)."""
    groups = []
    for r in records:
        if r.get("date"):
            features, labels, _, _ = date_examples(r)
            groups.append((features + [DATE_NIL], labels + [not any(labels)]))
    return fit_choice(groups, "date-choice-v1", DATE_L2)


def pick_date(model: LinearModel, features: list[list[str]], values: list[str], context) -> tuple[str | None, float]:
    """The service's choice (as ``extract_dates`` makes it) and its probability."""
    if not features:
        return None, 0.0
    doc, mentions = context
    best, probability, _ = choose_date(doc, mentions, features, model)
    return (values[best] if best is not None else None), probability


# -- bylines -----------------------------------------------------------------------------------
def byline_examples(record: dict, lexicon: Lexicon, dates: LinearModel, is_place: IsPlace = None):
    """Byline candidates' features (with the line of the date the date model picks, as the service
    computes them), labels and names."""
    features, _, _, (doc, mentions) = date_examples(record)
    date_line = None
    if mentions:
        best, probability, _ = choose_date(doc, mentions, features, dates)
        if best is not None and probability >= dates.threshold:
            date_line = mentions[best].line
    candidates = byline_candidates(doc, lexicon, is_place)
    gold = {byline_key(a) for a in record.get("authors") or []}
    return byline_features(doc, candidates, lexicon, date_line), \
        [c.kind == "person" and byline_key(c.name) in gold for c in candidates], \
        [byline_key(c.name) if c.kind == "person" else "" for c in candidates]


def candidates_of(record: dict, lexicon: Lexicon, is_place: IsPlace = None):
    return byline_candidates(Document.from_text(record["text"]), lexicon, is_place)


def fit_bylines(records: list[dict], lexicon: Lexicon, dates: LinearModel, ratio: float = 0.3,
                is_place: IsPlace = None) -> LinearModel:
    """Conditional logit over each page's person candidates and "nobody" (right when the page
    names no personal author)."""
    groups = []
    for r in records:
        if r.get("authors") is not None:
            features, labels, names = byline_examples(r, lexicon, dates, is_place)
            people = [k for k, n in enumerate(names) if n]
            groups.append(([features[k] for k in people] + [NIL],
                           [labels[k] for k in people] + [not r["authors"]]))
    model = fit_choice(groups, "byline-choice-v1", BYLINE_L2)
    model.threshold = ratio
    return model


def cross_validate(records: list[dict], folds: int, lexicon: Lexicon, is_place: IsPlace = None) -> dict:
    """Out-of-fold (date value, probability) and byline (name, probability) predictions per record."""
    out = {}
    for k in range(folds):
        train = [r for r in records if fold_of(r, folds) != k]
        dates = fit_dates(train)
        bylines = fit_bylines(train, lexicon, dates, is_place=is_place)
        for r in records:
            if fold_of(r, folds) != k:
                continue
            features, _, values, context = date_examples(r)
            b_features, _, names = byline_examples(r, lexicon, dates, is_place)
            out[r["id"]] = (pick_date(dates, features, values, context),
                            (names, b_features, candidates_of(r, lexicon, is_place), bylines))
    return out


def summarise(records: list[dict], predictions: dict, date_threshold: float, byline_threshold: float) -> dict:
    visible = visible_ok = answered = answered_ok = with_date = ok_all = 0
    tp = n_pred = n_gold = 0
    for r in records:
        (value, p), names = predictions[r["id"]]
        guess = value if p >= date_threshold else None
        if r.get("date"):
            with_date += 1
            ok_all += guess == r["date"]
            if r.get("date_in_text"):
                visible += 1
                visible_ok += guess == r["date"]
            if guess:
                answered += 1
                answered_ok += guess == r["date"]
        if r.get("authors") is not None:
            keys, features, candidates, model = names
            got = {keys[k] for k in select_bylines(candidates, features, model, byline_threshold)[0]}
            want = {byline_key(a) for a in r["authors"]}
            tp += len(got & want)
            n_pred += len(got)
            n_gold += len(want)
    return {"date_visible": visible_ok / max(visible, 1), "date_all": ok_all / max(with_date, 1),
            "date_precision": answered_ok / max(answered, 1), "coverage": answered / max(with_date, 1),
            "author_p": tp / max(n_pred, 1), "author_r": tp / max(n_gold, 1)}


def choose_thresholds(records: list[dict], predictions: dict) -> tuple[float, float]:
    """Date: the threshold that maximises right answers minus wrong ones (a wrong date costs as much
    as a right one gains). Bylines: the one that maximises F1 over names."""
    def net(t):
        s = summarise(records, predictions, t, 0.5)
        return 2 * s["date_all"] - s["coverage"]  # right answers minus wrong ones
    date_t = max([0.0] + THRESHOLDS, key=net)

    def f1(t):
        s = summarise(records, predictions, date_t, t)
        return 2 * s["author_p"] * s["author_r"] / max(s["author_p"] + s["author_r"], 1e-9)
    byline_t = max(RATIOS, key=f1)
    return date_t, byline_t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meta", type=Path, required=True)
    parser.add_argument("--models", type=Path, default=default_paths()["date_model"].parent)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cv-only", action="store_true")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    lexicon = Lexicon.load(default_paths()["lexicon"])
    records = load_records(args.meta)
    # As the service reads bylines: a known place before a date is a dateline, not a name.
    is_place = Gazetteer(default_paths()["gazetteer"]).names_major_place
    predictions = cross_validate(records, args.folds, lexicon, is_place)
    date_t, byline_t = choose_thresholds(records, predictions)
    for t in THRESHOLDS[::2]:
        s = summarise([r for r in records if r["id"].startswith("naeb")], predictions, t, byline_t)
        print(f"  date threshold {t}: NAEB visible {s['date_visible']:.3f} all {s['date_all']:.3f} "
              f"precision {s['date_precision']:.3f} coverage {s['coverage']:.3f}", file=sys.stderr)
    for name, subset in (("all English", records), ("NAEB", [r for r in records if r["id"].startswith("naeb")])):
        s = summarise(subset, predictions, date_t, byline_t)
        print(f"{name:12s} cross-validated: " + ", ".join(f"{k} {v:.3f}" for k, v in s.items()), file=sys.stderr)
    if args.cv_only:
        return 0
    dates = fit_dates(records)
    dates.threshold = date_t
    dates.save(args.models / "dates.json.gz", {"l2": DATE_L2, "records": len(records)})
    fit_bylines(records, lexicon, dates, byline_t, is_place).save(args.models / "bylines.json.gz",
                                                        {"l2": BYLINE_L2, "records": len(records)})
    print(f"date and byline selectors (thresholds {date_t}, {byline_t}) -> {args.models} "
          f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
