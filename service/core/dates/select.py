"""Choosing the article's own date among all the dates a page writes.

Every date found gets features: its form (with time, zone, weekday), where it sits (rank
among the page's dates, distance to the first paragraph of prose, length of its line and
what else the line says), the words next to it ("Published", "Updated", "By", "©",
"Comment"), whether a byline is near, whether it sits in a list of dates (related
articles), how often the same day recurs, and how it compares with the page's other dates.
A logistic regression trained on the date/author development sets
(``service.tools.train_meta``) turns them into a probability; the most probable date is the
publication date if it clears the model's threshold, else the text does not state one.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import LIST_HEAD, Document
from .find import DateMention

PUBLISHED_WORDS = {"published", "posted", "publish", "first", "created", "released", "written", "date", "dated",
                   "on"}
UPDATED_WORDS = {"updated", "update", "modified", "revised", "edited", "amended", "changed"}
_CUE = re.compile(r"[a-z]+|[|©•/–-]", re.IGNORECASE)
_BAD_LINE = re.compile(r"©|\bcopyright\b|all rights reserved|\bcomments?\b|\brepl(?:y|ies)\b|\bsays:|\bwrote:|"
                       r"\bborn\b|\bdied\b|\bdeadline\b|\bexpires?\b|\bterms\b|\bprivacy\b|\bcookie", re.IGNORECASE)
_CAPTION = re.compile(r"\bphoto|\bimage\b|\bpicture\b|\bcredit\b|\bgetty\b|\bap\b|\breuters\b|\bfile\b",
                      re.IGNORECASE)
# A byline: "By Jane Doe", and the signatures opinion and feature pages write ("Guest essay by", "Words by").
_BYLINE = re.compile(r"^\s*(?:(?:guest essay|essay|story|words|written|reporting|analysis|commentary|text) )?by\b",
                     re.IGNORECASE)
_NON_WORD = re.compile(r"\W+")
LONG_PARAGRAPH = 200


_SOCIAL = re.compile(r"\b(?:share|facebook|twitter|email|e-mail|print|whatsapp|linkedin|pinterest|reddit|copy link|"
                     r"comments?|save|listen|min read|read time)\b", re.IGNORECASE)
_NAV = re.compile(r"\b(?:home|search|log ?in|sign ?(?:in|up)|subscribe|menu|newsletters?|account|register|"
                  r"skip to|advertisement)\b", re.IGNORECASE)
_NAMEISH = re.compile(r"^[A-Z][a-z'.-]+(?: [A-Z][a-z'.-]*\.?){1,3}$")


def line_kind(text: str) -> str:
    """What a neighbouring line is, in a few classes (not its words: sites differ, roles do not)."""
    text = text.strip()
    lower = text.lower()
    if not text:
        return "blank"
    if _BYLINE.match(text):
        return "byline"
    words = set(_CUE.findall(lower)[:3])
    if words & UPDATED_WORDS:
        return "updated"
    if words & {"published", "posted", "first"}:
        return "published"
    if LIST_HEAD.match(text):
        return "list_head"
    if len(text) > 120:
        return "prose"
    if _SOCIAL.search(text):
        return "social"
    if _NAV.search(text):
        return "nav"
    if _NAMEISH.match(text):
        return "name"
    if any(ch.isdigit() for ch in text) and len(text) < 40:
        return "numbers"
    return "short" if len(text) <= 60 else "medium"


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


_BOILERPLATE = re.compile(r"\bcookies?\b|\bprivacy\b|\bconsent\b|\bsubscri|\bnewsletter|\bjavascript\b|"
                          r"\bbrowser\b|\bsign up\b|\bterms of (?:use|service)\b|\badvertis", re.IGNORECASE)


def first_prose_line(doc: Document) -> int | None:
    """Index in ``doc.content_lines`` of the first paragraph of prose (long, with many words), not a
    cookie or subscription notice."""
    for k, n in enumerate(doc.content_lines):
        text = doc.lines[n].text
        if len(text) >= LONG_PARAGRAPH and text.count(" ") >= 25 and not _BOILERPLATE.search(text[:300]):
            return k
    return None


def text_before(doc: Document, m: DateMention, width: int) -> str:
    """Up to `width` characters of the date's line before it (bounded: a line can be very long)."""
    line = doc.lines[m.line]
    return line.text[max(0, m.span.start - line.start - width):m.span.start - line.start]


PROSE_LINE = 100   # longer lines are sentences: "the plan was revised on Dec. 3" is an event there


def cue_before(doc: Document, m: DateMention) -> str:
    raw = _CUE.findall(text_before(doc, m, 50))
    words = [w.lower() for w in raw]
    in_prose = len(doc.lines[m.line].text) > PROSE_LINE
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        if word == "on" and k > 0 and (words[k - 1] in UPDATED_WORDS or words[k - 1] in PUBLISHED_WORDS):
            word, k = words[k - 1], k - 1  # "Updated on: Dec 22" is an update, not a bare "on"
        if word in PUBLISHED_WORDS or word in UPDATED_WORDS:
            # A label ("Updated", "Published:") dates the page; a verb in a sentence ("the report,
            # published on May 3", "the plan was revised on Dec. 3") dates something else.
            return "other" if in_prose and raw[k].islower() else word
        if word in ("by", "|", "©", "at"):
            return word
    return "none" if not words else "other"


# What a date directly follows when it is a deadline, a life date or an embedded post, never the
# article's day: "Expires 2/20/24", "born May 3, 1970", "— Name (@handle) December 22, 2023".
_NEVER_PUBLICATION = re.compile(r"(?:\b(?:expires?|expiry|expiration|deadline|until|till|valid through|born|died|"
                                r"ends?|closes?)\W{0,3}|\(@\w{1,30}\)\s{0,3})$", re.IGNORECASE)


# A life's events, a few words back in the sentence: "He was born in Joplin on June 3, 1936".
_LIFE_EVENT = re.compile(r"\b(?:born|died|passed away|married|buried)\b[^.!?\n]{0,30}\bon\s{1,3}$", re.IGNORECASE)


def never_publication(doc: Document, m: DateMention) -> bool:
    before = text_before(doc, m, 50)
    return bool(_NEVER_PUBLICATION.search(before[-40:]) or _LIFE_EVENT.search(before))


def role_of(doc: Document, m: DateMention) -> str:
    cue = cue_before(doc, m)
    return "updated" if cue in UPDATED_WORDS else "published"


def date_features(doc: Document, mentions: list[DateMention]) -> list[list[str]]:
    """Feature strings of each mention (same order)."""
    if not mentions:
        return []
    content = doc.content_lines
    position = {n: k for k, n in enumerate(content)}
    prose = first_prose_line(doc)
    dates = [m.to_date() for m in mentions]
    # Compare with the dates of the header only: lists of related articles below it run later.
    header = [d for m, d in zip(mentions, dates)
              if prose is None or position.get(m.line, 0) - prose <= 2] or dates
    latest, earliest = max(header), min(header)
    repeats = Counter(dates)
    lines_with_dates = Counter(position.get(m.line, 0) for m in mentions)
    byline_at = [position[n] for n in content[:600] if _BYLINE.match(doc.lines[n].text)
                 and len(doc.lines[n].text) < 120]
    list_heads = [k for k, n in enumerate(content) if len(doc.lines[n].text) < 60
                  and LIST_HEAD.match(doc.lines[n].text)]
    total = len(doc.text) or 1
    line_facts: dict[int, tuple[int, bool, bool, int]] = {}
    cues = [cue_before(doc, m) for m in mentions]
    published_cue_lines = [position.get(m.line, 0) for m, c in zip(mentions, cues) if c in PUBLISHED_WORDS - {"on"}]
    out = []
    for i, (m, d) in enumerate(zip(mentions, dates)):
        k = position.get(m.line, 0)
        line = doc.lines[m.line].text
        if m.line not in line_facts:  # once per line: a long line can hold many dates
            line_facts[m.line] = (len(_NON_WORD.sub("", line)), bool(_BAD_LINE.search(line)),
                                  bool(_CAPTION.search(line)), len(line.rstrip(". ")))
        letters, bad_line, caption_words, stripped_length = line_facts[m.line]
        rest = letters - len(_NON_WORD.sub("", m.span.text))
        cue = f"cue_b:{cues[i]}"
        pos = f"pos:{_bucket(int(10 * m.span.start / total), (0, 1, 3, 6))}"
        para = "para:none" if prose is None else f"para:{_bucket(k - prose, (-13, -6, -3, -1, 0, 2, 10))}"
        f = [f"fmt:{m.kind}", f"rank:{min(i, 3)}", f"rrank:{min(len(mentions) - 1 - i, 3)}",
             f"len:{_bucket(len(line), (20, 40, 80, 140, 250))}", f"rest:{_bucket(rest, (0, 8, 20, 40, 80))}",
             pos, para, cue, f"repeat:{min(repeats[d], 3)}",
             # Conjunctions a linear model cannot form: a cue where the header is.
             f"{cue}&{para}"]
        if m.hour is not None:
            f.append("time")
        if m.offset_minutes is not None:
            f.append("zone")
        if m.span.text[:1].isalpha() and m.span.text[:3].lower() in ("mon", "tue", "wed", "thu", "fri", "sat",
                                                                      "sun"):
            f.append("weekday")
            # A lone weekday-date at the top of the page is the site's "today", not the article's day.
            f.append(f"weekday&alone:{rest <= 8}&{pos}")
        end_in_line = m.span.end - doc.lines[m.line].start
        after = line[end_in_line:end_in_line + 30].lower()
        after_words = _CUE.findall(after)
        if after_words:
            word = next((w for w in after_words if w in UPDATED_WORDS or w in PUBLISHED_WORDS
                         or w in ("comment", "comments", "reply", "min", "read")), "other")
            f.append(f"cue_a:{word}")
        for direction, j in (("prev", k - 1), ("next", k + 1)):
            if 0 <= j < len(content):
                f.append(f"{direction}:{line_kind(doc.lines[content[j]].text)}")
        # Under a "More from", "Related" or "Latest" heading: a list of other articles.
        if any(0 < k - h <= 4 for h in list_heads):
            f.append("under_list_head")
        near = min((abs(b - k) for b in byline_at), default=99)
        f.append(f"byline:{_bucket(near, (0, 1, 2, 4, 8))}")
        if bad_line:
            f.append("bad_line")
        if caption_words:
            f.append("caption_words")
        if len(line) > 60 and end_in_line >= stripped_length - 1:
            f.append("ends_long_line")  # "Gunmen patrol in Fallujah, Iraq, Jan. 5, 2014." (a caption)
        dense = sum(lines_with_dates.get(k + o, 0) for o in (-3, -2, -1, 1, 2, 3))
        f.append(f"dense:{min(dense, 3)}")
        f.append(f"year_gap:{min(max(latest.year - d.year, -1), 3)}")
        if d == latest:
            f.append("latest")
        # "Updated ... / Published ...": an update date beside a publication date is not the first one.
        if cues[i] in UPDATED_WORDS and any(abs(p - k) <= 2 for p in published_cue_lines):
            f.append("update_beside_published")
        if d == earliest and len(set(header)) > 1:
            f.append("earliest")
        if m.completed:
            f.append("completed")
        out.append(f)
    return out


def prefer_first_publication(doc: Document, mentions: list[DateMention], best: int) -> int:
    """"Updated Dec. 23 / Published Dec. 22": when the chosen date is an update and a date cued as
    published sits within two lines of it, not later, that one is the first publication; so is
    a date with no cue of its own just before the update, on its line or on one of the two lines
    above it ("Nov. 19, 2026, 4:05 PM ET / Updated Nov. 20, 2026"; "Mon 3 Mar 2025 10.32 GMT" over
    "Last modified on Mon 3 Mar 2025 14.05 GMT")."""
    if cue_before(doc, mentions[best]) not in UPDATED_WORDS:
        return best
    chosen = mentions[best]
    for k, m in enumerate(mentions):
        if k == best or m.to_date() > chosen.to_date():
            continue
        cue = cue_before(doc, m)
        if abs(m.line - chosen.line) <= 2 and cue in PUBLISHED_WORDS - {"on"}:
            return k
        before = m.line < chosen.line or m.span.start < chosen.span.start
        # Words before it on a short header line are a place or a site name ("NEW DELHI, March 4,
        # 2025 09:12 IST" over "Updated - March 4, 2025 11:40 IST"), not a cue of another date.
        header = cue == "other" and len(doc.lines[m.line].text) <= PROSE_LINE
        if before and chosen.line - m.line <= 2 and (cue in ("none", "by", "|") or header):
            return k
    return best
