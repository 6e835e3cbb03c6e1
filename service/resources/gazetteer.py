"""The embedded gazetteer: a compact, memory-mapped GeoNames extract.

Layout of a gazetteer directory (written by ``service.tools.build_gazetteer``):

- ``aliases.marisa``: a marisa RecordTrie from name key (see ``names.name_key``) to
  ``(place index, name flags)`` records;
- ``<column>.npy``: one numpy array per place attribute, row = place index;
- ``names.bin`` + ``names_offsets.npy``: the display names, UTF-8, end to end;
- ``meta.json``: format version, sources, counts, feature-code and kind tables.

Everything is opened with mmap, so loading takes milliseconds and gunicorn workers
share the pages through the OS page cache instead of each holding a copy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import marisa_trie
import numpy as np

from .memo import bounded_memo
from .names import name_key

FORMAT_VERSION = 2

# Name flags, OR-ed per (key, place).
NAME_PRIMARY = 1      # the place's own name in GeoNames
NAME_ALT = 2          # an alternate name
NAME_ABBR = 4         # abbreviation or code: "N.C.", "UK", "USA"
NAME_DEMONYM = 8      # "Iraqi" -> Iraq
NAME_PARTIAL = 16     # generic word removed: "Wake" for "Wake County", "Anbar" for "Al Anbar"
NAME_CODE = 32        # an ISO 3166 code: "US", "IRQ" (often not a place: "IE 11", "IT department")

# Kinds of place, smallest integer = broadest.
KINDS = ("continent", "country", "admin1", "admin2", "city", "region", "physical")
KIND_CONTINENT, KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_REGION, KIND_PHYSICAL = range(7)

COLUMNS = {
    "geonameid": np.int32,      # -1 where the source has no GeoNames id
    "lat": np.float32,
    "lon": np.float32,
    "population": np.int64,
    "kind": np.uint8,
    "fcode": np.uint8,          # index into meta["fcodes"]
    "cc": "S2",                 # ISO 3166-1 alpha-2, b"" for none
    "country_idx": np.int32,    # place index of the country, -1 for none
    "admin1_idx": np.int32,     # place index of the first-level region, -1 for none
    "admin2_idx": np.int32,     # place index of the second-level region, -1 for none
    "alternates": np.uint16,    # how many alternate names GeoNames gives a town: a measure of its fame
}
RECORD_FORMAT = "<IB"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry, materialised for output."""

    index: int
    name: str
    geonameid: int | None
    latitude: float
    longitude: float
    population: int
    kind: str
    feature_code: str
    country_code: str | None
    country_index: int
    admin1_index: int
    admin2_index: int


class Gazetteer:
    """Read-only access to a built gazetteer directory."""

    def __init__(self, directory: str | Path, place_points: str | Path | None = None):
        self.directory = Path(directory)
        meta_path = self.directory / "meta.json"
        if not meta_path.is_file():
            raise FileNotFoundError(
                f"no gazetteer at {self.directory}: build it with `make gazetteer` "
                "(python -m service.tools.build_gazetteer)")
        self.meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if self.meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"gazetteer format {self.meta.get('format')} at {self.directory}, "
                             f"this code reads format {FORMAT_VERSION}: rebuild it")
        self.fcodes: list[str] = self.meta["fcodes"]
        self._fcode_numbers = {code: i for i, code in enumerate(self.fcodes)}
        for column in COLUMNS:
            # A plain ndarray view of the memory map: same shared pages, but scalar indexing
            # without np.memmap's per-access Python overhead.
            setattr(self, column, np.asarray(np.load(self.directory / f"{column}.npy", mmap_mode="r")))
        self._names = np.asarray(np.memmap(self.directory / "names.bin", dtype=np.uint8, mode="r"))
        self._name_offsets = np.asarray(np.load(self.directory / "names_offsets.npy", mmap_mode="r"))
        self._aliases = marisa_trie.RecordTrie(RECORD_FORMAT)
        self._aliases.mmap(str(self.directory / "aliases.marisa"))
        self.size = int(self.meta["counts"]["places"])
        self._cached_name = bounded_memo(self._read_name, 100_000)
        # A trie lookup costs ~10 us and articles repeat their names: keep the recent answers.
        self._cached_lookup = bounded_memo(lambda key: tuple(self._aliases.get(key, ())), 50_000)
        self._cached_has_prefix = bounded_memo(self._has_prefix, 50_000)
        self._kind_starts: dict[int, int] = {}
        self._admin1_by_country: dict[str | None, tuple[int, ...]] | None = None
        # Per-country lookups used by the resolver on every document: small, so plain dicts.
        self.country_by_code: dict[str, int] = {
            cc: idx for cc, idx in self.meta["country_index"].items()}
        self.points_applied = 0
        if place_points is not None and Path(place_points).is_file():
            self.apply_points(self.read_points(place_points))

    def read_points(self, path: str | Path) -> dict[int, tuple[float, float]]:
        """Learned representative points (``train_resolver``), keyed by GeoNames id in the file."""
        rows = json.loads(Path(path).read_text(encoding="utf-8"))["points"]
        wanted = {row["geonameid"]: (row["lat"], row["lon"]) for row in rows}
        out = {}
        for idx in np.nonzero(np.isin(self.geonameid, np.fromiter(wanted, dtype=np.int64)))[0]:
            if self.kind[idx] <= KIND_ADMIN1:
                out[int(idx)] = wanted[int(self.geonameid[idx])]
        return out

    def apply_points(self, points: dict[int, tuple[float, float]]) -> None:
        """Move the given places to the given points (copies the two coordinate columns, 2 MB)."""
        if not points:
            return
        self.lat = np.array(self.lat)
        self.lon = np.array(self.lon)
        for idx, (lat, lon) in points.items():
            self.lat[idx], self.lon[idx] = lat, lon
        self.points_applied = len(points)

    # -- lookups ---------------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[int, int]]:
        """All (place index, name flags) stored under the key of `name`."""
        return self.lookup_key(name_key(name))

    def lookup_key(self, key: str) -> tuple[tuple[int, int], ...]:
        return self._cached_lookup(key) if key else ()

    def _named_in_full(self, name: str) -> tuple[list[int], list[int]]:
        """The places `name` names by their own or an alternate name (not an abbreviation, a demonym or a
        part), as (its countries and first-level regions, its cities)."""
        full = [index for index, flags in self.lookup(name) if flags & (NAME_PRIMARY | NAME_ALT)]
        return [i for i in full if self.kind[i] in (KIND_COUNTRY, KIND_ADMIN1)], [
            i for i in full if self.kind[i] == KIND_CITY]

    def names_major_place(self, name: str, min_population: int = 100_000) -> bool:
        """Whether `name`, written in full, is a country, a first-level region or a city of at least
        `min_population` ("New Delhi", "Kentucky"; not "Jordan Henderson" or a town of 900)."""
        regions, cities = self._named_in_full(name)
        return bool(regions) or any(self.population[i] >= min_population for i in cities)

    def names_city(self, name: str, min_population: int = 100_000) -> bool:
        """Whether `name`, written in full, is a city of at least `min_population` and no country or
        first-level region ("Chennai"; not "India" or "Tamil Nadu", nor "Georgia" for its towns)."""
        regions, cities = self._named_in_full(name)
        return not regions and any(self.population[i] >= min_population for i in cities)

    def names_river(self, name: str) -> bool:
        """Whether a river, lake or other physical feature is called `name` and "River" ("Brazos",
        "Murrumbidgee"), which tells a river's bare name from the towns and counties it names."""
        return any(self.kind[i] == KIND_PHYSICAL for i, _ in self.lookup(f"{name} River"))

    def has_key(self, key: str) -> bool:
        return key in self._aliases

    def has_prefix(self, key_prefix: str) -> bool:
        """True when some stored key starts with `key_prefix` (lets n-gram scans stop early)."""
        return self._cached_has_prefix(key_prefix)

    def _has_prefix(self, key_prefix: str) -> bool:
        for _ in self._aliases.iterkeys(key_prefix):
            return True
        return False

    # -- attributes ------------------------------------------------------------------------
    def name(self, index: int) -> str:
        return self._cached_name(index)

    def _read_name(self, index: int) -> str:
        start, end = int(self._name_offsets[index]), int(self._name_offsets[index + 1])
        return bytes(self._names[start:end]).decode("utf-8")

    def first_index(self, kind: int) -> int:
        """Places are stored sorted by kind: the index of the first place of `kind` (or later)."""
        if kind not in self._kind_starts:
            self._kind_starts[kind] = int(np.searchsorted(self.kind, kind))
        return self._kind_starts[kind]

    def admin1_regions(self, country_code: str | None) -> tuple[int, ...]:
        """A country's first-level regions (indexes); the table is built on first use."""
        if self._admin1_by_country is None:
            by_country: dict[str | None, list[int]] = {}
            for idx in range(self.first_index(KIND_ADMIN1), self.first_index(KIND_ADMIN2)):
                by_country.setdefault(self.country_code(idx), []).append(idx)
            self._admin1_by_country = {cc: tuple(regions) for cc, regions in by_country.items()}
        return self._admin1_by_country.get(country_code, ())

    def fcode_number(self, code: str) -> int:
        """The stored number of a feature code (-1 when no place has it)."""
        return self._fcode_numbers.get(code, -1)

    def country_code(self, index: int) -> str | None:
        cc = self.cc[index].decode("ascii")
        return cc or None

    def place(self, index: int) -> Place:
        gid = int(self.geonameid[index])
        return Place(
            index=index,
            name=self.name(index),
            geonameid=gid if gid >= 0 else None,
            latitude=round(float(self.lat[index]), 5),
            longitude=round(float(self.lon[index]), 5),
            population=int(self.population[index]),
            kind=KINDS[int(self.kind[index])],
            feature_code=self.fcodes[int(self.fcode[index])],
            country_code=self.country_code(index),
            country_index=int(self.country_idx[index]),
            admin1_index=int(self.admin1_idx[index]),
            admin2_index=int(self.admin2_idx[index]),
        )

    def warm(self) -> None:
        """Touch every page once, and build the regions table, so the first requests (in every worker,
        when called before the fork) pay neither page faults nor the table."""
        for column in COLUMNS:
            getattr(self, column).view(np.uint8).sum()
        self._names.sum()
        self._aliases.get("london")
        self.admin1_regions("GB")
