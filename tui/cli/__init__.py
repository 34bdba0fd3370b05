"""The `newsreader` command line: one module per command group, the parser in `main`.

May import `store` freely; imports textual only in `main.cmd_app`, to start the app.
"""
