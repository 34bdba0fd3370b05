"""Everything that does not draw: ingest → clean → analysis → library → export.

Never imports textual or rich. `article` (the record every stage passes on) and `errors` are shared.
"""
