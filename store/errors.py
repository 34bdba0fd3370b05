"""Errors a person can read: each carries one line that says what went wrong with which input."""


class NewsreaderError(Exception):
    """Base of every error shown to the user as a single line (never a traceback)."""


class InputError(NewsreaderError):
    """The input cannot be read: missing, a directory, binary, empty, undecodable, too large."""


class NoArticleError(NewsreaderError):
    """The input was read but holds no article text."""


class LibraryError(NewsreaderError):
    """The library database cannot be opened, migrated or written."""


class LockedError(LibraryError):
    """Another program held the library's write lock for longer than a write waits."""


class FetchError(NewsreaderError):
    """A URL could not be fetched: network error, bad status, too large, refused scheme."""
