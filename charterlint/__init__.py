"""charterlint: lint customer service charters."""

__version__ = "0.1.0"
