"""gunicorn settings for the enrichment service (used by `make serve`, the tests and the Docker image).

Every value can be set from the environment: PORT, HOST, WEB_CONCURRENCY, GUNICORN_TIMEOUT,
GUNICORN_MAX_REQUESTS, GUNICORN_WORKER_TMP_DIR.
"""

import gc
import os
from pathlib import Path

_here = Path(__file__).resolve().parent

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# CPU-bound work in sync workers: one per core is the sane default.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
worker_class = "sync"
# Load the gazetteer and models once in the master; workers share the pages after the fork.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# Recycle workers now and then so that no slow leak lives forever; jitter keeps them apart.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# Nothing written outside the app's own directories: no control socket under $HOME (gunicorn 25+),
# worker heartbeat files in ./var (or GUNICORN_WORKER_TMP_DIR, e.g. /dev/shm in a container).
control_socket_disable = True
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", str(_here / "var"))
Path(worker_tmp_dir).mkdir(parents=True, exist_ok=True)
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
limit_request_line = 8190
limit_request_fields = 100


def pre_fork(server, worker):
    # Keep the loaded objects out of the collector's reach, so that a worker's GC does not
    # touch (and copy) the pages it shares with the master.
    gc.freeze()
