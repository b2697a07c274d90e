"""``presenter preview``: the window an organizer keeps open beside their text editor.

Filmstrip on the left, the selected slide large, its notes below, and the deck's
problems (``file:line``) on top. Every save re-reads the deck; a save that breaks it
keeps the last good slides on screen with the problem above them, and the selection
stays on the slide being edited even when slides are added or removed above it.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from presenter.core.deck.checker import ExtraCheck
from presenter.core.deck.diagnostics import Diagnostic, Level
from presenter.core.deck.helpcontacts import resolve_help
from presenter.core.deck.locate import find_deck_file
from presenter.core.deck.model import Deck, HelpContact, Slide
from presenter.support.i18n import t, tn
from presenter.ui.home.style import HOME_STYLE
from presenter.ui.presenting.console.previews import SlidePreview
from presenter.ui.preview.strip import Filmstrip, final_view, follow_slide, kind_label
from presenter.ui.preview.watch import DeckLoad, DeckWatcher, read_deck
from presenter.ui.widgets.fit import fitting_size
from presenter.ui.widgets.plaintext import (
    DeckTextBrowser,
    diagnostic_line,
    plain,
    plain_label,
)

if TYPE_CHECKING:
    from presenter.core.appcontext import AppContext
    from presenter.render import SlideRenderer

log = logging.getLogger(__name__)

RendererFactory = Callable[[Deck, str | None, Sequence[HelpContact]], "SlideRenderer"]


class ProblemList(QListWidget):
    """The deck's diagnostics, errors first; clicking one selects its slide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setWordWrap(True)
        self.diagnostics: tuple[Diagnostic, ...] = ()

    def show_diagnostics(self, found: Sequence[Diagnostic], folder: Path | None) -> None:
        order = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}
        self.diagnostics = tuple(sorted(found, key=lambda d: (order[d.level], d.line)))
        self.clear()
        for diag in self.diagnostics:
            item = QListWidgetItem(diagnostic_line(diag, folder))
            item.setData(Qt.ItemDataRole.UserRole, diag.line)
            item.setForeground(Qt.GlobalColor.darkRed if diag.is_error else Qt.GlobalColor.black)
            self.addItem(item)
        self.setVisible(bool(self.diagnostics))
        rows = min(len(self.diagnostics), 5)
        self.setFixedHeight(rows * (self.fontMetrics().height() + 8) + 8)


class PreviewWindow(QMainWindow):
    """Handed a watcher and a renderer; shows what the watcher reads."""

    def __init__(
        self,
        watcher: DeckWatcher,
        renderer_factory: RendererFactory,
        *,
        variant: str | None = None,
        settings_contacts: Sequence[HelpContact] = (),
        theme: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("PreviewWindow")
        self.setStyleSheet(HOME_STYLE)
        self.watcher = watcher
        self.variant = variant
        self.theme_name = theme
        self.settings_contacts = tuple(settings_contacts)
        self._make_renderer = renderer_factory
        self.renderer: SlideRenderer | None = None
        self._contacts: tuple[HelpContact, ...] = ()
        self.deck: Deck | None = None  # what is shown: the last good deck
        self.slides: tuple[Slide, ...] = ()
        self.broken = False
        self._build()
        watcher.loaded.connect(self.show_load)
        self.show_load(watcher.start())

    # -- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        self.watching = QLabel(
            t("Watching {file}: save it in your editor and the slides here redraw.",
              file=str(self.watcher.path))
        )  # fmt: skip
        plain(self.watching).setObjectName("subheading")
        self.watching.setWordWrap(True)
        self.banner = plain_label()
        self.banner.setObjectName("banner_error")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.problems = ProblemList()
        self.problems.hide()
        self.problems.itemActivated.connect(self._problem_chosen)
        self.problems.itemClicked.connect(self._problem_chosen)
        self.strip = Filmstrip()
        self.strip.currentRowChanged.connect(self._row_changed)
        self.large: SlidePreview | None = None
        self.large_holder = QWidget()
        self.large_layout = QVBoxLayout(self.large_holder)
        self.large_layout.setContentsMargins(0, 0, 0, 0)
        self.slide_info = plain_label()
        self.slide_info.setObjectName("slideInfo")
        self.notes = DeckTextBrowser(self.watcher.path.parent)
        self.notes.setObjectName("notes")
        self.notes.setOpenLinks(False)
        right = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.slide_info)
        top_layout.addWidget(self.large_holder, 1)
        right.addWidget(top)
        right.addWidget(self.notes)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.strip)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.watching)
        layout.addWidget(self.banner)
        layout.addWidget(self.problems)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)
        self.resize(fitting_size(self, 1280, 800))  # a 1024x768 laptop too
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.watcher.reload_if_changed)

    # -- loading ---------------------------------------------------------------------
    def show_load(self, load: DeckLoad) -> None:
        """Show a new reading of the deck, or keep the last good one if it is broken."""
        folder = self.watcher.path.parent
        self.problems.show_diagnostics(load.diagnostics, folder)
        if load.usable or (self.deck is None and load.deck is not None and load.deck.slides):
            assert load.deck is not None
            self.broken = not load.usable
            self._adopt(load.deck)
        else:
            self.broken = True
        self._show_banner(load)
        self.setWindowTitle(
            t("Preview: {title}", title=self.deck.meta.title if self.deck else folder.name)
        )

    def _show_banner(self, load: DeckLoad) -> None:
        if not load.errors:
            self.banner.hide()
            return
        first = diagnostic_line(load.errors[0], self.watcher.path.parent)
        if self.deck is not None and self.broken and load.deck is not self.deck:
            text = t("The last save has a problem, so this shows the last version that "
                     "worked. Fix it and save again:\n{problem}", problem=first)  # fmt: skip
        elif self.deck is None:
            text = t("This deck cannot be shown yet. Fix it and save again:\n{problem}",
                     problem=first)  # fmt: skip
        else:
            text = t("This deck has errors; it cannot be presented until they are fixed:\n"
                     "{problem}", problem=first)  # fmt: skip
        self.banner.setText(text)
        self.banner.show()

    def _adopt(self, deck: Deck) -> None:
        old_slides, old_row = self.slides, self.strip.currentRow()
        theme_changed = self.deck is None or deck.meta.theme != self.deck.meta.theme
        contacts = resolve_help(deck, self.settings_contacts).contacts
        if self.renderer is None or theme_changed:
            self.renderer = self._make_renderer(deck, self.theme_name, contacts)
            self.strip.forget()
            self._contacts = contacts
        else:
            self.renderer.set_deck(deck)
            self.renderer.invalidate()  # a recap shows other slides' myths
            if contacts != self._contacts:
                self.renderer.set_help_contacts(contacts)
                self._contacts = contacts
                self.strip.forget()
        self.deck = deck
        self.slides = deck.slides_for(self.variant)
        if self.large is None or self.large.renderer is not self.renderer:
            if self.large is not None:
                self.large.deleteLater()
            self.large = SlidePreview(self.renderer)
            self.large_layout.addWidget(self.large)
        row = follow_slide(old_slides, self.slides, old_row) if old_slides else 0
        self.strip.show_slides(deck, self.slides, self.renderer, self._contacts)
        self.strip.setCurrentRow(row)
        self._row_changed(row)

    # -- selection -------------------------------------------------------------------
    @property
    def current_slide(self) -> Slide | None:
        row = self.strip.currentRow()
        return self.slides[row] if 0 <= row < len(self.slides) else None

    def _row_changed(self, row: int) -> None:
        slide = self.current_slide
        if slide is None or self.large is None:
            return
        self.large.show_view(final_view(slide))
        self.large.update()
        steps = tn("{n} step", "{n} steps", slide.step_count) if slide.step_count > 1 else ""
        minutes = t("{n} min", n=f"{slide.minutes:g}") if slide.minutes else ""
        where = t("line {line}", line=slide.line)
        position = t("Slide {n} of {total}", n=row + 1, total=len(self.slides))
        parts = [position, kind_label(slide.kind), minutes, steps, where]
        self.slide_info.setText("  ·  ".join(p for p in parts if p))
        empty = html.escape(t("(no facilitator notes on this slide)"))
        self.notes.setHtml(slide.notes_html or f"<p><i>{empty}</i></p>")

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        line = int(item.data(Qt.ItemDataRole.UserRole) or 0)
        for row, slide in enumerate(self.slides):
            if slide.line <= line <= slide.end_line:
                self.strip.setCurrentRow(row)
                return

    def closeEvent(self, event: QCloseEvent) -> None:
        self.watcher.stop()
        super().closeEvent(event)


def make_renderer(deck: Deck, theme: str | None, contacts: Sequence[HelpContact]) -> SlideRenderer:
    from presenter.render import SlideRenderer, load_theme

    return SlideRenderer(deck, load_theme(theme or deck.meta.theme, deck.folder), contacts)


def open_preview(
    deck_path: Path,
    ctx: AppContext | None = None,
    *,
    variant: str | None = None,
    theme: str | None = None,
    extra_checks: Sequence[ExtraCheck] = (),
) -> PreviewWindow:
    """A preview window for one deck file (a QApplication must exist). ``ctx`` gives
    the help contacts and the theme (``theme`` is the command line's choice)."""
    from presenter.core.appcontext import AppContext
    from presenter.core.settings import DEFAULTS

    context = ctx if ctx is not None else AppContext.of(DEFAULTS)
    contacts = context.settings.help_contacts

    def reader(path: Path) -> DeckLoad:
        return read_deck(path, contacts, extra_checks)

    def renderer_for(deck: Deck, chosen: str | None, shown: Sequence[HelpContact]) -> SlideRenderer:
        return make_renderer(deck, context.theme_for(deck, chosen), shown)

    watcher = DeckWatcher(deck_path, reader)
    window = PreviewWindow(
        watcher, renderer_for, variant=variant, settings_contacts=contacts, theme=theme
    )
    watcher.setParent(window)
    return window


def run_preview(
    ctx: AppContext, given: str, *, variant: str | None = None, theme: str | None = None
) -> int:
    from presenter.render.checks import extra_checks

    try:
        deck_path = find_deck_file(given)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    from presenter.ui.appsetup import application

    app = application()
    window = open_preview(
        deck_path, ctx, variant=variant, theme=theme, extra_checks=extra_checks(True)
    )
    window.show()
    return int(app.exec())
