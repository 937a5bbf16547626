"""The readers refuse what the platforms refuse, and our exports keep to those rules with many variants.

A reader that accepted anything would prove nothing: each rule is shown refusing a broken file.
"""

import io
import zipfile

import pytest

from quizzes.interchange import FORMATS, Export, with_variants

from . import gift_reader, moodle_reader, qti_reader
from .html_text import ImportRefused

CATEGORY = '<question type="category"><category><text>$course$/top/X</text></category></question>'


def moodle(question_xml):
    return f"<quiz>{CATEGORY}{question_xml}</quiz>".encode()


NAME = "<name><text>q</text></name><questiontext format='html'><text>P</text></questiontext>"
FEEDBACK = "<generalfeedback format='html'><text>&lt;p&gt;E&lt;/p&gt;</text></generalfeedback>"
MC = f"<question type='multichoice'>{NAME}{FEEDBACK}<single>true</single>"
SUB = "<subquestion><text>{}</text><answer><text>{}</text></answer></subquestion>"


def answer(fraction, text, extra=""):
    return f"<answer fraction='{fraction}'><text>{text}</text><feedback><text>f</text></feedback>{extra}</answer>"


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        (
            f"{MC}{answer(100, 'a')}{answer(100, 'b')}</question>",
            "exactly one 100%",
        ),
        (
            f"{MC}{answer(100, 'a')}{answer(50, 'b')}</question>",
            "exactly one 100%",
        ),
        (f"<question type='numerical'>{NAME}{FEEDBACK}{answer(100, '2017')}</question>", "tolerance"),
        (
            f"<question type='matching'>{NAME}{FEEDBACK}{SUB.format('a', 1)}{SUB.format('b', 2)}</question>",
            "three answers",
        ),
        (
            MC.replace("<text>q</text>", "<text> </text>") + f"{answer(100, 'a')}{answer(0, 'b')}</question>",
            "without a name",
        ),
    ],
)
def test_the_moodle_reader_refuses_what_moodle_refuses(question, rule):
    with pytest.raises(ImportRefused, match=rule):
        moodle_reader.read(moodle(question))


def test_the_moodle_reader_refuses_an_idnumber_twice_in_a_category():
    question = (
        MC.replace("<single>", "<idnumber>k</idnumber><single>") + f"{answer(100, 'a')}{answer(0, 'b')}</question>"
    )
    with pytest.raises(ImportRefused, match="twice"):
        moodle_reader.read(moodle(question * 2))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("// [id:a]\n::a::[html]P: x{=a#f ~b#f ####<p>E</p>}", "unescaped ':'"),
        ("// [id:a]\n::a::[html]P{=a#f =b#f ####<p>E</p>}", "one right answer"),
        ("// [id:a]\n::a::[html]P{#2017 ####<p>E</p>}", "tolerance"),
        ("// [id:a]\n::a::[html]P\\x{=a ~b ####<p>E</p>}", "unknown escape"),
        ("::a::[html]P{=a ~b ####<p>E</p>}", "unique id"),
    ],
)
def test_the_gift_reader_refuses_broken_questions(text, rule):
    with pytest.raises(ImportRefused, match=rule):
        gift_reader.read(f"$CATEGORY: $course$/top/X\n\n{text}\n".encode())


def test_identifiers_are_unique_in_a_package_of_many_variants_in_both_languages(bank):
    # The same keys drawn by five seeds, in both languages: one package, every identifier once (Canvas refuses repeats).
    questions = tuple(pair for seed in (1, 2, 3, 4, 5) for pair in with_variants(bank[min(bank)][:40], seed))
    data = FORMATS["qti"].write(Export("Variants", questions, "both"))
    records = qti_reader.read(data)  # the reader refuses a package whose identifiers repeat
    assert len(records) == 400
    assert len({r["id"] for r in records}) == 400


def test_the_qti_reader_refuses_a_package_whose_identifiers_repeat(bank):
    data = FORMATS["qti"].write(Export("One", with_variants(bank[min(bank)][:1]), "tr"))
    source = zipfile.ZipFile(io.BytesIO(data))
    item = next(n for n in source.namelist() if n.startswith("items/"))
    copy = item.replace(".xml", "-copy.xml")  # the same item (so the same identifier) in a second file
    resource = (
        f'<resource identifier="RES_copy" type="imsqti_item_xmlv2p1" href="{copy}"><file href="{copy}"/></resource>'
    )
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w") as package:
        manifest = source.read("imsmanifest.xml").decode()
        package.writestr("imsmanifest.xml", manifest.replace("</resources>", resource + "</resources>"))
        package.writestr(item, source.read(item))
        package.writestr(copy, source.read(item))
    with pytest.raises(ImportRefused, match="identifiers repeat"):
        qti_reader.read(patched.getvalue())


def test_every_item_says_its_language(bank):
    data = FORMATS["qti"].write(Export("Both", with_variants(bank[min(bank)][:3]), "both"))
    package = zipfile.ZipFile(io.BytesIO(data))
    items = [n for n in package.namelist() if n.startswith("items/")]
    langs = [qti_reader.read_item(package.read(n))["language"] for n in items]
    assert langs == ["tr", "en"] * 3
    # One item per language, linked by the identifier they share.
    ids = [n.removeprefix("items/").removesuffix(".xml") for n in items]
    assert [i.rsplit("_", 1)[0] for i in ids[::2]] == [i.rsplit("_", 1)[0] for i in ids[1::2]]
