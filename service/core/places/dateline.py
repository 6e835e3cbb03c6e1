"""The dateline place ("JERUSALEM —", "BEIRUT, Lebanon (AP) -"): read by ``core.dateline``, matched
here to the recognised mentions."""

from __future__ import annotations

from ..document import Document
from ..types import Span


def find_dateline(doc: Document) -> Span | None:
    """The dateline place of the first prose paragraph that has one, or None."""
    dateline = doc.written_dateline
    return dateline.place if dateline is not None else None


def mention_in_span(span: Span, mentions) -> int | None:
    """Index of the first mention (anything with ``start`` and ``end``) lying inside `span`."""
    return next((i for i, m in enumerate(mentions) if m.start >= span.start and m.end <= span.end), None)
