"""Cleaners: a web page or pasted text into an article (clean text plus its metadata).

Pure functions of their input: imports only store.article and store.errors, never ingest or library.
"""
