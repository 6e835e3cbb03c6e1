"""What the words around a mention say about the place it names: the qualifier after it ("Troy,
N.C."), a state ("the U.S. state of Georgia", "Washington state"), a region ("the Kursk region",
"Lubbock, Lynn and Terry counties"), a river ("the Mithi river"), and the lists mentions form."""

from __future__ import annotations

import re

from ...resources.gazetteer import KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, NAME_ALT, NAME_DEMONYM, Gazetteer
from ...resources.names import cached_name_key, within_two_edits
from ..document import Document
from .candidates import PARTY_TAG
from .distance import haversine_km
from .recognize import Toponym
from .spans import CAPITALISED_COMPASS_BEFORE, ends_with_compass_word


def qualifier_places(doc: Document, toponyms: list[Toponym], i: int) -> frozenset[int]:
    """Places named right after mention i as its qualifier: "Troy, N.C." or "Fallujah, Iraq"."""
    if i + 1 >= len(toponyms):
        return frozenset()
    here, nxt = toponyms[i], toponyms[i + 1]
    between = doc.norm[here.end:nxt.start]
    if len(between) > 3 or between.strip() not in (",", "("):
        return frozenset()
    return frozenset(idx for idx, _ in nxt.entries)


def firm_qualifier_places(doc: Document, toponyms: list[Toponym], i: int) -> frozenset[int]:
    """The places of a qualifier after mention i (see qualifier_places) that say where it is beyond
    doubt: "Dresden, Germany", "Goma (DR Congo)"; not a demonym ("Fortuna, Spanish for fortune"),
    nor a parenthesis that goes on past the name ("Santa Fe (Spanish: holy faith)")."""
    nxt = toponyms[i + 1]
    if "(" in doc.norm[toponyms[i].end:nxt.start] and not doc.norm.startswith(")", nxt.end):
        return frozenset()
    return frozenset(idx for idx, flags in nxt.entries if not flags & NAME_DEMONYM)


# ", Danko-Wasagu local government area of " after a town: the region named next holds the town ("Maga,
# Danko-Wasagu local government area of Kebbi State", "Kuriga, Chikun LGA in Kaduna").
_DISTRICT_OF = re.compile(r", (?:the )?(?:[A-Z][\w'’.-]* ){1,3}(?:local government area|local government|LGA|"
                          r"district|county|municipality|sub-county|tehsil|taluka?|upazila|commune) "
                          r"(?:of|in) (?:the )?")


def district_of_region(doc: Document, toponyms: list[Toponym], i: int, gazetteer: Gazetteer) -> frozenset[int]:
    """The country or first-level region that holds mention i through a district named between them:
    "Maga, Danko-Wasagu local government area of Kebbi State" (see _DISTRICT_OF)."""
    match = _DISTRICT_OF.match(doc.norm, toponyms[i].end, toponyms[i].end + 80)
    if match is None:
        return frozenset()
    region = next((t for t in toponyms[i + 1:i + 3] if t.start == match.end()), None)
    if region is None:
        return frozenset()
    return frozenset(idx for idx, flags in region.entries
                     if not flags & NAME_DEMONYM and gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1))


# Between a place and the country or state that holds it: "Cambridge in England", "Salinas lies in the
# north of Minas Gerais", "Tawau is located in the east of Sabah". Not after a comma ("Goma, in eastern
# Congo"): allowing one lost GeoVirus two found places.
_PART_OF = (r"the (?:far )?(?:north|south|east|west|(?:north|south)-?(?:east|west)|centre|center|heart|interior)"
            r" of ")
_IN = r" (?:(?:lies|is|sits|is located|located|town|city|village|municipality) )?in "
_PLACED_IN = re.compile(_IN + "(?:" + _PART_OF + ")?")
# The same with "the" before a region's name ("Sutherland in the Northern Cape", "Blatten in the canton of
# Valais"): read only to leave a town unresolved (placed_outside_the_gazetteer). As a placement it cost
# WikToR towns, since a placed mention lends no context: "Hampton ... south of Peterborough, Cambridgeshire
# in the United Kingdom" moved to Virginia, "Oxford is a village in Oakland County in the U.S. state of
# Michigan" to England.
_REGION_NOUN_OF = r"(?:canton|province|state|region|prefecture|county|district|department|governorate|oblast) of "
_PLACED_IN_THE = re.compile(_IN + "(?:" + _PART_OF + "|the " + _REGION_NOUN_OF + "|the )?")
# "Blatten in the Swiss canton of Valais", where "Swiss" is a mention of its own.
_IN_THE = re.compile(_IN + "the ")
_NOUN_OF = re.compile(" " + _REGION_NOUN_OF)


def placed_in(doc: Document, toponyms: list[Toponym], i: int, gazetteer: Gazetteer) -> frozenset[int]:
    """The country or state named after mention i and "in": "Cambridge in England". It places that
    mention only: "named after the city of Dublin in Ireland" in a story about Dublin, California."""
    if i + 1 >= len(toponyms) or not _PLACED_IN.fullmatch(doc.norm, toponyms[i].end, toponyms[i + 1].start):
        return frozenset()
    return _holding(toponyms[i + 1], toponyms[i], gazetteer)


def _region_placed_in(doc: Document, toponyms: list[Toponym], i: int) -> Toponym | None:
    """The region mention i is placed in (see _PLACED_IN_THE), past a country's adjective: "Blatten in
    the Swiss canton of Valais" is placed in Valais."""
    if i + 1 >= len(toponyms):
        return None
    here, nxt = toponyms[i], toponyms[i + 1]
    if i + 2 < len(toponyms) and _IN_THE.fullmatch(doc.norm, here.end, nxt.start) \
            and _NOUN_OF.fullmatch(doc.norm, nxt.end, toponyms[i + 2].start):
        return toponyms[i + 2]
    return nxt if _PLACED_IN_THE.fullmatch(doc.norm, here.end, nxt.start) else None


def placed_outside_the_gazetteer(doc: Document, toponyms: list[Toponym], i: int,
                                 gazetteer: Gazetteer) -> frozenset[int]:
    """The countries (gazetteer indexes) of a first-level region that mention i is placed "in" when it
    holds none of its namesakes: "Sutherland in the Northern Cape" is a town the gazetteer lacks, not
    Sutherland in Scotland. Not a country ("Gaza in Israel's war" places nothing), nor a region's
    possession ("in Ohio's ...")."""
    region = _region_placed_in(doc, toponyms, i)
    if region is None:
        return frozenset()
    if doc.norm.startswith(("'s", "\u2019s"), region.end) or _holding(region, toponyms[i], gazetteer) or any(
            gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1) for idx, _ in toponyms[i].entries):
        return frozenset()
    return frozenset(int(gazetteer.country_idx[idx]) for idx, flags in region.entries
                     if gazetteer.kind[idx] == KIND_ADMIN1 and not flags & NAME_DEMONYM)


def sentence_openers(doc: Document, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[frozenset[int]]:
    """Per mention, the country or state that opens its sentence and holds it: "In British Columbia,
    Environment Canada issued warnings for Vancouver" (not Vancouver, Washington, beside Portland a
    sentence before). One pass over the document."""
    tokens, words = doc.tokens, doc.words
    out: list[frozenset[int]] = []
    opener: Toponym | None = None
    previous_end = 0
    for t in toponyms:
        if opener is not None and any(
                (m == 0 or tokens[m - 1].line != tokens[m].line or not words[m - 1][0].isalnum())
                and doc.starts_sentence(m) for m in range(previous_end, t.start_token + 1)):
            opener = None   # a sentence began since the last mention (only a word after a line break or
            # punctuation may begin one)
        k = t.start_token - 1
        if k >= 0 and words[k] in ("In", "in") and doc.starts_sentence(k) and doc.norm.startswith(",", t.end):
            opener = t
            out.append(frozenset())
        else:
            out.append(_holding(opener, t, gazetteer) if opener is not None else frozenset())
        previous_end = max(previous_end, t.end_token)
    return out


def owned_by(doc: Document, toponyms: list[Toponym], i: int, gazetteer: Gazetteer) -> frozenset[int]:
    """The country or state that owns mention i: "India's Punjab" beside Pakistan's, "Russia's Kursk
    region". Also at the head of a list ("India's Punjab and Haryana")."""
    if i == 0 or doc.norm[toponyms[i - 1].end:toponyms[i].start] not in ("'s ", "' "):
        return frozenset()
    return _holding(toponyms[i - 1], toponyms[i], gazetteer)


def _holding(holder: Toponym, t: Toponym, gazetteer: Gazetteer) -> frozenset[int]:
    """The countries and first- and second-level regions `holder` names, when one of the places `t`
    names lies there ("Gaza in Israel's war" places nothing; "Santa Ana town in Cagayan" places the town
    in the province)."""
    places = frozenset(idx for idx, flags in holder.entries if not flags & NAME_DEMONYM
                       and gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2))
    if not any(int(gazetteer.admin1_idx[idx]) in places or int(gazetteer.country_idx[idx]) in places
               or int(gazetteer.admin2_idx[idx]) in places for idx, _ in t.entries):
        return frozenset()
    return places


# "the U.S. state of Georgia", "upstate New York"; a member of Congress's party and state (PARTY_TAG:
# "Rep. Mike Johnson (R-La.)" is Louisiana, not Los Angeles).
_STATE_OF = re.compile(r"\bstate of $|\b(?:up|down)state $", re.IGNORECASE)
# A member of Congress or a governor "of" a state: "Sen. Chuck Schumer of New York" is the state's
# senator, not the city's (not "state Sen. Ann Lee of Columbia", who sits for a town).
_MEMBER_OF = re.compile(r"(?<![Ss]tate )\b(?:Sens?|Reps?|Gov|Senator|Governor|Congress(?:wo)?man)\.? "
                        r"(?:[A-Z][\w'-]*\.? ){1,3}(?:of|from) $")


# "Washington state", "New York and New Jersey states" (not "Gulf states" alone, which are countries);
# capitalised too, where the gazetteer lacks the whole ("Washington State" the team or the university is
# the state's, not D.C.'s; "Lagos State" most often matches whole).
_STATE_AFTER = re.compile(r" [Ss]tate\b| and [A-Z][\w'-]+(?: [A-Z][\w'-]+)? states\b"
                          # A state's offices: "New York Gov. Andrew Cuomo", "Ohio's attorney general".
                          r"|(?:'s)? (?:Lt\. )?(?:Gov\.|[Gg]overnor\b|[Aa]ttorney [Gg]eneral\b|[Ll]egislature\b)")
# "the Quebec government", "Ontario's provincial government": a government of a country or a first-level
# region, where the name has one (the city has a council; "the Columbus government" stays the city's).
_GOVERNMENT_AFTER = re.compile(r"(?:'s)? (?:provincial |regional |federal |national |central )?government\b")
STATE_BEFORE, STATE_AFTER, COUNTRY_BEFORE, GOVERNMENT_AFTER = 1, 2, 3, 4
# "the country of Georgia", "the nation of Jordan": the country, beside a namesake state or town.
_COUNTRY_OF = re.compile(r"\b(?:country|nation) of $", re.IGNORECASE)
# Where a first-level region is called a state: "the Gulf state of Qatar" is no province of Papua New Guinea.
STATE_COUNTRIES = frozenset("US IN NG MX BR AU MY DE AT VE SD SS MM".split())


def called_a_state_or_country(doc: Document, t: Toponym) -> int:
    """Whether the words before (STATE_BEFORE) or after (STATE_AFTER) the mention call it a state,
    the words before call it a country (COUNTRY_BEFORE), or the words after speak of its government
    (GOVERNMENT_AFTER)."""
    before = doc.norm[max(0, t.start - 12):t.start]
    if (_STATE_OF.search(before) or PARTY_TAG.search(before)
            or _MEMBER_OF.search(doc.norm, max(0, t.start - 60), t.start)):
        return STATE_BEFORE
    if _COUNTRY_OF.search(before):
        return COUNTRY_BEFORE
    if _STATE_AFTER.match(doc.norm, t.end, t.end + 40) or (
            doc.norm.startswith(" states", t.end) and doc.norm.endswith("and ", 0, t.start)):
        return STATE_AFTER
    if _GOVERNMENT_AFTER.match(doc.norm, t.end, t.end + 32):
        return GOVERNMENT_AFTER
    return 0


_REGION_NOUNS = ("region", "province", "oblast", "governorate", "prefecture", "department", "county", "parish",
                 "district")
# "Kursk region", "Belgorod and Bryansk regions" (in lower case: "Osun State" is the name itself).
_REGION_PLURALS = "|".join(n[:-1] + "ies" if n.endswith("y") else n + "es" if n.endswith("sh") else n + "s"
                           for n in _REGION_NOUNS)
_REGION_AFTER = re.compile(r"(?: and [A-Z][\w'-]+)? (?P<noun>" + "|".join(_REGION_NOUNS) + "|" + _REGION_PLURALS
                           + r")\b(?! stores?\b)")   # "Chile's Ripley department store"


def _region_noun(plural_or_singular: str) -> str:
    """"parishes" -> "parish", "counties" -> "county", "region" -> "region"."""
    return next(n for n in _REGION_NOUNS if plural_or_singular.startswith(n.rstrip("y")))


# Before the name, in lower case: "the northeastern province of Aurora", "the county of Kent".
_REGION_OF_BEFORE = re.compile(r"\b(?P<noun>" + "|".join(_REGION_NOUNS) + r") of $")


def called_a_region(doc: Document, t: Toponym) -> tuple[bool, str]:
    """Whether the words around the mention call it a region, and the region word when it names the
    mention itself: "Cameron parish", "Tompkins and Cortland counties", "the province of Aurora"; not
    "Indiana counties" (the counties of Indiana)."""
    match = _REGION_AFTER.match(doc.norm, t.end, t.end + 40)
    if match is None:
        before = _REGION_OF_BEFORE.search(doc.norm, max(0, t.start - 20), t.start)
        if before is None or _named_before(doc.norm, before.start()):
            return False, ""   # "the Sangin district of Helmand": the district is Sangin
        return True, before.group("noun")
    noun = _region_noun(match.group("noun"))
    plural = match.group("noun") != noun
    return True, noun if not plural or match.group().startswith(" and ") else ""


def _named_before(text: str, at: int) -> bool:
    """Whether the word ending right before `at` (a space between) is a capitalised name, not "The"."""
    words = text[max(0, at - 30):at].split()
    return bool(words) and words[-1][:1].isupper() and words[-1] not in ("The", "A", "This", "That")


CALLED_A_REGION, LISTED_AS_REGIONS = 1, 2
# Words after a town's name that call its first-level region: "the Odesa region", "Kherson oblast".
# ("the Mykolaiv and Odesa regions": the last of a list has no noun of its own.)
OWN_REGION_NOUNS = {"region", "oblast", "province", "governorate", "prefecture", "department"}
_GENERIC_REGION_WORDS = re.compile(r" (?:oblast|province|region|governorate|prefecture|district)$")


# Russian and Belarusian regions are named by an adjective: "Leningradskaya Oblast'" is the Leningrad region.
_ADJECTIVAL = re.compile(r"(?:skaya|skiy|skij)$")
# How far a region's point may lie from a town that names it: the town is in or beside it
# (Kyiv and the Kyiv region around it; Lviv, 470 km off, spells "Kyiv" two letters apart too).
NAMESAKE_REGION_KM = 400


def _region_key(name: str) -> str:
    return _ADJECTIVAL.sub("", _GENERIC_REGION_WORDS.sub("", cached_name_key(name)))


def regions_spelled_like(t: Toponym, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """First-level regions that the mention's towns name, spelled another way: "the Odesa region" is
    GeoNames' "Odessa", "the Mykolaiv region" its "Mykolayiv Oblast" (the gazetteer gives those
    spellings to the towns only); "the Kyiv region" is "Kiev", the region around the city (which is a
    region of its own), "the Leningrad region" "Leningradskaya Oblast'". Flagged as alternate names."""
    if any(gazetteer.kind[idx] <= KIND_ADMIN1 for idx, _ in t.entries):
        return []
    key = cached_name_key(t.text)
    out: list[tuple[int, int]] = []
    for idx, _ in t.entries:
        if gazetteer.kind[idx] != KIND_CITY:
            continue
        own = int(gazetteer.admin1_idx[idx])
        nearby = [own] if own >= 0 else []
        nearby += [r for r in gazetteer.admin1_regions(gazetteer.country_code(idx)) if r != own
                   and haversine_km(gazetteer.lat[idx], gazetteer.lon[idx], gazetteer.lat[r], gazetteer.lon[r])
                   <= NAMESAKE_REGION_KM]
        for region in nearby:
            if all(r != region for r, _ in out) and within_two_edits(_region_key(gazetteer.name(region)), key):
                out.append((region, NAME_ALT))
    return out


# "the Mithi river" (in lower case: "Red River" is a name the gazetteer matches whole) is a river,
# not Mithi, Pakistan.
_RIVER_AFTER = re.compile(r" river\b")
# "the Hume Highway", "the Murray-Darling": a name runs on; the river is not what it names.
_NAME_RUNS_ON = re.compile(r" [A-Z]|-")


def called_a_river(doc: Document, t: Toponym, gazetteer: Gazetteer) -> bool:
    """"the Juba river", or a name of its own "the" calls a river: "flooding along the Pearl River" is no
    town of Pearl River, New York; nor is "a bridge over the Brazos" Brazos County where the article
    writes "Brazos River" elsewhere, a river the gazetteer knows ("the Greenbrier-Pocahontas County
    boundary" beside "the Greenbrier River Valley" stays the county). Unwritten, "River" is still meant
    when "the" stands before a name that is no country, state or large city: "water flowed into the
    Murray" is the Murray River, not Murray Shire ("trade with the Niger" stays the country)."""
    if _RIVER_AFTER.match(doc.norm, t.end):
        return True
    if doc.norm[max(0, t.start - 4):t.start].lower() != "the ":
        return False
    if t.text.endswith(" River"):
        return True
    if not gazetteer.names_river(t.text):
        return False
    return f"{t.text} River" in doc.norm or (
        not _NAME_RUNS_ON.match(doc.norm, t.end) and not gazetteer.names_major_place(t.text))


# A compass adjective before a name: "across western New York", "eastern Washington", also capitalised
# as local news writes it ("Eastern Washington"); not "West London", "East Jerusalem": names.
_COMPASS_BEFORE = re.compile(r"\b(?:north|south)?-?(?:north|south|east|west)ern $|"
                             + CAPITALISED_COMPASS_BEFORE.pattern)


def compass_before(doc: Document, t: Toponym) -> bool:
    """Whether a compass adjective stands before the mention: it names a part of a region, so a
    city inside a region of its name is the region ("western New York" is the state's west)."""
    return ends_with_compass_word(doc.norm, t.start, _COMPASS_BEFORE)


# An apposition or a copula that calls the name a town: "Bahrain, a tourist town 60km north of Mingora"
# is the Swat valley's Bahrain, not the kingdom (which the gazetteer may be alone in knowing). Not a
# noun that introduces another place: "In Ohio, the city of Dayton said".
_TOWN_AFTER = re.compile(r",? (?:is |was )?(?:a|an|the) (?:[a-z][a-z-]* ){0,3}?"
                         r"(?:town|village|city|hamlet|settlement|suburb|township)\b(?!['-]| of\b)")


# North American major-league teams' names after their place ("the Buffalo Bills", "Kansas City Chiefs"):
# the place is the team's city (or state), never a village of the name.
_TEAM_NAMES = frozenset("""Bills Chiefs Raiders 49ers Lions Bears Packers Vikings Cowboys Giants Eagles Commanders
Saints Falcons Panthers Buccaneers Rams Seahawks Cardinals Patriots Dolphins Jets Ravens Steelers Browns Bengals
Texans Colts Jaguars Titans Broncos Chargers Lakers Clippers Warriors Kings Suns Nuggets Jazz Thunder Timberwolves
Mavericks Rockets Spurs Grizzlies Pelicans Celtics Nets Knicks 76ers Raptors Bulls Cavaliers Pistons Pacers Bucks
Hawks Hornets Heat Magic Wizards Yankees Mets Orioles Rays Guardians Tigers Royals Twins Astros Angels Athletics
Mariners Rangers Braves Marlins Phillies Nationals Cubs Reds Brewers Pirates Diamondbacks Rockies Dodgers Padres
Bruins Sabres Canadiens Senators Lightning Hurricanes Devils Islanders Flyers Penguins Capitals Blackhawks
Avalanche Stars Predators Blues Flames Oilers Canucks Kraken Ducks Sharks Coyotes Sounders Timbers""".split())
_TWO_WORD_TEAMS = ("Red Sox", "White Sox", "Blue Jays", "Red Wings", "Maple Leafs", "Golden Knights", "Trail Blazers")
_TEAM_NAMES |= frozenset(_TWO_WORD_TEAMS)
_TEAM_AFTER = re.compile(r" (" + "|".join(_TWO_WORD_TEAMS) + r"|[A-Z0-9][a-z0-9]+)\b")


def names_a_team(doc: Document, t: Toponym) -> bool:
    """Whether a team's name follows the mention: "Buffalo Bills", "Toronto Maple Leafs"."""
    match = _TEAM_AFTER.match(doc.norm, t.end, t.end + 20)
    return bool(match) and match.group(1) in _TEAM_NAMES


def called_a_town(doc: Document, t: Toponym) -> bool:
    return bool(_TOWN_AFTER.match(doc.norm, t.end, t.end + 60))


_RIVERS_AFTER = re.compile(r" rivers\b")
# "the Juba and Shabelle rivers", where the second river is no mention (the gazetteer lacks the name).
_RIVER_AND_ANOTHER = re.compile(r" and [A-Z][\w'-]{1,30} rivers\b")
# ... and the second of two rivers where the first is no mention: "the Darling and Murrumbidgee rivers".
_ANOTHER_RIVER_AND = re.compile(r"[A-Z][\w'-]{1,30} and $")


def listed_as_rivers(doc: Document, toponyms: list[Toponym], chains: list[list[int]]) -> set[int]:
    """Mentions of a list (`chains`, from ``list_chains``) that "rivers" after it calls rivers: "where
    the Niger and Benue rivers meet"; a mention before "and <Name> rivers"; and one after "<Name> and"
    before "rivers"."""
    norm = doc.norm
    rivers = {j for chain in chains if _RIVERS_AFTER.match(norm, toponyms[chain[-1]].end) for j in chain}
    rivers.update(i for i, t in enumerate(toponyms) if _RIVER_AND_ANOTHER.match(norm, t.end) or (
        _RIVERS_AFTER.match(norm, t.end) and _ANOTHER_RIVER_AND.search(norm, max(0, t.start - 40), t.start)))
    return rivers


# "counties Galway, Mayo and Clare", "the provinces of Hebei and Shanxi", "12 parishes, including
# Cameron and Vermilion": a plural kind before a list.
_REGIONS_BEFORE = re.compile(r"\b(?P<noun>" + _REGION_PLURALS + r")(?: of|,? including)? $")
# "Lubbock, Lynn and Terry counties": a plural kind after a list.
_REGIONS_AFTER = re.compile(r" (?P<noun>" + _REGION_PLURALS + r")\b")


def listed_as_regions(doc: Document, toponyms: list[Toponym], chains: list[list[int]]) -> dict[int, str]:
    """Mentions of a list (`chains`, from ``list_chains``) or a lone mention that a plural region word
    before it calls regions, and lists that one after them calls so, each mention with that word
    ("parish")."""
    called: dict[int, str] = {}
    in_chain = {i: chain for chain in chains for i in chain}
    for i, t in enumerate(toponyms):
        match = None if i in called else _REGIONS_BEFORE.search(doc.norm, max(0, t.start - 20), t.start)
        if match is None:
            continue
        chain = in_chain.get(i)
        noun = _region_noun(match.group("noun"))
        called.update((j, noun) for j in (chain if chain and chain[0] == i else [i]))
    # "Lubbock, Lynn and Terry counties": a plural region word after a list calls every item a region.
    for chain in chains:
        last = toponyms[chain[-1]]
        match = _REGIONS_AFTER.match(doc.norm, last.end, last.end + 20)
        if match is not None:
            noun = _region_noun(match.group("noun"))
            called.update((j, noun) for j in chain if j not in called)
    return called


# "Angola and the DRC", "Córdoba, along with Buenos Aires and Santa Fe provinces", "Guerrero and
# neighbouring Oaxaca".
_LIST_LINKS = (",", "and", ", and", "or", ", or", "and the", ", and the", "or the", ", or the", "along with",
               ", along with", "as well as", ", as well as", "and neighbouring", "and neighboring")


def _town_and_its_state(town: Toponym, state: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether `town` names no country or first-level region and `state` names one by its own name."""
    return (not any(gazetteer.kind[idx] <= KIND_ADMIN1 for idx, _ in town.entries)
            and any(gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1) and not flags & NAME_DEMONYM
                    for idx, flags in state.entries))


_COMPASS_AT_END = re.compile(r"(?:^|(?<=[ ,]))(?:north|south|east|west)(?:ern)?(?:-(?:east|west)(?:ern)?)?$")


def list_chains(doc: Document, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[list[int]]:
    """Mentions written as one list ("Texas, Oklahoma and Louisiana"): runs joined by commas,
    "and" or "or" that hold or end in an "and"/"or". Not a town and its state closed by a comma before
    "and" ("a plant in Glendale, Kentucky, and one in Marshall, Michigan")."""
    chains, run, has_conjunction = [], [0] if toponyms else [], False
    for i in range(1, len(toponyms) + 1):
        link = doc.norm[toponyms[i - 1].end:toponyms[i].start].strip() if i < len(toponyms) else None
        if link is not None:   # "Durham, Wake and northern Orange counties": the compass word describes the item
            link = _COMPASS_AT_END.sub("", link).strip()
        if link in _LIST_LINKS:
            run.append(i)
            has_conjunction |= link != ","
            continue
        # "Belize, Jamaica and the Gulf of Aqaba": the "and" may lead to an item that is no mention.
        if len(run) > 1 and (has_conjunction or (
                doc.norm[toponyms[run[-1]].end:toponyms[run[-1]].end + 6].lstrip(" ,").startswith(("and ", "or "))
                and not (len(run) == 2 and _town_and_its_state(toponyms[run[0]], toponyms[run[1]], gazetteer)))):
            chains.append(run)
        run, has_conjunction = [i], False
    return chains
