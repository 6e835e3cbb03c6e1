"""Memoising hot lookups whose arguments repeat (tokens, word shapes, gazetteer keys)."""

from __future__ import annotations

from typing import Callable, Hashable, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def bounded_memo(compute: Callable[[K], V], max_entries: int) -> Callable[[K], V]:
    """``compute`` with its answers kept in a dict; the dict is emptied when it reaches ``max_entries``,
    which bounds memory on hostile input at the cost of one refill (cheaper than LRU bookkeeping)."""
    cache: dict = {}

    def lookup(key: K) -> V:
        value = cache.get(key)
        if value is None:
            if len(cache) >= max_entries:
                cache.clear()
            value = cache[key] = compute(key)
        return value

    return lookup
