"""gunicorn settings for the enrichment service (used by `make serve`, the tests and the Docker image).

Every value can be set from the environment: PORT, HOST, WEB_CONCURRENCY, GUNICORN_TIMEOUT,
GUNICORN_GRACEFUL_TIMEOUT, GUNICORN_MAX_REQUESTS, GUNICORN_MAX_REQUESTS_JITTER, GUNICORN_WORKER_TMP_DIR,
CLIENT_TIMEOUT, REQUEST_TIMEOUT, LOG_LEVEL, PROMETHEUS_MULTIPROC_DIR.
"""

import gc
import os
import shutil
from pathlib import Path

from service.logs import gunicorn_logconfig

_here = Path(__file__).resolve().parent

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# CPU-bound work in sync workers: one per core is the sane default.
workers = int(os.environ.get("WEB_CONCURRENCY", os.cpu_count() or 2))
# The sync worker with a client socket timeout and problem+json for gunicorn's own errors.
worker_class = "service.serving.EnrichmentWorker"
# Load the gazetteer and models once in the master; workers share the pages after the fork.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# The app stops an enrichment at REQUEST_TIMEOUT and answers 503; two thirds of the worker timeout
# leaves room for the stage that is running when it passes.
os.environ.setdefault("REQUEST_TIMEOUT", f"{timeout * 2 / 3:.1f}")
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
# JSON lines on stdout; the app writes the access log (with the request id), gunicorn's is off.
loglevel = os.environ.get("LOG_LEVEL", "info")
logconfig_dict = gunicorn_logconfig(loglevel)
accesslog = None
errorlog = "-"

# Prometheus multiprocess mode: each worker writes its samples under this directory and /metrics
# adds them up. Set before the app (and so prometheus_client) is imported; one directory per master.
_metrics_dir = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or _here / "var" / f"prometheus-{os.getpid()}")
if os.environ.get("_ENRICHMENT_METRICS_OWNER") != str(os.getpid()):
    # First load in this master (not a reload on HUP): samples of an earlier run would add up with ours.
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    _metrics_dir.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(_metrics_dir)
    os.environ["_ENRICHMENT_METRICS_OWNER"] = str(os.getpid())


def on_exit(server):
    if _metrics_dir.name.startswith("prometheus-"):
        shutil.rmtree(_metrics_dir, ignore_errors=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess
    multiprocess.mark_process_dead(worker.pid)


def pre_fork(server, worker):
    # Keep the loaded objects out of the collector's reach, so that a worker's GC does not
    # touch (and copy) the pages it shares with the master.
    gc.freeze()
