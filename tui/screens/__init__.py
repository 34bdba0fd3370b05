"""One module per screen. A screen may import widgets, tui.display and tui.protocol;
never the app or another screen (it asks the app through tui.protocol).
"""
