"""Pages for people: the try-it page at ``/`` and the interactive API docs at ``/docs``.

HTTP layer only, like the API: static files, no NLP. The pages call the public API from the
browser. Each page has a strict Content-Security-Policy: scripts, styles and data from this
origin only, no inline script, nothing framed."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, Response, send_from_directory

from ..api.errors import problem

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
bp = Blueprint("web", __name__, static_folder=str(STATIC), static_url_path="/static")

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
# Swagger UI sets style attributes from its scripts, which 'unsafe-inline' for styles allows;
# scripts stay 'self' only.
DOCS_CSP = PAGE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def _page(name: str, csp: str) -> Response:
    response = send_from_directory(STATIC, name, mimetype="text/html", max_age=0)
    response.headers["Content-Security-Policy"] = csp
    return response


@bp.get("/")
def try_it():
    return _page("index.html", PAGE_CSP)


@bp.get("/docs")
def docs():
    if not (STATIC / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").is_file():
        return problem(404, "Not Found", "Swagger UI is not installed: run scripts/install.sh "
                       "(python -m service.tools.fetch_web_assets).")
    return _page("docs.html", DOCS_CSP)
