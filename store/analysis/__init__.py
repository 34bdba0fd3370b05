"""Language analysis as pure functions of text: segments, dates and anchor, timeline, quotes.

Imports only store.article and store.errors: nothing that reads, fetches or stores.
"""
