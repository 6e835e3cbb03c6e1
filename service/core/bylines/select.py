"""Choosing the authors among the candidates: features for each, a conditional logit over them and
"nobody", and the agencies that sign beside the chosen people."""

from __future__ import annotations

import re
from typing import Callable

from ...resources.lexicon import Lexicon
from ...resources.linear import LinearModel, softmax_scores
from ..dates.select import first_prose_line
from ..document import Document
from ..types import Byline, Span
from .candidates import DATE_WORDS, PHOTO, BylineCandidate, byline_candidates
from .names import ROLE_WORDS, display_name, is_broadcaster, name_key

def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def byline_features(doc: Document, candidates: list[BylineCandidate], lexicon: Lexicon,
                    date_line: int | None = None) -> list[list[str]]:
    content = doc.content_lines
    position = {n: k for k, n in enumerate(content)}
    prose = first_prose_line(doc)
    keys = [name_key(c.name) for c in candidates]
    text_lower = doc.norm.lower()
    # The article's prose: a name it talks about is its subject, not its author.
    prose_text = " ".join(doc.lines[n].text for n in content if len(doc.lines[n].text) >= 200).lower()
    date_pos = position.get(date_line) if date_line is not None else None
    by_seen = 0
    # Rank of each person candidate by its distance (in lines) to the publication date.
    near_rank = [0] * len(candidates)
    if date_pos is not None:
        distances = sorted({abs(position.get(c.line, 0) - date_pos) for c in candidates if c.kind == "person"})
        rank_of = {d: r for r, d in enumerate(distances)}
        near_rank = [rank_of.get(abs(position.get(c.line, 0) - date_pos), 9) for c in candidates]
    out = []
    for i, c in enumerate(candidates):
        k = position.get(c.line, 0)
        line = doc.lines[c.line].text
        words = c.name.split()
        first, last = words[0], words[-1]
        para = "none" if prose is None else _bucket(k - prose, (-20, -8, -4, -2, 0, 3, 20))
        f = [f"cue:{c.cue}", f"kind:{c.kind}", f"words:{min(len(words), 4)}", f"rank:{min(i, 4)}",
             f"tail_words:{_bucket(c.tail_words, (0, 3, 6))}",
             f"len:{_bucket(len(line.strip()), (20, 35, 60, 100))}", f"para:{para}",
             f"tail:{c.tail}", f"cue&tail:{c.cue}|{c.tail}", f"cue&para:{c.cue}|{para}"]
        if c.cue.startswith("by"):
            f.append(f"by_rank:{min(by_seen, 3)}")
            by_seen += 1
        if first in lexicon.first_names:
            f.append("given_name")
        if k == 0:
            f.append("first_line")
        if first.rstrip(".").isupper() and len(first.rstrip(".")) <= 2:
            f.append("initial")
        if c.name.isupper():
            f.append("all_caps")
        ratio = max(lexicon.case_ratio.get(w.lower(), 1.0) for w in words)
        common = min(lexicon.case_ratio.get(w.lower(), 1.0) for w in words)
        f.append(f"common:{_bucket(int(10 * common), (2, 5, 8))}")
        f.append(f"proper:{_bucket(int(10 * ratio), (2, 5, 8))}")
        if c.role:
            f.append("role")
        nearby = " ".join(doc.lines[content[j]].text.lower() for j in (k - 1, k + 1) if 0 <= j < len(content))
        if any(w in ROLE_WORDS for w in re.findall(r"[a-z]+", nearby)):
            f.append("role_near")
        if DATE_WORDS.search(line):
            f.append("date_on_line")
        if date_pos is not None:
            f.append(f"to_date:{_bucket(abs(k - date_pos), (0, 1, 2, 4, 8))}")
            f.append(f"nearest_to_date:{min(near_rank[i], 2)}")
        if PHOTO.search(line):
            f.append("photo_line")
        surname = last.lower()
        in_prose = prose_text.count(surname) if len(surname) > 2 else 0
        bio = re.search(re.escape(c.name.lower()) + r"(?: is| was| has|,) (?:a |an |the )?(?:[a-z-]+ ){0,3}"
                        r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|author)",
                        text_lower)
        f.append(f"in_prose:{min(in_prose, 3)}")
        if bio:
            f.append("bio")
        repeats = text_lower.count(c.name.lower())
        f.append(f"repeat:{min(repeats, 4)}")
        if keys.count(keys[i]) > 1:
            f.append("candidate_again")
        f.append(f"pos:{_bucket(int(10 * c.start / max(len(doc.text), 1)), (0, 1, 3, 6))}")
        out.append(f)
    return out


CLUSTER_LINES = 1
BYLINE_ROWS = 20   # how far apart a header's repeated byline can be (lists of other stories run further)
NIL = ["nil"]


def select_bylines(candidates: list[BylineCandidate], features: list[list[str]], model: LinearModel,
                   ratio: float) -> tuple[list[int], float]:
    """Indexes of the chosen person candidates and the probability of that choice.

    The model is a conditional logit over the page's candidates and a "nobody" option. The most
    probable candidate anchors the byline; co-authors join it only from its line or the next
    ones (sidebars of other stories, captions and bios elsewhere do not) and only when they are
    at least ``ratio`` as probable as the anchor."""
    people = [k for k, c in enumerate(candidates) if c.kind == "person"]
    if not people:
        return [], 0.0
    probabilities = softmax_scores(model, [features[k] for k in people] + [NIL])
    nobody = probabilities[-1]
    p = dict(zip(people, probabilities))
    eligible = [k for k in people if not candidates[k].inside_sentence]
    if not eligible:
        return [], nobody
    anchor = max(eligible, key=lambda k: (p[k], -k))
    if p[anchor] <= nobody:
        return [], nobody
    row = candidates[anchor].row
    # Names on a byline that names the anchor ("By A, B and C", here or repeated elsewhere on the
    # page) are its co-authors; from the next lines (blank ones not counted) they must also be
    # probable enough.
    anchor_key = name_key(candidates[anchor].name)
    bylines = {candidates[k].line for k in people if name_key(candidates[k].name) == anchor_key
               and (k == anchor or (candidates[k].cue != "none" and abs(candidates[k].row - row) <= BYLINE_ROWS))}
    # Names on consecutive lines under one lone "By" are one byline too, as are consecutive "By"
    # lines ("By Madison Czopek December 21, 2023" / "By Katie Sanders December 21, 2023").
    block = candidates[anchor].cue in ("by_line", "by")
    # "Tom Ambrose and Léonie Chao-Fong" with no "By": the anchor's co-authors.
    listed = candidates[anchor].listed
    chosen = sorted(k for k in eligible if k == anchor
                    or (candidates[k].line in bylines and candidates[k].cue != "none")
                    or (listed and candidates[k].listed and candidates[k].line == candidates[anchor].line)
                    or (abs(candidates[k].row - row) <= CLUSTER_LINES
                        and (p[k] >= ratio * p[anchor] or (block and candidates[k].cue == candidates[anchor].cue))))
    return chosen, sum(p[k] for k in chosen)


_HEADER_FIELDS = re.compile(r"\s[|/\u2022]\s")


def _alone_beside_date(doc: Document, c: BylineCandidate, date_line: int | None) -> bool:
    """An agency alone on a line near the date ("Reuters" over "Updated: Jan 14, 2025"), or opening
    the date's own line ("TNN | Mar 5, 2025, 10.45 AM IST", "TNN / Updated: Nov 19, 2026, 08:27 IST"),
    or the line next to it with the filing place ("Press Trust of India | Chennai")."""
    if date_line is None or abs(c.line - date_line) > 4:
        return False
    line, name = doc.lines[c.line].text.strip(" ."), doc.text[c.start:c.end]
    if line == name or (c.line == date_line and name in (f.strip() for f in _HEADER_FIELDS.split(line))):
        return True   # or one field of the date's line: "New Delhi | PTI | Updated: Nov 19, 2026"
    rest = line[len(name):].lstrip() if line.startswith(name) else ""
    if rest[:1] == "" or rest[:1] not in "|/-,\u2022":
        return False
    if c.line == date_line:
        return True
    place = rest[1:].split()
    lo, hi = sorted((c.line, date_line))
    next_to_it = not any(lo < n < hi for n in doc.content_lines)   # blank lines between do not count
    return next_to_it and 1 <= len(place) <= 3 and all(w[:1].isupper() for w in place)


HEADER_ROWS = 3   # the lines under a headline where a credit stands ("Headline" / "The Associated Press")


def _alone_under_headline(doc: Document, c: BylineCandidate) -> bool:
    """An agency alone on one of the first lines under the headline, the story's only credit: above
    the body (the lines between are a standfirst, not sentences ending in a full stop)."""
    line = doc.lines[c.line].text.strip(" .").removeprefix("The ").removeprefix("the ")
    # The credit as named ("Reuters") or as written ("Staff report", "From staff reports": Staff).
    if not 1 <= c.row <= HEADER_ROWS or line not in (c.name, doc.text[c.start:c.end].strip(" .")):
        return False
    above = [n for n in doc.content_lines[1:] if n < c.line]
    return not any(doc.lines[n].text.rstrip().endswith((".", "!", "?", '."')) for n in above)


def signed_bylines(doc: Document, lexicon: Lexicon, model: LinearModel, date_line: int | None,
                    is_place: Callable[[str], bool] | None = None) -> list[Byline]:
    """The people, and the agencies signing with them, that the page's byline candidates name."""
    candidates = byline_candidates(doc, lexicon, is_place)
    if not candidates:
        return []
    features = byline_features(doc, candidates, lexicon, date_line)
    people, confidence = select_bylines(candidates, features, model, model.threshold)
    # An agency counts when it signs the byline: beside the authors, on the line under them
    # ("By JANE SMITH" / "Associated Press"), or on an explicit "By" line.
    signing = ("by", "reporting", "author", "written", "story")
    # "By Chicago Tribune staff": the newsroom signs the page, and a name alone on a line further down
    # (a section's heading: "John Mulaney" over his show's dates) is no author.
    desk_row = min((c.row for c in candidates if c.kind == "organization" and c.cue in signing), default=None)
    if desk_row is not None and all(candidates[k].cue == "none" and candidates[k].row > desk_row + 1
                                    for k in people):
        people = []
    lines = {candidates[k].line for k in people}
    under = {candidates[k].row + 1 for k in people}
    # With no author, an agency alone on a line beside the date signs too ("Updated: Jan 14, 2025" /
    # "Reuters").
    agencies = [k for k, c in enumerate(candidates) if c.kind == "organization"
                and (c.line in lines or (c.cue == "none" and c.row in under) or (not people and c.cue in signing)
                     or (not people and c.cue == "none" and (_alone_beside_date(doc, c, date_line)
                                                             or _alone_under_headline(doc, c))))]
    if agencies and not people:
        # With no author, the first credit's line alone signs: "By Staff Writers and AAP" is two.
        agencies = [k for k in agencies if candidates[k].line == candidates[agencies[0]].line]
    elif people:
        # A broadcaster beside its reporters employs them ("By Sarah Collins" / "BBC News, Leeds"): the page's
        # newsroom, kept for where it says the story was filed, not a byline.
        spans = {k: Span(candidates[k].start, candidates[k].end, doc.text[candidates[k].start:candidates[k].end])
                 for k in agencies}
        doc.newsrooms = [spans[k] for k in agencies if is_broadcaster(spans[k].text)]
        agencies = [k for k in agencies if not is_broadcaster(spans[k].text)]
    chosen: dict[str, Byline] = {}
    for k in sorted(people + agencies):
        c = candidates[k]
        key = name_key(c.name)
        if key not in chosen:
            chosen[key] = Byline(display_name(c.name), c.kind, round(confidence if c.kind == "person" else 0.9, 2),
                                 Span(c.start, c.end, doc.text[c.start:c.end]), c.role)
    return list(chosen.values())
