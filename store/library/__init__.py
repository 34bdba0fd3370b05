"""The SQLite library: its records, schema and migrations, seeds, and re-anchoring.

May import store.analysis (an article is analysed as it is stored) and store.clean (the seeds).
"""
