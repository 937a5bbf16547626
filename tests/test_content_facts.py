"""The facts a learner reads in fixtures/content.json, checked against FACTS.md, and where each comes from.

Exact dates, decree and gazette numbers and names (a month or a year where only that is known,
never a made-up day); the basis of every fact (sourced or editorial), its locator in the source,
citations never dated before the fact, and one way of writing things. The file's shape, its counts,
both languages and the quiz material: tests/test_content_fixture.py.
"""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from quizzes.models import Department, Duty, GlossaryTerm, Organisation, TimelineEvent
from tests import test_content_fixture

pytestmark = pytest.mark.django_db

FIXTURE = test_content_fixture.FIXTURE
loaded = test_content_fixture.loaded  # the fixture file, loaded by its path


def event(decree=None, slug=None):
    if decree is not None:
        return TimelineEvent.objects.get(decree_number=decree)
    return TimelineEvent.objects.get(slug=slug)


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
