"""The gunicorn worker the service runs in: gunicorn's sync worker, hardened against clients.

* A socket timeout (``CLIENT_TIMEOUT``, 10 s) on every connection, so a client that stalls while
  sending its headers or body frees the worker instead of holding it until the worker timeout.
* Errors gunicorn answers itself (a request line or headers it cannot parse, headers too large)
  are problem+json documents like every other error of the service, not HTML pages.
* A request that outlives the worker timeout (``GUNICORN_TIMEOUT``) is answered 503 problem+json
  before the worker exits, instead of a 500 page or a dropped connection. The app's own deadline
  (``REQUEST_TIMEOUT``, shorter) normally answers first; this is the backstop.
"""

from __future__ import annotations

import json
import os

from gunicorn import util
from gunicorn.workers.sync import SyncWorker

PROBLEM_TYPE_TIMEOUT = "tag:article-enrichment,2026:problem:worker-timeout"


def write_problem(sock, status: int, reason: str, message: str, type_: str = "about:blank") -> None:
    """Same signature as ``gunicorn.util.write_error``, which it replaces in the worker."""
    detail = message or reason
    if status >= 500 and type_ == "about:blank":
        detail = "The server failed to process this request; the error was logged."
    body = json.dumps({"type": type_, "title": reason, "status": status, "detail": detail}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\nConnection: close\r\nContent-Type: application/problem+json\r\n"
            f"X-Content-Type-Options: nosniff\r\nContent-Length: {len(body)}\r\n\r\n")
    util.write_nonblock(sock, head.encode("latin-1") + body)


class EnrichmentWorker(SyncWorker):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.client_timeout = float(os.environ.get("CLIENT_TIMEOUT", "10"))
        self.aborting = False

    def init_process(self):
        util.write_error = write_problem  # this process only: gunicorn's own error answers
        super().init_process()

    def handle(self, listener, client, addr):
        client.settimeout(self.client_timeout)
        super().handle(listener, client, addr)

    def handle_abort(self, sig, frame):
        # Sent by the arbiter when a request has run past the worker timeout; SystemExit unwinds
        # the request and lands in handle_error below, which can still answer the client.
        self.aborting = True
        super().handle_abort(sig, frame)

    def handle_error(self, req, client, addr, exc):
        if not (self.aborting and isinstance(exc, SystemExit)):
            return super().handle_error(req, client, addr, exc)
        self.log.error("request outlived the worker timeout (%ss); answered 503, worker exits", self.timeout)
        try:
            write_problem(client, 503, "Service Unavailable", f"The request took longer than the server allows "
                          f"({self.timeout:g} s) and was stopped. Send a shorter text, or retry.", PROBLEM_TYPE_TIMEOUT)
        except OSError:
            pass  # the client is gone
        raise exc
