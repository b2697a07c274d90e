"""Run first in the frozen app (a PyInstaller runtime hook, see build.spec).

PyInstaller's own hook for PySide6 imports ``PySide6.QtCore`` before the app's code
starts, so the PySide6 fixes of :mod:`presenter.support.qtfix` (the bytecode of its
embedded sources kept, its import hook answered) are armed here, ahead of it.
"""

try:
    from presenter.support.qtfix import lighten_when_imported

    lighten_when_imported()
except Exception:  # a saving must never stop the app from starting
    pass
