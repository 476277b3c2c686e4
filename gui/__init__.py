"""Iqtibas desktop window (PySide6). Everything Qt lives in this package; it calls ``core``."""
