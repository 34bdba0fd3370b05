"""Ways in: reading files and stdin, fetching URLs, decoding bytes, feeds and OPML.

May import store.clean (what it reads becomes articles) and store.library (feeds store entries).
"""
