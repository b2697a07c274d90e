"""Extract, update and compile the app's gettext catalogues, in one reproducible command.

    python -m tests.tools.catalogues            # extract, update every .po, compile .mo
    python -m tests.tools.catalogues --check    # fail if anything is out of date (CI)
    python -m tests.tools.catalogues --merge fr=presenter/locale/fr.json
    python -m tests.tools.catalogues --untranslated DIR   # DIR/<lang>.json to fill in

The template ``presenter/locale/presenter.pot`` holds every string passed to ``t()``,
``ctx.tr()`` and ``tn()`` (extracted with Babel, as ``babel.cfg`` documents) plus the
strings kept as data and translated through a variable (``DATA_STRINGS``). Each
``<lang>/LC_MESSAGES/presenter.po`` is updated against it (new strings added untranslated,
removed ones dropped) and compiled to the ``presenter.mo`` the app reads. The compiled
files are committed, so a source checkout and the frozen build need no build step;
``--check`` (run by the test suite) keeps them in step with the ``.po`` sources.

``--merge LANG=FILE.json`` adds the translations of an old JSON catalogue (English text
to translation; a list for plural forms) to LANG's .po and, for ``presenter/locale/*.json``,
deletes the JSON once merged: re-run it after any branch still adds to ``fr.json``.
This module ships nowhere: it lives under ``tests/``.
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "presenter"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "presenter.pot"
KEYWORDS = {"t": None, "tr": None, "tn": (1, 2)}
# gettext's own plural rules, as translators' tools expect them (CLDR's extra "many"
# forms for millions in French, Spanish and Portuguese are left out on purpose).
PLURALS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "pt": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
}
NAMES = {"fr": "French", "es": "Spanish", "pt": "Portuguese", "ar": "Arabic"}
FIXED_DATE = datetime(2026, 1, 1)  # no timestamps in the files: diffs show only real changes


def data_strings() -> dict[str, str]:
    """Strings kept as data and translated through a variable, with where they live."""
    from presenter.core.deck.kinds import KINDS
    from presenter.core.deck.model import DiscussionData, MythData
    from presenter.export.registry import FORMATS
    from presenter.ui.presenting.keys import KEY_TABLE

    found = {
        DiscussionData(None, fmt, ()).format_label: "presenter/core/deck/model.py"
        for fmt in ("solo", "pairs", "groups", "whole room")
    }
    for kind in KINDS.values():
        found[kind.label] = "presenter/core/deck/kinds.py"
        found[kind.document_label()] = "presenter/core/deck/kinds.py"
    for fmt in FORMATS:
        found[fmt.label] = "presenter/export/registry.py"
    for row in KEY_TABLE:
        found[row.short] = "presenter/ui/presenting/keys.py"
        if row.typed:
            found[row.typed] = "presenter/ui/presenting/keys.py"
    for answer in ("myth", "reality"):
        found[MythData("", "", (), None, answer).answer_label] = "presenter/core/deck/model.py"
    return found


def extract() -> Catalog:
    """Every translatable string of the app, as a template catalogue."""
    template = Catalog(
        project="Workshop Presenter", version="0.1", creation_date=FIXED_DATE, fuzzy=False
    )
    method_map = [("**.py", "tests.tools.extract:extract_python_ast")]
    found = extract_from_dir(
        str(PACKAGE), method_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    )
    for filename, lineno, message, comments, context in found:
        where = (f"presenter/{filename}", lineno)
        template.add(message, None, [where], auto_comments=comments, context=context)
    for text, where in data_strings().items():
        template.add(text, None, [(where, 0)])
    return template


def new_catalogue(language: str) -> Catalog:
    header = (
        'msgid ""\nmsgstr ""\n'
        f'"Language: {language}\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        f'"Plural-Forms: {PLURALS[language]}\\n"\n'
    )
    return read_po(io.StringIO(header), locale=language)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "presenter.po"


def load(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return new_catalogue(language)
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def merge_json(catalogue: Catalog, entries: dict[str, object]) -> int:
    """Add translations from an old JSON catalogue where the .po has none. Returns how many."""
    added = 0
    for msgid, value in entries.items():
        message = catalogue.get(msgid)
        if message is None:
            catalogue.add(msgid, None)
            message = catalogue.get(msgid)
        if message is None or _translated(message.string):
            continue
        if message.pluralizable and isinstance(value, list):
            if not all(isinstance(v, str) and v for v in value):
                continue  # a form left empty: still to translate
            message.string = tuple(value)
        elif not message.pluralizable and isinstance(value, str) and value:
            message.string = value
        else:
            continue
        added += 1
    return added


def _translated(string: object) -> bool:
    if isinstance(string, (tuple, list)):
        return all(string)
    return bool(string)


def render(catalogue: Catalog, *, template: bool = False) -> bytes:
    out = io.BytesIO()
    # File names without line numbers: translators see where a string is used, and
    # editing code elsewhere does not churn every catalogue.
    write_po(out, catalogue, width=100, sort_output=True, omit_header=False,
             ignore_obsolete=True, include_previous=False, include_lineno=False)  # fmt: skip
    return out.getvalue()


def compiled(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def languages() -> list[str]:
    on_disk = {p.parent.parent.name for p in LOCALE.glob("*/LC_MESSAGES/presenter.po")}
    return sorted(on_disk | set(PLURALS))


def build(merges: Iterable[tuple[str, Path]] = ()) -> dict[Path, bytes]:
    """Every catalogue file as it should be, keyed by path."""
    import json

    template = extract()
    files = {TEMPLATE: render(template, template=True)}
    pending = dict(merges)
    legacy = LOCALE / "fr.json"
    if legacy.exists():
        pending.setdefault("fr", legacy)
    for language in languages():
        catalogue = load(language)
        if language in pending:
            merge_json(catalogue, json.loads(pending[language].read_text("utf-8")))
        catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalogue.revision_date = FIXED_DATE
        catalogue.creation_date = FIXED_DATE
        catalogue.language_team = f"{NAMES.get(language, language)} <none>"
        catalogue.last_translator = "Workshop Presenter translators"
        catalogue.fuzzy = False
        files[po_path(language)] = render(catalogue)
        files[po_path(language).with_suffix(".mo")] = compiled(catalogue)
    return files


def stale(files: dict[Path, bytes]) -> list[Path]:
    """The files whose messages differ from what they should be (where strings sit in the
    source does not count, so moving code around never makes a catalogue stale)."""
    return [path for path, data in files.items() if _content(path, data) != _on_disk(path)]


def _on_disk(path: Path) -> object:
    return _content(path, path.read_bytes()) if path.exists() else None


def _content(path: Path, data: bytes) -> object:
    if path.suffix == ".mo":
        return data
    catalogue = read_po(io.BytesIO(data))
    header = catalogue.plural_forms if path.suffix == ".po" else ""
    return header, sorted((str(m.id), str(m.string)) for m in catalogue if m.id)


def write_untranslated(folder: Path) -> int:
    """Each language's missing strings as JSON (plural ones as lists), for ``--merge``."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    for language in languages():
        catalogue = load(language)
        catalogue.update(extract(), no_fuzzy_matching=True, update_header_comment=False)
        todo: dict[str, object] = {}
        for message in catalogue:
            if message.id and not _translated(message.string):
                if isinstance(message.id, tuple):
                    todo[message.id[0]] = [""] * catalogue.num_plurals
                else:
                    todo[message.id] = ""
        (folder / f"{language}.json").write_text(
            json.dumps(todo, ensure_ascii=False, indent=1), "utf-8"
        )
        print(f"{language}: {len(todo)} to translate in {folder / f'{language}.json'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what is stale")
    parser.add_argument("--merge", action="append", default=[], metavar="LANG=FILE.json")
    parser.add_argument("--untranslated", metavar="DIR", help="write DIR/<lang>.json to fill in")
    args = parser.parse_args(argv)
    if args.untranslated:
        return write_untranslated(Path(args.untranslated))
    merges = [(m.split("=", 1)[0], Path(m.split("=", 1)[1])) for m in args.merge]
    files = build(merges)
    out_of_date = stale(files)
    if args.check:
        for path in out_of_date:
            print(f"{path.relative_to(ROOT)}: out of date; run python -m tests.tools.catalogues")
        legacy = sorted(LOCALE.glob("*.json"))
        for path in legacy:
            print(f"{path.relative_to(ROOT)}: merge it into the .po with --merge")
        return 1 if out_of_date or legacy else 0
    for path, data in files.items():
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(f"wrote {path.relative_to(ROOT)}")
    for _language, source in [*merges, ("fr", LOCALE / "fr.json")]:
        if source.exists() and source.parent == LOCALE and source.suffix == ".json":
            source.unlink()
            print(f"merged and removed {source.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
