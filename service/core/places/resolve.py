"""Toponym resolution: pick, for each recognised mention, the place it names.

Mentions with the same name (and the same qualifier) form a group that resolves once.
All candidates of all groups sit in one table, so each scoring pass is a handful of numpy
operations whatever the article's length. A candidate's features: what kind of place it
is and how prominent, how the name matched (own name, alternate name, abbreviation,
demonym), whether its country or region is named elsewhere in the article, an explicit
qualifier ("Troy, N.C.", "Fallujah, Iraq"), the dateline's country, and its distance to
the article's other places. A linear model turns features into scores. What the words around a
mention say of it (a qualifier, "state of", "the Kursk region", a list) is read in ``cues``.

Every group also has a "nil" row: no gazetteer entry is this place ("Levant" is not the
town in Maine). Choosing it leaves the mentions unresolved rather than wrong.

Resolution runs in passes: the first sees no context, each later one sees the choices of
the one before. That is how "Jordan" beside Syria becomes the country and "Jerusalem"
beside Israel the city in Israel.

Two rules override the scores: a dateline resolves to a town or city when one has its name
("NEW YORK (AP) -"), and a qualifier that names the region of one candidate rules out the
oceans and world regions of that name ("Atlantic, Iowa"). The rules applied after the passes are
in ``choice_rules``; ``resolve_toponyms`` (the package's ``__init__``) runs both and groups mentions
into places.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_PHYSICAL,
                                    KIND_REGION, NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PARTIAL,
                                    NAME_PRIMARY, Gazetteer)
from ...resources.names import cached_name_key, spelled_out
from ..document import Document
from .cues import (CALLED_A_REGION, COUNTRY_BEFORE, GOVERNMENT_AFTER, LISTED_AS_REGIONS, OWN_REGION_NOUNS,
                   STATE_BEFORE, STATE_COUNTRIES, called_a_region, called_a_river, called_a_state_or_country,
                   called_a_town, compass_before, district_of_region, firm_qualifier_places, list_chains,
                   listed_as_regions, listed_as_rivers, names_a_team, owned_by, placed_in, placed_outside_the_gazetteer,
                   qualifier_places, regions_spelled_like, sentence_openers)
from .distance import haversine_km
from .recognize import Toponym

MAX_CANDIDATES = 40
PASSES = 3
NEAREST_POINTS = 3
WORLD_FEATURE_POPULATION = 1e7
MAJOR_CITY_LOG_POPULATION = 6.0
SAME_SPOT_KM = 25.0        # two rows this close are one answer (a city-state and its city)
CONTAINER_KINDS = (KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2)
_AREAL_KINDS = (KIND_CONTINENT, KIND_REGION, KIND_PHYSICAL)   # no town, no border: oceans, "Middle East"
# A team's city has 100,000 people or more (log10 of population + 10, as log_pop_l holds it).
_TEAM_CITY_LOG_POPULATION = 5.0
# One county (not "counties": "Dakota, Otoe and Washington counties" are counties) after a state's name.
_COUNTY_OF_STATE = re.compile(r" (?:county|parish|borough)\b(?!-)")

FEATURES = (
    "bias", "is_country", "is_admin1", "is_admin2", "is_city", "is_continent", "is_region", "is_physical",
    "is_capital", "capital_by_own_name",
    "log_population", "name_primary", "name_alt", "name_abbr", "name_demonym", "name_partial",
    "country_in_context", "admin1_in_context", "qualified", "country_of_dateline",
    "log_km_to_context", "log_km_major", "n_candidates_log", "rank_by_population", "exact_case",
    "region_named_like_city", "city_named_like_region", "top_country", "no_context_points", "dateline_city",
    "capital_of_context_country", "population_dominance", "country_share", "log_km_areal", "list_kind_share",
    "region_named_like_capital", "log_km_to_list", "alternate_names_short", "nil",
)

# Hand-set weights of the first release; ``service.tools.train_resolver`` fits them from data.
DEFAULT_WEIGHTS = {
    "is_country": 3.0, "is_admin1": 1.8, "is_admin2": 0.2, "is_city": 0.0, "is_continent": 2.5, "is_capital": 1.0,
    "log_population": 0.55, "name_primary": 1.0, "name_alt": 0.2, "name_abbr": 0.4, "name_demonym": 1.0,
    "name_partial": -0.6, "country_in_context": 1.0, "admin1_in_context": 1.5, "qualified": 6.0,
    "country_of_dateline": 1.0, "log_km_to_context": -0.8, "rank_by_population": -0.3, "exact_case": 0.3,
    "region_named_like_city": -2.0, "city_named_like_region": 1.0, "top_country": 1.0,
}


@dataclass
class ResolverModel:
    """Linear scores over ``FEATURES``."""

    weights: np.ndarray
    name: str = "hand-set-v1"

    @classmethod
    def default(cls) -> "ResolverModel":
        return cls(np.array([DEFAULT_WEIGHTS.get(f, 0.0) for f in FEATURES], dtype=np.float64))

    @classmethod
    def load(cls, path: str | Path) -> "ResolverModel":
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no resolver model at {path}: train it with `make models`")
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = dict(zip(data["features"], data["weights"]))
        missing = set(FEATURES) - set(weights)
        if missing:
            raise ValueError(f"resolver model {path} lacks features {sorted(missing)}: retrain it")
        return cls(np.array([weights[f] for f in FEATURES], dtype=np.float64), name=data.get("name", path.stem))

    def save(self, path: str | Path, extra: dict | None = None) -> None:
        data = {"name": self.name, "features": list(FEATURES),
                "weights": [round(float(w), 6) for w in self.weights], **(extra or {})}
        Path(path).write_text(json.dumps(data, indent=1), encoding="utf-8")


COLUMN = {f: k for k, f in enumerate(FEATURES)}   # feature name -> its column


@dataclass
class CandidateTable:
    """Every candidate of every mention group of one document."""

    groups: list[list[int]]          # group -> mention indexes
    mention_group: list[int]         # mention -> group
    bounds: np.ndarray               # group g's rows are bounds[g]:bounds[g+1], its nil row first
    group: np.ndarray                # row -> group
    ids: np.ndarray                  # row -> gazetteer index (-1 on nil rows)
    kind: np.ndarray
    own_country: np.ndarray          # the country itself for countries, else its country
    admin1: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    features: np.ndarray             # rows x FEATURES; context columns are rewritten each pass
    sizes: np.ndarray                # group -> number of mentions
    region: np.ndarray               # row -> its first-level region (itself for one), -1 for none
    major: np.ndarray                # row -> a city of a million or more
    areal: np.ndarray                # row -> an ocean, a continent or a world region of no one country
    n_regions: int                   # countries and first-level regions have indexes below this
    blocked: np.ndarray | None = None  # rows that may not be chosen, whatever their score
    list_siblings: list[list[int]] | None = None  # group -> the groups listed beside it ("A, B and C")
    # Groups that lend no context: "named after Glasgow in Scotland" in a story about Glasgow, Montana.
    silent: np.ndarray | None = None

    def may_choose(self, row: int) -> bool:
        """Whether no rule has ruled the row out."""
        return self.blocked is None or not self.blocked[row]


def lies_in(places: frozenset[int], rows: range, columns: tuple[list[int], ...], gazetteer: Gazetteer) -> list[bool]:
    """Per row, whether it may lie in one of `places` (countries and regions): it is one of them ("New
    South Wales (NSW)"), its country or first- or second-level region is ("Santa Ana town in Cagayan"), or
    it is a world feature of a named region's country, whose region the gazetteer does not record ("Long
    Island, N.Y."). `columns`: the rows' ids, kinds, first- and second-level regions and countries."""
    ids_l, kind_l, admin1_l, admin2_l, country_l = columns
    state_countries = {int(gazetteer.country_idx[idx]) for idx in places if gazetteer.kind[idx] == KIND_ADMIN1}
    return [ids_l[r] in places or admin1_l[r] in places or country_l[r] in places
            or (ids_l[r] >= 0 and admin2_l[r] in places)
            or (kind_l[r] in _AREAL_KINDS and country_l[r] in state_countries) for r in rows]


def _all_but(rows: list[int], kept: list[int]) -> list[int]:
    """The rows to block so that only `kept` remain, or none when none would (a cue for a kind of
    place the name has no entry of rules nothing out)."""
    return [r for r in rows if r not in kept] if kept else []


def build_candidate_table(doc: Document, toponyms: list[Toponym], gazetteer: Gazetteer,
                          late_rules: bool = True) -> CandidateTable:
    """One document's candidate table. `late_rules` adds the rules laid over the trained resolver
    (a firm qualifier, "in" a country, a compass adjective, a demonym): training builds its tables without
    them, so the learned weights keep measuring the evidence as it is written."""
    group_keys: dict[tuple, int] = {}
    groups: list[list[int]] = []
    qualifiers: list[frozenset[int]] = []
    states: list[int] = []     # 0, or STATE_BEFORE / STATE_AFTER / COUNTRY_BEFORE / GOVERNMENT_AFTER
    called_region: list[int] = []   # 0, or CALLED_A_REGION / LISTED_AS_REGIONS
    region_nouns: list[str] = []    # the word that calls it a region: "parish", "county", ...
    rivers: list[bool] = []         # called a river
    towns: list[bool] = []          # called a town ("Bahrain, a tourist town")
    teams: list[bool] = []          # a team's place ("the Buffalo Bills")
    qualified_places: list[frozenset[int]] = []   # group -> what the group's mention qualifies
    firm_qualifiers_of: list[frozenset[int]] = []   # a qualifier beyond doubt, outside a list: "Dresden, Germany"
    sole_qualifiers: list[bool] = []   # that qualifier is not followed by a further item ("Maga, Kebbi State,")
    placed_groups: list[frozenset[int]] = []   # "Cambridge in England": its own group (see placed_in)
    compass_groups: list[bool] = []   # "western New York": a part of a region
    listed_groups: list[bool] = []    # a mention of the group is an item of a list ("Ohio, Texas and Iowa")
    # group -> the countries of the region it lies "in", a region that holds none of its namesakes
    lacked: dict[int, frozenset[int]] = {}
    mention_group = []
    qualifier = frozenset()
    chains = list_chains(doc, toponyms, gazetteer)
    listed = listed_as_regions(doc, toponyms, chains)
    river_list = listed_as_rivers(doc, toponyms, chains)
    in_lists = {i for chain in chains for i in chain}
    openers = sentence_openers(doc, toponyms, gazetteer) if late_rules else []
    for i, t in enumerate(toponyms):
        # The places of the mention this one qualifies: "Troy" for "N.C." in "Troy, N.C.".
        qualified = frozenset(idx for idx, _ in toponyms[i - 1].entries) if qualifier else frozenset()
        qualifier = qualifier_places(doc, toponyms, i)
        state = called_a_state_or_country(doc, t)
        called, noun = called_a_region(doc, t)
        noun = listed.get(i, noun)
        region = LISTED_AS_REGIONS if i in listed else CALLED_A_REGION if called else 0
        compass = late_rules and compass_before(doc, t)
        river = called_a_river(doc, t, gazetteer) or i in river_list
        town = called_a_town(doc, t) and not qualified   # "Nampa, Idaho, is a city": Nampa is one
        team = late_rules and names_a_team(doc, t)
        # A mention called a state, a country or a region is its own group: "Georgia" the country and
        # "the U.S. state of Georgia" in one article are two places, and so are "Kursk" and "the Kursk region".
        placed = frozenset()
        if late_rules:   # "in" a country is not read inside a list; an owner ("India's Punjab") is
            placed = ((placed_in(doc, toponyms, i, gazetteer) if i not in in_lists else frozenset())
                      or owned_by(doc, toponyms, i, gazetteer))
        # "In British Columbia, ... Vancouver": its own group too, which still lends context (unlike a
        # placed mention, it is the article's own place).
        opened = openers[i] if late_rules else frozenset()
        name = cached_name_key(t.stands_for or doc.norm[t.start:t.end])
        key = (name, qualifier, state, qualified, region, river, placed, compass, opened)
        g = group_keys.get(key)
        if g is None:
            g = group_keys[key] = len(groups)
            groups.append([])
            qualifiers.append(qualifier)
            states.append(state)
            called_region.append(region)
            region_nouns.append(noun)
            rivers.append(river)
            towns.append(False)
            teams.append(False)
            qualified_places.append(qualified)
            firm_qualifiers_of.append(frozenset())
            sole_qualifiers.append(False)
            placed_groups.append(placed)
            compass_groups.append(compass)
            listed_groups.append(False)
        listed_groups[g] = listed_groups[g] or i in in_lists
        outside = placed_outside_the_gazetteer(doc, toponyms, i, gazetteer) if late_rules else frozenset()
        if outside:
            lacked[g] = outside
        towns[g] = towns[g] or town   # one name, one place: called a town once, it is one throughout
        teams[g] = teams[g] or team
        if late_rules and (i not in in_lists or placed or opened) and not firm_qualifiers_of[g]:
            firm_qualifiers_of[g] = placed or opened or (
                firm_qualifier_places(doc, toponyms, i) if qualifier else frozenset()) \
                or district_of_region(doc, toponyms, i, gazetteer)
            # The qualifier alone, not an item of a list that goes on ("Paris, Lima, Rome, Oslo" with no
            # "and" is no list to list_chains): only then may it leave the mention unresolved.
            goes_on = qualifier and i + 2 < len(toponyms) and \
                doc.norm[toponyms[i + 1].end:toponyms[i + 2].start].strip() == ","
            sole_qualifiers[g] = bool(firm_qualifiers_of[g]) and not (placed or opened) and not goes_on
        groups[g].append(i)
        mention_group.append(g)

    written_whole = {cached_name_key(t.text) for t in toponyms}
    id_parts, flag_parts, group_sizes = [], [], []
    for g, members in enumerate(groups):
        merged: dict[int, int] = {}
        first = toponyms[members[0]]
        # "the Jordan river" is the Jordan River, which the gazetteer knows by that name or by its bare
        # one ("the Tweed" is the River Tweed as well as Australia's Tweed River); a river it does not
        # know is no town ("the Juba and Shabelle rivers" are not Juba, South Sudan).
        entries = first.entries
        if rivers[g]:
            entries = [*gazetteer.lookup(f"{first.text} River"),
                       *((idx, flags) for idx, flags in entries if gazetteer.kind[idx] == KIND_PHYSICAL)]
        # A code written with periods is a writer's abbreviation ("L.A.", "N.C."), never an ISO code
        # (Laos's "LA", New Caledonia's "NC"): the code's places are no candidates for it.
        dotted = "." in first.text[:-1]
        for idx, flags in entries:
            if dotted and flags == NAME_CODE:
                continue
            merged[idx] = merged.get(idx, 0) | flags
        if called_region[g] and (region_nouns[g] in OWN_REGION_NOUNS or not region_nouns[g]):
            for idx, flags in regions_spelled_like(first, gazetteer):
                merged.setdefault(idx, flags)
        ids = np.fromiter(merged.keys(), dtype=np.int64, count=len(merged))
        flags = np.fromiter(merged.values(), dtype=np.int64, count=len(merged))
        if len(ids) > 1:
            keep = np.lexsort((-gazetteer.population[ids], gazetteer.kind[ids] > KIND_ADMIN1))[:MAX_CANDIDATES]
            ids, flags = ids[keep], flags[keep]
        id_parts.append(ids)
        flag_parts.append(flags)
        group_sizes.append(len(ids))
    ids = np.concatenate(id_parts) if id_parts else np.zeros(0, dtype=np.int64)
    flags = np.concatenate(flag_parts) if flag_parts else np.zeros(0, dtype=np.int64)
    group = np.repeat(np.arange(len(groups), dtype=np.int64), group_sizes)
    bounds = np.searchsorted(group, np.arange(len(groups) + 1))

    kind = gazetteer.kind[ids].astype(np.int64)
    # Oceans, seas and world regions have no population; for prominence they count as a mid-sized
    # country, so "Atlantic" is weighed against Atlantic, Iowa on a common scale.
    pop = gazetteer.population[ids].astype(np.float64)
    pop = np.where((kind >= KIND_REGION) & (pop == 0), WORLD_FEATURE_POPULATION, pop)
    country = gazetteer.country_idx[ids].astype(np.int64)
    admin1 = gazetteer.admin1_idx[ids].astype(np.int64)
    admin2 = gazetteer.admin2_idx[ids].astype(np.int64)
    own_country = np.where(kind == KIND_COUNTRY, ids, country)
    X = np.zeros((len(ids), len(FEATURES)), dtype=np.float64)
    X[:, COLUMN["bias"]] = 1.0
    X[:, COLUMN["is_country"]] = kind == KIND_COUNTRY
    X[:, COLUMN["is_admin1"]] = kind == KIND_ADMIN1
    X[:, COLUMN["is_admin2"]] = kind == KIND_ADMIN2
    X[:, COLUMN["is_city"]] = kind == KIND_CITY
    X[:, COLUMN["is_continent"]] = kind == KIND_CONTINENT
    X[:, COLUMN["is_region"]] = kind == KIND_REGION        # "Middle East", "Midwest"
    X[:, COLUMN["is_physical"]] = kind == KIND_PHYSICAL    # "Atlantic", "Red Sea"
    X[:, COLUMN["is_capital"]] = gazetteer.fcode[ids] == gazetteer.fcode_number("PPLC")
    X[:, COLUMN["log_population"]] = np.log10(pop + 10.0)
    # The world writes a famous town's name in many languages: Geneva has 60 alternate names in
    # GeoNames, Geneva, Illinois 11. A town is marked down by how far it falls short of its most
    # written-about namesake town (the sources count no alternate names for regions and countries).
    town = kind == KIND_CITY
    alternates = np.where(town, np.log1p(gazetteer.alternates[ids].astype(np.float64)), 0.0)
    most = np.zeros(len(groups))
    np.maximum.at(most, group, alternates)
    X[:, COLUMN["alternate_names_short"]] = np.where(town, alternates - most[group], 0.0)
    primary, alt = (flags & NAME_PRIMARY) > 0, (flags & NAME_ALT) > 0
    X[:, COLUMN["name_primary"]] = primary
    X[:, COLUMN["name_alt"]] = alt & ~primary
    X[:, COLUMN["name_abbr"]] = ((flags & (NAME_ABBR | NAME_CODE)) > 0) & ~primary & ~alt
    X[:, COLUMN["name_demonym"]] = (flags & NAME_DEMONYM) > 0
    X[:, COLUMN["name_partial"]] = ((flags & NAME_PARTIAL) > 0) & ~primary & ~alt
    # A national capital named by its own name ("Washington", "Baghdad") is named far more than its
    # population says; one that shares an alternate name with its country ("Mexico") is not.
    X[:, COLUMN["capital_by_own_name"]] = X[:, COLUMN["is_capital"]] * primary
    # Per-group features, on Python lists: the groups are small, and numpy's per-call cost
    # would dominate.
    kind_l, ids_l, admin1_l, admin2_l, country_l = (kind.tolist(), ids.tolist(), admin1.tolist(),
                                                    admin2.tolist(), country.tolist())
    row_columns = (ids_l, kind_l, admin1_l, admin2_l, country_l)
    log_pop_l = np.log10(pop + 10.0).tolist()
    # "Hong Kong" is its own demonym ("a Hong Kong court") and its own name: only a name that is no
    # more than a demonym ("Canadian") says the country or region is meant rather than a town.
    demonym_l = (((flags & NAME_DEMONYM) > 0) & ~primary & ~alt).tolist()
    partial_l = X[:, COLUMN["name_partial"]].tolist()
    primary_l = primary.tolist()
    capital_own_l = X[:, COLUMN["capital_by_own_name"]].tolist()
    rank_col, dominance_col = np.zeros(len(ids)), np.zeros(len(ids))
    blocked_rows: list[int] = []
    for g, members in enumerate(groups):
        lo, hi = int(bounds[g]), int(bounds[g + 1])
        if hi == lo:
            continue
        rows = range(lo, hi)
        X[lo:hi, COLUMN["n_candidates_log"]] = np.log1p(hi - lo)
        by_size = sorted(rows, key=lambda r: -log_pop_l[r])
        for rank, r in enumerate(by_size):
            rank_col[r] = rank
        # How much bigger than the next biggest namesake ("Geneva" in Switzerland vs Geneva, Florida).
        if hi - lo > 1:
            first, second = log_pop_l[by_size[0]], log_pop_l[by_size[1]]
            for r in rows:
                dominance_col[r] = max(-3.0, min(3.0, log_pop_l[r] - (second if r == by_size[0] else first)))
        surface = toponyms[members[0]].text
        # "St. Petersburg" is written exactly as "Saint Petersburg": the same name, not a different one.
        surface = spelled_out(surface)
        X[lo:hi, COLUMN["exact_case"]] = [surface == spelled_out(gazetteer.name(ids_l[r])) for r in rows]
        if late_rules and not qualifiers[g]:
            # "Canadian officials", "any other English city": a country's or a region's demonym, not
            # Canadian County, Oklahoma or English, Indiana (those are written "Canadian, Texas").
            demonym_rows = [r for r in rows if demonym_l[r] and kind_l[r] in (KIND_COUNTRY, KIND_ADMIN1)]
            if demonym_rows:
                blocked_rows += [r for r in rows if not demonym_l[r]]
        firm = firm_qualifiers_of[g]
        if firm:
            firmly_inside = lies_in(firm, rows, row_columns, gazetteer)
            if any(firmly_inside):
                # "Dresden, Germany": the qualifier says where, whatever the article's other places
                # say (a list, "Ohio, Texas and Iowa", only looks like a qualifier).
                blocked_rows += [r for r, ok in zip(rows, firmly_inside) if not ok]
            elif (sole_qualifiers[g] and any(gazetteer.kind[idx] == KIND_ADMIN1 for idx in firm)
                  and not any(kind_l[r] in (KIND_COUNTRY, KIND_ADMIN1) for r in rows)):
                # "Maga, Kebbi State": no candidate lies in the region named, so the gazetteer lacks the
                # town (it is not Maga, Cameroon). Not for a region: "Texas, Ohio, Iowa" is a list.
                blocked_rows += list(rows)
        if g in lacked and not any(kind_l[r] in (KIND_COUNTRY, KIND_ADMIN1) for r in rows):
            # "Sutherland in the Northern Cape": not Sutherland, Scotland. A feature that lies in no
            # first-level region stays in that region's country ("Ben Nevis in Scotland").
            blocked_rows += [r for r in rows if kind_l[r] in (KIND_CITY, KIND_ADMIN2)
                             or 0 <= country_l[r] and country_l[r] not in lacked[g]]
        q = qualifiers[g]
        if q:
            inside = [admin1_l[r] in q or country_l[r] in q for r in rows]
            X[lo:hi, COLUMN["qualified"]] = inside
            if any(inside):
                # "Atlantic, Iowa" is the town: an ocean or a world region lies in no state (but Long
                # Island may lie in New York).
                maybe_inside = lies_in(q, rows, row_columns, gazetteer)
                blocked_rows += [r for r, ok in zip(rows, maybe_inside) if kind_l[r] in _AREAL_KINDS and not ok]
                # "Taylor, Texas" is the town: a county is written whole ("Taylor County, Texas").
                if any(ok and kind_l[r] == KIND_CITY and not partial_l[r] for r, ok in zip(rows, inside)):
                    blocked_rows += [r for r in rows if partial_l[r] and kind_l[r] == KIND_ADMIN2]
        if qualified_places[g]:
            # "Long Island, N.Y.": a qualifier that holds the place before it is that region, not
            # the city it also abbreviates.
            inner = list(qualified_places[g])
            containers = set(gazetteer.admin1_idx[inner].tolist()) | set(gazetteer.admin2_idx[inner].tolist()) \
                | set(gazetteer.country_idx[inner].tolist())
            # Outside a list, whatever holds none of the places the mention before may name is ruled out:
            # "Vancouver, Washington" is the state, not Washington County beside Portland. (In "Hamilton,
            # Madison, Montgomery or Warren counties" Madison only looks like Hamilton's qualifier.)
            holds = [kind_l[r] in CONTAINER_KINDS and ids_l[r] in containers for r in rows]
            # A "County" by its bare name qualifies nothing in a list: "Clovis, Fresno and Madera" lists
            # three towns, though Fresno County holds Clovis (that qualifier is written "Fresno County"). A
            # province is written bare: "Pandi, Bulacan and Talavera".
            if listed_groups[g] and all(kind_l[r] == KIND_ADMIN2 and partial_l[r] and gazetteer.name(
                    ids_l[r]).endswith(" County") for r, ok in zip(rows, holds) if ok):
                holds = []
            if any(holds):
                blocked_rows += [r for r, ok in zip(rows, holds)
                                 if kind_l[r] == KIND_CITY or not (ok or listed_groups[g])]
        if states[g] == COUNTRY_BEFORE:
            blocked_rows += _all_but(rows, [r for r in rows if kind_l[r] == KIND_COUNTRY])
        elif states[g] == GOVERNMENT_AFTER:
            blocked_rows += _all_but(rows, [r for r in rows if kind_l[r] in (KIND_COUNTRY, KIND_ADMIN1)])
        elif states[g]:
            blocked_rows += _all_but(rows, [r for r in rows if kind_l[r] == KIND_ADMIN1 and (
                states[g] == STATE_BEFORE or gazetteer.country_code(ids_l[r]) in STATE_COUNTRIES)])
        # "counties Galway, Mayo and Clare": regions, not towns (nor the river of "Garissa and Tana River
        # counties") of those names anywhere. (After the name, "region" is looser: "the Kingston region"
        # keeps out only the city inside a namesake region.)
        if called_region[g] == LISTED_AS_REGIONS and any(kind_l[r] in (KIND_ADMIN1, KIND_ADMIN2) for r in rows):
            blocked_rows += [r for r in rows if kind_l[r] in (KIND_CITY, KIND_PHYSICAL)]
        if rivers[g]:
            blocked_rows += [r for r in rows if kind_l[r] != KIND_PHYSICAL]
        if towns[g]:
            blocked_rows += [r for r in rows if kind_l[r] in (KIND_COUNTRY, KIND_ADMIN1) + _AREAL_KINDS]
        if teams[g]:
            # "Bills beat Chiefs", "for Buffalo": the team's city or state, not Buffalo, Missouri (3,000
            # people) near Kansas City.
            blocked_rows += _all_but(rows, [r for r in rows if kind_l[r] == KIND_ADMIN1 or (
                kind_l[r] == KIND_CITY and log_pop_l[r] >= _TEAM_CITY_LOG_POPULATION)])
        states_here = [r for r in rows if kind_l[r] == KIND_ADMIN1 and primary_l[r]] if region_nouns[g] else []
        county_of_state = states_here and _COUNTY_OF_STATE.match(doc.norm, toponyms[members[0]].end)
        if county_of_state and cached_name_key(
                toponyms[members[0]].text + county_of_state.group()) not in written_whole:
            # "a Texas county jail", "the 18th Kentucky county": a county of the state, whose own name
            # news writes "Texas County"; not Texas County, Oklahoma. Unless the article writes that name
            # ("Washington county sheriff fired" over a story on the Washington County Quorum Court).
            blocked_rows += [r for r in rows if r not in states_here]
        elif region_nouns[g]:
            # "Cameron and Vermilion parishes" are Louisiana's, not Cameron County, Texas, nor a town:
            # when some regions carry the word in their names, only those are meant in their country
            # (other countries name theirs otherwise: Spain's "Province of Cordoba", Argentina's "Cordoba").
            named = [r for r in rows if kind_l[r] in (KIND_ADMIN1, KIND_ADMIN2)
                     and region_nouns[g] in gazetteer.name(ids_l[r]).lower()]
            if named:
                named_countries = {country_l[r] for r in named}
                blocked_rows += [r for r in rows if r not in named and country_l[r] in named_countries]
        # "Baghdad" the governorate and "Baghdad" the city inside it: news means the city.
        cities = [r for r in rows if kind_l[r] == KIND_CITY]
        if cities and len(cities) < hi - lo:
            city_regions = {admin1_l[r] for r in cities} | {admin2_l[r] for r in cities}
            named_after = {r for r in rows if kind_l[r] in (KIND_ADMIN1, KIND_ADMIN2) and ids_l[r] in city_regions}
            region_ids = {ids_l[r] for r in named_after}
            for r in named_after:
                X[r, COLUMN["region_named_like_city"]] = 1.0
            for r in cities:
                if admin1_l[r] in region_ids or admin2_l[r] in region_ids:
                    X[r, COLUMN["city_named_like_region"]] = 1.0
                    if called_region[g] or compass_groups[g]:
                        # "the Donetsk region", "western New York": the region, not its city.
                        blocked_rows.append(r)
            # "Washington": a region of the country far from the capital of that name (the state,
            # not D.C.), whose weight the data sets apart from a capital's own region ("Baghdad").
            capitals = {country_l[r] for r in cities if capital_own_l[r]}
            for r in rows:
                if kind_l[r] in (KIND_ADMIN1, KIND_ADMIN2) and country_l[r] in capitals and r not in named_after:
                    X[r, COLUMN["region_named_like_capital"]] = 1.0
        own_noun = called_region[g] == CALLED_A_REGION and region_nouns[g] in OWN_REGION_NOUNS
        if cities and (own_noun or compass_groups[g]):
            # "the Kyiv region", "Buenos Aires province", "eastern Washington": the region, also where the
            # city is not inside it (Kyiv, Buenos Aires and Minsk are regions of their own; D.C. is not in
            # the state). A compass word or "region" calls only a first-level region so: "the Houston
            # region" is the city's area, not Houston County, Alabama.
            kinds = (KIND_ADMIN1, KIND_ADMIN2) if own_noun and region_nouns[g] != "region" else (KIND_ADMIN1,)
            regions = [r for r in rows if kind_l[r] in kinds]
            blocked_rows += [r for r in cities if country_l[r] in {country_l[q] for q in regions}]
            if own_noun:
                # "the Moscow region" is Moscow Oblast around the city, not the city's own federal subject.
                city_regions = {admin1_l[r] for r in cities}
                holding = [r for r in regions if ids_l[r] in city_regions]
                blocked_rows += [r for r in holding if any(country_l[q] == country_l[r] and q not in holding
                                                           for q in regions)]
    X[:, COLUMN["rank_by_population"]] = np.log1p(rank_col)
    X[:, COLUMN["population_dominance"]] = dominance_col
    lat, lon = gazetteer.lat[ids].astype(np.float64), gazetteer.lon[ids].astype(np.float64)
    blocked = None
    if blocked_rows:
        blocked = np.zeros(len(ids), dtype=bool)
        blocked[blocked_rows] = True
    # The nil row of each group goes first: ids -1, no place attributes, only the "nil" feature.
    at = bounds[:-1]
    ids = np.insert(ids, at, -1)
    kind = np.insert(kind, at, -1)
    own_country = np.insert(own_country, at, -1)
    admin1 = np.insert(admin1, at, -1)
    lat, lon = np.insert(lat, at, 0.0), np.insert(lon, at, 0.0)
    nil_row = np.zeros(len(FEATURES))
    nil_row[COLUMN["nil"]] = 1.0
    X = np.insert(X, at, nil_row, axis=0)
    if blocked is not None:
        blocked = np.insert(blocked, at, False)
    group = np.insert(group, at, np.arange(len(groups)))
    bounds = bounds + np.arange(len(groups) + 1)
    region = np.where(kind == KIND_ADMIN1, ids, admin1)
    sizes = np.array([len(m) for m in groups], dtype=np.float64)
    major = (kind == KIND_CITY) & (X[:, COLUMN["log_population"]] >= MAJOR_CITY_LOG_POPULATION)
    # A world region or feature that lies in one country ("North West England", "Donbas") is as
    # local as a province: its distance to the article's places counts as a town's does.
    areal = np.isin(kind, _AREAL_KINDS) & (own_country < 0)
    siblings: list[set[int]] = [set() for _ in groups]
    for chain in chains:
        chain_groups = {mention_group[i] for i in chain}
        for g in chain_groups:
            siblings[g] |= chain_groups - {g}
    return CandidateTable(groups, mention_group, bounds, group, ids, kind, own_country, admin1, lat, lon, X,
                          sizes, region, major, areal, gazetteer.first_index(KIND_ADMIN2),
                          blocked, [sorted(s) for s in siblings],
                          np.array([bool(p) for p in placed_groups]) if any(placed_groups) else None)


def set_context_features(table: CandidateTable, choice: np.ndarray, prob: np.ndarray,
                         dateline_group: int | None) -> None:
    """Rewrite the context columns from the current choice (a row per group, -1 for none)."""
    X = table.features
    sizes = table.sizes
    safe = np.maximum(choice, 0)
    real = (choice >= 0) & (table.ids[safe] >= 0)
    if table.silent is not None:
        # A namesake placed by "in" tells nothing of the article's places; its country is named anyway.
        real &= ~table.silent
    chosen_country = np.where(real, table.own_country[safe], -1)
    chosen_region = np.where(real, table.region[safe], -1)
    # Mentions per country and per first-level region, as dense arrays over the region indexes.
    counts = np.zeros(table.n_regions)
    has_country = real & (chosen_country >= 0)
    np.add.at(counts, chosen_country[has_country], sizes[has_country])
    region_counts = np.zeros(table.n_regions)
    has_region = real & (chosen_region >= 0)
    np.add.at(region_counts, chosen_region[has_region], sizes[has_region])
    g = table.group
    own_country = table.own_country
    # Counts from the other groups only: a name does not vouch for itself.
    ctx_country = np.where(own_country >= 0, counts[np.maximum(own_country, 0)], 0.0)
    ctx_country = np.maximum(ctx_country - np.where(own_country == chosen_country[g], sizes[g], 0.0), 0.0)
    X[:, COLUMN["country_in_context"]] = np.log1p(ctx_country)
    total = counts.sum()
    X[:, COLUMN["country_share"]] = ctx_country / total if total else 0.0
    top = int(np.argmax(counts)) if total else -1
    X[:, COLUMN["top_country"]] = (own_country == top) & (ctx_country > 0)
    # "Washington said": the capital stands for a country the article is about.
    X[:, COLUMN["capital_of_context_country"]] = X[:, COLUMN["is_capital"]] * (ctx_country > 0)
    region = table.region
    ctx_a1 = np.where(region >= 0, region_counts[np.maximum(region, 0)], 0.0)
    ctx_a1 = np.maximum(ctx_a1 - np.where(region == chosen_region[g], sizes[g], 0.0), 0.0)
    X[:, COLUMN["admin1_in_context"]] = np.where(table.kind > KIND_ADMIN1, np.log1p(ctx_a1), 0.0)
    X[:, COLUMN["country_of_dateline"]] = 0.0
    X[:, COLUMN["dateline_city"]] = 0.0
    if dateline_group is not None:
        # "WASHINGTON (AP) -": a dateline names the city the story was filed from.
        X[:, COLUMN["dateline_city"]] = (g == dateline_group) & (table.kind == KIND_CITY)
        if real[dateline_group]:
            same_country = own_country == chosen_country[dateline_group]
            X[:, COLUMN["country_of_dateline"]] = same_country & (g != dateline_group)
    # Distance to the confident, sub-national choices of the other groups: the mean log distance
    # to the three nearest, so that one wrong choice elsewhere does not drag a place across the world.
    confident = np.flatnonzero(real & (prob > 0.5) & (table.kind[safe] >= KIND_ADMIN1))
    if len(confident):
        rows = choice[confident]
        dist = haversine_km(table.lat[:, None], table.lon[:, None], table.lat[rows][None, :], table.lon[rows][None, :])
        # A country or region is no distance from a place inside it: "Mexico" beside a dateline in
        # Mexico City is the country, however far its centre lies from the capital.
        inside = (((table.kind == KIND_COUNTRY)[:, None] & (table.ids[:, None] == table.own_country[rows][None, :]))
                  | ((table.kind == KIND_ADMIN1)[:, None] & (table.ids[:, None] == table.region[rows][None, :])))
        dist[inside] = 0.0
        log_dist = np.log10(dist + 10.0)
        log_dist[g[:, None] == confident[None, :]] = np.inf
        k = min(NEAREST_POINTS, log_dist.shape[1])
        nearest = np.sort(log_dist, axis=1)[:, :k]
        finite = np.isfinite(nearest)
        n_finite = finite.sum(axis=1)
        has = n_finite > 0
        mean = np.where(finite, nearest, 0.0).sum(axis=1) / np.maximum(n_finite, 1)
        # An ocean, a continent or a world region spans thousands of km: the distance from its centre
        # point to the other places means far less than a town's, so it has a weight of its own.
        X[:, COLUMN["log_km_to_context"]] = np.where(has & ~table.areal, mean, 0.0)
        X[:, COLUMN["log_km_areal"]] = np.where(has & table.areal, mean, 0.0)
        # A city of millions is named from anywhere ("London-based" in a story about Washington):
        # its own weight on distance, learned apart from that of small towns.
        X[:, COLUMN["log_km_major"]] = np.where(has & table.major, mean, 0.0)
        X[:, COLUMN["no_context_points"]] = ~has
    else:
        X[:, COLUMN["log_km_to_context"]] = 0.0
        X[:, COLUMN["log_km_areal"]] = 0.0
        X[:, COLUMN["log_km_major"]] = 0.0
        X[:, COLUMN["no_context_points"]] = 1.0
    # "Texas, Oklahoma and Louisiana": a list names places of one kind, so the share of the listed
    # siblings whose choice is of this row's kind (three states, not two states and a town).
    # And the places of one list lie near each other ("Poznan, Brno and Valencia": the Spanish one):
    # the mean log distance to the siblings' towns and regions.
    share = np.zeros(len(table.ids))
    list_km = np.zeros(len(table.ids))
    if table.list_siblings:
        chosen_kind = np.where(real, table.kind[safe], -1)
        for g, sibs in enumerate(table.list_siblings):
            kinds = [chosen_kind[s] for s in sibs if chosen_kind[s] >= 0]
            if not kinds:
                continue
            lo, hi = table.bounds[g], table.bounds[g + 1]
            # First- and second-level regions are kin: "Connacht, Donegal and Clare" (a province, two counties).
            kinds = [_LIST_KIN.get(k, k) for k in kinds]
            share[lo:hi] = [kinds.count(_LIST_KIN.get(k, k)) / len(kinds) for k in table.kind[lo:hi].tolist()]
            points = [choice[s] for s in sibs if chosen_kind[s] in (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY)]
            if points:
                dist = haversine_km(table.lat[lo:hi, None], table.lon[lo:hi, None],
                                    table.lat[points][None, :], table.lon[points][None, :])
                list_km[lo:hi] = np.log10(dist + 10.0).mean(axis=1)
    X[:, COLUMN["list_kind_share"]] = share
    X[:, COLUMN["log_km_to_list"]] = np.where(table.areal, 0.0, list_km)
    nil = table.ids < 0
    X[nil] = 0.0
    X[nil, COLUMN["nil"]] = 1.0


_LIST_KIN = {KIND_ADMIN2: KIND_ADMIN1}


def _row_scores(table: CandidateTable, weights: np.ndarray) -> np.ndarray:
    """Each row's score; rows a rule has ruled out score minus infinity."""
    scores = table.features @ weights
    if table.blocked is not None:
        scores[table.blocked] = -np.inf
    return scores


def choose(table: CandidateTable, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Best row per group and its softmax probability (every group has at least its nil row)."""
    if not len(table.groups):
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    scores = _row_scores(table, weights)
    starts = table.bounds[:-1]
    best = np.maximum.reduceat(scores, starts)
    exp = np.exp(scores - best[table.group])
    total = np.add.reduceat(exp, starts)
    at_best = np.flatnonzero(scores == best[table.group])
    _, first = np.unique(table.group[at_best], return_index=True)
    return at_best[first], 1.0 / total


def same_spot_probability(table: CandidateTable, weights: np.ndarray, choice: np.ndarray,
                          prob: np.ndarray, km: float = SAME_SPOT_KM) -> np.ndarray:
    """Each group's probability that its place lies where the chosen row does: Hong Kong the
    territory and Hong Kong the city are two rows but one answer, so their shares add up."""
    if not len(table.groups):
        return prob
    scores = _row_scores(table, weights)
    starts = table.bounds[:-1]
    share = np.exp(scores - np.maximum.reduceat(scores, starts)[table.group])
    chosen = choice[table.group]
    near = (table.ids >= 0) & (table.ids[chosen] >= 0) & (
        haversine_km(table.lat[chosen], table.lon[chosen], table.lat, table.lon) <= km)
    same_spot = np.add.reduceat(np.where(near, share, 0.0), starts) / np.add.reduceat(share, starts)
    return np.maximum(prob, same_spot)


def block_dateline_non_cities(table: CandidateTable, dateline_group: int | None) -> None:
    """"NEW YORK (AP) -" is filed from the city, never from the state: in the dateline's group, only
    towns and cities may be chosen (or nil), when the gazetteer has one by that name."""
    if dateline_group is None:
        return
    lo, hi = table.bounds[dateline_group], table.bounds[dateline_group + 1]
    real = table.ids[lo:hi] >= 0
    city = real & (table.kind[lo:hi] == KIND_CITY)
    if city.any() and not city[real].all():
        if table.blocked is None:
            table.blocked = np.zeros(len(table.ids), dtype=bool)
        table.blocked[lo:hi] |= real & ~city


def run_passes(table: CandidateTable, weights: np.ndarray, dateline_group: int | None,
               passes: int = PASSES) -> tuple[np.ndarray, np.ndarray]:
    block_dateline_non_cities(table, dateline_group)
    n_groups = len(table.groups)
    choice, prob = np.full(n_groups, -1, dtype=np.int64), np.zeros(n_groups)
    set_context_features(table, choice, prob, dateline_group)
    for _ in range(passes):
        new_choice, new_prob = choose(table, weights)
        # The context features depend only on the choices and on which are confident: when a pass
        # changes neither, the next would compute the same features and choose the same again.
        if np.array_equal(new_choice, choice) and np.array_equal(new_prob > 0.5, prob > 0.5):
            return new_choice, new_prob
        choice, prob = new_choice, new_prob
        set_context_features(table, choice, prob, dateline_group)
    last_choice, last_prob = choose(table, weights)
    unsettled = np.flatnonzero(last_choice != choice)
    if not len(unsettled):
        return last_choice, last_prob
    # Places that still change choose after one another, each seeing the others as settled: two that
    # each follow the other's last choice would swap for ever ("between London and Woodstock" beside
    # Ontario: London, England pulls Woodstock to Oxfordshire while Woodstock, Ontario pulls London to
    # Ontario). The surest settles first, with the unsettled ones out of its context.
    choice[unsettled], prob[unsettled] = -1, 0.0
    for group in unsettled[np.argsort(-last_prob[unsettled], kind="stable")]:
        set_context_features(table, choice, prob, dateline_group)
        settled_choice, settled_prob = choose(table, weights)
        choice[group], prob[group] = settled_choice[group], settled_prob[group]
    set_context_features(table, choice, prob, dateline_group)
    return choose(table, weights)
