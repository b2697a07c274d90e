"""Every catalogue covers every string the app passes to ``t()``, ``ctx.tr()`` or ``tn()``.

The source is scanned with ``ast`` (implicitly joined literals and calls inside
f-strings included), so a new user-visible string without its translation in French,
Spanish, Portuguese and Arabic fails here; so does a stale compiled ``.mo``.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from presenter.support import i18n
from presenter.support.i18n import t, tn
from tests.tools import catalogues
from tests.tools.extract import calls

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "presenter"
LANGUAGES = ("fr", "es", "pt", "ar")
PLURAL_COUNTS = {"fr": 2, "es": 2, "pt": 2, "ar": 6}


def translated_strings(folder: Path = PACKAGE) -> dict[str, str]:
    """Every literal first argument of a translator call, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        for lineno, _name, args in calls(path.read_text("utf-8"), str(path)):
            found.setdefault(str(args[0]), f"{shown}:{lineno}")
    return found


def plural_strings(folder: Path = PACKAGE) -> dict[str, str]:
    """``tn(singular, plural, n)``: singular to plural."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for _lineno, name, args in calls(path.read_text("utf-8"), str(path)):
            if name == "tn":
                assert len(args) >= 2 and isinstance(args[1], str), f"{path}: tn needs two texts"
                found[str(args[0])] = args[1]
    return found


def all_strings() -> dict[str, str]:
    return {**catalogues.data_strings(), **translated_strings()}


def load(language: str) -> Catalog:
    with catalogues.po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_scan_finds_the_app_strings() -> None:
    found = translated_strings()
    assert "Sample workshops" in found  # the home window
    assert "Myth or reality?" in found  # what the audience sees, through ctx.tr
    assert "Breathe in slowly… and out." in found  # inside an f-string
    assert "{n} note" in plural_strings()
    assert len(found) > 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_catalogue_covers_every_string(language: str) -> None:
    catalogue = load(language)
    missing = {}
    for text, where in all_strings().items():
        message = catalogue.get(text)
        forms = message.string if message else ""
        if not message or not (all(forms) if isinstance(forms, tuple) else forms):
            missing[text] = where
    assert not missing, f"missing {language} translations:\n" + "\n".join(
        f"  {where}: {text!r}" for text, where in sorted(missing.items(), key=lambda i: i[1])
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language: str) -> None:
    wrong = []
    for message in load(language):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert isinstance(message.string, tuple)
            assert len(message.string) == PLURAL_COUNTS[language], message.id
            wanted = fields(message.id[1]) - {"n"}
            # A form may spell its number out ("ملاحظتان", two notes) but keeps the rest.
            wrong += [f for f in message.string if not wanted <= fields(f) <= fields(message.id[1])]
        elif fields(message.id) != fields(message.string) or not message.string.strip():
            wrong.append(message.string)
    assert not wrong


def test_the_compiled_catalogues_and_template_are_up_to_date() -> None:
    stale = catalogues.stale(catalogues.build())
    assert not stale, "run: python -m tests.tools.catalogues\n" + "\n".join(map(str, stale))
    assert not list((PACKAGE / "locale").glob("*.json")), "merge fr.json with the tool"


def test_every_language_is_offered() -> None:
    assert i18n.available_languages() == ["en", "ar", "es", "fr", "pt"]


def test_helper_uses_the_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "_console_language", "fr")
    assert t("Sample workshops") == "Ateliers d'exemple"
    assert t("Slide {n} of {total}", n=2, total=9) == "Diapositive 2 sur 9"
    assert t("Sample workshops", lang="en") == "Sample workshops"
    assert t("Sample workshops", lang="es") == "Talleres de ejemplo"
    assert t("Myth or reality?", lang="pt-BR") == "Mito ou realidade?"
    assert t("Myth or reality?", lang="ar") == "خرافة أم حقيقة؟"
    assert t("A string nobody translated") == "A string nobody translated"


def test_plural_forms_follow_each_language() -> None:
    assert [tn("{n} note", "{n} notes", n, lang="en") for n in (0, 1, 2)] == [
        "0 notes", "1 note", "2 notes"]  # fmt: skip
    assert [tn("{n} note", "{n} notes", n, lang="fr") for n in (0, 1, 2)] == [
        "0 note", "1 note", "2 notes"]  # fmt: skip
    assert tn("{n} error", "{n} errors", 1, lang="es") == "1 error"
    assert tn("{n} error", "{n} errors", 5, lang="pt") == "5 erros"
    arabic = [tn("{n} note", "{n} notes", n, lang="ar") for n in (0, 1, 2, 3, 11, 100, 103)]
    assert len(set(arabic[:6])) == 6, arabic  # zero, one, two, few, many, other
    assert arabic[3] == "3 ملاحظات" and arabic[6] == "103 ملاحظات"  # 103 counts as "few"
    assert tn("{n} minute", "{n} minutes", 2, lang="en", n="1.5") == "1.5 minutes"


def test_a_broken_translation_falls_back_to_english(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def gettext(self, text: str) -> str:
            return "{nope}"

        def ngettext(self, one: str, many: str, n: int) -> str:
            return "{nope}"

    monkeypatch.setattr(i18n, "translations", lambda language: Broken())
    assert t("Slide {n} of {total}", lang="xx", n=1, total=2) == "Slide 1 of 2"
    assert tn("{n} note", "{n} notes", 3, lang="xx") == "3 notes"


def test_a_damaged_catalogue_does_not_stop_the_app(monkeypatch, tmp_path) -> None:
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "presenter.mo").write_bytes(b"\x00garbage" * 10)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translations.cache_clear()
    try:
        assert t("Sample workshops", lang="xx") == "Sample workshops"
    finally:
        i18n.translations.cache_clear()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANG": "pt_BR.UTF-8"}, "pt"),
        ({"LANG": "ar_EG.UTF-8"}, "ar"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # not spoken: English, never German-less boxes
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "de:fr"}, "fr"),
        ({"LC_ALL": "C", "LANG": "C"}, "en"),
    ],
)
def test_follow_the_system_picks_a_supported_language(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    monkeypatch.setattr(i18n.locale, "getlocale", lambda: (None, None))
    monkeypatch.setattr(i18n, "_console_language", None)
    assert i18n.console_language() == expected


def test_a_missing_catalogue_entry_is_reported(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        'from presenter.support.i18n import t\nt("Brand new words")\nx = f"{t(\'In an f\')}"\n'
    )
    assert {"Brand new words", "In an f"} <= set(translated_strings(tmp_path))


def test_every_offered_language_has_its_own_name() -> None:
    assert set(i18n.available_languages()) <= set(i18n.LANGUAGE_NAMES)


def test_an_old_json_catalogue_merges_into_the_po() -> None:
    catalogue = catalogues.new_catalogue("ar")
    catalogue.add("Hello", None)
    catalogue.add(("{n} cat", "{n} cats"), None)
    added = catalogues.merge_json(
        catalogue,
        {"Hello": "مرحبا", "{n} cat": ["", "", "", "", "", ""], "Brand new": "جديد"},
    )
    assert added == 2 and catalogue.get("Hello").string == "مرحبا"
    assert catalogue.get("Brand new").string == "جديد"
    assert not any(catalogue.get("{n} cat").string)  # empty forms stay untranslated
    assert catalogue.num_plurals == 6
