"""WSGI entry point: ``gunicorn -c gunicorn.conf.py service.wsgi:app``."""

from .api import create_app

app = create_app()
