"""The sample articles shipped with newsreader: what a new user sees on first launch."""
