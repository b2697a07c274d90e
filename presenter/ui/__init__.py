"""Qt windows: the audience view, the facilitator console, keys and screens."""

from presenter.support.qtfix import spare_linecache

spare_linecache()  # before the windows' modules are imported: see support/qtfix.py
