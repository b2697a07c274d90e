"""At the end of a recorded workshop the console offers the session report."""

from __future__ import annotations

from pathlib import Path

from presenter.core.session.view import Overlay
from tests.ui.presenting.console.test_console_record import present


def run_to_the_end(p) -> None:
    for _ in range(40):
        if p.controller.state.overlay is Overlay.END:
            return
        p.controller.next()
    raise AssertionError("never reached the end")


def test_report_banner_appears_at_the_end_and_opens_this_session(
    make_presentation, deck_path: Path, clock, data_dir: Path
) -> None:
    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    banner = p.console.report_banner
    p.controller.next()
    p.controller.set_attendees(23)
    assert not banner.isVisibleTo(p.console)
    run_to_the_end(p)
    assert banner.isVisibleTo(p.console)
    dialog = keeper.report.open_report()
    assert dialog is not None
    try:
        text = dialog.viewer.toPlainText()
        assert p.controller.deck.meta.title in text
        assert "23" in text
        assert dialog.tree.topLevelItemCount() == 1
    finally:
        dialog.close()
    p.controller.prev()  # back from the end: the banner goes again
    assert not banner.isVisibleTo(p.console)
    keeper.close()


def test_rehearsals_have_no_report(make_presentation, deck_path: Path) -> None:
    p = make_presentation(deck_path, rehearse=True)
    run_to_the_end(p)
    assert not p.console.report_banner.isVisibleTo(p.console)


def test_the_report_stays_on_a_small_laptop_screen(
    make_presentation, deck_path: Path, clock, data_dir: Path
) -> None:
    from PySide6.QtCore import QRect

    from presenter.ui.presenting.report_offer import fit_within

    keeper, p = present(make_presentation, deck_path, clock, data_dir)
    run_to_the_end(p)
    dialog = keeper.report.open_report()
    assert dialog is not None
    try:
        laptop = p.console.screen().availableGeometry()
        assert laptop.contains(dialog.frameGeometry()), (dialog.frameGeometry(), laptop)
        small = QRect(0, 0, 1024, 768)  # nothing may spill onto the projector beside it
        fit_within(dialog, small)
        assert small.contains(dialog.frameGeometry()), dialog.frameGeometry()
        assert dialog.width() <= 1024 and dialog.maximumWidth() <= 1024
    finally:
        dialog.close()
    keeper.close()
