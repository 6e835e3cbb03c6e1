"""Bylines: who wrote the article.

Candidates are the person names a page writes where bylines go: after "By", "Written by",
"Author:", "Reporting by" (editors are not authors), and alone on a short line, as many
templates print the author above or beside the date ("Courtney Carr Published: December 20,
2023"). Roles ("Senior Reporter", "Staff Writer"), e-mail addresses, handles, "Follow" and
dates are stripped. Each candidate gets features (its cue, its line, whether its first word is
a given name, how near the date and the first paragraph it is, how often the page repeats
it, whether a role word sits beside it); a logistic regression trained on the date/author
development sets (``service.tools.train_meta``) decides which are the authors.

News agencies and desks (Associated Press, Reuters, AFP, Staff...) on a byline are reported
as organisations, not people; so is an agency credited in a dateline ("JAKARTA (AP) -") or in a
wire story's closing credit ("- AFP").

``names`` reads a name, a role, an agency; ``candidates`` finds the names a page writes where
bylines go; ``select`` chooses the authors among them.
"""

from __future__ import annotations

import re
from typing import Callable

from ...resources.lexicon import Lexicon
from ...resources.linear import LinearModel
from ..document import Document
from ..types import Byline, Span
from .candidates import BylineCandidate, byline_candidates, closing_credit
from .names import AGENCIES, DESKS, ROLE_WORDS, agency_named, name_key, read_name
from .select import NIL, byline_features, select_bylines, signed_bylines

__all__ = ["AGENCIES", "NIL", "ROLE_WORDS", "BylineCandidate", "byline_candidates", "byline_features",
           "extract_bylines", "name_key", "read_name", "select_bylines"]


def extract_bylines(doc: Document, lexicon: Lexicon, model: LinearModel,
                    date_line: int | None = None,
                    is_place: Callable[[str], bool] | None = None) -> list[Byline]:
    """The authors, in the order the page gives them; [] when it names none. `is_place` says
    whether a name is a well-known place ("NEW DELHI, March 4, 2025" is a dateline, not a byline)."""
    bylines = signed_bylines(doc, lexicon, model, date_line, is_place)
    if not any(b.kind == "organization" for b in bylines):
        # Wire copy names its agency in the dateline ("JAKARTA, Indonesia (AP) —"), often its only
        # credit, or in a closing credit ("— AFP", "(Reuters)").
        credit = _dateline_credit(doc) or closing_credit(doc)
        if credit is not None:
            bylines.append(Byline(credit[0], "organization", 0.9, credit[1]))
    return bylines


def _dateline_credit(doc: Document) -> tuple[str, Span] | None:
    """The agency a wire dateline credits, and where its name is written."""
    dateline = doc.written_dateline
    if dateline is None or dateline.agency is None:
        return None
    agency = agency_named(dateline.agency.text)
    if agency is None and _CALL_SIGN.match(dateline.agency.text):
        agency = dateline.agency.text   # a station's newsroom: "PARIS, Tenn. (WKRN) —"
    return None if agency in DESKS else (agency, dateline.agency)


# An American broadcaster's call sign, as its stations' pages put it in the dateline: "(WKRN)", "(KXAN)",
# "(WSB-TV)".
_CALL_SIGN = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?$")
