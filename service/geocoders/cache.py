"""Cache of geocoder answers: an in-process LRU, and Redis in front of it when ``REDIS_URL`` is set,
so that replicas share what any of them has looked up. Answers (misses too) live ``ttl`` seconds.

Redis is an optimisation, never a dependency: when it fails, the cache carries on with the LRU
alone and tries Redis again after ``retry_after`` seconds."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict

log = logging.getLogger("service.geocoders.cache")
KEY_PREFIX = "article-enrichment:geocoder:v1:"


class LRUCache:
    def __init__(self, size: int = 10_000, ttl: float = 7 * 86400):
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            item = self._items.get(key)
            if item is None or item[0] < time.monotonic():
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def set(self, key: str, value) -> None:
        with self._lock:
            self._items[key] = (time.monotonic() + self.ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class RedisCache:
    """Redis first, the LRU as a local copy. Values are JSON."""

    def __init__(self, url: str, local: LRUCache, ttl: float = 7 * 86400, timeout: float = 0.25,
                 retry_after: float = 30.0):
        import redis  # only when configured
        self.client = redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
        self.local, self.ttl, self.retry_after = local, int(ttl), retry_after
        self.down_until = 0.0

    @property
    def available(self) -> bool:
        return time.monotonic() >= self.down_until

    def _failed(self, exc: Exception) -> None:
        log.warning("redis unavailable (%s); the geocoder cache runs in-process for %.0f s", exc, self.retry_after)
        self.down_until = time.monotonic() + self.retry_after

    def get(self, key: str):
        value = self.local.get(key)
        if value is not None or not self.available:
            return value
        try:
            raw = self.client.get(KEY_PREFIX + key)
        except Exception as exc:  # noqa: BLE001 - any Redis failure means: no shared cache for now
            self._failed(exc)
            return None
        if raw is None:
            return None
        value = json.loads(raw)
        self.local.set(key, value)
        return value

    def set(self, key: str, value) -> None:
        self.local.set(key, value)
        if not self.available:
            return
        try:
            self.client.set(KEY_PREFIX + key, json.dumps(value), ex=self.ttl)
        except Exception as exc:  # noqa: BLE001
            self._failed(exc)


def make_cache(redis_url: str, size: int, ttl: float):
    local = LRUCache(size, ttl)
    return RedisCache(redis_url, local, ttl) if redis_url else local
