"""Month and weekday names, lower-cased: the words that make a capitalised token a date rather
than a name or a place ("Fallujah Sunday", "Jane Doe Dec 5"), shared by dates, bylines and places."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")   # date.weekday() order
WEEKDAY_ABBREVIATIONS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
MONTH_WORDS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
