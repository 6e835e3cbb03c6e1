"""Topic tags: IPTC Media Topic codes and labels, confidence, alternatives."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,code", [
    ("The striker scored twice as United beat City 3-1 in the Premier League on Saturday, and the coach praised "
     "the defence after the match.", "medtop:15000000"),
    ("Shares fell sharply after the company reported a quarterly loss and cut its profit forecast; investors "
     "sold the stock as the central bank raised interest rates.", "medtop:04000000"),
])
def test_clear_cases(pipeline, text, code):
    topic = pipeline.enrich(text).topic
    assert topic.code == code
    assert topic.label and 0 < topic.confidence <= 1
    assert len(topic.alternatives) == 3
    assert topic.confidence >= max(a.score for a in topic.alternatives)


def test_every_code_has_an_iptc_label(resources):
    model = resources.topic_model
    assert len(model.classes) == 17
    assert all(model.labels[c] for c in model.classes)
