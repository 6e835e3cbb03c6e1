"""Article enrichment: publication date, bylines, geocoded places and topic from raw news text."""

__version__ = "1.0.0"
