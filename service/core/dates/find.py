"""Finding dates: every date an English news page writes, with the time and zone beside it.

"Jan. 5, 2014", "5 January 2014", "Sunday, January 5, 2014", "2014-01-05T17:13:00-05:00",
"01/05/2014" and "12-19-2023" (month/day order from the rest of the page), "March 3" (no year), each with a
time and zone written next to it ("| 5:13pm EST", "10:02 a.m. GMT", "05:39, UK",
"Published 3:24 PM ET, Sun ..."). Patterns are linear: no nested repetition, so hostile
input cannot make them backtrack.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from ..calendar_words import WEEKDAYS
from ..document import Document
from ..types import Span

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
          "nov": 11, "dec": 12}
# The month-name patterns are written in lower case and run on the line folded to ASCII lower case
# (same length, same offsets): they try a dozen month names at every position, and case-sensitive
# matching does that several times faster than re.IGNORECASE.
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|urday|rsday)?\.?,? )?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# No digit after the year, unless it opens a time that text extraction glued on: "January 20, 20265:00 AM
# ET" (a page's date and time in two elements with no space between).
_YEAR_ENDS = r"(?!\d(?!\d?:[0-5]\d))"
_CASE = re.IGNORECASE
_FOLD = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
FOLDED = frozenset({"mdy", "dmy", "md"})   # the kinds matched on the folded line

PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
                       r"(?:[T ](?P<hour>[0-2]\d):(?P<minute>[0-5]\d)(?::[0-5]\d(?:\.\d{1,6})?)?"
                       # the zone may follow a space: "2025-03-03 10:15:00 +0000"
                       r"(?: ?(?P<zone>Z|[+-][01]\d:?[0-5]\d))?)?(?![\d])")),
    ("mdy", re.compile(_WEEKDAY + _MONTH + r"\.? " + _DAY + r",? " + _YEAR + _YEAR_ENDS)),
    ("dmy", re.compile(r"(?<!\d)" + _WEEKDAY + _DAY + r" (?:of )?" + _MONTH + r"\.?,? " + _YEAR + _YEAR_ENDS)),
    # Spaced hyphens, as Ghana's Graphic Online writes it: "Nov - 21 - 2026 , 08:12".
    ("mdy", re.compile(r"(?<![\w])" + _MONTH + r" - " + _DAY + r" - " + _YEAR + _YEAR_ENDS)),
    # Joined by hyphens, as Indian and some British sites write it: "03-Nov-2025".
    ("dmy", re.compile(r"(?<![\w-])" + _DAY + "-" + _MONTH + "-" + _YEAR + _YEAR_ENDS)),
    ("numeric", re.compile(r"(?<![\d/.-])(?:(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d|\d\d)"
                           # "12-19-2023" only with a four-digit year: "10-12-20" is more often a range or a score.
                           r"|(?P<da>[0-3]?\d)-(?P<db>[0-3]?\d)-(?P<dyear>(?:19|20)\d\d))(?![\d/-])")),
    ("ymd_slash", re.compile(r"(?<![\d/])(?P<year>(?:19|20)\d\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])")),
    ("md", re.compile(r"(?<![\w])" + _WEEKDAY + _MONTH + r"\.? " + _DAY + r"(?!\d|,? ?(?:19|20)\d\d)")),
    # The same with the day first: "18 Mar, 10:15 AM IST" (no year: completed in the header only).
    ("md", re.compile(r"(?<![\w])" + _WEEKDAY + _DAY + r" (?:of )?" + _MONTH + r"(?![a-z])(?!\.?,? ?(?:19|20)\d\d)")),
]

# What a line must contain for each pattern to have a chance, found by one cheap scan (the month
# names on the folded line too).
_MONTH_NAME = re.compile(_MONTH.replace("?P<month>", "") + r"(?:\.? | - )\d|\d(?:st|nd|rd|th)?(?: (?:of )?|-)"
                         + _MONTH.replace("?P<month>", ""))
_NEEDS = {"iso": re.compile(r"\d-[01]"), "numeric": re.compile(r"\d[/.-]\d"), "ymd_slash": re.compile(r"\d/\d"),
          "mdy": _MONTH_NAME, "dmy": _MONTH_NAME, "md": _MONTH_NAME}
_DISTINCT_NEEDS = tuple(set(_NEEDS.values()))

# "2 hours ago", "3 days ago": dated only with a reference date (the day the page was fetched).
# "3h ago", "15m ago", "2d ago": the compact forms of news apps and aggregators, which also write
# them bare after the bullet that ends a byline ("Story by Jane Doe • 2d"; normalised to "|").
_RELATIVE = re.compile(r"\b(?P<n>\d{1,2}|an?|one) ?(?P<unit>min(?:ute)?s?|hours?|hrs?|days?|weeks?|[mhdw]) ago\b|"
                       r"(?<=\| )(?P<bare_n>\d{1,2})(?P<bare_unit>[mhdw])\s*$", _CASE)
_RELATIVE_HINT = re.compile(r" ago|\| \d")
_UNIT_DAYS = {"min": 0, "minute": 0, "hour": 0, "hr": 0, "day": 1, "week": 7, "m": 0, "h": 0, "d": 1, "w": 7}
# "Yesterday at 4:15 PM", "Updated: Today, 09:12": a page's own stamp opens a short line with the
# word and a time or nothing after it. In a sentence ("Yesterday the council met", "officials said
# yesterday") it dates an event.
_DAY_WORD = re.compile(r"\W{0,3}(?:(?:last )?(?:published|posted|updated)\W{1,3})?(?P<word>today|yesterday)\b"
                       r"(?=\s*(?:$|at\b|[|/·•\-–]|,\s*\d|\d))", _CASE)
DAY_WORD_LINE = 60

# Zones spelled out ("08:00 AM Eastern Standard Time", a press release's stamp) before the bare letters.
_ZONE_WORDS = {"EASTERN STANDARD TIME": "EST", "EASTERN DAYLIGHT TIME": "EDT", "EASTERN TIME": "ET",
               "CENTRAL STANDARD TIME": "CST", "CENTRAL DAYLIGHT TIME": "CDT", "CENTRAL TIME": "CT",
               "MOUNTAIN STANDARD TIME": "MST", "MOUNTAIN DAYLIGHT TIME": "MDT", "MOUNTAIN TIME": "MT",
               "PACIFIC STANDARD TIME": "PST", "PACIFIC DAYLIGHT TIME": "PDT", "PACIFIC TIME": "PT",
               "GREENWICH MEAN TIME": "GMT", "BRITISH SUMMER TIME": "BST", "COORDINATED UNIVERSAL TIME": "UTC",
               "CENTRAL EUROPEAN TIME": "CET", "CENTRAL EUROPEAN SUMMER TIME": "CEST",
               "EASTERN EUROPEAN TIME": "EET", "EASTERN EUROPEAN SUMMER TIME": "EEST",
               "INDIA STANDARD TIME": "IST", "INDIAN STANDARD TIME": "IST", "JAPAN STANDARD TIME": "JST",
               "AUSTRALIAN EASTERN STANDARD TIME": "AEST", "AUSTRALIAN EASTERN DAYLIGHT TIME": "AEDT"}

# Time after the date (same line, within a few characters): "| 5:13pm EST", "at 10:02 a.m. GMT", "05:39, UK".
# The space before "am" belongs to the am/pm group: left bare, it would swallow the space a zone
# needs ("09:12 BST"), and the match, already complete without a zone, would never give it back.
# "GMT+1" before the bare letters, so the offset is not left behind.
_ZONE = (r"(?P<zone>(?:" + "|".join(re.escape(w) for w in sorted(_ZONE_WORDS, key=len, reverse=True))
         + r")\b|(?:GMT|UTC)[+-]\d{1,2}(?::?[0-5]\d)?\b|[A-Z]{1,5}|[+-][01]\d:?[0-5]\d)")
_TIME = re.compile(r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?(?: ?(?P<ampm>[ap]\.?m\.?))?"
                   r"(?:,? " + _ZONE + ")?", _CASE)
# A zone in capitals right after a time: "14:05 GMT", "09:30 BST".
_ZONE_AFTER_TIME = re.compile(r" " + _ZONE + r"(?![A-Za-z])")
# Time before the date: "Published 3:24 PM ET, Sun January 5, 2014", "7:45 AM GMT+1, Tue March 3, 2026".
_TIME_BEFORE = re.compile(r"(?P<hour>[0-2]?\d)[:.](?P<minute>[0-5]\d) ?(?P<ampm>[ap]\.?m\.?)?"
                          r"(?: " + _ZONE + ")?,? ?(?:on )?$", _CASE)
# What may stand between a date and its time: "| 5:13pm", "at 10:02", "/ 06:12 PM", "· 14:05".
_TO_TIME = re.compile(r"[ ,|/·•\-–—]*(?:at |@ |- |\| |/ )?")

FIXED_ZONES = {"GMT": 0, "UTC": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
               "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600, "BST": 60,
               "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "WET": 0, "WEST": 60, "MSK": 180, "IST": 330,
               "PKT": 300, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480, "AWST": 480, "ACST": 570,
               "ACDT": 630, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780, "SAST": 120, "EAT": 180,
               "WAT": 60, "CAT": 120, "IDT": 180, "GST": 240, "NPT": 345, "ICT": 420, "WIB": 420, "WITA": 480,
               "WIT": 540, "PHT": 480, "MYT": 480, "BRT": -180, "ART": -180, "ADT": -180}
# An abbreviation two regions share, read once the article's country is known: "AST" is Atlantic
# Standard Time in Halifax or San Juan, Arabia Standard Time in Riyadh; elsewhere it stays unread.
_ATLANTIC_COUNTRIES = ("CA", "PR", "BM", "VI", "VG", "AG", "AI", "BB", "DM", "DO", "GD", "KN", "LC", "MS", "TT",
                       "VC", "AW", "CW", "SX", "BQ", "MQ", "GP")
COUNTRY_ZONES = {"AST": {**dict.fromkeys(_ATLANTIC_COUNTRIES, -240),
                         **dict.fromkeys(("SA", "IQ", "KW", "QA", "BH", "YE"), 180)}}
NAMED_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
               "PT": "America/Los_Angeles", "UK": "Europe/London"}


_HAS_DIGIT = re.compile(r"\d")


@dataclass
class DateMention:
    span: Span
    line: int
    year: int | None
    month: int
    day: int
    hour: int | None = None
    minute: int | None = None
    offset_minutes: int | None = None
    zone_name: str | None = None
    zone_text: str | None = None      # the zone as written ("EST", "GMT+1")
    kind: str = "mdy"
    ambiguous_order: bool = False     # numeric with both parts <= 12
    day_first: bool = False           # numeric written day first
    order_from_page: bool = False     # an ambiguous numeric read as the page's other dates are written
    completed: bool = False           # year or day supplied by the reference date

    def read_the_other_way(self, settled: bool = True) -> None:
        """Swap day and month of an ambiguous numeric date; `settled`: the page has decided its order."""
        self.month, self.day, self.day_first = self.day, self.month, not self.day_first
        self.ambiguous_order = self.ambiguous_order and not settled
        settle_zone(self)   # "ET" is -04:00 or -05:00 by the day

    def to_date(self) -> date | None:
        try:
            return date(self.year, self.month, self.day) if self.year else None
        except ValueError:
            return None


def _zone_offset(zone: str | None, day: date) -> tuple[int | None, str | None]:
    if not zone:
        return None, None
    z = zone.upper().rstrip(".")
    z = _ZONE_WORDS.get(" ".join(z.split()), z)
    if z in FIXED_ZONES:
        return FIXED_ZONES[z], z
    if z in NAMED_ZONES:
        tz = ZoneInfo(NAMED_ZONES[z])
        offset = datetime.combine(day, time(12)).replace(tzinfo=tz).utcoffset()
        return int(offset.total_seconds() // 60), z
    m = re.fullmatch(r"([+-])(\d\d):?(\d\d)", z)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return sign * (int(m.group(2)) * 60 + int(m.group(3))), z
    m = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2})(?::?([0-5]\d))?", z)   # "GMT+8", "UTC+5:30"
    if m:
        return (-1 if m.group(1) == "-" else 1) * (int(m.group(2)) * 60 + int(m.group(3) or 0)), z
    return None, None


def _hour24(hour: int, ampm: str | None) -> int | None:
    if ampm:
        pm = ampm.lower().startswith("p")
        if not 1 <= hour <= 12:
            return None
        return (hour % 12) + (12 if pm else 0)
    return hour if hour < 24 else None


def _attach_time(doc: Document, mention: DateMention, line_text: str, line_start: int) -> None:
    # Bounded slices: a line can be very long and hold many dates.
    after = line_text[mention.span.end - line_start:mention.span.end - line_start + 60]
    if mention.hour is not None:
        # An ISO date with its own time: only a zone written after it is left ("2024-05-28 14:05 GMT").
        zone = _ZONE_AFTER_TIME.match(after) if mention.offset_minutes is None else None
        if zone:
            mention.zone_text = zone.group("zone")
            settle_zone(mention)
        return
    rest = after[_TO_TIME.match(after).end():]   # always matches, if only the empty string
    tm = _TIME.match(rest)
    if tm is None:
        before = line_text[max(0, mention.span.start - line_start - 60):mention.span.start - line_start].rstrip(" ,|/·•-")
        tm = _TIME_BEFORE.search(before[-40:]) if before else None
    if tm is None:
        return
    hour = _hour24(int(tm.group("hour")), tm.group("ampm"))
    if hour is None:
        return
    mention.hour, mention.minute = hour, int(tm.group("minute"))
    mention.zone_text = tm.group("zone")
    settle_zone(mention)


def settle_zone(mention: DateMention) -> None:
    """The offset of the zone written beside the time, once the date is known (a named zone's
    offset depends on the day; a date without a year waits for its completion)."""
    day = mention.to_date()
    if mention.zone_text and day is not None:
        mention.offset_minutes, mention.zone_name = _zone_offset(mention.zone_text, day)


def find_dates(doc: Document) -> list[DateMention]:
    """Every date the text writes, with any time and zone beside it."""
    mentions: list[DateMention] = []
    for number in doc.content_lines:
        line = doc.lines[number]
        text = line.text
        day_word = (_DAY_WORD.match(text) if doc.reference_date is not None and len(text) <= DAY_WORD_LINE
                    else None)
        if _HAS_DIGIT.search(text) is None and not (doc.reference_date and " ago" in text) and day_word is None:
            continue
        taken = bytearray(len(text))  # characters already inside a found date
        folded = text.translate(_FOLD)
        possible = {needs for needs in _DISTINCT_NEEDS if needs.search(folded if needs is _MONTH_NAME else text)}
        for kind, pattern in PATTERNS:
            if _NEEDS[kind] not in possible:
                continue
            for m in pattern.finditer(folded if kind in FOLDED else text):
                if any(taken[m.start():m.end()]):
                    continue
                mention = _parse(kind, m, line.start, number, doc)
                if mention is None:
                    continue
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                _attach_time(doc, mention, text, line.start)
                mentions.append(mention)
        if doc.reference_date is not None:
            for m in _RELATIVE.finditer(text) if _RELATIVE_HINT.search(text) else ():
                if any(taken[m.start():m.end()]):
                    continue
                mentions.append(_relative(m, line.start, number, doc))
            if day_word is not None and not any(taken[day_word.start("word"):day_word.end("word")]):
                mention = _day_word(day_word, line.start, number, doc)
                _attach_time(doc, mention, text, line.start)
                mentions.append(mention)
    mentions.sort(key=lambda d: d.span.start)
    _resolve_numeric_order(mentions)
    return mentions


def weekday_date(doc: Document, weekday: Span, line: int) -> DateMention:
    """The day a dateline's weekday ("BAGHDAD, Sunday (Reuters) -") names: the last such weekday on or
    before the reference date (wire copy is dated within the week it is fetched)."""
    back = (doc.reference_date.weekday() - WEEKDAYS.index(weekday.text.lower())) % 7
    day = doc.reference_date - timedelta(days=back)
    return DateMention(weekday, line, day.year, day.month, day.day, kind="dateline_weekday", completed=True)


def _days_before_reference(doc: Document, start: int, end: int, line: int, days: int) -> DateMention:
    """The day `days` before the reference date, written at text[start:end]."""
    day = doc.reference_date - timedelta(days=days)
    return DateMention(Span(start, end, doc.text[start:end]), line, day.year, day.month, day.day,
                       kind="relative", completed=True)


def _relative(m: re.Match, offset: int, line: int, doc: Document) -> DateMention:
    n = (m.group("n") or m.group("bare_n")).lower()
    count = 1 if n in ("a", "an", "one") else int(n)
    unit = (m.group("unit") or m.group("bare_unit")).lower()
    unit = "min" if unit.startswith("min") else unit.rstrip("s")
    return _days_before_reference(doc, offset + m.start(), offset + m.end(), line, count * _UNIT_DAYS.get(unit, 0))


def _day_word(m: re.Match, offset: int, line: int, doc: Document) -> DateMention:
    yesterday = m.group("word").lower() == "yesterday"
    return _days_before_reference(doc, offset + m.start("word"), offset + m.end("word"), line, int(yesterday))


def _parse(kind: str, m: re.Match, offset: int, line: int, doc: Document) -> DateMention | None:
    start, end = offset + m.start(), offset + m.end()
    span = Span(start, end, doc.text[start:end])
    groups = m.groupdict()
    zone_minutes = None
    if kind == "numeric":
        dashed = groups["a"] is None
        a, b = int(groups["da" if dashed else "a"]), int(groups["db" if dashed else "b"])
        year = groups["dyear" if dashed else "year"]
        year_value = int(year) + (2000 if int(year) < 70 else 1900) if len(year) == 2 else int(year)
        if a > 12 and b > 12:
            return None
        if a > 12:
            month, day, ambiguous, day_first = b, a, False, True
        elif b > 12:
            month, day, ambiguous, day_first = a, b, False, False
        elif groups.get("sep") == ".":
            # Dots are the European way of writing a date (01.11.2023 is 1 November); the US writes slashes.
            month, day, ambiguous, day_first = b, a, a != b, True
        else:
            month, day, ambiguous, day_first = a, b, a != b, False  # US order until the page says otherwise
        mention = DateMention(span, line, year_value, month, day, kind=kind, ambiguous_order=ambiguous,
                              day_first=day_first)
    else:
        month_text = groups["month"]
        month = int(month_text) if month_text.isdigit() else MONTHS[month_text[:3].lower()]
        year = int(groups["year"]) if groups.get("year") else None
        mention = DateMention(span, line, year, month, int(groups["day"]), kind=kind)
        if kind == "iso" and groups.get("hour"):
            mention.hour, mention.minute = int(groups["hour"]), int(groups["minute"])
            zone = groups.get("zone")
            if zone:
                zone_minutes, _ = _zone_offset(zone if zone != "Z" else "UTC", date(2000, 1, 1))
                mention.offset_minutes, mention.zone_name = zone_minutes, zone
    if not 1 <= mention.month <= 12 or not 1 <= mention.day <= 31:
        return None
    if mention.year is not None and mention.to_date() is None:
        return None
    return mention


def _resolve_numeric_order(mentions: list[DateMention]) -> None:
    """01/05/2014 is 1 May in a page that otherwise writes day first (13/05/2014, "5 January 2014"),
    or that writes that very day with its month's name ("NEW DELHI, May 7" over "07/05/2025"); and
    01.05.2014 is 5 January in a page that otherwise writes month first."""
    named = {(m.month, m.day) for m in mentions if m.kind in ("iso", "mdy", "dmy", "ymd_slash", "md")}
    for m in mentions:
        if (m.kind == "numeric" and m.ambiguous_order and (m.day, m.month) in named
                and (m.month, m.day) not in named):
            m.read_the_other_way()
    day_first = sum(1 for m in mentions if (m.kind == "numeric" and not m.ambiguous_order and m.day_first)
                    or m.kind == "dmy")
    month_first = sum(1 for m in mentions if (m.kind == "numeric" and not m.ambiguous_order and not m.day_first)
                      or m.kind == "mdy")
    if day_first != month_first:
        for m in mentions:
            if m.kind == "numeric" and m.ambiguous_order:
                m.order_from_page = True
                if m.day_first != (day_first > month_first):
                    m.read_the_other_way(settled=False)
    elif any(m.kind == "md" for m in mentions):
        # "yesterday (Nov. 7)": a page that writes the month's name first writes the US way throughout.
        for m in mentions:
            if m.kind == "numeric" and m.ambiguous_order and not m.day_first:
                m.order_from_page = True


def complete_year(m: DateMention, reference: date) -> int | None:
    """The year that puts month/day on or before the reference date (news is not dated ahead), or on
    the day after it: a page fetched late on the 20th in London is dated the 21st in Asia."""
    latest = reference + timedelta(days=1)
    for year in (reference.year + 1, reference.year, reference.year - 1):
        try:
            if date(year, m.month, m.day) <= latest:
                return year
        except ValueError:
            continue
    return None


__all__ = ["find_dates", "DateMention", "FIXED_ZONES", "NAMED_ZONES", "complete_year", "settle_zone"]
