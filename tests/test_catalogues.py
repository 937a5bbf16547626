"""The interface's message catalogues are complete, compiled, and cover every template string."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ["tr", "en"]
SAME_IN_BOTH_LANGUAGES = {"Excel (.xlsx)"}


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = catalogue(language)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"
    with path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            got = compiled.ngettext(entry.msgid, entry.msgid_plural, 1)
            want = entry.msgstr_plural[0]
        elif entry.msgctxt:
            got, want = compiled.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
        else:
            got, want = compiled.gettext(entry.msgid), entry.msgstr
        if got != want:
            stale.append(entry.msgid)
    assert stale == [], "run `make messages` to recompile"


def test_turkish_catalogue_really_is_turkish():
    po = catalogue("tr")
    assert po.find("Departments").msgstr == "Daireler"
    same = [e.msgid for e in po.translated_entries() if e.msgstr == e.msgid and len(e.msgid) > 12]
    same = [msgid for msgid in same if msgid not in SAME_IN_BOTH_LANGUAGES]
    assert same == []


def test_every_interface_string_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh (GNU xgettext) and compare with what is committed."""
    if not shutil.which("xgettext"):
        message = "GNU gettext is needed for this test: apt-get install gettext"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    for name in ["ddo_learn", "quizzes", "lti", "live", "templates", "manage.py"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
        else:
            shutil.copy(source, tmp_path / name)
    (tmp_path / "locale" / "tr" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "tr", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DATABASE_URL": "sqlite:///:memory:"},
    )
    extracted = {e.msgid for e in polib.pofile(str(tmp_path / "locale" / "tr" / "LC_MESSAGES" / "django.po"))}
    committed = {e.msgid for e in catalogue("tr") if not e.obsolete}
    assert sorted(extracted - committed) == [], "run `make messages` and translate the new strings"
