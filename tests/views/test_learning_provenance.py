"""Issue 9 on the learning pages: say only what the source says, never a day nobody knows."""

import re

import pytest
from django.utils.html import escape

from quizzes.generation.chronology import order
from quizzes.models import Department, GlossaryTerm, TimelineEvent

LANGUAGES = ("tr", "en")
EDITORIAL = {"tr": "Editoryal: kaynaktan alıntı değil, bizim açıklamamız.", "en": "Editorial: our own explanation"}
ONLY = {"tr": "yalnızca kaynağa göre", "en": "according to the source only"}


def card(html, element_id):
    start = html.index(f'id="{element_id}"')
    return html[start : html.index("</li>", start)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_editorial_focus_texts_are_labelled_as_ours_not_as_the_sources(client, content, language):
    html = client.get(f"/{language}/departments/").content.decode()
    for department in Department.objects.filter(is_published=True):
        shown = card(html, f"department-{department.slug}")
        assert department.basis == "editorial"
        assert EDITORIAL[language] in shown and ONLY[language] not in shown, department.slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_note_on_a_department_is_shown_on_its_own(client, content, language):
    html = client.get(f"/{language}/departments/").content.decode()
    note = Department.objects.get(slug="siber-guvenlik").note_en if language == "en" else "2019 resmî teşkilat"
    shown = card(html, "department-siber-guvenlik")
    assert 'class="note"' in shown and note in shown


@pytest.mark.parametrize("language", LANGUAGES)
def test_sourced_glossary_terms_cite_and_editorial_ones_say_so(client, content, language):
    html = client.get(f"/{language}/glossary/").content.decode()
    for term in GlossaryTerm.objects.filter(is_published=True):
        start = html.index(f'id="term-{term.slug}"')
        row = html[start : html.index("</tr>", start)]
        assert (EDITORIAL[language] in row) == (term.basis == "editorial"), term.slug


def test_the_turkish_glossary_heads_its_english_column_in_turkish(client, content):
    html = client.get("/tr/glossary/").content.decode()
    assert '<th scope="col">İngilizce</th>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_machine_readable_dates_carry_only_the_known_precision(client, content, language):
    html = client.get(f"/{language}/timeline/").content.decode()
    found = dict(re.findall(r'id="event-([a-z0-9-]+)">\s*<p class="date"><time datetime="([0-9-]+)"', html))
    assert found["cbk-183-ofis-kapatildi"] == "2025-03"
    assert found["cbk-48-gorev-ve-teskilat"] == "2019-10"
    assert found["ali-taha-koc-atandi"] == "2018"
    for event in TimelineEvent.objects.filter(is_published=True):
        assert len(found[event.slug]) == {"year": 4, "month": 7, "day": 10}[event.precision], event.slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_events_of_unknown_order_are_grouped_under_their_period(client, content, language):
    html = client.get(f"/{language}/timeline/").content.decode()
    march = "Mart 2025" if language == "tr" else "March 2025"
    note = html.index('class="order-unknown"', html.index('id="event-cbk-177-siber-guvenlik-baskanligi"'))
    assert march in html[note : html.index("</li>", note)]
    assert note < html.index('id="event-cbk-183-ofis-kapatildi"') < html.index('id="event-siber-guvenlik-kanunu-7545"')
    # Only March 2025: in 2018 the appointment by Decision No. 164 follows the decree that created the office,
    # which follows the oath of 9 July (issue 18).
    assert html.count('class="order-unknown"') == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_timeline_keeps_every_known_precedence(client, content, language):
    html = client.get(f"/{language}/timeline/").content.decode()
    shown = re.findall(r'id="event-([a-z0-9-]+)"', html)
    events = {e.slug: e for e in TimelineEvent.objects.filter(is_published=True).select_related("follows")}
    assert sorted(shown) == sorted(events)
    assert (
        shown.index("hukumet-sistemine-gecis") < shown.index("cbk-1-ofis-kuruldu") < shown.index("ali-taha-koc-atandi")
    )
    appointment = html[html.index('id="event-ali-taha-koc-atandi"') :]
    created = events["cbk-1-ofis-kuruldu"].title_en if language == "en" else events["cbk-1-ofis-kuruldu"].title_tr
    assert escape(created) in appointment[: appointment.index("</p>")]  # the year says what it comes after
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert order(events[a], events[b], events) != 1, (a, b)  # never a later event before an earlier one
