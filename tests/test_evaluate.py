"""The evaluation's own arithmetic, on records and results written here (no corpus needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.core.types import Place, Span
from service.evaluate import meta
from service.evaluate.calibration import calibration_error
from service.evaluate.places import PlaceScores, score_document

TEXT = "Troops left Ramadi for Baghdad and Erbil, then Springfield."
RAMADI, BAGHDAD, ERBIL, SPRINGFIELD = (12, 18), (23, 30), (35, 40), (47, 58)


def place(name, lat, lon, confidence, *spans):
    return Place(name=name, latitude=lat, longitude=lon, country_code="IQ", geonameid=None, feature="city",
                 feature_code="PPL", population=0, confidence=confidence,
                 mentions=[Span(a, b, TEXT[a:b]) for a, b in spans])


def gold(span, lat, lon):
    return {"start": span[0], "end": span[1], "lat": lat, "lon": lon}


def test_a_document_is_scored_on_spans_distances_and_stated_confidence():
    record = {"text": TEXT,
              "toponyms": [gold(RAMADI, 33.42, 43.31), gold(BAGHDAD, 33.34, 44.40), gold(ERBIL, 36.19, 44.01)],
              "toponyms_nocoord": [{"start": SPRINGFIELD[0], "end": SPRINGFIELD[1]}]}
    result = SimpleNamespace(
        places=[place("Ramadi", 33.42, 43.31, 0.9, RAMADI),
                place("Baghdad", 40.0, 44.4, 0.6, BAGHDAD),          # ~740 km off
                place("Troops", 1.0, 1.0, 0.2, (0, 6))],            # not a gold span
        unresolved_toponyms=[Span(*ERBIL, "Erbil")])                 # found, not placed
    s = score_document(record, result, "test")
    assert (s.gold, s.predicted, s.exact) == (4, 4, 3)
    assert (s.gold_coords, s.found_coords, s.placed_coords, s.found_correct) == (3, 3, 2, 1)
    # Every placed mention is judged: "Troops" is no gold toponym, so it is wrong whatever its coordinates.
    assert s.confidences == [(0.9, True), (0.6, False), (0.2, False)]
    summary = s.summary()
    assert summary["precision"] == summary["recall"] == 0.75
    assert summary["acc161_found"] == 0.5 and summary["acc161_found_strict"] == 0.333
    assert summary["acc161_e2e"] == 0.333
    # Bins 0.9 (right, stated 0.9), 0.6 and 0.2 (wrong): (0.1 + 0.6 + 0.2) / 3.
    assert summary["calibration_error"] == 0.3


@pytest.mark.parametrize(("pairs", "want"), [
    ([(0.8, True)] * 8 + [(0.8, False)] * 2, 0.0),           # says 80 %, right 80 % of the time
    ([(1.0, False)], 1.0),                                    # certain and wrong
    ([(0.95, True), (0.15, False), (0.15, True)], (0.05 + 2 * 0.35) / 3),
])
def test_calibration_error_weighs_each_bin_by_its_size(pairs, want):
    assert calibration_error(pairs) == pytest.approx(want)


def test_scores_add_up_over_documents():
    total = PlaceScores("c")
    total.add(PlaceScores("c", docs=1, gold=2, exact=1, confidences=[(0.5, True)]))
    total.add(PlaceScores("c", docs=1, gold=3, exact=2, confidences=[(0.5, False)]))
    assert (total.docs, total.gold, total.exact, total.confidences) == (2, 5, 3, [(0.5, True), (0.5, False)])


def test_training_leaves_out_a_corpus_s_unmarked_big_cities_and_nothing_else(resources):
    from service.core.places.spans import SpanCandidate
    from service.tools.train_toponyms import training_view
    gazetteer = resources.gazetteer
    calgary = [(idx, flags) for idx, flags in gazetteer.lookup("Calgary") if gazetteer.population[idx] >= 1_000_000]
    town = gazetteer.lookup("Lacombe")
    assert calgary and town

    def candidate(entries, *features):
        return SpanCandidate(0, 1, 0, 7, entries, ["run:full", *features])

    candidates = [candidate(calgary), candidate(calgary), candidate(town), candidate(calgary, "gf:demonym")]
    candidates[1].features.remove("run:full")   # "Calgary Flames": part of a longer name, a lesson
    labels = [False, False, False, False]
    # TR-News leaves a quarter of its big cities unmarked: the bare name is no lesson there.
    kept, _ = training_view("trnews", candidates, labels, gazetteer)
    assert kept == candidates[1:3]
    # A marked one teaches; other corpora teach every candidate (GeoVirus: less its demonyms).
    assert training_view("trnews", candidates, [True, False, False, False], gazetteer)[0][0] is candidates[0]
    assert training_view("gwn", candidates, labels, gazetteer)[0] == candidates
    assert training_view("geovirus", candidates, labels, gazetteer)[0] == candidates[:3]


class _DatePipeline:
    """Answers each text with the date written in it (or none), as the pipeline's result does."""

    def enrich(self, text):
        date = SimpleNamespace(date=text, evidence=Span(0, len(text), text)) if text else None
        return SimpleNamespace(publication_date=date, bylines=[])


def test_date_precision_sets_aside_only_answers_a_year_from_an_invisible_gold():
    records = [
        {"id": "right", "text": "2023-05-01", "date": "2023-05-01", "date_in_text": True},
        # The page shows "Aug 12, 2021"; the gold has the same day in 2023 and the text never shows it.
        {"id": "gold-year", "text": "2021-08-12", "date": "2023-08-12", "date_in_text": False},
        # The same year gap, but the gold day is in the text: a mistake of ours, counted in full.
        {"id": "visible", "text": "2022-03-07", "date": "2023-03-07", "date_in_text": True},
        {"id": "other-day", "text": "2023-12-15", "date": "2023-12-18", "date_in_text": False},
        {"id": "silent", "text": "", "date": "2023-01-01", "date_in_text": False},
    ]
    summary = meta.score(records, _DatePipeline(), "t").summary()
    assert (summary["date_precision"], summary["year_doubt"]) == (0.25, 1)
    assert summary["date_precision_year_doubt_aside"] == round(1 / 3, 3)
    assert summary["date_coverage"] == 0.8
