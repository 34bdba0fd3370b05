"""Everything a person touches: the command line, the app, its screens and widgets.

Reads and writes only through store; never SQL.
"""
