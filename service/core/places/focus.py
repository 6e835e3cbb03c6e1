"""The article's focus: the countries, regions and cities it is mainly about (as CLIFF's "focus").

A place's weight is its mentions, plus the mentions of the places inside it (a mention of
Ramadi also speaks for Iraq and for Anbar); the dateline counts double. An item is in
focus when its weight reaches a share of the leader's.
"""

from __future__ import annotations

from collections import defaultdict

from ...resources.gazetteer import Gazetteer
from ..document import Document
from ..types import Dateline, Focus, FocusItem, Place

SHARE_OF_LEADER = 0.5
MAX_ITEMS = 3


def compute_focus(places: list[Place], gazetteer: Gazetteer, dateline: Dateline | None,
                  place_indexes: list[int]) -> Focus:
    """`place_indexes[k]` is the gazetteer index of `places[k]`."""
    weights = {"country": defaultdict(float), "admin1": defaultdict(float), "city": defaultdict(float)}
    where: dict[int, int] = {}
    for k, (place, idx) in enumerate(zip(places, place_indexes)):
        weight = sum(1.0 for _ in place.mentions) * place.confidence
        if dateline is not None and dateline.place_index == k:
            weight *= 2
        where.setdefault(idx, k)
        if place.feature == "country":
            weights["country"][idx] += weight
        elif place.feature == "admin1":
            weights["admin1"][idx] += weight
        elif place.feature == "city":
            weights["city"][idx] += weight
        country = int(gazetteer.country_idx[idx])
        admin1 = int(gazetteer.admin1_idx[idx])
        if place.feature != "country" and country >= 0:
            weights["country"][country] += weight * 0.5
        if place.feature in ("city", "admin2") and admin1 >= 0:
            weights["admin1"][admin1] += weight * 0.5

    def top(table: dict[int, float]) -> list[FocusItem]:
        if not table:
            return []
        ranked = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
        leader = ranked[0][1]
        total = sum(table.values())
        items = []
        for idx, weight in ranked[:MAX_ITEMS]:
            if weight < SHARE_OF_LEADER * leader:
                break
            p = gazetteer.place(idx)
            items.append(FocusItem(name=p.name, country_code=p.country_code, geonameid=p.geonameid,
                                   latitude=p.latitude, longitude=p.longitude,
                                   score=round(weight / total, 3), place_index=where.get(idx)))
        return items

    return Focus(countries=top(weights["country"]), admin1=top(weights["admin1"]), cities=top(weights["city"]))


def country_of_article(doc: Document) -> str | None:
    """The country an article is filed from (its dateline's place) or, without a dateline, the one it
    is mainly about; None when it names any place in the United States, or is AP copy: a US site's
    story about Paris converts euros to dollars and mentions Fort Worth."""
    written = doc.written_dateline
    if any(p.country_code == "US" for p in doc.places) or (
            written is not None and written.agency is not None and written.agency.text in ("AP", "A.P.")):
        return None
    if doc.dateline is not None and doc.dateline.place_index is not None:
        return doc.places[doc.dateline.place_index].country_code
    return doc.focus.countries[0].country_code if doc.focus.countries else None
