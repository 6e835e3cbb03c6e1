"""A Nominatim stand-in on loopback for the tests: answers ``GET /search`` in Nominatim's JSON format
(format=json with addressdetails) from a dict the test writes, or fails the way the test asks."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


def nominatim_result(name: str, lat: float, lon: float, country_code: str, addresstype: str = "city",
                     place_id: int = 1) -> dict:
    """One element of Nominatim's /search answer, as Nominatim 4.x writes it."""
    return {
        "place_id": place_id, "licence": "Data © OpenStreetMap contributors, ODbL 1.0.",
        "osm_type": "node", "osm_id": 1000 + place_id, "lat": f"{lat:.7f}", "lon": f"{lon:.7f}",
        "class": "place", "type": addresstype, "place_rank": 16, "importance": 0.6, "addresstype": addresstype,
        "name": name, "display_name": f"{name}, {country_code.upper()}",
        "address": {"city": name, "country": country_code.upper(), "country_code": country_code.lower()},
        "boundingbox": [f"{lat - 0.1:.7f}", f"{lat + 0.1:.7f}", f"{lon - 0.1:.7f}", f"{lon + 0.1:.7f}"],
    }


class FakeNominatim:
    def __init__(self, answers: dict[str, list[dict]] | None = None):
        self.answers = answers or {}
        self.mode = "ok"            # ok | status:<code> | malformed | slow:<seconds>
        self.requests: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                url = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                server.requests.append({"path": url.path, "query": query, "user_agent": self.headers["User-Agent"]})
                mode = server.mode
                if mode.startswith("slow:"):
                    time.sleep(float(mode[5:]))
                if mode.startswith("status:"):
                    body, status = b'{"error": "simulated"}', int(mode[7:])
                elif mode == "malformed":
                    body, status = b'[{"lat": "33.4", "lon": ', 200
                elif url.path != "/search":
                    body, status = b'{"error": "not found"}', 404
                else:
                    body, status = json.dumps(server.answers.get(query.get("q", ""), [])).encode(), 200
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up (timeout tests)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "FakeNominatim":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
