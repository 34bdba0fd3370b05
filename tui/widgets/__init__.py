"""Widgets the screens are built from: the article view, key bar, lists, dialogs.

May import tui.display and store records; never a screen or the app.
"""
