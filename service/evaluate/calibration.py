"""How well stated confidences match how often the answers are right."""

from __future__ import annotations


def calibration_error(pairs: list[tuple[float, bool]], bins: int = 10) -> float:
    """Expected calibration error: mean |confidence - accuracy| over confidence bins, weighted by size."""
    total, error = len(pairs), 0.0
    for b in range(bins):
        inside = [(c, ok) for c, ok in pairs if b / bins <= c < (b + 1) / bins or (b == bins - 1 and c == 1.0)]
        if inside:
            error += len(inside) / total * abs(sum(c for c, _ in inside) / len(inside)
                                               - sum(ok for _, ok in inside) / len(inside))
    return error
