"""Ways out: highlights and notes as Markdown (other formats beside it).

Reads through store.library; never writes to it.
"""
