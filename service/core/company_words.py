"""Legal forms that end a company's name ("Acme Robotics Inc.", "Toyota Motor Corp"), lower-cased:
a name that ends in one names a company, not a person (bylines) nor a town (places)."""

from __future__ import annotations

COMPANY_FORMS = frozenset("corp corporation inc incorporated ltd limited plc llc gmbh holdings".split())
