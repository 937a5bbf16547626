"""The office content in fixtures/content.json: what a learner reads, checked against FACTS.md.

These tests load the fixture file by its path, so they check the content even
where ``loaddata content`` (by name) is not wired up; one test checks the name.
"""

import datetime
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
        call_command("loaddata", str(FIXTURE), verbosity=0)


def norm(text):
    return " ".join(turkish_lower(text).replace("â", "a").split()).strip(" .")


def event(decree=None, slug=None):
    if decree is not None:
        return TimelineEvent.objects.get(decree_number=decree)
    return TimelineEvent.objects.get(slug=slug)


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


# --- The key facts of FACTS.md, with exact dates and numbers -----------------------------


def test_founding_by_decree_no_1_on_10_july_2018(loaded):
    office = Organisation.objects.get(slug="ddo")
    assert office.name_tr == "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi"
    assert "Digital Transformation Office" in office.name_en
    assert office.founded_on == datetime.date(2018, 7, 10)
    founding = event(decree=1)
    assert (founding.date, founding.precision) == (datetime.date(2018, 7, 10), "day")
    assert "1 sayılı" in founding.title_tr and "Dijital Dönüşüm Ofisi" in founding.title_tr
    assert "Decree No. 1 " in founding.title_en + " " and "Digital Transformation Office" in founding.title_en
    assert "1 sayılı" in office.summary_tr and "Decree No. 1 " in office.summary_en


def test_closure_by_decree_no_183_in_march_2025_never_with_a_made_up_day(loaded):
    closure = event(decree=183)
    assert (closure.date.year, closure.date.month, closure.precision) == (2025, 3, "month")
    assert "183 sayılı" in closure.title_tr and "kapatıldı" in closure.title_tr
    assert "Decree No. 183" in closure.title_en and "closes" in closure.title_en
    assert "Mart 2025" in closure.description_tr and "March 2025" in closure.description_en
    texts = " ".join([closure.title_tr, closure.title_en, closure.description_tr, closure.description_en])
    assert not re.search(r"\b\d{1,2} (Mart|March) 2025", texts)
    # The closing day is unknown: closed_on holds the month (day 1, as for events), so no page
    # may print it with its day.
    closed = Organisation.objects.get(slug="ddo").closed_on
    assert (closed.year, closed.month) == (2025, 3)
    templates = Path(settings.BASE_DIR) / "templates"
    for template in templates.rglob("*.html"):
        assert "closed_on" not in template.read_text(encoding="utf-8"), f"{template} shows closed_on"


def test_the_cyber_security_presidency_takes_over_the_duties(loaded):
    csp = Organisation.objects.get(slug="siber-guvenlik-baskanligi")
    assert (csp.name_tr, csp.name_en) == ("Siber Güvenlik Başkanlığı", "Cyber Security Presidency")
    assert csp.founded_on == datetime.date(2025, 1, 8)
    closure = event(decree=183)
    assert "Siber Güvenlik Başkanlığına" in closure.description_tr
    assert "Cyber Security Presidency" in closure.description_en
    assert "177" in closure.description_tr and "177" in closure.description_en
    transferred = {d.text_tr for d in Duty.objects.filter(holder="transferred")}
    assert "Dijital Türkiye (e-Devlet) hizmetlerinin sunumuna aracılık etmek" in transferred
    assert any("yapay zekâ" in t for t in transferred)


def test_decree_no_177_establishes_the_cyber_security_presidency(loaded):
    founding = event(decree=177)
    assert (founding.date, founding.precision, founding.gazette_number) == (datetime.date(2025, 1, 8), "day", "32776")
    assert "Siber Güvenlik Başkanlığı" in founding.title_tr and "Cyber Security Presidency" in founding.title_en


def test_the_other_dated_facts(loaded):
    referendum = event(slug="halkoylamasi-2017")
    assert (referendum.date, referendum.precision) == (datetime.date(2017, 4, 16), "day")
    assert referendum.legal_reference_en == "Law No. 6771" and "6771" in referendum.legal_reference_tr
    # The source says the system became effective in 2017: it took effect on 9 July 2018.
    effect = event(slug="hukumet-sistemine-gecis")
    assert (effect.date, effect.precision, effect.decree_number) == (datetime.date(2018, 7, 9), "day", None)
    assert "9 Temmuz 2018" in referendum.description_tr and "9 July 2018" in referendum.description_en

    decree_48 = event(decree=48)
    assert (decree_48.date.year, decree_48.date.month, decree_48.precision) == (2019, 10, "month")
    assert "Kamu Dijital Dönüşüm Lideri" in decree_48.description_tr
    assert "Public Digital Transformation Leader" in decree_48.description_en

    appointment = event(slug="ali-taha-koc-atandi")
    assert (appointment.date.year, appointment.precision, appointment.decree_number) == (2018, "year", None)
    assert "164" in appointment.legal_reference_tr and "Presidential Decision No. 164" == appointment.legal_reference_en
    # Only the year is known: stored as 1 January, never ordered against the founding of the same year.
    assert appointment.date == datetime.date(2018, 1, 1)

    circular = event(slug="yapay-zeka-genelgesi-2021-18")
    assert (circular.date, circular.gazette_number, circular.decree_number) == (
        datetime.date(2021, 8, 20),
        "31574",
        None,
    )
    assert "2021/18" in circular.legal_reference_tr and "2021/18" in circular.legal_reference_en

    strategy = event(slug="ulusal-yapay-zeka-stratejisi")
    assert strategy.date == datetime.date(2021, 8, 24)
    for number in ("6", "24", "119"):
        assert re.search(rf"\b{number}\b", strategy.description_tr) and re.search(
            rf"\b{number}\b", strategy.description_en
        )

    law = event(slug="siber-guvenlik-kanunu-7545")
    assert (law.date, law.precision, law.decree_number) == (datetime.date(2025, 3, 19), "day", None)
    assert "Law No. 7545" in law.legal_reference_en

    decree_192 = event(decree=192)
    assert (decree_192.date, decree_192.gazette_number) == (datetime.date(2025, 12, 25), "33118")
    assert "e-Devlet Kapısı" in decree_192.description_tr and "e-Government Gateway" in decree_192.description_en


def test_decree_numbers_are_exactly_those_of_facts(loaded):
    numbers = sorted(TimelineEvent.objects.exclude(decree_number=None).values_list("decree_number", flat=True))
    assert numbers == [1, 48, 177, 183, 192]


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
    # FACTS.md: decoys must be plainly outside the office's field, never a real unit.
    field_words = ("dijital", "siber", "veri", "yapay", "bilgi", "iletişim", "teknoloji", "e-devlet", "strateji")
    for decoy in Decoy.objects.all():
        assert decoy.editor_note.strip(), decoy.slug
        text = turkish_lower(decoy.text_tr)
        assert not any(word in text for word in field_words), decoy.text_tr
        assert "decoy" not in (decoy.text_tr + decoy.text_en).lower()  # the take page must never say it


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


# --- Issue 9: provenance, precision, one way of saying things -----------------------------

FACT_MODELS = [Organisation, Department, Duty, TimelineEvent, GlossaryTerm]


def test_every_fact_has_a_basis_and_every_citation_says_where(loaded):
    sourced = editorial = 0
    for model in FACT_MODELS:
        for row in model.objects.all():
            assert row.basis in ("sourced", "editorial"), row
            if row.basis == "sourced":
                sourced += 1
                assert row.source_id and row.locator.strip(), row
            else:
                editorial += 1
            row.full_clean()  # the model's own rules: basis, locator, source dated after the event, date parts
    assert sourced and editorial


def test_no_citation_is_dated_before_the_fact_it_reports(loaded):
    for row in TimelineEvent.objects.filter(basis="sourced").select_related("source"):
        if row.source.published_on:
            assert row.source.published_on >= row.date, row.slug
    for row in Organisation.objects.filter(basis="sourced").select_related("source"):
        latest = max(d for d in (row.founded_on, row.closed_on, datetime.date(1, 1, 1)) if d)
        if row.source.published_on:
            assert row.source.published_on >= latest, row.slug


def test_the_listed_citations_are_fixed(loaded):
    assert Organisation.objects.get(slug="ddo").source.published_on >= datetime.date(2025, 3, 1)
    assert "7545" not in Organisation.objects.get(slug="tbmm").summary_en
    assert GlossaryTerm.objects.get(slug="cumhurbaskanligi-kararnamesi").source.published_on.year == 2025
    assert TimelineEvent.objects.get(slug="halkoylamasi-2017").basis == "editorial"
    for slug in ("kanun", "halkoylamasi", "e-devlet"):
        assert GlossaryTerm.objects.get(slug=slug).source_id, slug
    assert not Department.objects.filter(basis="sourced").exists()  # the focus texts are ours
    assert set(Duty.objects.filter(holder="transferred").values_list("confidence", flat=True)) == {"source_only"}


def test_stored_dates_follow_the_precision(loaded):
    for e in TimelineEvent.objects.all():
        if e.precision != "day":
            assert e.date.day == 1 and (e.precision == "month" or e.date.month == 1), e.slug


def test_one_way_of_writing_things(loaded):
    text = FIXTURE.read_text()
    for wrong in ("dahil", "Milli ", "the Office", "of the Presidency of Türkiye", "Act as intermediary"):
        assert wrong not in text, wrong
    assert Organisation.objects.get(slug="ddo").name_en == "Presidential Digital Transformation Office"
    for term in GlossaryTerm.objects.all():
        assert term.term_tr[0].islower() == term.term_en[0].islower(), term.slug
        assert not term.definition_tr[0].islower() and not term.definition_en[0].islower(), term.slug
