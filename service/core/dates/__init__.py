"""Publication date: find every date the page writes (``find``), then choose the article's own
(``select``). Update dates are told apart; a date is completed from ``reference_date`` only in
the header zone and only when the page writes it partially ("March 3", "2 hours ago")."""

from __future__ import annotations

import re
from copy import copy
from datetime import date, timedelta

from ...resources.linear import LinearModel, softmax_scores
from ..document import Document
from ..types import PublishedDate
from .find import (COUNTRY_ZONES, FIXED_ZONES, NAMED_ZONES, DateMention, complete_year, find_dates, settle_zone,
                   weekday_date)
from .select import (PROSE_LINE, PUBLISHED_WORDS, UPDATED_WORDS, cue_before, date_features, first_prose_line,
                     never_publication, prefer_first_publication)

HEADER_AFTER_PROSE = 2   # lines past the first prose paragraph still in the header zone


def candidate_dates(doc: Document) -> list[DateMention]:
    """Dates that could be the article's: complete, plausible, not after the reference date."""
    mentions = find_dates(doc)
    prose = first_prose_line(doc)
    header_end = (doc.content_lines[min(prose + HEADER_AFTER_PROSE, len(doc.content_lines) - 1)]
                  if prose is not None else (doc.content_lines[-1] if doc.content_lines else 0))
    # The first paragraph: the first prose, or else the first line that reads as a sentence.
    prose_line = doc.content_lines[prose] if prose is not None else next(
        (n for n in doc.content_lines if _reads_as_a_sentence(doc.lines[n].text)), None)
    out = []
    for m in mentions:
        if m.year is None:
            if doc.reference_date is None or m.line > header_end:
                continue
            # Past the first paragraph (whose dateline may date it), a sentence's "June 3" is an event;
            # so is one inside a sentence before ("... died on Nov. 14 at her home"), not its dateline's.
            in_sentence = _reads_as_a_sentence(doc.lines[m.line].text)
            if in_sentence and ((prose_line is not None and m.line > prose_line) or not _opens_paragraph(doc, m)):
                continue
            if prose_line is not None and m.line > prose_line and _a_short_sentence(doc.lines[m.line].text):
                continue   # "The council will vote Dec. 8.", a story's last line
            if _names_an_event(doc, m):
                continue
            m.year = complete_year(m, doc.reference_date)
            m.completed = m.year is not None
            settle_zone(m)
        if m.kind == "relative" and m.line > header_end:
            continue
        if never_publication(doc, m):
            continue
        d = m.to_date()
        if d is None:
            continue
        if doc.reference_date is not None and d > doc.reference_date + timedelta(days=1):
            if not _swap_if_past(m, doc.reference_date + timedelta(days=1)):
                continue  # after the page was fetched: not when it was published
        out.append(m)
    return out


DATELINE_REACH = 40   # how far into a paragraph a dateline's date may sit
SENTENCE_WORDS = 8    # a shorter line that ends as a sentence and has this many words is one


def _reads_as_a_sentence(line: str) -> bool:
    """A long line, or a shorter one of several words that ends as a sentence does ("The board will
    meet again on April 2 at the school."): not a header's "Updated Jan. 5" or "Posted Nov 4, 2025"."""
    if len(line) >= PROSE_LINE:
        return True
    return _ends_as_a_sentence(line) and len(line.split()) >= SENTENCE_WORDS


def _a_short_sentence(line: str) -> bool:
    """A line too short for `_reads_as_a_sentence` that still reads as one: it ends as a sentence does
    and has three lower-case words a page's stamp does not write ("The council will vote Dec. 8.")."""
    return _ends_as_a_sentence(line) and _unstamped_words(line) >= 3


def _ends_as_a_sentence(line: str) -> bool:
    return line.rstrip().rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))


# Words a page's stamp writes beside a date ("March 3 at 5:13pm", "Posted on March 3 by Jane Doe").
_STAMP_WORDS = frozenset({"at", "am", "pm", "by", "on", "in", "and", "updated", "published", "posted", "last",
                          "modified", "first", "created", "filed", "uploaded", "edited"})
_LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]+(?![A-Za-z])")
_NEXT_LOWER_WORD = re.compile(r" ([a-z]+)(?![A-Za-z])")


def _unstamped_words(text: str) -> int:
    """How many lower-case words of `text` a page's stamp does not write."""
    return sum(w not in _STAMP_WORDS for w in _LOWER_WORD.findall(text))


def _names_an_event(doc: Document, m: DateMention) -> bool:
    """Whether a date written without its year names an event, not the page's stamp: a noun follows
    it ("Texas man sentenced for Jan. 6 riot", "the March 3 vote"), or it ends the headline's phrase
    ("Council to vote on March 3")."""
    line = doc.lines[m.line]
    after = _NEXT_LOWER_WORD.match(line.text, m.span.end - line.start)
    if after and after.group(1) not in _STAMP_WORDS:
        return True
    if not doc.content_lines or m.line != doc.content_lines[0]:
        return False
    before = line.text[:m.span.start - line.start]
    return _unstamped_words(before) >= 2


def _in_written_dateline(doc: Document, m: DateMention) -> bool:
    """Whether the mention is the date of the wire dateline ("MADRID, July 12 (Reuters) -")."""
    dateline = doc.written_dateline
    return (dateline is not None and dateline.date is not None
            and dateline.date.start <= m.span.start and m.span.end <= dateline.date.end)


def _opens_paragraph(doc: Document, m: DateMention) -> bool:
    """Whether a date in a paragraph is its dateline's ("LONDON, Jan 5 (Reuters) -")."""
    return _in_written_dateline(doc, m) or m.span.start - doc.lines[m.line].start <= DATELINE_REACH


def _swap_if_past(m: DateMention, latest: date) -> bool:
    """Read 05/01/2025 day first when month first would date it after the fetch (1 May, fetched
    in January): of its two readings only one can be the page's."""
    if m.kind != "numeric" or not m.ambiguous_order or date(m.year, m.day, m.month) > latest:
        return False
    m.read_the_other_way()
    return True


def _source(doc: Document, m: DateMention, features: list[str]) -> str:
    """Where the date was read, as the response names it."""
    if m.kind == "relative":
        return "relative"
    if m.kind == "dateline_weekday" or _in_written_dateline(doc, m):
        return "dateline"   # "ANKARA, Feb 20 (Reuters) -", wherever the paragraph sits
    cue = cue_before(doc, m)
    if cue in UPDATED_WORDS:
        return "updated"
    if "byline:0" in features or "byline:1" in features:
        return "byline"
    if ("caption_words" in features or "ends_long_line" in features) and cue not in PUBLISHED_WORDS:
        return "caption"   # not "Last Modified: November 4, 2025 | Published: November 3, 2025"
    if (any(f in features for f in ("para:-13", "para:-6", "para:-3", "para:-1", "para:0"))
            or not _reads_as_a_sentence(doc.lines[m.line].text)):
        return "header"   # or on a line of its own, where no prose was found ("Published January 23, 2025")
    return "text"


def _result(doc: Document, m: DateMention, features: list[str], probability: float, role: str,
            source: str | None = None) -> PublishedDate:
    d = m.to_date()
    value = d.isoformat()
    time_text = offset_text = None
    if m.hour is not None:
        time_text = f"{m.hour:02d}:{m.minute:02d}"
        if m.offset_minutes is not None:
            sign = "-" if m.offset_minutes < 0 else "+"
            hh, mm = divmod(abs(m.offset_minutes), 60)
            offset_text = f"{sign}{hh:02d}:{mm:02d}"
            value = f"{value}T{time_text}:00{offset_text}"
    return PublishedDate(value=value, date=d.isoformat(), time=time_text, utc_offset=offset_text, role=role,
                         source=source or _source(doc, m, features), confidence=round(probability, 2), evidence=m.span,
                         completed_from_reference_date=m.completed)


DATELINE_WEEKDAY_CONFIDENCE = 0.6
DATELINE_DATE_CONFIDENCE = 0.6


def _weekday_dateline_date(doc: Document) -> PublishedDate | None:
    """When the page states no date of its own, the weekday of its dateline ("BAGHDAD, Sunday
    (Reuters) -"), completed from the reference date."""
    if doc.reference_date is None:
        return None
    dateline = doc.written_dateline
    if dateline is None or dateline.weekday is None:
        return None
    return _result(doc, weekday_date(doc, dateline.weekday, dateline.line), [], DATELINE_WEEKDAY_CONFIDENCE,
                   "published")


def _dateline_date(doc: Document, mentions: list[DateMention], features: list[list[str]],
                   probabilities: list[float]) -> PublishedDate | None:
    """When the model finds no date, the date written in wire copy's dateline ("MADRID, July 12
    (Reuters) -"): the agency dates the story there, so it is the publication date."""
    for k, m in enumerate(mentions):
        if _in_written_dateline(doc, m):
            return _result(doc, m, features[k], max(probabilities[k], DATELINE_DATE_CONFIDENCE), "published",
                           "dateline")
    return None


NIL = ["nil"]
MENTIONS_PER_DAY = 3


def choose_date(doc: Document, mentions: list[DateMention], features: list[list[str]],
                model: LinearModel) -> tuple[int | None, float, list[float]]:
    """The mention that dates the article (None: the text does not state it), the probability of
    its day, and every mention's probability.

    The model is a conditional logit over the page's dates and a "none" option; a day's
    probability sums its likeliest mentions' (a date printed in the header and again in the footer),
    at most ``MENTIONS_PER_DAY`` of them: a sidebar stamping twenty headlines with the day the page
    was crawled must not outvote "none" by repetition alone."""
    probabilities = softmax_scores(model, features + [NIL])
    nobody = probabilities.pop()
    per_day: dict = {}
    for m, p in zip(mentions, probabilities):
        per_day.setdefault(m.to_date(), []).append(p)
    by_day = {d: sum(sorted(ps, reverse=True)[:MENTIONS_PER_DAY]) for d, ps in per_day.items()}
    day = max(by_day, key=lambda d: by_day[d])
    if by_day[day] <= nobody:
        return None, nobody, probabilities
    best = max((k for k, m in enumerate(mentions) if m.to_date() == day),
               key=lambda k: (probabilities[k], -mentions[k].span.start))
    first = prefer_first_publication(doc, mentions, best)
    first_day = mentions[first].to_date()
    # The update the model chose vouches for the first publication beside it ("Nov 20, 2026 Updated
    # 2 hrs ago"): both are the header's dates, so the belief in that header is the sum of both.
    if first_day != day:
        return first, by_day[day] + by_day[first_day], probabilities
    # So does an update the model did not choose, cued beside the chosen date ("Mar 4, 2025 Updated
    # Mar 5, 2025", the model's belief split between the two).
    update_days = {mentions[k].to_date() for k in updates_near(doc, mentions, first, UPDATE_VOUCHES_LINES)
                   if mentions[k].to_date() > day}
    return first, by_day[day] + max((by_day[d] for d in update_days), default=0.0), probabilities


UPDATE_VOUCHES_LINES = 2   # an update this near the chosen date adds to the belief in it
UPDATE_LINES = 3           # an update this near the publication date is its update


def updates_near(doc: Document, mentions: list[DateMention], anchor: int, lines: int) -> list[int]:
    """Dates cued as updates ("Updated Mar 5, 2025") within `lines` lines of mentions[anchor] and not
    earlier than it."""
    line, day = mentions[anchor].line, mentions[anchor].to_date()
    return [k for k, m in enumerate(mentions) if abs(m.line - line) <= lines and m.to_date() >= day
            and cue_before(doc, m) in UPDATED_WORDS]


def extract_dates(doc: Document, model: LinearModel) -> tuple[PublishedDate | None, PublishedDate | None]:
    """(publication date, update date), or None where the text does not state one."""
    mentions = candidate_dates(doc)
    if not mentions:
        return _weekday_dateline_date(doc), None
    features = date_features(doc, mentions)
    best, confidence, probabilities = choose_date(doc, mentions, features, model)
    if best is not None and confidence < model.threshold:
        best = None
    published = _result(doc, mentions[best], features[best], confidence, "published") if best is not None else None
    # The update date: written with an "Updated" cue near the publication date (or, without one,
    # anywhere in the header), and not earlier than it.
    if best is not None:
        updates = updates_near(doc, mentions, best, UPDATE_LINES)
    else:
        updates = [k for k, m in enumerate(mentions) if cue_before(doc, m) in UPDATED_WORDS]
    updated = None
    if updates:
        k = max(updates, key=lambda k: (probabilities[k], mentions[k].to_date()))
        updated = _result(doc, mentions[k], features[k], probabilities[k], "updated")
    if published is None and updated is None:
        published = _dateline_date(doc, mentions, features, probabilities) or _weekday_dateline_date(doc)
    for role, result in (("published", published), ("updated", updated)):
        m = next((m for m in mentions if result is not None and m.span == result.evidence), None)
        if m is not None and (_order_open(m) or _zone_open(m)):
            doc.open_dates[role] = m
    return published, updated


def _order_open(m: DateMention) -> bool:
    """A numeric date only the US habit ordered: nothing on the page said which part is the month."""
    return m.kind == "numeric" and m.ambiguous_order and not m.order_from_page and not m.day_first


def _zone_open(m: DateMention) -> bool:
    """A time in a zone two regions abbreviate alike ("AST"), so far without an offset."""
    return m.offset_minutes is None and (m.zone_text or "").upper() in COUNTRY_ZONES


# Where news writes the month first (05/11/2026 is May 11): the United States, its territories and
# the Pacific states that follow its usage, and the Philippines; Canada writes both ways, so it is
# left as read too. The rest of the world writes the day first.
MONTH_FIRST_COUNTRIES = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW", "CA"})
US_ZONES = frozenset({"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST",
                      "ET", "CT", "MT", "PT"})


def read_as_written_in(doc: Document, country_code: str | None) -> None:
    """Once the places are known, what only the article's country can settle. An ambiguous numeric date
    that only the US habit ordered is read day first in an article filed from, or about, a country that
    writes the day first ("LONDON -" over "03/11/2026" is 3 November); nothing on the page said
    otherwise, or it would not be open. A zone two regions abbreviate alike takes the country's offset
    ("7:15 AM AST" in Halifax is -04:00)."""
    if country_code is not None:
        for role, m in doc.open_dates.items():
            attribute = "publication_date" if role == "published" else "modification_date"
            result = getattr(doc, attribute)
            read = _read_in(doc, m, country_code) if result is not None else None
            if read is not None:
                setattr(doc, attribute, _result(doc, read, [], result.confidence, result.role, result.source))
    doc.open_dates = {}


def _read_in(doc: Document, m: DateMention, country_code: str) -> DateMention | None:
    """The mention as the country reads it, or None when that changes nothing."""
    read = None
    # "05/11/2026 10:15 EST": a US clock, a US calendar.
    if _order_open(m) and country_code not in MONTH_FIRST_COUNTRIES and m.zone_name not in US_ZONES:
        other = copy(m)
        other.read_the_other_way()
        day = other.to_date()
        latest = doc.reference_date + timedelta(days=1) if doc.reference_date is not None else None
        if day is not None and (latest is None or day <= latest):
            read = other
    offset = COUNTRY_ZONES[m.zone_text.upper()].get(country_code) if _zone_open(m) else None
    if offset is not None:
        read = copy(read or m)
        read.offset_minutes, read.zone_name = offset, m.zone_text.upper()
    return read


__all__ = ["extract_dates", "read_as_written_in", "MONTH_FIRST_COUNTRIES", "candidate_dates", "choose_date",
           "find_dates", "date_features", "NIL", "FIXED_ZONES", "NAMED_ZONES"]
