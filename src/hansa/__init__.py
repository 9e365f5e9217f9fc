"""Hansa: a cross-border B2B trade platform."""

__version__ = "0.1.0"
