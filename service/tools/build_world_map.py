"""Country outlines for the try-it page's offline map, from the world-atlas npm package.

    python -m service.tools.build_world_map node_modules/world-atlas/countries-110m.json

Decodes the TopoJSON (quantised, delta-encoded arcs) into plain longitude/latitude rings rounded
to 0.1 degree and writes ``service/web/static/world-110m.json`` ({"countries": [{"name", "rings"}]}),
which the page draws as SVG with no library. world-atlas: ISC licence, Natural Earth data (public
domain)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "web" / "static" / "world-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 1), round(y * sy + ty, 1)))
        arcs.append(points)
    return arcs


def ring(arcs: list, indices: list[int]) -> list[list[float]]:
    points: list = []
    for i in indices:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    deduped = [p for k, p in enumerate(points) if k == 0 or p != points[k - 1]]
    return [list(p) for p in deduped]


def unwrap(points: list[list[float]]) -> list[list[float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) would be drawn with a line across the whole
    map: move its western points east by 360 degrees, so it is drawn whole past the map's edge."""
    if any(abs(b[0] - a[0]) > 180 for a, b in zip(points, points[1:])):
        return [[x + 360 if x < 0 else x, y] for x, y in points]
    return points


def build(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], [])
        name = geometry.get("properties", {}).get("name", "")
        if name == "Antarctica":
            continue  # wraps the whole width; news maps do without it
        rings = [unwrap(ring(arcs, r)) for polygon in polygons for r in polygon]
        countries.append({"name": name, "rings": [r for r in rings if len(r) > 2]})
    return {"source": "world-atlas countries-110m (Natural Earth)", "countries": countries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path, nargs="?", default=Path("node_modules/world-atlas/countries-110m.json"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.write_text(json.dumps(build(args.source), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
