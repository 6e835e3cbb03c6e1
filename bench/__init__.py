"""Benchmarks: in-process latency, peers, HTTP load, memory, soak. ``python -m bench --help``."""
