"""A photo shown on many slides is embedded in the PDF once, not once per page."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.render.conftest import deck_from, make_image


def image_objects(path: Path) -> tuple[int, int]:
    """(image uses over all pages, distinct image objects)."""
    uses, distinct = 0, set()
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for name in xobjects:
            ref = xobjects.raw_get(name)
            if xobjects[name].get("/Subtype") == "/Image":
                uses += 1
                distinct.add(ref.idnum)
    return uses, len(distinct)


def test_each_photo_is_embedded_once(tmp_path: Path, qapp: object, monkeypatch) -> None:
    from presenter.export import export_slides_pdf
    from presenter.render import images

    # The ordinary cache holds one photo: shown in turn, they would all be decoded again.
    monkeypatch.setattr(images.STORE, "max_bytes", 1)
    folder = tmp_path / "d"
    for n in range(3):
        make_image(folder / f"p{n}.jpg", 1600, 1200)
    slides = "\n---\n".join(f"# Photo {i}\n\n![p](p{i % 3}.jpg)\n" for i in range(12))
    deck = deck_from(folder, "---\ntitle: Photos\n---\n" + slides)
    export_slides_pdf(deck, tmp_path / "out.pdf")
    uses, distinct = image_objects(tmp_path / "out.pdf")
    assert uses == 12
    assert distinct == 3
