"""Slides read images only from inside the deck's folder; everything else is a placeholder.

Qt's own loadResource reads any path, and if an override answers None Qt reads the raw
path itself (reliability research §2). So a refused image must come back as a non-null
placeholder, and the file behind it must never be decoded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import QImage, QTextDocument

from presenter.render import document
from presenter.render.document import DeckDocument
from presenter.render.textfit import TextStyle, fit_text
from presenter.render.theme import load_theme
from tests.render.conftest import make_image


@pytest.fixture
def folders(tmp_path: Path, qapp: object) -> tuple[Path, Path]:
    deck = tmp_path / "deck"
    make_image(deck / "images" / "ok.png", 300, 200)
    secret = make_image(tmp_path / "secret.png", 900, 900)
    return deck, secret


def layout_height(folder: Path, src: str) -> float:
    doc = DeckDocument(folder)
    doc.setHtml(f'<p><img src="{src}"></p>')
    doc.setTextWidth(2000)
    return doc.size().height()


def refused_refs(deck: Path, secret: Path) -> list[str]:
    return [
        str(secret),  # absolute
        secret.as_uri(),  # file:///...
        "../secret.png",
        "images/../../secret.png",
        "%2E%2E/secret.png",
        "https://example.org/a.png",
        "//server/share/a.png",  # UNC: an SMB connection on Windows
        "file://server/share/a.png",
        "C:/Windows/a.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "qrc:/a.png",
        "images\\ok.png",
    ]


def test_refused_images_get_a_non_null_placeholder(folders: tuple[Path, Path]) -> None:
    deck, secret = folders
    doc = DeckDocument(deck)
    for ref in refused_refs(deck, secret):
        result = doc.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(ref))
        assert isinstance(result, QImage), ref
        assert not result.isNull(), ref
        assert result.size().width() == 1, ref
    assert not doc.loaded


def test_refused_images_are_never_read(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spy on every image read: the file outside the deck folder is never one of them."""
    deck, secret = folders
    reads: list[Path] = []
    real_read = document.read_image
    real_size = document.image_size

    def spy_read(path: Path) -> QImage:
        reads.append(Path(path))
        return real_read(path)

    def spy_size(path: Path):  # type: ignore[no-untyped-def]
        reads.append(Path(path))
        return real_size(path)

    monkeypatch.setattr(document, "read_image", spy_read)
    monkeypatch.setattr(document, "image_size", spy_size)
    for ref in refused_refs(deck, secret):
        # The Qt side: with a 900 px image loaded the layout would be ~900 px high.
        assert layout_height(deck, ref) < 100, ref
        style = TextStyle.for_theme(load_theme("default"), False)
        fit_text(f'<p><img src="{ref}"></p>', style, QRectF(0, 0, 1700, 900), deck)
    assert secret.resolve() not in {p.resolve() for p in reads}
    # ...while an image inside the folder is read and laid out at its computed size.
    assert layout_height(deck, "images/ok.png") >= 200
    assert (deck / "images" / "ok.png").resolve() in {p.resolve() for p in reads}


def test_a_symlink_out_of_the_deck_folder_is_refused(folders: tuple[Path, Path]) -> None:
    deck, secret = folders
    link = deck / "images" / "link.png"
    try:
        link.symlink_to(secret)
    except OSError:
        pytest.skip("symlinks not available")
    assert layout_height(deck, "images/link.png") < 100


def test_no_deck_folder_means_no_images(folders: tuple[Path, Path]) -> None:
    deck, _ = folders
    assert layout_height(None, str(deck / "images" / "ok.png")) < 100  # type: ignore[arg-type]


def test_image_widths_are_pixels_computed_to_fit(folders: tuple[Path, Path]) -> None:
    deck, _ = folders
    make_image(deck / "images" / "wide.png", 4000, 1000)
    html = document.size_images('<p><img alt="x" src="images/wide.png"></p>', deck, 1600, 800)
    assert 'width="1600"' in html and 'height="400"' in html
    html = document.size_images('<img src="../secret.png">', deck, 1600, 800)
    assert 'width="1"' in html and "%" not in html


def test_stylesheets_and_other_resources_are_empty(folders: tuple[Path, Path]) -> None:
    deck, _ = folders
    doc = DeckDocument(deck)
    css = doc.loadResource(QTextDocument.ResourceType.StyleSheetResource.value, QUrl("a.css"))
    assert css == ""
