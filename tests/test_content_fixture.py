"""The office content in fixtures/content.json: the file, its counts, both languages, the quiz material.

These tests load the fixture file by its path, so they check the content even
where ``loaddata content`` (by name) is not wired up; one test checks the name.
The facts themselves (dates, decrees, names) and their provenance: tests/test_content_facts.py.
"""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from quizzes.content import load_content
from quizzes.languages import turkish_lower
from quizzes.models import (
    Decoy,
    Department,
    Duty,
    GlossaryTerm,
    Organisation,
    Source,
    TimelineEvent,
)
from tests import content_rows

pytestmark = pytest.mark.django_db

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "content.json"
CONTENT_MODELS = [Source, Organisation, Department, Duty, TimelineEvent, Decoy, GlossaryTerm]
TRANSLATED = {
    Source: ("title",),
    Organisation: ("name", "short_name", "summary"),
    Department: ("name", "focus"),
    Duty: ("text",),
    TimelineEvent: ("title", "description", "legal_reference"),
    Decoy: ("text",),
    GlossaryTerm: ("term", "definition"),
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture
def loaded(db):
    if not Source.objects.exists():
        content_rows.load_content((str(FIXTURE),))  # loaddata of the file, deserialized once per process


def norm(text):
    return " ".join(turkish_lower(text).replace("â", "a").split()).strip(" .")


def every_row():
    for model in CONTENT_MODELS:
        yield from model.objects.all()


# --- The file itself -------------------------------------------------------------


def test_file_uses_explicit_pks_readable_ascii_slugs_and_plain_equals_turkish():
    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    seen = set()
    for row in rows:
        assert isinstance(row["pk"], int)
        assert (row["model"], row["pk"]) not in seen
        seen.add((row["model"], row["pk"]))
        fields = row["fields"]
        assert fields["is_published"] is True
        if "slug" in fields:
            assert SLUG.match(fields["slug"]) and fields["slug"].isascii(), fields["slug"]
        for name, value in fields.items():
            if name.endswith("_tr"):
                plain = name[:-3]
                assert fields.get(plain) == value, f"{row['model']}:{row['pk']} {plain} != {name}"


def test_fixture_loads_by_name_as_conftest_and_load_demo_expect():
    # tests/conftest.py and load_demo call loaddata "content": Django must find fixtures/.
    fixture_dirs = [Path(d).resolve() for d in getattr(settings, "FIXTURE_DIRS", [])]
    if FIXTURE.parent.resolve() not in fixture_dirs:
        pytest.xfail("settings.FIXTURE_DIRS does not list fixtures/: loaddata content cannot find the file")
    call_command("loaddata", "content", verbosity=0)
    assert Department.objects.exists()


# --- Counts --------------------------------------------------------------------------


def test_counts_a_learner_would_notice(loaded):
    assert Department.objects.filter(listing=Department.Listing.SOURCE).count() == 5
    assert Department.objects.filter(listing=Department.Listing.OFFICIAL_2019).count() >= 7
    assert Duty.objects.filter(holder=Duty.Holder.OFFICE).count() == 11
    assert Duty.objects.filter(holder=Duty.Holder.TRANSFERRED).count() == 3
    assert TimelineEvent.objects.count() >= 10
    assert Decoy.objects.count() >= 8
    assert Decoy.objects.filter(kind=Decoy.Kind.DEPARTMENT).count() >= 4
    assert Decoy.objects.filter(kind=Decoy.Kind.DUTY).count() >= 4
    assert GlossaryTerm.objects.count() >= 15
    assert Organisation.objects.count() >= 3


def test_the_five_departments_are_the_ones_the_source_lists(loaded):
    names = set(Department.objects.filter(listing="source").values_list("name_tr", flat=True))
    assert names == {
        "Siber Güvenlik Dairesi Başkanlığı",
        "Dijital Dönüşüm ve e-Devlet Dairesi Başkanlığı",
        "Yapay Zekâ ve Veri Bilimi Dairesi Başkanlığı",
        "Bilgi ve İletişim Teknolojileri Dairesi Başkanlığı",
        "Yerli ve Millî Teknolojiler Dairesi Başkanlığı",
    }
    english = set(Department.objects.filter(listing="source").values_list("name_en", flat=True))
    assert "Department of Artificial Intelligence and Data Science" in english
    # The five are the source's grouping: taught "according to the source".
    assert set(Department.objects.filter(listing="source").values_list("confidence", flat=True)) == {"source_only"}


def test_official_2019_units_come_from_the_thesis_with_medium_confidence(loaded):
    units = Department.objects.filter(listing="official_2019")
    names = set(units.values_list("name_tr", flat=True))
    assert "Büyük Veri ve Yapay Zekâ Uygulamaları Dairesi Başkanlığı" in names
    assert "Dijital Dönüşüm Koordinasyon Dairesi Başkanlığı" in names
    assert "Hukuk Müşavirliği" in names
    assert {u.confidence for u in units} == {"medium"}
    assert {u.source.publisher for u in units} == {Source.objects.get(url__contains="9lib.net").publisher}


def test_event_years_span_the_story_from_2017_to_2025(loaded):
    years = {e.date.year for e in TimelineEvent.objects.all()}
    assert min(years) == 2017
    assert max(years) >= 2025
    assert {2017, 2018, 2019, 2021, 2025} <= years


# --- Both languages, valid rows -----------------------------------------------------------


def test_every_row_is_published_and_passes_full_clean(loaded):
    for row in every_row():
        assert row.is_published, row
        row.full_clean()


def test_every_published_item_has_both_languages(loaded):
    for row in every_row():
        assert row.missing_translations() == [], (row, row.missing_translations())
        for field in TRANSLATED[type(row)]:
            if field in row.optional_translated_fields:
                continue
            tr, en = getattr(row, f"{field}_tr"), getattr(row, f"{field}_en")
            assert tr.strip() and en.strip(), (row, field)
            if not isinstance(row, Organisation):  # a proper name may be the same in both
                assert tr != en or field == "legal_reference", (row, field, tr)


def test_optional_legal_reference_is_filled_in_both_or_neither(loaded):
    for e in TimelineEvent.objects.all():
        assert bool(e.legal_reference_tr) == bool(e.legal_reference_en), e.slug


def test_every_fact_points_to_a_published_source_with_a_link(loaded):
    for source in Source.objects.all():
        assert source.is_published and source.url.startswith("http") and source.publisher
    for model in (Organisation, Department, Duty, TimelineEvent):
        for row in model.objects.select_related("source"):
            assert row.source.is_published, row


def test_turkish_is_spelled_with_its_own_letters(loaded):
    turkish = []
    for row in every_row():
        for field in TRANSLATED[type(row)]:
            turkish.append(getattr(row, f"{field}_tr"))
    joined = " ".join(turkish)
    for wrong in ("Hükumet", "Cumhurbaskanligi", "Donusum", "Guvenlik", "Baskanligi", "1 numaraları Cumhurbaşkanlığı"):
        assert wrong not in joined, wrong
    assert "Hükümet" in joined and "İletişim" in joined and "Zekâ" in joined


def test_timeline_titles_render_without_html_escaping(loaded):
    # The timeline page test looks for each English title verbatim in the HTML.
    for e in TimelineEvent.objects.all():
        assert not set("'\"&<>") & set(e.title_en), e.title_en


def test_no_definition_gives_its_own_term_away(loaded):
    # "Which term does this definition describe?" must not quote the answer.
    for term in GlossaryTerm.objects.all():
        for language in ("tr", "en"):
            word = norm(getattr(term, f"term_{language}"))
            assert word not in norm(getattr(term, f"definition_{language}")), (term.slug, language)


def test_organisations_have_a_real_short_name(loaded):
    for o in Organisation.objects.all():
        assert o.short_name_tr != o.name_tr and o.short_name_en != o.name_en, o.slug
    successor = Organisation.objects.get(slug="siber-guvenlik-baskanligi")
    office = Organisation.objects.get(slug="ddo")
    # The body founded in the year the office closed is the one that took over its duties.
    founded_that_year = [
        o
        for o in Organisation.objects.exclude(pk=office.pk)
        if o.founded_on and o.founded_on.year == office.closed_on.year
    ]
    assert founded_that_year == [successor]


def test_glossary_terms_render_verbatim_and_are_unique(loaded):
    terms_tr = list(GlossaryTerm.objects.values_list("term_tr", flat=True))
    assert len({norm(t) for t in terms_tr}) == len(terms_tr)
    for t in terms_tr:
        assert not set("'\"&<>") & set(t), t
    expected = {
        "kararname",
        "Cumhurbaşkanlığı Hükümet Sistemi",
        "daire başkanlığı",
        "e-Devlet",
        "Cumhurbaşkanlığı Kararnamesi",
        "Resmî Gazete",
        "siber güvenlik",
        "büyük veri",
        "yapay zekâ",
        "dijital dönüşüm",
        "açık veri",
    }
    assert expected <= set(terms_tr)
    assert GlossaryTerm.objects.get(term_tr="Resmî Gazete").term_en == "Official Gazette"


# --- Quiz material: distinct options, decoys that are never true ---------------------------


def test_department_names_and_focuses_are_distinct_in_each_language(loaded):
    for language in ("tr", "en"):
        names = [norm(n) for n in Department.objects.values_list(f"name_{language}", flat=True)]
        names += [norm(n) for n in Decoy.objects.filter(kind="department").values_list(f"text_{language}", flat=True)]
        assert len(names) == len(set(names)), language
        focuses = [norm(f) for f in Department.objects.values_list(f"focus_{language}", flat=True)]
        assert len(focuses) == len(set(focuses)), language
        duties = [norm(t) for t in Duty.objects.values_list(f"text_{language}", flat=True)]
        duties += [norm(t) for t in Decoy.objects.filter(kind="duty").values_list(f"text_{language}", flat=True)]
        assert len(duties) == len(set(duties)), language


def test_no_decoy_coincides_with_or_contains_a_real_department_or_duty(loaded):
    for language in ("tr", "en"):
        real = [norm(n) for n in Department.objects.values_list(f"name_{language}", flat=True)]
        real += [norm(t) for t in Duty.objects.values_list(f"text_{language}", flat=True)]
        for decoy in Decoy.objects.all():
            text = norm(getattr(decoy, f"text_{language}"))
            for truth in real:
                assert text != truth and text not in truth and truth not in text, (decoy.slug, truth)


def test_decoys_stay_outside_the_office_field_and_say_why(loaded):
    # FACTS.md: department decoys must be plainly outside the office's field, never a real unit.
    # Duty decoys (issue 18) come from the same field, so nobody can rule them out by their topic alone,
    # and each is defensibly false: its note names the law that gives the duty to another body.
    field_words = ("dijital", "siber", "veri", "yapay", "bilgi", "iletişim", "teknoloji", "e-devlet", "strateji")
    for decoy in Decoy.objects.all():
        assert decoy.editor_note.strip(), decoy.slug
        text = turkish_lower(decoy.text_tr)
        if decoy.kind == Decoy.Kind.DEPARTMENT:
            assert not any(word in text for word in field_words), decoy.text_tr
        else:
            assert re.search(r"(Law|Code).*No\. \d+", decoy.editor_note), decoy.slug
        assert "decoy" not in (decoy.text_tr + decoy.text_en).lower()  # the take page must never say it


def test_hard_duty_questions_offer_decoys_from_the_office_field(loaded):
    """Issue 18: "passed to the Cyber Security Presidency" paired the one digital duty with elections and tax."""
    field_words = ("dijital", "siber", "veri", "e-imza", "istatistik", "haberleşme", "alan adları", "yayın")
    decoys = Decoy.objects.filter(kind=Decoy.Kind.DUTY)
    assert decoys.count() >= 6
    for decoy in decoys:
        assert any(word in turkish_lower(decoy.text_tr) for word in field_words), decoy.text_tr


def test_load_content_returns_every_item(loaded):
    content = load_content()
    expected = {
        "organisations": Organisation,
        "departments": Department,
        "duties": Duty,
        "events": TimelineEvent,
        "decoys": Decoy,
        "terms": GlossaryTerm,
    }
    for attribute, model in expected.items():
        keys = {item.key for item in getattr(content, attribute)}
        assert keys == set(model.objects.values_list("slug", flat=True)), attribute
    office_duties = [d for d in content.duties if d.holder == "office"]
    assert len(office_duties) == 11
    closure = next(e for e in content.events if e.decree_number == 183)
    assert closure.precision == "month" and closure.source.url
    assert all(d.text.tr and d.text.en for d in content.decoys)


def test_every_generated_key_fits_the_answer_columns(content):
    """PostgreSQL refuses a string longer than its column (SQLite would hide it)."""
    from quizzes.generation import all_question_keys, generate_from_keys
    from quizzes.models import Answer

    key_limit = Answer._meta.get_field("question_key").max_length
    choice_limit = Answer._meta.get_field("choice").max_length
    keys = [key for topic_keys in all_question_keys(load_content()).values() for key in topic_keys]
    assert keys and max(len(key) for key in keys) <= key_limit
    options = [o["key"] for q in generate_from_keys(load_content(), keys, seed=1) for o in q["options"]]
    assert max(len(key) for key in options) <= choice_limit
