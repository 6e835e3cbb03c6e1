"""Publication date and author evaluation over ../shared/data/meta, with the API's pipeline.

Date (by day): accuracy on records whose gold date is visible in the text (``date_in_text``),
accuracy on all records with a gold date, precision on the records the service answers
(a wrong date is worse than none), and coverage (share answered). Beside the precision, the
precision without the answers the gold's year alone contradicts: the text shows the gold's day and
month in another year and never the gold day itself, the gold noise the data's README describes
("Aug 12, 2021" on a page with gold 2023-08-12).
Authors: micro precision and recall over person names (case- and accent-insensitive, on
records whose authors are annotated), and false positives on records annotated as having no
personal author. Agencies the service reports as organisations are not person names.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path

from ..core.pipeline import Pipeline

FILES = ("dates_authors_naeb.jsonl", "dates_authors_trafilatura.jsonl", "dates_htmldate.jsonl")


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", " ").split())


@dataclass
class MetaScores:
    name: str
    records: int = 0
    with_date: int = 0
    visible: int = 0
    visible_correct: int = 0
    correct: int = 0
    answered: int = 0
    answered_correct: int = 0
    year_doubt: int = 0   # wrong answers that differ from an invisible gold date in the year alone
    author_records: int = 0
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    empty_gold: int = 0
    empty_gold_fp: int = 0
    errors: list[dict] = field(default_factory=list)

    def merge(self, other: "MetaScores") -> None:
        for f in fields(self):  # every count adds up; the name stays
            if isinstance(getattr(self, f.name), int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        self.errors += other.errors

    def summary(self) -> dict:
        def ratio(a, b):
            return round(a / b, 3) if b else None
        return {"set": self.name, "records": self.records,
                "date_visible_acc": ratio(self.visible_correct, self.visible), "visible": self.visible,
                "date_all_acc": ratio(self.correct, self.with_date), "with_date": self.with_date,
                "date_precision": ratio(self.answered_correct, self.answered),
                "date_precision_year_doubt_aside": ratio(self.answered_correct, self.answered - self.year_doubt),
                "year_doubt": self.year_doubt,
                "date_coverage": ratio(self.answered, self.with_date),
                "author_p": ratio(self.tp, self.predicted), "author_r": ratio(self.tp, self.gold),
                "author_records": self.author_records,
                "empty_gold_fp": f"{self.empty_gold_fp}/{self.empty_gold}"}


def score(records: list[dict], pipeline: Pipeline, name: str, keep_errors: bool = False) -> MetaScores:
    s = MetaScores(name)
    for record in records:
        result = pipeline.enrich(record["text"])
        s.records += 1
        predicted = result.publication_date.date if result.publication_date else None
        gold = record.get("date")
        if gold:
            s.with_date += 1
            ok = predicted == gold
            s.correct += ok
            if record.get("date_in_text"):
                s.visible += 1
                s.visible_correct += ok
            if predicted is not None:
                s.answered += 1
                s.answered_correct += ok
                s.year_doubt += not ok and not record.get("date_in_text") and predicted[4:] == gold[4:]
            if keep_errors and not ok and (predicted or record.get("date_in_text")):
                s.errors.append({"id": record["id"], "kind": "date", "gold": gold, "got": predicted,
                                 "evidence": result.publication_date.evidence.text if result.publication_date else None})
        authors = record.get("authors")
        if authors is None:
            continue
        s.author_records += 1
        got = {_norm(b.name) for b in result.bylines if b.kind == "person"}
        want = {_norm(a) for a in authors if a.strip()}
        s.tp += len(got & want)
        s.predicted += len(got)
        s.gold += len(want)
        if not want:
            s.empty_gold += 1
            s.empty_gold_fp += bool(got)
        if keep_errors and got != want:
            s.errors.append({"id": record["id"], "kind": "authors", "gold": sorted(want), "got": sorted(got)})
    return s


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(meta_dir: Path, pipeline: Pipeline, keep_errors: bool = False, folds: int = 0,
             resources=None) -> list[MetaScores]:
    """Scores per file, for English records and for all. With ``folds``, each record is enriched by
    date and byline models trained without its fold (records grouped by site, as in training):
    the shipped models learned from these very records."""
    pipelines = {}
    if folds:
        from ..resources import Resources
        from ..tools import train_meta
        english = train_meta.load_records(meta_dir)
        for k in range(folds):
            train = [r for r in english if train_meta.fold_of(r, folds) != k]
            dates = train_meta.fit_dates(train)
            dates.threshold = resources.date_model.threshold
            bylines = train_meta.fit_bylines(train, resources.lexicon, dates, resources.byline_model.threshold)
            fold = Resources(resources.gazetteer, resources.lexicon, resources.toponym_model,
                             resources.resolver_model, resources.topic_model, dates, bylines)
            pipelines[k] = Pipeline(fold)
    out = []
    for filename in FILES:
        path = meta_dir / filename
        if not path.exists():
            continue
        records = load(path)
        short = filename.removesuffix(".jsonl").replace("dates_authors_", "").replace("dates_", "")
        for label, subset in ((f"{short} (en)", [r for r in records if r.get("lang") == "en"]),
                              (f"{short} (all)", records)):
            if not folds:
                out.append(score(subset, pipeline, label, keep_errors))
                continue
            from ..tools.train_meta import fold_of
            total = MetaScores(label)
            for k, fold_pipeline in pipelines.items():
                part = score([r for r in subset if fold_of(r, folds) == k], fold_pipeline, label, keep_errors)
                total.merge(part)
            out.append(total)
    return out


def table(rows: list[dict]) -> str:
    lines = ["| set | records | date acc (visible) [n] | date acc (all) [n] | date precision | "
             "precision, gold year in doubt aside [n] | coverage | authors P | authors R | FP on no-author records |",
             "|" + "---|" * 10]
    for r in rows:
        lines.append(f"| {r['set']} | {r['records']} | {r['date_visible_acc']} [{r['visible']}] | "
                     f"{r['date_all_acc']} [{r['with_date']}] | {r['date_precision']} | "
                     f"{r['date_precision_year_doubt_aside']} [{r['year_doubt']}] | {r['date_coverage']} | "
                     f"{r['author_p']} | {r['author_r']} | {r['empty_gold_fp']} |")
    return "\n".join(lines)
