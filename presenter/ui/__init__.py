"""Qt windows: the audience view, the facilitator console, keys and screens."""

from presenter.support.qtfix import lighten_import_hook

lighten_import_hook()  # before the windows' modules are imported: see support/qtfix.py
