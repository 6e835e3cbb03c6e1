"""A Nominatim stand-in for evaluating the external-geocoder mode where no real Nominatim is reachable.

    python -m service.tools.standin_geocoder --port 8088

It answers ``GET /search?q=...&format=json`` in Nominatim's format from the embedded gazetteer,
ranking a name's entries by population (Nominatim ranks by an importance that population and
Wikipedia links dominate). It knows nothing the gazetteer does not, so the figures it gives show
what the merge policy does with a population-ranked geocoder, not what a real OSM-based Nominatim
would add; for that, point the evaluation at your own Nominatim (``--geocoder-url``).
"""

from __future__ import annotations

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from ..resources import load_resources
from ..resources.names import name_key

_ADDRESSTYPE = {"country": "country", "admin1": "state", "admin2": "county", "city": "city",
                "continent": "continent", "physical": "natural"}


def search(gazetteer, query: str, limit: int = 5) -> list[dict]:
    indices = {index for index, _ in gazetteer.lookup_key(name_key(query))}
    places = sorted((gazetteer.place(i) for i in indices), key=lambda p: -p.population)[:limit]
    return [{"place_id": p.index, "lat": f"{p.latitude:.5f}", "lon": f"{p.longitude:.5f}", "name": p.name,
             "display_name": p.name, "class": "place", "type": _ADDRESSTYPE.get(p.kind, "locality"),
             "addresstype": _ADDRESSTYPE.get(p.kind, "locality"), "importance": min(1.0, p.population / 1e7),
             "address": {"country_code": (p.country_code or "").lower()}} for p in places]


def serve(port: int, host: str = "127.0.0.1") -> ThreadingHTTPServer:
    gazetteer = load_resources().gazetteer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            url = urlsplit(self.path)
            query = parse_qs(url.query).get("q", [""])[0]
            body = json.dumps(search(gazetteer, query) if url.path == "/search" else []).encode()
            self.send_response(200 if url.path == "/search" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return ThreadingHTTPServer((host, port), Handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8088)
    args = parser.parse_args(argv)
    server = serve(args.port)
    print(f"Nominatim stand-in on http://127.0.0.1:{args.port}/search")
    server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
