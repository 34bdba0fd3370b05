"""store never draws: importing it must not pull in textual or rich."""

import subprocess
import sys


def test_store_imports_no_ui_library():
    code = (
        "import sys, pkgutil, importlib, store\n"
        "for m in pkgutil.iter_modules(store.__path__):\n"
        "    importlib.import_module('store.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
