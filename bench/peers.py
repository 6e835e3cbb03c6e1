"""Peers on the same texts in the same run, each doing one field of what the service does:
dateparser.search_dates (dates), geotext (place names, no coordinates), htmldate (date, from
HTML: run on the text as given and on the text wrapped in <html><body>). Ratios are peer time
over full-enrichment time (> 1: the peer is slower for its one field)."""

from __future__ import annotations

import statistics

from .articles import corpus
from .inprocess import timed_runs


def _median_ms(fn, text: str, seconds: float, min_runs: int = 5) -> float:
    return statistics.median(ms for ms, _ in timed_runs(fn, text, seconds, min_runs))


def peer_functions() -> dict:
    peers = {}
    try:
        from dateparser.search import search_dates
        peers["dateparser.search_dates"] = lambda t: search_dates(t, languages=["en"])
    except ImportError:
        pass
    try:
        from geotext import GeoText
        peers["geotext"] = GeoText
    except ImportError:
        pass
    try:
        from htmldate import find_date
        peers["htmldate (text)"] = lambda t: find_date(t, extensive_search=True)
        peers["htmldate (<html><body>text)"] = lambda t: find_date(f"<html><body><p>{t}</p></body></html>",
                                                                 extensive_search=True)
    except ImportError:
        pass
    return peers


def run(pipeline, seconds: float = 1.0, names: tuple[str, ...] = ("seed 004", "1KB", "5KB", "50KB")) -> dict:
    texts = {k: v for k, v in corpus().items() if k in names}
    peers = peer_functions()
    out = {}
    for name, text in texts.items():
        ours = _median_ms(pipeline.enrich, text, seconds)
        out[name] = {"enrichment_ms": ours,
                     "peers_ms": {peer: _median_ms(fn, text, seconds) for peer, fn in peers.items()}}
    return out


def table(results: dict) -> str:
    if not results:
        return "(no texts)"
    peers = list(next(iter(results.values()))["peers_ms"])
    if not peers:
        return "No peers installed: `pip install -e .[bench]`."
    rows = ["| text | full enrichment ms | " + " | ".join(f"{p} ms (ratio)" for p in peers) + " |",
            "|---|---:|" + "---:|" * len(peers)]
    for name, r in results.items():
        cells = [f"{r['peers_ms'][p]:.2f} ({r['peers_ms'][p] / r['enrichment_ms']:.2f}x)" for p in peers]
        rows.append(f"| {name} | {r['enrichment_ms']:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(rows)
