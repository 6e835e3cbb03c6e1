"""External geocoders (optional): built from configuration, used by the pipeline's refine stage."""

from __future__ import annotations

from typing import Callable

from .breaker import CircuitBreaker
from .cache import make_cache
from .client import KINDS, GeopyGeocoder


def build_geocoder(config: dict, on_outcome: Callable[[str, str], None] | None = None) -> GeopyGeocoder | None:
    """None for ``GEOCODER=embedded`` (the default): no external service, no network."""
    kind = config["GEOCODER"].strip().lower()
    if kind in ("", "embedded"):
        return None
    if kind not in KINDS:
        raise ValueError(f"GEOCODER must be one of embedded, {', '.join(KINDS)}; got {kind!r}")
    if not config["GEOCODER_URL"]:
        raise ValueError(f"GEOCODER={kind} needs GEOCODER_URL (your self-hosted {kind}, e.g. http://{kind}:8080)")
    return GeopyGeocoder(
        kind, config["GEOCODER_URL"], timeout=config["GEOCODER_TIMEOUT"], user_agent=config["GEOCODER_USER_AGENT"],
        min_delay=config["GEOCODER_MIN_DELAY"], api_key=config["GEOCODER_API_KEY"],
        cache=make_cache(config["REDIS_URL"], config["GEOCODER_CACHE_SIZE"], config["GEOCODER_CACHE_TTL"]),
        breaker=CircuitBreaker(config["GEOCODER_BREAKER_FAILURES"], config["GEOCODER_BREAKER_COOLDOWN"]),
        on_outcome=on_outcome)


__all__ = ["build_geocoder", "GeopyGeocoder", "CircuitBreaker", "make_cache"]
