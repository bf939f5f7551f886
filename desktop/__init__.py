"""Lindung: offline enrollment of vulnerable workers into JKK + JKM coverage."""

__version__ = "0.1.0"
