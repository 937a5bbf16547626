"""The learning pages, in both languages, from the fixture content."""

import pytest

from quizzes.languages import turkish_sort_key
from quizzes.models import Department, Duty, GlossaryTerm, Source, TimelineEvent

PAGES = ["home", "departments", "duties", "timeline", "glossary", "sources"]


def url(language, name):
    return f"/{language}/" + ("" if name == "home" else f"{name}/")


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_every_learning_page_renders_in_its_language(client, content, language, name):
    response = client.get(url(language, name))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    other = "en" if language == "tr" else "tr"
    # The switch keeps the visitor on the same page in the other language.
    assert f'href="{url(other, name)}"' in html


def test_root_redirects_by_browser_language(client, db):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").url == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9").url == "/tr/"


def test_overview_teaches_the_office_in_turkish(client, content):
    html = client.get("/tr/").content.decode()
    assert "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi" in html
    assert "10 Temmuz 2018" in html  # Decree No. 1 in the Official Gazette
    assert "Mart 2025" in html  # Decree No. 183, month precision: never a made-up day
    assert "Siber Güvenlik Başkanlığı" in html


def test_overview_teaches_the_office_in_english(client, content):
    html = client.get("/en/").content.decode()
    assert "Digital Transformation Office" in html
    assert "10 July 2018" in html
    assert "March 2025" in html
    assert "Cyber Security Presidency" in html


def test_timeline_shows_every_event_with_its_precision(client, content):
    html = client.get("/en/timeline/").content.decode()
    for event in TimelineEvent.objects.published():
        assert event.title_en in html
    assert "16 April 2017" in html
    assert "October 2019" in html
    assert "Law No. 7545" in html or "7545" in html
    assert "32776" in html  # Official Gazette number of Decree No. 177


def test_every_fact_links_to_its_source(client, content):
    html = client.get("/tr/departments/").content.decode()
    for department in Department.objects.published():
        assert f"/tr/sources/#source-{department.source_id}" in html
    sources = client.get("/tr/sources/").content.decode()
    for source in Source.objects.published():
        assert f'id="source-{source.pk}"' in sources


def test_drafts_never_show_on_the_site(client, content):
    duty = Duty.objects.published().first()
    duty.is_published = False
    duty.save()
    assert duty.text_tr not in client.get("/tr/duties/").content.decode()
    assert duty.text_en not in client.get("/en/duties/").content.decode()


def test_glossary_is_in_turkish_alphabetical_order_on_tr(client, content):
    html = client.get("/tr/glossary/").content.decode()
    terms = [t.term_tr for t in GlossaryTerm.objects.published()]
    positions = {term: html.index(f">{term}<") for term in terms}
    assert sorted(terms, key=lambda t: positions[t]) == sorted(terms, key=turkish_sort_key)


def test_glossary_sorts_i_and_dotted_i_apart(client, content, django_user_model):
    source = Source.objects.published().first()
    for slug, tr, en in [("ic", "İç denetim", "Internal audit"), ("ilik", "Ilık", "Lukewarm"), ("cag", "Çağ", "Era")]:
        GlossaryTerm.objects.create(
            slug=f"test-{slug}",
            term_tr=tr,
            term_en=en,
            definition_tr="x",
            definition_en="x",
            source=source,
            is_published=True,
        )
    html = client.get("/tr/glossary/").content.decode()
    # Turkish order: C < Ç < ... < H < I < İ
    assert html.index(">Çağ<") < html.index(">Ilık<") < html.index(">İç denetim<")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_term_with_a_superscript_or_circled_digit_still_shows_the_glossary(client, content, language):
    source = Source.objects.published().first()
    for slug, tr, en in [("m2", "Metrekare (m²)", "Square metre (m²)"), ("bir", "① Birinci madde", "① First clause")]:
        GlossaryTerm.objects.create(
            slug=f"test-{slug}",
            term_tr=tr,
            term_en=en,
            definition_tr="x",
            definition_en="x",
            source=source,
            is_published=True,
        )
    response = client.get(f"/{language}/glossary/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "(m²)" in html and "①" in html


@pytest.mark.parametrize("name", PAGES)
def test_query_count_does_not_grow_with_content(client, content, name, count_queries):
    before = count_queries(client.get, url("tr", name))
    source = Source.objects.published().first()
    for i in range(15):
        Department.objects.create(
            slug=f"extra-{i}",
            name_tr=f"Ek Daire {i}",
            name_en=f"Extra {i}",
            focus_tr="x",
            focus_en="x",
            confidence="medium",
            source=source,
            is_published=True,
        )
        TimelineEvent.objects.create(
            slug=f"extra-{i}",
            date=f"2020-01-{i + 1:02d}",
            precision="day",
            title_tr=f"Olay {i}",
            title_en=f"Event {i}",
            description_tr="x",
            description_en="x",
            confidence="high",
            source=source,
            is_published=True,
            decree_number=500 + i,
        )
        GlossaryTerm.objects.create(
            slug=f"extra-{i}",
            term_tr=f"Terim {i}",
            term_en=f"Term {i}",
            definition_tr="x",
            definition_en="x",
            source=source,
            is_published=True,
        )
    assert count_queries(client.get, url("tr", name)) == before


def test_each_page_runs_its_fixed_number_of_queries(client, content, django_assert_num_queries):
    # One query per list on the page; a visitor without a session adds none.
    expected = {"home": 2, "departments": 1, "duties": 1, "timeline": 1, "glossary": 1, "sources": 1}
    for name, count in expected.items():
        with django_assert_num_queries(count):
            client.get(url("en", name))


def test_the_language_switch_links_to_the_same_page_in_the_other_language(client, content):
    html = client.get("/en/departments/").content.decode()
    assert 'href="/tr/departments/" hreflang="tr"' in html
    html = client.get("/tr/glossary/?q=veri").content.decode()
    assert 'href="/en/glossary/?q=veri" hreflang="en"' in html
    assert 'href="/en/glossary/?q=veri" hreflang="en"' in client.get("/tr/glossary/?q=veri").content.decode()


def test_the_remembered_switch_links_never_grow_past_their_bound(client, content, monkeypatch):
    from quizzes import context_processors

    monkeypatch.setattr(context_processors, "MEMO_SIZE", 5)
    for n in range(12):
        assert f'href="/tr/glossary/?page={n}"' in client.get(f"/en/glossary/?page={n}").content.decode()
    assert len(context_processors._translated) <= 5
