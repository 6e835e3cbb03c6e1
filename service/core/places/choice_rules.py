"""Rules over the resolver's choices, for what its features cannot weigh: a city inside the region
that shares its name, a world capital or city against a namesake town, a town named as written beside
one named so only by an alternate name, capitals listed together, and a small town stranded far from
every other place of the article (left unresolved)."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from ...resources.gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, KIND_PHYSICAL, Gazetteer
from .distance import haversine_km
from .recognize import generic_words
from .resolve import COLUMN, CONTAINER_KINDS, CandidateTable

NAMESAKE_CITY_KM = 100.0
NAMESAKE_CITY_SHARE = 0.05     # of the region's population
LOCAL_KINDS = (KIND_ADMIN2, KIND_CITY)
MAJOR_NAMESAKE_POPULATION = 1_000_000


def prefer_city_in_its_namesake_region(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"Geneva", "Baghdad": when the choice is a region and the city of that name (its own name, not
    an alternate) lies inside it, near its centre, and holds a twentieth of its people or more, the
    article means the city. So does "New York" (or "Sao Paulo"): a city of millions inside the region
    that shares its name is what news names, however far it lies from the region's centre, unless the
    words around call the name a state ("New York state", "New York Gov.", "upstate New York": those
    rule the city out) or the same article resolves another mention of the name to the region. Not in
    a list of regions either: "in Brandenburg and North Rhine-Westphalia" names two states; but a list
    of regions that are all named after their cities ("Porto, Coimbra and Faro") lists the cities."""
    like_city = table.features[:, COLUMN["region_named_like_city"]]
    primary = table.features[:, COLUMN["name_primary"]]
    # Regions chosen for a mention whose towns the words around it ruled out ("New York Gov.").
    named_as_regions = set()
    if table.blocked is not None:
        for g in np.flatnonzero(choice >= 0):
            lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
            towns = table.kind[lo:hi] == KIND_CITY
            if table.ids[choice[g]] >= 0 and towns.any() and table.blocked[lo:hi][towns].all():
                named_as_regions.add(int(table.ids[choice[g]]))
    cities = {int(g): _namesake_city(table, int(choice[g]), gazetteer, primary, named_as_regions)
              for g in np.flatnonzero(choice >= 0) if like_city[choice[g]] != 0 and table.ids[choice[g]] >= 0}
    listed_with_regions = table.features[:, COLUMN["list_kind_share"]] > 0.5
    if table.list_siblings:
        # Only regions the siblings end up as count: "between New York and Moscow", Moscow the
        # federal city while the passes ran and the city now, lists two cities; so do "Porto, Coimbra
        # and Faro", each a district named after its city.
        for g, siblings in enumerate(table.list_siblings):
            final = [s for s in siblings if choice[s] >= 0 and table.ids[choice[s]] >= 0]
            if final and all(table.kind[choice[s]] == KIND_CITY or cities.get(s) is not None for s in final):
                listed_with_regions[table.bounds[g]:table.bounds[g + 1]] = False
    for g, city in cities.items():
        if city is not None and not listed_with_regions[choice[g]]:
            choice[g] = city


def _namesake_city(table: CandidateTable, r: int, gazetteer: Gazetteer, primary: np.ndarray,
                   named_as_regions: set[int]) -> int | None:
    """The row of the city a region chosen at row ``r`` is named after, where the article means it."""
    region = int(table.ids[r])
    g = int(table.group[r])
    lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
    cities = [k for k in range(lo, hi) if table.kind[k] == KIND_CITY and table.ids[k] >= 0 and table.may_choose(k)
              and region in (int(gazetteer.admin1_idx[table.ids[k]]), int(gazetteer.admin2_idx[table.ids[k]]))]
    if not cities:
        return None
    city = max(cities, key=lambda k: int(gazetteer.population[table.ids[k]]))
    # By the city's own name: "Oklahoma" is only an alternate name of Oklahoma City.
    near = primary[city] and haversine_km(table.lat[r], table.lon[r], table.lat[city],
                                          table.lon[city]) <= NAMESAKE_CITY_KM
    # ... and holds a good share of its people: Brandenburg an der Havel is 3 % of Brandenburg,
    # and "Voters in Brandenburg" beside Thuringia and Saxony are the state's.
    near = near and (int(gazetteer.population[table.ids[city]])
                     >= NAMESAKE_CITY_SHARE * int(gazetteer.population[region]))
    major = (int(gazetteer.population[table.ids[city]]) >= MAJOR_NAMESAKE_POPULATION
             and region not in named_as_regions)
    return city if near or major else None


WORLD_CAPITAL_POPULATION = 1_000_000
WORLD_CAPITAL_COUNTRY_POPULATION = 50_000_000
LOCAL_COUNTRY_SHARE = 0.3   # of the article's resolved mentions, for a region to make it local


def prefer_world_capital(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"London" in a story about a New York court is London, England, not London, Ontario, however
    near Ontario lies to the article's other places; "a Washington-based think tank" in a story about
    Ukraine is not Washington, Tyne and Wear. A world capital named by its own name loses to a
    namesake town only when the article names the town's region and another town or county in it (in
    a country that holds a good share of the article's places) or qualifies it ("Paris, Texas")."""
    capital = table.features[:, COLUMN["capital_by_own_name"]] > 0
    admin1_ctx = table.features[:, COLUMN["admin1_in_context"]] > 0
    qualified = table.features[:, COLUMN["qualified"]] > 0
    # A region the article names counts only where the article is local to it: the only region of its
    # country the article names, or one where it names another town or county. "Sen. Jon Husted of
    # Ohio" beside Pennsylvania and Michigan, in a story on the Senate, leaves "markets in New York and
    # London" in London, England; "Paris Public Library" beside Illinois alone is in Paris, Illinois.
    chosen = [int(choice[g]) for g in np.flatnonzero(choice >= 0)]
    local = [(int(table.group[r]), int(table.admin1[r])) for r in chosen
             if table.kind[r] in LOCAL_KINDS and table.admin1[r] >= 0]
    regions = {int(table.ids[r]): int(table.own_country[r]) for r in chosen if table.kind[r] == KIND_ADMIN1}
    regions_per_country = Counter(regions.values())
    # ... and only in a country the article is about: "children in Mombasa and Toronto" in a Kenyan
    # obituary does not make "trained in London" London, Ontario.
    countries = Counter(int(table.own_country[r]) for r in chosen)
    named_like_capital = table.features[:, COLUMN["region_named_like_capital"]] > 0
    listed_with_regions = table.features[:, COLUMN["list_kind_share"]] > 0
    for g in np.flatnonzero(choice >= 0):
        r = int(choice[g])
        if named_like_capital[r] and not (qualified[r] or listed_with_regions[r]) and table.kind[r] == KIND_ADMIN1:
            # "Washington, which has a defence treaty with Manila, said": the state only when the
            # article names a place in it or lists it among other states.
            if not any(a == int(table.ids[r]) for _, a in local):
                _choose_world_capital(table, choice, g, capital, gazetteer)
            continue
        # A dateline alone does not make the town: "WASHINGTON, March 3 (Reuters) -" over a story that
        # names London is not Washington, Tyne and Wear; the town's region and neighbours must be named too.
        if table.kind[r] != KIND_CITY or capital[r] or qualified[r]:
            continue
        region = int(table.admin1[r])
        if admin1_ctx[r] and (regions_per_country[regions.get(region, -1)] == 1
                              or any(a == region and other != g for other, a in local)) and (
                countries[int(table.own_country[r])] >= LOCAL_COUNTRY_SHARE * len(chosen)):
            continue
        _choose_world_capital(table, choice, g, capital, gazetteer)


def _choose_world_capital(table: CandidateTable, choice: np.ndarray, g: int, capital: np.ndarray,
                          gazetteer: Gazetteer) -> None:
    lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
    capitals = [k for k in range(lo, hi) if capital[k] and table.ids[k] >= 0 and table.may_choose(k)
                and _world_capital(int(table.ids[k]), gazetteer)]
    if capitals:
        choice[g] = capitals[0]


def _world_capital(idx: int, gazetteer: Gazetteer) -> bool:
    """A capital of millions, or the capital of a populous country ("Washington", 0.7 million)."""
    country = int(gazetteer.country_idx[idx])
    return int(gazetteer.population[idx]) >= WORLD_CAPITAL_POPULATION or (
        country >= 0 and int(gazetteer.population[country]) >= WORLD_CAPITAL_COUNTRY_POPULATION)


WORLD_CITY_POPULATION = 600_000
WORLD_CITY_NAMESAKE_SHARE = 0.1     # the town at most this share of the city's population
WORLD_CITY_NEIGHBOUR_KM = 100.0     # another place this near the town makes it local
WORLD_CITY_REACH_KM = 500.0         # ... and one this near the city makes the city fit the story too
WORLD_CITY_ISOLATED_KM = 500.0      # a town this far from every other place fits no better than the city


def prefer_world_city(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"A road trip through Cleveland, Toronto and Detroit" is Toronto, Ontario, not the Ohio town of
    5,000 that lies a little nearer the other two; "London and Boston have the laboratories" is Boston,
    Massachusetts. A city of most of a million (not a capital: see prefer_world_capital), named by its
    own name, beats a namesake a tenth its size when as many of the article's places (two at least) lie
    around the city as around the town, when none lies within 500 km of the town, or when the name is
    listed beside a world city. The town
    stands when the article qualifies or datelines it, names its region, or names another place within
    100 km of it ("St. Petersburg" beside Tampa, "Perth" beside Dundee); "COLUMBUS" beside Omaha stays
    in Nebraska, Columbus, Ohio being nowhere near the story."""
    primary = table.features[:, COLUMN["name_primary"]] > 0
    capital = table.features[:, COLUMN["capital_by_own_name"]] > 0
    qualified = table.features[:, COLUMN["qualified"]] > 0
    dateline = table.features[:, COLUMN["dateline_city"]] > 0
    chosen = {int(g): int(choice[g]) for g in np.flatnonzero(choice >= 0) if table.ids[choice[g]] >= 0}
    named_regions = {int(table.ids[r]) for r in chosen.values() if table.kind[r] == KIND_ADMIN1}
    for g, r in chosen.items():
        if table.kind[r] != KIND_CITY or qualified[r] or dateline[r] or int(table.admin1[r]) in named_regions:
            continue
        lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
        least = max(WORLD_CITY_POPULATION, int(gazetteer.population[table.ids[r]]) / WORLD_CITY_NAMESAKE_SHARE)
        cities = [k for k in range(lo, hi) if primary[k] and not capital[k] and table.kind[k] == KIND_CITY
                  and table.may_choose(k) and int(gazetteer.population[table.ids[k]]) >= least]
        if not cities:
            continue
        city = max(cities, key=lambda k: int(gazetteer.population[table.ids[k]]))
        neighbours = [o for h, o in chosen.items() if h != g and table.kind[o] in LOCAL_KINDS]
        if neighbours:
            lat, lon = table.lat[neighbours], table.lon[neighbours]
            from_town = haversine_km(table.lat[r], table.lon[r], lat, lon)
            if from_town.min() <= WORLD_CITY_NEIGHBOUR_KM:
                continue
            # At least two places around the city, and as many as around the town: one stray choice
            # ("Lakeview" put in Ohio) does not carry "COLUMBUS" off to Ohio.
            around_city = int((haversine_km(table.lat[city], table.lon[city], lat, lon) <= WORLD_CITY_REACH_KM).sum())
            fits = around_city >= max(2, int((from_town <= WORLD_CITY_REACH_KM).sum()))
            # Nothing the article names lies near the town either: fame decides ("the Melbourne Cricket
            # Ground" in a story on a tour of Canada and the US is not in Florida).
            fits = fits or from_town.min() > WORLD_CITY_ISOLATED_KM
        else:
            fits = False
        listed = table.list_siblings is not None and any(
            s in chosen and (table.major[chosen[s]] or capital[chosen[s]]) for s in table.list_siblings[g])
        if fits or listed:
            choice[g] = city


OWN_NAME_KM = 30.0


def prefer_own_name_nearby(table: CandidateTable, choice: np.ndarray) -> None:
    """"New Delhi" is New Delhi, not Delhi, which GeoNames also calls "New Delhi": when the choice is a
    town named so only by an alternate name and a town the mention names by its own name lies within
    a few km of it, the article means that one (the same spot on the map, named as written)."""
    primary = table.features[:, COLUMN["name_primary"]] > 0
    for g in np.flatnonzero(choice >= 0):
        r = int(choice[g])
        if table.ids[r] < 0 or table.kind[r] != KIND_CITY or primary[r]:
            continue
        lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
        own = [k for k in range(lo, hi) if primary[k] and table.kind[k] == KIND_CITY and table.may_choose(k)]
        if not own:
            continue
        km = haversine_km(table.lat[r], table.lon[r], table.lat[own], table.lon[own])
        if km.min() <= OWN_NAME_KM:
            choice[g] = own[int(np.argmin(km))]


OWN_NAME_CITY_POPULATION = 100_000
OWN_NAME_CITY_FACTOR = 10


def prefer_city_named_as_written(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"Face Orlando on Friday" in a story datelined in California is Orlando, Florida, not Orland,
    California (7,500 people), which GeoNames also calls "Orlando": a town the mention names only by an
    alternate name gives way to a city of its country, of 100,000 or more and ten times its size, that the
    mention names by its own name, unless the words qualify the town or the dateline names it, or the
    article names the town by its own name too ("Dale was originally called Elizabeth"). Across countries
    the context decides: "Kingston" in a story on south-west London is Kingston upon Thames."""
    primary = table.features[:, COLUMN["name_primary"]] > 0
    qualified = table.features[:, COLUMN["qualified"]] > 0
    dateline = table.features[:, COLUMN["dateline_city"]] > 0
    chosen = [int(choice[g]) for g in np.flatnonzero(choice >= 0)]
    named_own = {int(table.ids[r]) for r in chosen if primary[r]}
    for g in np.flatnonzero(choice >= 0):
        r = int(choice[g])
        if (table.ids[r] < 0 or table.kind[r] != KIND_CITY or primary[r] or qualified[r] or dateline[r]
                or int(table.ids[r]) in named_own):
            continue
        least = max(OWN_NAME_CITY_POPULATION, OWN_NAME_CITY_FACTOR * int(gazetteer.population[table.ids[r]]))
        city = _biggest_own_namesake(table, g, r, KIND_CITY, least, primary, gazetteer)
        if city is not None:
            choice[g] = city


def _biggest_own_namesake(table: CandidateTable, g: int, r: int, kind: int, least: int, primary: np.ndarray,
                          gazetteer: Gazetteer) -> int | None:
    """The most populous row of group g of `kind` that the mention names by its own name, in row r's country,
    of at least `least` people and not ruled out; None when there is none."""
    population = gazetteer.population
    rows = [k for k in range(int(table.bounds[g]), int(table.bounds[g + 1]))
            if table.kind[k] == kind and primary[k] and table.may_choose(k)
            and table.own_country[k] == table.own_country[r] and int(population[table.ids[k]]) >= least]
    return max(rows, key=lambda k: int(population[table.ids[k]])) if rows else None


def prefer_country_named_as_written(table: CandidateTable, choice: np.ndarray) -> None:
    """"Albania's new ambassador" on a page full of US places is Albania, not Albany, New York, whose
    old Latin name GeoNames lists: a country the mention names by its own name outranks a place it
    names only by an alternate one, unless the words qualify that place ("Albania, N.Y.")."""
    primary = table.features[:, COLUMN["name_primary"]] > 0
    qualified = table.features[:, COLUMN["qualified"]] > 0
    for g in np.flatnonzero(choice >= 0):
        r = int(choice[g])
        if table.ids[r] < 0 or table.kind[r] == KIND_COUNTRY or primary[r] or qualified[r]:
            continue
        lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
        own = [k for k in range(lo, hi) if primary[k] and table.kind[k] == KIND_COUNTRY and table.may_choose(k)]
        if len(own) == 1:
            choice[g] = own[0]


def follow_the_qualified_namesake(table: CandidateTable, choice: np.ndarray, names: list[str],
                                  first_starts: list[int]) -> None:
    """"Victoria to host 2030 Games after Melbourne pulls out ... Victoria, British Columbia, has been
    chosen": the article says once which Victoria it means, and its bare mentions are that one, not the
    Australian state beside Melbourne. Where the article qualifies the name as one place only, and at the
    name's first mention below the headline (`first_starts`: each group's first mention there): a
    qualified namesake further on is another place ("Salem ... named after Salem, North Carolina"). A
    mention with its own cue ("the Australian state of Victoria") keeps it, that place not being open to it."""
    qualified = table.features[:, COLUMN["qualified"]] > 0
    groups_by_name: dict[str, list[int]] = {}
    for g, name in enumerate(names):
        groups_by_name.setdefault(name, []).append(g)
    for groups in groups_by_name.values():
        if len(groups) < 2:
            continue
        firm = {int(table.ids[choice[g]]) for g in groups if choice[g] >= 0 and qualified[choice[g]]}
        if len(firm) != 1:
            continue
        first = min(groups, key=lambda g: first_starts[g])
        if not (choice[first] >= 0 and qualified[choice[first]]):
            continue
        place = firm.pop()
        for g in groups:
            if choice[g] >= 0 and qualified[choice[g]]:
                continue
            rows = [k for k in range(int(table.bounds[g]), int(table.bounds[g + 1]))
                    if table.ids[k] == place and table.may_choose(k)]
            if rows:
                choice[g] = rows[0]


LISTED_TOWN_POPULATION = 100_000   # a town this small listed beside a city ...
LISTED_STATE_DOMINANCE = 100       # ... is not meant over a state of its name a hundred times its size


def listed_states_stay_states(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"Groups in Washington and California": listed beside a capital, "California" went to the town of
    11,000 in Maryland that lies beside it. A name chosen as a small town in a list is the first-level
    region of its own name in the same country when the region is a hundred times its size."""
    if not table.list_siblings:
        return
    primary = table.features[:, COLUMN["name_primary"]] > 0
    population = gazetteer.population
    for g, siblings in enumerate(table.list_siblings):
        r = int(choice[g])
        if not siblings or r < 0 or table.ids[r] < 0 or table.kind[r] != KIND_CITY:
            continue
        town = int(population[table.ids[r]])
        if town >= LISTED_TOWN_POPULATION:
            continue
        state = _biggest_own_namesake(table, g, r, KIND_ADMIN1, LISTED_STATE_DOMINANCE * max(town, 1), primary,
                                      gazetteer)
        if state is not None:
            choice[g] = state


LISTED_CAPITAL_POPULATION = 100_000


def listed_capitals(table: CandidateTable, choice: np.ndarray, gazetteer: Gazetteer) -> None:
    """"Tokyo and Canberra urged restraint": capitals listed together stand for their governments, so a
    capital (by its own name) left unresolved for lying far from the story's other places is the
    capital when a capital listed beside it was chosen."""
    if not table.list_siblings:
        return
    capital = table.features[:, COLUMN["capital_by_own_name"]] > 0
    for g, siblings in enumerate(table.list_siblings):
        if (choice[g] >= 0 and table.ids[choice[g]] >= 0) or not any(
                choice[s] >= 0 and capital[choice[s]] for s in siblings):
            continue
        lo, hi = int(table.bounds[g]), int(table.bounds[g + 1])
        capitals = [k for k in range(lo, hi) if capital[k] and table.may_choose(k)
                    and int(gazetteer.population[table.ids[k]]) >= LISTED_CAPITAL_POPULATION]
        if len(capitals) == 1:
            choice[g] = capitals[0]


# A town (or county) left unresolved when it is this small, this weakly chosen, the only place of its country
# among at least this many mentions elsewhere, and this far from every other place (see stray_towns).
STRAY_TOWN_POPULATION = 50_000
STRAY_TOWN_CONFIDENCE = 0.7
STRAY_TOWN_CONTEXT = 3
STRAY_TOWN_KM = 300.0
# On another continent from everything else, a stray needs more than that to stand: "Yauri" in a
# report from Kebbi state is the Nigerian town the gazetteer lacks, not its namesake in Peru.
STRAY_TOWN_FAR_KM = 3000.0
STRAY_TOWN_FAR_CONFIDENCE = 0.9
# There, a bigger town (not a county, not a city of note) stands only when the resolver was fairly
# sure of it: "Clifton" in a Karachi story is the city's district, not Clifton, New Jersey. Up to half a
# million people, a city few languages name is no city of note either: "Morena party leaders" in a Mexican
# story are no town in Madhya Pradesh (22 other names), where Geneva (60) and Hollywood, Florida (57) stand.
STRAY_FAR_TOWN_POPULATION = 100_000
STRAY_FAR_CITY_POPULATION = 500_000
STRAY_FAR_CITY_FAME = 40   # alternate names
STRAY_FAR_TOWN_CONFIDENCE = 0.5
# And a first-level region of any size chosen at under one half: "the Western District of Missouri" in
# a Springfield court story is no province of Sri Lanka, "Rivers burst their banks" in Emilia-Romagna no
# Nigerian state, "taught English" in Mississippi not England.
STRAY_FAR_REGION_CONFIDENCE = 0.5
# A county named without its "County" and barely chosen stands nowhere far from the article's places.
STRAY_PARTIAL_COUNTY_CONFIDENCE = 0.5
STRAY_LONE_TOWN_POPULATION = 10_000
STRAY_LONE_TOWN_KM = 700.0
# A city of under a million found only by another of its names (not its own) stands 1,000 km from all
# else only when the resolver was sure: "Kurla" in a Mumbai story is the suburb the gazetteer lacks, not
# Korla in Xinjiang, whose Uyghur name it is.
STRAY_OTHER_NAME_POPULATION = 1_000_000
STRAY_OTHER_NAME_KM = 1000.0
# A small town alone in its state, this far from all else, where another state holds at least this
# many of the article's mentions and most of them in the country (see _strays_from_the_state).
STRAY_OTHER_STATE_KM = 1000.0
STRAY_STATE_MENTIONS = 3


def stray_towns(by_place: dict[int, list[int]], confidence: dict[int, float], gazetteer: Gazetteer,
                dateline_place: int | None, partly_named: frozenset[int] = frozenset(),
                other_named: frozenset[int] = frozenset()) -> list[int]:
    """Small towns and counties (and, on another continent, barely chosen regions), weakly resolved, alone
    in a country the rest of the article never touches and far from every other place it names: "Villa
    Park" in a Premier League report is the stadium, not the town in Illinois; "Esperance" beside Tunis is
    the football club; "the Charlevoix region" in a Quebec story is not Charlevoix County, Michigan. A
    county named without its "County" (`partly_named`) counts as small whatever its size: "Prince
    William" in a London paper is the prince, not the Virginia county; a city named only by another of its
    names (`other_named`) is a stray 1,000 km away up to a million people. Such a place is left unresolved
    rather than guessed (a wrong point on the map is worse than none). A village 700 km from
    every other place is one wherever it lies and however sure the resolver."""
    mentions_by_country: dict[int, int] = {}
    mentions_by_region: dict[int, int] = {}   # first-level region -> mentions in or of it
    for idx, members in by_place.items():
        country = int(idx if gazetteer.kind[idx] == KIND_COUNTRY else gazetteer.country_idx[idx])
        if country >= 0:
            mentions_by_country[country] = mentions_by_country.get(country, 0) + len(members)
        region = int(idx if gazetteer.kind[idx] == KIND_ADMIN1 else gazetteer.admin1_idx[idx])
        if region >= 0:
            mentions_by_region[region] = mentions_by_region.get(region, 0) + len(members)
    total = sum(mentions_by_country.values())
    strays = []
    for idx, members in by_place.items():
        country = int(gazetteer.country_idx[idx])
        kind = gazetteer.kind[idx]
        if kind not in (KIND_CITY, KIND_ADMIN2, KIND_ADMIN1) or country < 0 or idx == dateline_place:
            continue
        population = int(gazetteer.population[idx])
        small = kind != KIND_ADMIN1 and (
            population <= STRAY_TOWN_POPULATION or (kind == KIND_ADMIN2 and idx in partly_named))
        little_known = population <= STRAY_FAR_CITY_POPULATION and gazetteer.alternates[idx] < STRAY_FAR_CITY_FAME
        middling = ((kind == KIND_CITY and confidence[idx] < STRAY_FAR_TOWN_CONFIDENCE
                     and (population <= STRAY_FAR_TOWN_POPULATION or little_known))
                    or (kind == KIND_ADMIN1 and confidence[idx] < STRAY_FAR_REGION_CONFIDENCE))
        # However sure the resolver (the name's one town, no rival): a village 700 km from everything else
        # the article names is a namesake of one the gazetteer lacks ("Gold Hill" in a Boulder fire story
        # is no town in Oregon).
        lone_village = kind == KIND_CITY and population <= STRAY_LONE_TOWN_POPULATION
        other_name = kind == KIND_CITY and idx in other_named and population < STRAY_OTHER_NAME_POPULATION
        weak = (small or middling or other_name) and confidence[idx] < STRAY_TOWN_FAR_CONFIDENCE
        # Even in the article's own country: "Garfield" in an Iowa school story is no Oklahoma county.
        partial_county = (kind == KIND_ADMIN2 and idx in partly_named
                          and confidence[idx] < STRAY_PARTIAL_COUNTY_CONFIDENCE)
        alone = mentions_by_country[country] == len(members)
        other_state = (kind == KIND_CITY and small and confidence[idx] < STRAY_TOWN_FAR_CONFIDENCE
                       and _strays_from_the_state(idx, members, mentions_by_region, gazetteer))
        if total - len(members) < STRAY_TOWN_CONTEXT or not (
                lone_village or other_state or (weak and (partial_county or alone))):
            continue
        # Nor near any other place of the article ("Saipan" beside Guam: two territories, one trip).
        nearest = _km_to_nearest_other(idx, by_place, gazetteer)
        if nearest is None:
            continue
        if (lone_village and nearest > STRAY_LONE_TOWN_KM) or (other_state and nearest > STRAY_OTHER_STATE_KM):
            strays.append(idx)
        elif weak and partial_county and nearest > STRAY_TOWN_KM:
            strays.append(idx)
        elif weak and alone:
            near_enough = nearest <= STRAY_TOWN_KM or confidence[idx] >= STRAY_TOWN_CONFIDENCE
            if (nearest > STRAY_TOWN_FAR_KM or (small and not near_enough)
                    or (other_name and nearest > STRAY_OTHER_NAME_KM)):
                strays.append(idx)
    return strays


def _strays_from_the_state(idx: int, members: list[int], mentions_by_region: dict[int, int],
                           gazetteer: Gazetteer) -> bool:
    """Whether a town is alone in its first-level region while another region of its country holds
    most of the article's mentions there ("Cabot" in a Vermont school story is no town in Arkansas)."""
    own = int(gazetteer.admin1_idx[idx])
    if own < 0 or mentions_by_region.get(own, 0) > len(members):
        return False
    country = int(gazetteer.country_idx[idx])
    in_country = {r: n for r, n in mentions_by_region.items() if int(gazetteer.country_idx[r]) == country}
    top = max(in_country.items(), key=lambda item: item[1])
    return top[0] != own and top[1] >= STRAY_STATE_MENTIONS and 2 * top[1] > sum(in_country.values())


def _km_to_nearest_other(idx: int, by_place: dict[int, list[int]], gazetteer: Gazetteer) -> float | None:
    """How far place idx lies from the nearest other town or region of the article (None: there is none)."""
    others = [o for o in by_place if o != idx and gazetteer.kind[o] in CONTAINER_KINDS + (KIND_CITY,)]
    if not others:
        return None
    return float(haversine_km(gazetteer.lat[idx], gazetteer.lon[idx], gazetteer.lat[others],
                              gazetteer.lon[others]).min())


# A compass word and a generic one: "the city's South Side", "commuters from the South Bay".
_COMPASS_PART = re.compile(r"(?:North|South|East|West|Upper|Lower|Near|Far|(?:North|South)(?:east|west))"
                           r" (?:Side|Bay|End|Shore|Shores|Hills|Valley|Coast|Country|Park|Point|Beach|Loop)")
_NEIGHBOURHOOD = re.compile(r"\s{1,3}(?:neighbou?rhood|district|quarter|suburb)\b", re.IGNORECASE)
# A school's name: the town in it is the school's own ("Glen Carbon Elementary"), near the article's
# other places; far from them the name is a person's ("Hoover Elementary" in Cedar Rapids, "Weller and
# Holland elementary schools" in Springfield, Missouri). Not "a Rochester high school": a school there.
_SCHOOL_AFTER = re.compile(r"(?: and [A-Z][\w'-]+)? (?:Elementary|Middle School|High School|Junior High|"
                           r"Primary School|Academy|(?:elementary|middle|high) schools)\b")
LOCAL_PART_KM = 300.0
# What GeoNames keeps as the English name of a town's part ("Old Town" for Prague's Staré Město and
# Bratislava's Staré Mesto, "Downtown" for Warsaw's Śródmieście) describes a part of whatever town the
# article is about: the namesake stands only right beside another of its places.
_TOWN_PART = re.compile(r"(?:Old|New|Upper|Lower) (?:Town|City)|(?:Down|Up|Mid)town|(?:City|Town) Cent(?:re|er)")
TOWN_PART_KM = 30.0


def names_a_part(text: str, start: int, end: int) -> bool:
    """Whether a mention names a part of somewhere, or a local institution: "North Side", "South Bay",
    "the Austin neighborhood", "the New Town district of Edinburgh", "Hoover Elementary"."""
    return bool(_COMPASS_PART.fullmatch(text, start, end) or _NEIGHBOURHOOD.match(text, end, end + 20)
                or _SCHOOL_AFTER.match(text, end, end + 20))


def describes_a_town_part(text: str, start: int, end: int) -> bool:
    """Whether a mention is a description that GeoNames keeps as a name: "the walled Old Town"."""
    return bool(_TOWN_PART.fullmatch(text, start, end))


def far_parts(by_place: dict[int, list[int]], parts: set[int], gazetteer: Gazetteer,
              dateline_place: int | None, within_km: float = LOCAL_PART_KM, alone_is_far: bool = False) -> list[int]:
    """Towns named only as a part of somewhere (mentions in ``parts``) that lie far from every other
    place of the article: "a woman was wounded on the North Side" of a Chicago story describes the
    city's part, not Oildale, California, which GeoNames also calls so; "commuters from the South Bay"
    of a Bay Area story are not in South Bay, Florida; "the Austin neighborhood on the West Side" is
    Chicago's, which the gazetteer lacks, not Austin, Texas. Near the article's places ("East Point"
    beside Atlanta) or as its dateline, the town stands; alone in the article, as `alone_is_far` says."""
    far = []
    for idx, members in by_place.items():
        if gazetteer.kind[idx] != KIND_CITY or idx == dateline_place or not all(i in parts for i in members):
            continue
        nearest = _km_to_nearest_other(idx, by_place, gazetteer)
        if nearest is None and not alone_is_far or nearest is not None and nearest <= within_km:
            continue
        far.append(idx)
    return far


def features_by_their_generic_word(chosen: list[int], words: list[str], gazetteer: Gazetteer) -> list[int]:
    """"Hurricane Delia churned across the Gulf of Mexico ... platforms in the Gulf": once a sea, a
    bay or a strait is named in full, its generic word alone ("the Gulf") names it again, not a
    namesake county. ``chosen`` holds the place chosen for each mention group, ``words`` the group's
    text; returns the places with such mentions moved to the feature (when only one fits)."""
    named: dict[str, int] = {}
    for idx in set(chosen):
        if gazetteer.kind[idx] == KIND_PHYSICAL:
            # Two gulfs named in full leave "the Gulf" alone.
            for head in generic_words(gazetteer.name(idx)):
                named[head.casefold()] = idx if named.get(head.casefold(), idx) == idx else -1
    moved = [named.get(word.casefold(), -1) for word in words]
    return [feature if feature >= 0 else idx for idx, feature in zip(chosen, moved)]
