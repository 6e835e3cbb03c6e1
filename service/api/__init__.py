"""HTTP layer: the Flask application factory. Knows nothing of NLP: it validates input,
calls the engine, and serialises the result."""

from __future__ import annotations

import logging

from flask import Flask

from ..config import Config
from ..geocoders import build_geocoder
from ..resources import Resources
from ..web import bp as web_bp
from .errors import register_error_handlers
from .metrics import GEOCODER
from .ops import install_request_hooks
from .routes import bp
from .schemas import EnrichResponseSchema
from .state import Engine


def create_app(config: type[Config] | dict | None = None, resources: Resources | None = None) -> Flask:
    """Build the app. With ``RESOURCE_LOADING = "eager"`` (the default) the gazetteer and models
    are loaded here, so under gunicorn's preload they load once, in the master, before the fork."""
    app = Flask(__name__, static_folder=None)
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    app.config["SERVICE_INFO"] = {"name": app.config["SERVICE_NAME"], "version": app.config["SERVICE_VERSION"]}
    # One response schema per app: building one per request (its nested schemas deep-copy their
    # fields) cost about a tenth of a request.
    app.extensions["response_schema"] = EnrichResponseSchema(app.config["SERVICE_INFO"])
    app.json.sort_keys = False
    logging.basicConfig(level=logging.INFO)

    geocoder = build_geocoder(app.config, on_outcome=lambda name, outcome: GEOCODER.labels(name, outcome).inc())
    engine = Engine(geocoder, {"confirm_below": app.config["GEOCODER_CONFIRM_BELOW"],
                               "max_lookups": app.config["GEOCODER_MAX_LOOKUPS"]})
    app.extensions["enrichment"] = engine
    if app.config["RESOURCE_LOADING"] == "background" and resources is None:
        engine.load_in_background()
    else:
        engine.load(resources)

    register_error_handlers(app)
    install_request_hooks(app)
    app.register_blueprint(bp)
    app.register_blueprint(web_bp)
    return app
