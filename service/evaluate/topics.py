"""Topic evaluation: BBC News and AG News (held-out folds: each fold's articles are classified by a
model trained without them, their AG "World" texts also kept out of self-training), the project's
own test sets (never trained on: 17 topics in short generic stories, and news-style stories with real
names and places) and the seed articles.

Prints accuracy, the share of AG "World" articles not classed as sport, business or technology,
calibration (expected calibration error of the top-1 confidence over ten bins) and speed."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ..core.topics import TopicModel
from .calibration import calibration_error
from .articles import reference_articles

OWN_SET = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "topics" / "own_articles.jsonl"
NEWS_STYLE_SET = OWN_SET.with_name("news_style_articles.jsonl")
NOT_WORLD = {"medtop:04000000", "medtop:13000000", "medtop:15000000"}


def held_out(meta_dir: Path, geo_dir: Path | None, folds: int, temperature: float) -> dict:
    """Figures from fold models; `temperature` is the shipped model's (fitted on its own folds)."""
    from ..tools import train_topics as tt
    concepts = tt.iptc_vocabulary(meta_dir)
    classes = sorted(c["qcode"] for c in concepts if c["level"] == 1)
    definitions = tt.definition_texts(concepts)
    articles = tt.labelled_articles(meta_dir)
    unlabelled = tt.unlabelled_articles(meta_dir, geo_dir)
    own = tt.own_training_articles()
    world = [(i, t) for i, t in unlabelled if i.startswith("agnews")]
    out = {"bbc": [0, 0], "ag": [0, 0], "world": [0, 0], "calibration": []}
    for k in range(folds):
        train_articles = [a for a in articles if tt.fold_of(a[0], folds) != k]
        train_unlabelled = [u for u in unlabelled if not (u[0].startswith("agnews") and tt.fold_of(u[0], folds) == k)]
        model = tt.train(train_articles, definitions, train_unlabelled, own, classes)
        model.temperature = temperature
        for doc_id, text, code in articles:
            if tt.fold_of(doc_id, folds) != k:
                continue
            topic = model.classify(text)
            ok = topic is not None and topic.code == code
            key = "bbc" if doc_id.startswith("bbc") else "ag"
            out[key][0] += ok
            out[key][1] += 1
            out["calibration"].append((topic.confidence if topic else 0.0, ok))
        for doc_id, text in world:
            if tt.fold_of(doc_id, folds) == k:
                topic = model.classify(text)
                out["world"][0] += topic is None or topic.code not in NOT_WORLD
                out["world"][1] += 1
    return out


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def own_and_seeds(model: TopicModel, seeds_dir: Path) -> dict:
    """The own test sets, the reference articles in `seeds_dir` (../shared/seeds; skipped when absent) and
    the time to classify 5 KB of the own articles."""
    own = _records(OWN_SET)
    top = sub_out = sub_right = 0
    per_topic: dict[str, list[int]] = {}
    started = time.perf_counter()
    for record in own:
        topic = model.classify(record["text"])
        ok = topic is not None and topic.code == record["iptc"]
        top += ok
        per_topic.setdefault(record["iptc"], [0, 0])
        per_topic[record["iptc"]][0] += ok
        per_topic[record["iptc"]][1] += 1
        if topic is not None and topic.subtopic is not None:
            sub_out += 1
            sub_right += topic.subtopic.code == record.get("iptc2")
    news_style = _records(NEWS_STYLE_SET)
    news_right = sum(model.classify(r["text"]).code == r["iptc"] for r in news_style)
    seeds = {}
    for name, text, want in reference_articles(seeds_dir):
        seeds[name] = (model.classify(text).code, f"medtop:{want['topic_iptc_preferred']}")
    five_kb = "\n\n".join(r["text"] for r in news_style)[:5000]
    model.classify(five_kb)
    timings = []
    for _ in range(200):
        t = time.perf_counter()
        model.classify(five_kb)
        timings.append(time.perf_counter() - t)
    timings.sort()
    return {"own": (top, len(own)), "own_per_topic": per_topic, "subtopic": (sub_right, sub_out, len(own)),
            "news_style": (news_right, len(news_style)),
            "seeds": seeds, "ms_per_5kb_median": round(1000 * timings[len(timings) // 2], 3),
            "own_seconds": time.perf_counter() - started}


def table(held: dict | None, own: dict) -> str:
    rows = ["| set | figure | value |", "|---|---|---|"]
    if held:
        rows.append(f"| BBC News (5 classes mapped to IPTC), held-out folds | accuracy | "
                    f"{held['bbc'][0] / held['bbc'][1]:.3f} [{held['bbc'][1]}] |")
        rows.append(f"| AG News Sports/Business/Sci-Tech, held-out folds | accuracy | "
                    f"{held['ag'][0] / held['ag'][1]:.3f} [{held['ag'][1]}] |")
        rows.append(f"| AG News World, held-out folds | not classed as sport, business or technology | "
                    f"{held['world'][0] / held['world'][1]:.3f} [{held['world'][1]}] |")
        rows.append(f"| BBC + AG held-out | expected calibration error (top-1) | "
                    f"{calibration_error(held['calibration']):.3f} |")
    right, n = own["own"]
    rows.append(f"| own 17-topic set (never trained on) | accuracy | {right / n:.3f} [{n}] |")
    per_topic = " ".join(f"{code[7:9]}:{r}/{n}" for code, (r, n) in sorted(own["own_per_topic"].items()))
    rows.append(f"| own 17-topic set | right per topic (medtop:NN) | {per_topic} |")
    sub_right, sub_out, total = own["subtopic"]
    rows.append(f"| own 17-topic set | second level: given / right when given | {sub_out}/{total} / "
                f"{(sub_right / sub_out if sub_out else 0):.3f} |")
    right, n = own["news_style"]
    rows.append(f"| own news-style set, real names and places (never trained on) | accuracy | {right / n:.3f} [{n}] |")
    seeds_ok = sum(got == want for got, want in own["seeds"].values())
    rows.append(f"| seeds | conflict (16000000) first | {seeds_ok}/{len(own['seeds'])} |" if own["seeds"]
                else "| seeds | conflict (16000000) first | ../shared/seeds not available |")
    rows.append(f"| 5 KB article | classification time, median | {own['ms_per_5kb_median']} ms |")
    return "\n".join(rows)
