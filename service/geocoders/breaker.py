"""A circuit breaker, so that a dead geocoder does not add its timeout to every request."""

from __future__ import annotations

import threading
import time
from typing import Callable


class CircuitBreaker:
    """Closed: calls go through. After ``failures`` failures in a row: open for ``cooldown`` seconds
    (calls are refused at once). Then half-open: one trial call; success closes, failure re-opens."""

    def __init__(self, failures: int = 3, cooldown: float = 30.0, clock: Callable[[], float] = time.monotonic):
        self.threshold, self.cooldown, self.clock = failures, cooldown, clock
        self.consecutive_failures = 0
        self.opened_at: float | None = None
        self._trial_running = False
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if self.clock() - self.opened_at >= self.cooldown else "open"

    def allow(self) -> bool:
        with self._lock:
            state = self.state
            if state == "closed":
                return True
            if state == "half-open" and not self._trial_running:
                self._trial_running = True
                return True
            return False

    def record_success(self) -> None:
        with self._lock:
            self.consecutive_failures, self.opened_at, self._trial_running = 0, None, False

    def record_failure(self) -> None:
        with self._lock:
            self.consecutive_failures += 1
            if self._trial_running or self.consecutive_failures >= self.threshold:
                self.opened_at = self.clock()
            self._trial_running = False
