"""Qt windows: the audience view, the facilitator console, keys and screens."""

from presenter.support.qtfix import lighten_when_imported

lighten_when_imported()  # before the windows' modules are imported: see support/qtfix.py
