"""The toponym recogniser is a linear model over candidate-span features."""

from .linear import LinearModel as ToponymModel

__all__ = ["ToponymModel"]
