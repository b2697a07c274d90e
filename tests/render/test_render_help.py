"""The help slide and the H screen hold a real list of local services, legibly.

Organizers list several contacts (a helpline, a children's line, a sexual-violence
service, emergency, the school's safeguarding lead...). Up to eight must fit, inside the
canvas, without overlapping, at no less than the theme's floor size; a longer list shows
what fits and sends the room to the facilitator, and ``check`` says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor

from presenter.core.deck.checker import check_deck
from presenter.core.deck.model import Deck, HelpContact
from presenter.core.session.view import Overlay, SlideView
from presenter.render import SlideRenderer, load_theme
from presenter.render.checks import provide_checks
from presenter.render.frame import CANVAS, CANVAS_H, Frame
from presenter.render.layouts.helpslide import keep_together
from presenter.render.textfit import TextBlock
from tests.render.conftest import deck_from
from tests.render.test_render_layout import ink_share

SERVICES = (
    HelpContact("Example trafficking helpline", "Call 01632 960 700", "Every day, any time"),
    HelpContact("Young people's line", "Call 01632 960 111", "Any time, free"),
    HelpContact("Sexual violence line", "Call 01632 960 222", "Every day, 24 hours"),
    HelpContact("Emergency", "Call 01632 960 999", "If someone is in danger now"),
    HelpContact("School safeguarding lead", "Ms Okafor, room B12", "Weekdays 8am to 4pm"),
    HelpContact("Listening line", "Call 01632 960 123", "Any time, free"),
    HelpContact("Example text line", "Text 01632 960 258", "Any time"),
    HelpContact("Report online abuse", "report.example.org/help", "Online, any time"),
    HelpContact("Victim support", "Call 01632 960 811", "Weekdays 8am to 8pm"),
    HelpContact("Sexual health clinic", "Call 01632 960 012", "Monday to Friday"),
    HelpContact("Youth counselling", "Call 01632 960 199", "After school"),
    HelpContact("Housing advice", "Call 01632 960 444", "Weekdays"),
)
HELP_DECK = "---\ntitle: T\n---\n## A slide\n\n---\nkind: help\n---\n## Support is here\n"
SIZES = [QSize(1920, 1080), QSize(1024, 768)]


@pytest.fixture
def help_deck(tmp_path: Path, qapp: object) -> Deck:
    return deck_from(tmp_path / "help", HELP_DECK)


def help_view(deck: Deck) -> SlideView:
    index = next(s.index for s in deck.slides if s.kind == "help")
    return SlideView(index, 0, slide_number=2, slide_total=2)


def plain_text(frame: Frame) -> str:
    return "\n".join(b.doc.toPlainText() for b in frame.blocks).replace("\u00a0", " ")


def assert_readable(frame: Frame, renderer: SlideRenderer) -> None:
    """Inside the canvas, above the footer, no two texts overlapping, no text too small."""
    rects = [b.rect for b in frame.blocks]
    for rect in rects:
        assert CANVAS.contains(rect), rect
        assert rect.bottom() <= CANVAS_H - 96 + 0.5, rect
    for n, a in enumerate(rects):
        for b in rects[n + 1 :]:
            assert not a.intersects(b), (a, b)
    floor = renderer.theme.sizes.floor
    for block in frame.blocks:
        assert block.factor * renderer.theme.sizes.body >= floor - 0.5


@pytest.mark.parametrize("theme", ["default", "high-contrast"])
@pytest.mark.parametrize("count", [1, 3, 5, 8])
def test_up_to_eight_contacts_fit_legibly(help_deck: Deck, theme: str, count: int) -> None:
    renderer = SlideRenderer(help_deck, load_theme(theme), SERVICES[:count])
    for view in (help_view(help_deck), SlideView(0, overlay=Overlay.HELP)):
        frame = renderer.frame(view)
        assert frame.hidden_contacts == 0 and not frame.overflow
        assert_readable(frame, renderer)
        text = plain_text(frame)
        for contact in SERVICES[:count]:
            assert contact.name in text and contact.reach in text and contact.when in text
        assert "More contacts" not in text
        for size in SIZES:
            image = renderer.image(view, size)
            assert (image.width(), image.height()) == (size.width(), size.height())
            assert ink_share(image, QColor(frame.background)) > 0.01


def contact_blocks(frame: Frame) -> list[TextBlock]:
    """The contacts' blocks: after the words above them, without "More contacts"."""
    return [b for b in frame.blocks[1:] if "More contacts" not in b.doc.toPlainText()]


@pytest.mark.parametrize("count", [3, 5, 8])
def test_one_column_up_to_three_then_two(help_deck: Deck, count: int) -> None:
    renderer = SlideRenderer(help_deck, load_theme("default"), SERVICES[:count])
    blocks = contact_blocks(renderer.frame(help_view(help_deck)))
    assert len(blocks) == count
    lefts = sorted({round(b.rect.left()) for b in blocks})
    assert len(lefts) == (1 if count <= 3 else 2)
    if count > 3:  # row by row: the second contact sits beside the first
        assert blocks[1].rect.left() > blocks[0].rect.right()
        assert blocks[1].rect.top() == pytest.approx(blocks[0].rect.top())


@pytest.mark.parametrize("count", [1, 4, 8])
def test_the_number_is_the_largest_text_and_never_broken(help_deck: Deck, count: int) -> None:
    renderer = SlideRenderer(help_deck, load_theme("high-contrast"), SERVICES[:count])
    for block in contact_blocks(renderer.frame(help_view(help_deck))):
        paragraphs = []
        part = block.doc.begin()
        while part.isValid():
            paragraphs.append((part.text(), part.charFormat().font().pixelSize(), part.layout()))
            part = part.next()
        name, reach, when = paragraphs
        assert reach[1] > name[1] > when[1]
        assert reach[2].lineCount() == 1, reach[0]
        assert when[1] >= 0.8 * renderer.theme.sizes.floor - 1


def test_a_short_list_is_drawn_larger_than_a_long_one(help_deck: Deck) -> None:
    def reach_size(count: int) -> int:
        renderer = SlideRenderer(help_deck, load_theme("default"), SERVICES[:count])
        block = contact_blocks(renderer.frame(help_view(help_deck)))[0]
        return block.doc.begin().next().charFormat().font().pixelSize()

    assert reach_size(1) > reach_size(4) > reach_size(8) >= 0.8 * 76


def test_numbers_keep_together() -> None:
    assert keep_together("Call 01632 960 123") == "Call 01632\u00a0960\u00a0123"
    assert keep_together("Text SHOUT to 85258") == "Text SHOUT to 85258"


@pytest.mark.parametrize("size", SIZES)
def test_too_many_contacts_show_what_fits_and_send_to_the_facilitator(
    help_deck: Deck, size: QSize
) -> None:
    renderer = SlideRenderer(help_deck, load_theme("default"), SERVICES)
    frame = renderer.frame(help_view(help_deck))
    assert 0 < frame.hidden_contacts < len(SERVICES) - 6  # at least eight still shown
    assert frame.overflow
    assert_readable(frame, renderer)
    text = plain_text(frame)
    assert "More contacts: ask the facilitator" in text
    shown = len(SERVICES) - frame.hidden_contacts
    assert all(c.reach in text for c in SERVICES[:shown])
    assert not any(c.reach in text for c in SERVICES[shown:])
    image = renderer.image(help_view(help_deck), size)
    assert ink_share(image, QColor(frame.background)) > 0.01


def test_right_to_left_puts_the_first_contact_on_the_right(tmp_path: Path, qapp: object) -> None:
    deck = deck_from(tmp_path / "ar", HELP_DECK.replace("title: T", "title: T\nlanguage: ar"))
    renderer = SlideRenderer(deck, load_theme("default"), SERVICES[:4])
    blocks = contact_blocks(renderer.frame(help_view(deck)))
    assert blocks[0].rect.left() > blocks[1].rect.right()


def deck_with_contacts(folder: Path, count: int) -> Deck:
    items = "".join(
        f'  - {{name: "{c.name}", reach: "{c.reach}", when: "{c.when}"}}\n'
        for c in SERVICES[:count]
    )
    return deck_from(folder, HELP_DECK.replace("title: T\n", f"title: T\nhelp:\n{items}"))


def help_warnings(deck: Deck) -> list[tuple[int, str]]:
    found = check_deck(deck, extra=provide_checks())
    return [(d.line, d.message) for d in found if "help contacts" in d.message]


def test_check_warns_for_a_help_list_that_cannot_fit(tmp_path: Path, qapp: object) -> None:
    fine = deck_with_contacts(tmp_path / "eight", 8)
    assert fine.ok, fine.diagnostics
    assert help_warnings(fine) == []
    long = deck_with_contacts(tmp_path / "twelve", 12)
    warnings = help_warnings(long)
    help_line = long.path.read_text("utf-8").splitlines().index("help:") + 1
    slide_line = next(s.line for s in long.slides if s.kind == "help")
    assert [line for line, _ in warnings] == [help_line, slide_line]
    assert all("of 12 help contacts do not fit" in message for _, message in warnings)
    # ...said once per place, not again as a generic overflow of the help slide.
    found = check_deck(long, extra=provide_checks())
    assert not any(d.line == slide_line and "text overflows" in d.message for d in found)


def test_the_help_screen_without_a_help_slide_is_checked_too(tmp_path: Path, qapp: object) -> None:
    deck = deck_with_contacts(tmp_path / "d", 12)
    text = deck.path.read_text("utf-8").replace("kind: help", "kind: content")
    deck = deck_from(tmp_path / "d", text)
    assert [m for _, m in help_warnings(deck)] and all(
        "help screen (H)" in m for _, m in help_warnings(deck)
    )


def test_contacts_stay_inside_at_any_target(help_deck: Deck) -> None:
    """Letterboxed on 4:3 the canvas is the same layout, so nothing can clip."""
    from presenter.render import canvas_transform

    renderer = SlideRenderer(help_deck, load_theme("default"), SERVICES[:8])
    scale, canvas = canvas_transform(QRectF(0, 0, 1024, 768))
    frame = renderer.frame(help_view(help_deck))
    for block in frame.blocks:
        shown = QRectF(
            canvas.left() + block.rect.left() * scale,
            canvas.top() + block.rect.top() * scale,
            block.rect.width() * scale,
            block.rect.height() * scale,
        )
        assert canvas.contains(shown)
