"""A self-hosted Nominatim, Photon or Pelias through geopy, behind a cache and a circuit breaker.

Implements ``core.places.refine.ExternalGeocoder``: ``lookup(query)`` returns candidates or raises
``GeocoderUnavailable`` with a short reason (down, timeout, rate_limited, server_error, malformed,
circuit_open), which the metrics count. Fork-safe: the geopy client is made in the process that
first uses it, so gunicorn workers never share a connection made before the fork.
"""

from __future__ import annotations

import logging
import os
from dataclasses import asdict
from functools import partial
from typing import Callable
from urllib.parse import urlsplit

from geopy import exc as geopy_exc
from geopy.adapters import RequestsAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Pelias, Photon

from ..core.places.refine import GeocodedPlace, GeocoderUnavailable
from .breaker import CircuitBreaker

log = logging.getLogger("service.geocoders")
KINDS = {"nominatim": Nominatim, "photon": Photon, "pelias": Pelias}

# The external services' place types, in the response's `feature` vocabulary.
_FEATURES = {
    "country": "country", "state": "admin1", "province": "admin1", "region": "admin1", "macroregion": "admin1",
    "county": "admin2", "macrocounty": "admin2", "district": "admin2", "state_district": "admin2",
    "city": "city", "town": "city", "village": "city", "hamlet": "city", "suburb": "city", "municipality": "city",
    "locality": "city", "localadmin": "city", "borough": "city", "neighbourhood": "city", "quarter": "city",
    "continent": "continent", "natural": "physical", "water": "physical", "peak": "physical",
    "river": "physical", "mountain_range": "physical", "island": "physical",
}


def _feature(*kinds: str | None) -> str:
    return next((_FEATURES[k] for k in kinds if k in _FEATURES), "region")


def parse_answer(kind: str, location) -> GeocodedPlace:
    raw = location.raw
    if kind == "nominatim":
        address = raw.get("address") or {}
        code = address.get("country_code")
        name = raw.get("name") or str(raw.get("display_name", "")).split(",")[0]
        feature = _feature(raw.get("addresstype"), raw.get("type"), raw.get("class"))
    else:  # Photon and Pelias answer GeoJSON features
        props = raw.get("properties") or {}
        code = props.get("countrycode") or props.get("country_code")
        name = props.get("name", "")
        feature = _feature(props.get("type"), props.get("layer"), props.get("osm_value"), props.get("osm_key"))
    latitude, longitude = float(location.latitude), float(location.longitude)
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"coordinates out of range: {latitude}, {longitude}")
    return GeocodedPlace(name=str(name), latitude=latitude, longitude=longitude,
                         country_code=str(code).upper()[:2] if code else None, feature=feature)


def _reason(exc: Exception) -> str:
    if "status code 5" in str(exc):  # geopy files a 503 under GeocoderTimedOut; it is the server's error
        return "server_error"
    if isinstance(exc, geopy_exc.GeocoderTimedOut):
        return "timeout"
    if isinstance(exc, geopy_exc.GeocoderRateLimited):
        return "rate_limited"
    if isinstance(exc, geopy_exc.GeocoderParseError | ValueError | KeyError | TypeError | AttributeError):
        return "malformed"
    if isinstance(exc, geopy_exc.GeocoderUnavailable):
        return "down"
    return "server_error"


class GeopyGeocoder:
    def __init__(self, kind: str, url: str, *, timeout: float = 2.0, user_agent: str = "article-enrichment",
                 min_delay: float = 0.0, api_key: str = "", limit: int = 5, cache=None,
                 breaker: CircuitBreaker | None = None, on_outcome: Callable[[str, str], None] | None = None):
        if kind not in KINDS:
            raise ValueError(f"GEOCODER must be embedded, {', '.join(KINDS)}; got {kind!r}")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"GEOCODER_URL must be an http(s) URL such as http://nominatim:8080, got {url!r}")
        self.name, self.limit = kind, limit  # name: "nominatim", "photon" or "pelias"
        self.scheme, self.domain = parts.scheme, parts.netloc + parts.path.rstrip("/")
        self.timeout, self.user_agent, self.min_delay, self.api_key = timeout, user_agent, min_delay, api_key
        self.cache, self.breaker = cache, breaker or CircuitBreaker()
        self.on_outcome = on_outcome or (lambda geocoder, outcome: None)
        self._client_pid: int | None = None
        self._geocode = None

    def _client(self):
        if self._client_pid != os.getpid():
            # Pooled keep-alive connections, and no adapter-level retries: a retry would pay the timeout again.
            options = {"domain": self.domain, "scheme": self.scheme, "timeout": self.timeout,
                       "user_agent": self.user_agent, "adapter_factory": partial(RequestsAdapter, max_retries=0)}
            if self.name == "pelias":
                options["api_key"] = self.api_key or None
            geocoder = KINDS[self.name](**options)
            # No retries: the request path has no time for them; the breaker handles persistent failure.
            self._geocode = RateLimiter(geocoder.geocode, min_delay_seconds=self.min_delay, max_retries=0,
                                        swallow_exceptions=False)
            self._client_pid = os.getpid()
        return self._geocode

    def _query(self, query: str) -> list[GeocodedPlace]:
        options = {"exactly_one": False}
        if self.name == "nominatim":
            options.update(limit=self.limit, addressdetails=True)
        elif self.name == "photon":
            options.update(limit=self.limit)
        locations = self._client()(query, **options) or []
        return [parse_answer(self.name, location) for location in locations]

    def lookup(self, query: str) -> list[GeocodedPlace]:
        key = f"{self.name}:{self.domain}:{query.casefold()}"
        cached = self.cache.get(key) if self.cache is not None else None
        if cached is not None:
            self.on_outcome(self.name, "cached")
            return [GeocodedPlace(**c) for c in cached]
        if not self.breaker.allow():
            self.on_outcome(self.name, "circuit_open")
            raise GeocoderUnavailable("circuit_open", "recent lookups failed; retrying after the cool-down")
        try:
            answers = self._query(query)
        except Exception as exc:  # noqa: BLE001 - any failure of the external service is its failure
            reason = _reason(exc)
            self.breaker.record_failure()
            self.on_outcome(self.name, reason)
            log.warning("geocoder %s failed (%s) on %r: %s", self.name, reason, query, exc)
            raise GeocoderUnavailable(reason, str(exc)) from exc
        self.breaker.record_success()
        self.on_outcome(self.name, "hit" if answers else "miss")
        if self.cache is not None:
            self.cache.set(key, [asdict(a) for a in answers])
        return answers
