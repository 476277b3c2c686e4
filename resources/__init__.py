"""Bundled data for Iqtibas: sample article, JSON Schema, lexicons, translations and icons.

This is a package only so that ``importlib.resources`` can find the files in a wheel.
"""
