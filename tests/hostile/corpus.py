"""A corpus of hostile decks, generated into a folder: one per class of attack or damage.

Every deck sits in its own folder under ``<root>/decks/``; canary files sit outside all
of them in ``<root>/canary/``, so a test can tell whether anything outside a deck's
folder was opened. ``build(root)`` returns ``{name: deck folder}``.
"""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

FRONT = "---\ntitle: Hostile\ncontent_warning: none\n---\n"
CANARY = "canary"


def png(width: int = 4, height: int = 3, *, truncate: int | None = None) -> bytes:
    """A valid RGB PNG of the given size (``truncate``: keep only that many bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x40\x20" * width for _ in range(min(height, 64)))
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return data[:truncate] if truncate is not None else data


GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def _svg(href: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100">'
        f'<image x="0" y="0" width="200" height="100" xlink:href="{href}"/></svg>'
    ).encode()


Maker = Callable[[Path, Path], None]  # (deck folder, canary folder)
MAKERS: dict[str, Maker] = {}


def deck(name: str) -> Callable[[Maker], Maker]:
    def register(fn: Maker) -> Maker:
        MAKERS[name] = fn
        return fn

    return register


def write(folder: Path, body: str, front: str = FRONT) -> None:
    (folder / "deck.md").write_text(front + body, "utf-8")


@deck("html-title-devzero")
def _(folder: Path, canary: Path) -> None:
    write(
        folder,
        '## <img src="/dev/zero">\n\ntext\n\n---\n\n'
        f'## <img src="{canary}/secret.png"> next\n\n???\n<img src="{canary}/secret.png">\n',
        front=f'---\ntitle: "<img src={canary}/secret.png>"\ncontent_warning: none\n---\n',
    )


@deck("yaml-surrogate-title")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front='---\ntitle: "Workshop \\ud800"\n---\n')


@deck("yaml-surrogate-myth")
def _(folder: Path, canary: Path) -> None:
    write(folder, 'kind: myth\nmyth: "A \\udfff"\nreality: B\nsource: S 2024\n---\n')


@deck("steps-3000")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Steps\n" + "- item\n--\n" * 3000)


@deck("steps-20000")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Steps\n" + "--\n" * 20000)


@deck("svg-external-refs")
def _(folder: Path, canary: Path) -> None:
    (folder / "a.svg").write_bytes(_svg(f"{canary}/secret.png"))
    (folder / "b.svg").write_bytes(_svg("../../canary/secret.png"))
    (folder / "c.svg").write_bytes(_svg(f"file://{canary}/secret.png"))
    write(folder, "# SVG\n\n![a](a.svg)\n\n---\n\n![b](b.svg)\n\n---\n\n![c](c.svg)\n")


@deck("svg-as-png")
def _(folder: Path, canary: Path) -> None:
    (folder / "pic.png").write_bytes(_svg(f"{canary}/secret.png"))
    write(folder, "# Renamed\n\n![p](pic.png)\n")


@deck("svg-entity")
def _(folder: Path, canary: Path) -> None:
    entity = f'<!DOCTYPE svg [<!ENTITY x SYSTEM "{canary}/secret.json">]>'
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>&x;</text></svg>'
    (folder / "e.svg").write_text('<?xml version="1.0"?>' + entity + svg, "utf-8")
    write(folder, "# Entity\n\n![e](e.svg)\n")


@deck("language-path-traversal")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front="---\ntitle: L\nlanguage: ../../../canary/secret\n---\n")


@deck("language-absolute")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front=f"---\ntitle: L\nlanguage: {canary}/secret\n---\n")


@deck("deck-symlink-outside")
def _(folder: Path, canary: Path) -> None:
    os.symlink(canary / "deck.md", folder / "deck.md")


@deck("help-symlink-outside")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n\n---\nkind: help\n---\n## Help\n")
    os.symlink(canary / "help.yaml", folder / "help.yaml")


@deck("help-hostile")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n\n---\nkind: help\n---\n## Help\n")
    contacts = "".join(
        f"  - name: Contact {i} with a rather long name for a line\n"
        f"    reach: 0800 {i:04d} 111 222\n    when: Monday to Friday, 9 to 5\n"
        + ("    colour: red\n" if i % 7 == 0 else "")
        for i in range(300)
    )
    (folder / "help.yaml").write_text("help:\n" + contacts, "utf-8")


@deck("notes-relative-image")
def _(folder: Path, canary: Path) -> None:
    (folder / "images").mkdir()
    (folder / "images" / "ok.png").write_bytes(png())
    write(folder, "# Notes\n\n???\nLook: ![ok](images/ok.png)\n")


@deck("symlink-loop")
def _(folder: Path, canary: Path) -> None:
    os.symlink("b.png", folder / "a.png")
    os.symlink("a.png", folder / "b.png")
    write(folder, "# Loop\n\n![x](a.png)\n")


@deck("path-name-too-long")
def _(folder: Path, canary: Path) -> None:
    write(folder, f"# Long\n\n![x]({'n' * 300}.png)\n")


@deck("path-very-long")
def _(folder: Path, canary: Path) -> None:
    write(folder, f"# Long\n\n![x]({'/'.join(['abcdefgh'] * 600)}.png)\n")


@deck("hardlink-canary")
def _(folder: Path, canary: Path) -> None:
    os.link(canary / "secret.png", folder / "linked.png")
    write(folder, "# Hard\n\n![x](linked.png)\n")


@deck("fifo-image")
def _(folder: Path, canary: Path) -> None:
    os.mkfifo(folder / "pipe.png")
    write(folder, "# Pipe\n\n![x](pipe.png)\n")


@deck("symlink-to-device")
def _(folder: Path, canary: Path) -> None:
    os.symlink("/dev/zero", folder / "zero.png")
    write(folder, "# Zero\n\n![x](zero.png)\n")


@deck("deck-name-newline")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n\n![x](missing\nFAKE.md:99:1: error: injected.png)\n")
    (folder / "deck.md").rename(folder / "x\nFAKE.md:99:1: error: injected diagnostic\n.md")


@deck("ansi-escape-injection")
def _(folder: Path, canary: Path) -> None:
    write(folder, "kind: content\n\x1b[2J\x1b]0;pwned\x07: 1\n---\n# Hi\n")


@deck("img-truncated-png")
def _(folder: Path, canary: Path) -> None:
    (folder / "t.png").write_bytes(png(40, 30, truncate=40))
    write(folder, "# T\n\n![t](t.png)\n")


@deck("img-empty-png")
def _(folder: Path, canary: Path) -> None:
    (folder / "e.png").write_bytes(b"")
    write(folder, "# E\n\n![e](e.png)\n")


@deck("img-text-as-png")
def _(folder: Path, canary: Path) -> None:
    (folder / "t.png").write_text("just some text, not a picture\n", "utf-8")
    write(folder, "# T\n\n![t](t.png)\n")


@deck("img-gif-as-png")
def _(folder: Path, canary: Path) -> None:
    (folder / "g.png").write_bytes(GIF)
    write(folder, "# G\n\n![g](g.png)\n")


@deck("img-huge-dimensions")
def _(folder: Path, canary: Path) -> None:
    (folder / "big.png").write_bytes(png(7000, 7000, truncate=None))
    write(folder, "# Big\n\n![b](big.png)\n")


@deck("theme-outside")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front="---\ntitle: T\ntheme: ../../canary/theme.yaml\n---\n")


@deck("theme-absolute")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front=f"---\ntitle: T\ntheme: {canary}/theme.yaml\n---\n")


@deck("theme-symlink-outside")
def _(folder: Path, canary: Path) -> None:
    os.symlink(canary / "theme.yaml", folder / "mine.yaml")
    write(folder, "# Hi\n", front="---\ntitle: T\ntheme: mine.yaml\n---\n")


@deck("theme-typo")
def _(folder: Path, canary: Path) -> None:
    write(folder, "# Hi\n", front="---\ntitle: T\ntheme: defualt\n---\n")


@deck("logo-outside")
def _(folder: Path, canary: Path) -> None:
    (folder / "t.yaml").write_text(f"logo: {canary}/secret.png\n", "utf-8")
    write(folder, "# Hi\n", front="---\ntitle: T\ntheme: t.yaml\n---\n")


@deck("yaml-typo-cascade")
def _(folder: Path, canary: Path) -> None:
    write(
        folder,
        'kind: myth\nid: online\nmyth: "unclosed\nreality: r\nsource: s 2024\n---\n\n---\n'
        "kind: recap\nmyths: [online]\n---\n",
    )


@deck("slides-10000")
def _(folder: Path, canary: Path) -> None:
    write(folder, "".join(f"# Slide {i}\n\nline {i}\n\n---\n" for i in range(10000)))


def build(root: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the canaries and the decks (all, or ``names``) under ``root``."""
    canary = root / CANARY
    (canary / "cwd" / "images").mkdir(parents=True, exist_ok=True)
    (canary / "secret.png").write_bytes(png(8, 8))
    (canary / "cwd" / "images" / "ok.png").write_bytes(png(8, 8))
    (canary / "secret.json").write_text('{"Myth": "CANARY-LEAK"}', "utf-8")
    (canary / "deck.md").write_text(FRONT + "# CANARY-LEAK-DECK\n", "utf-8")
    (canary / "help.yaml").write_text("help:\n  - name: CANARY-LEAK-HELP\n", "utf-8")
    (canary / "theme.yaml").write_text("name: canary\n", "utf-8")
    made: dict[str, Path] = {}
    for name, maker in MAKERS.items():
        if names is not None and name not in names:
            continue
        folder = root / "decks" / name
        folder.mkdir(parents=True, exist_ok=True)
        maker(folder, canary)
        made[name] = folder
    return made


def deck_file(folder: Path) -> Path:
    found = sorted(p for p in folder.iterdir() if p.name.endswith(".md"))
    return found[0] if found else folder / "deck.md"
