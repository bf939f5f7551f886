"""PDF documents with ReportLab: cards and reports.

Takes plain data and returns PDF bytes; imports nothing from ``desktop``.  The card and report
documents arrive with the printing work; this package holds the place the design gives them.
"""
