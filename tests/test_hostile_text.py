"""Hostile and random text: the pipeline never fails, never returns an offset that does not point
at the text, and its cost stays linear in the text's length (no regular expression backtracks
catastrophically).

The time checks compare the pipeline with itself on the same machine (the ratio of the time on
a text to the time on a text four times as long) or allow tens of times the expected cost:
catastrophic backtracking is exponential or quadratic, not a few percent slower."""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import service.core
import service.resources
from service.api import routes

ADVERSARIAL = [
    "a" * 100_000,
    "1/" * 50_000,
    "January " * 12_000,
    "Jan. 5, " * 12_000,
    "By " * 30_000,
    "A" * 50_000 + "!",
    "Aa " * 30_000,
    "a'" * 50_000,
    "a-" * 50_000 + "-",
    "Mr. " * 25_000,
    "12:30 " * 15_000,
    "New York, " * 10_000,
    "x@" * 50_000,
    " " * 100_000 + "x",
    "\n" * 50_000,
    "U.S." * 25_000,
    "St. " * 25_000,
    "(Reuters) - " * 8_000,
    "Ü" * 100_000,
]


def _modules_with_patterns():
    """Every module of the core and of the resources, so a module split off later is checked too."""
    for package in (service.core, service.resources):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            yield importlib.import_module(info.name)
    yield routes


def _module_patterns():
    seen = set()   # a pattern imported into another module is checked once, where it is defined
    for module in _modules_with_patterns():
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                named = [(value.pattern[:40], value)]
            elif isinstance(value, list):   # tables of (name, pattern)
                named = [item for item in value if isinstance(item, tuple) and len(item) == 2
                         and isinstance(item[1], re.Pattern)]
            else:
                continue
            for name, pattern in named:
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    yield f"{module.__name__}.{name}", pattern


PATTERNS = list(_module_patterns())


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_every_pattern_is_fast_on_adversarial_input(name, pattern):
    for text in ADVERSARIAL:
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        pattern.search(text)
        pattern.match(text)
        assert time.perf_counter() - started < 2.0, f"{name} is slow on {text[:20]!r}..."


def _check_offsets(text, result):
    spans = [m for p in result.places for m in p.mentions] + list(result.unresolved_toponyms)
    spans += [b.evidence for b in result.bylines]
    for value in (result.publication_date, result.modification_date):
        if value is not None:
            spans.append(value.evidence)
    if result.dateline is not None:
        spans.append(result.dateline.evidence)
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.text


@pytest.mark.parametrize("text", ADVERSARIAL, ids=[t[:12] for t in ADVERSARIAL])
def test_pipeline_survives_adversarial_text(pipeline, text):
    started = time.perf_counter()
    result = pipeline.enrich(text)
    assert time.perf_counter() - started < 10.0  # ~100 KB: typical cost is well under a second
    _check_offsets(text, result)


NEWSY = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                              " \n.,;:'\"-()/|@#&!?é–—’“”\u00a0\t")), max_size=4000)
WORDY = st.lists(st.sampled_from(["By", "Jan.", "5,", "2014", "Paris", "John", "Kerry", "said", "the", "in", "U.S.",
                                  "Iraq", "|", "—", "5:13pm", "EST", "Updated", "Published", "\n", "(AP)", "Ramadi,",
                                  "N.C.", "Washington", "Jordan", "of", "Of", "©", "2006-2016", "Sunday", "12/05/2020"]),
                 max_size=600).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(NEWSY, WORDY))
def test_random_text_keeps_every_invariant(pipeline, text):
    result = pipeline.enrich(text)
    _check_offsets(text, result)
    for place in result.places:
        assert -90 <= place.latitude <= 90 and -180 <= place.longitude <= 180
        assert 0 <= place.confidence <= 1 and place.mentions
    if result.topic is not None:
        assert 0 <= result.topic.confidence <= 1


def _best_of(pipeline, text, runs=3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        pipeline.enrich(text)
        best = min(best, time.perf_counter() - started)
    return best


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(ADVERSARIAL[:14]).map(lambda t: t[:5000]), st.sampled_from(["", "Paris. ", "By A B\n"]))
def test_cost_grows_linearly(pipeline, block, salt):
    small = (salt + block) * 2
    large = (salt + block) * 8
    ratio = _best_of(pipeline, large) / max(_best_of(pipeline, small), 1e-4)
    assert ratio < 16, f"4x the text took {ratio:.1f}x the time"
