"""Learning pages for anonymous visitors, cached whole per language and content version."""

import pytest
from django.test import Client

from quizzes.models import GlossaryTerm
from tests.factories import as_user

PAGES = ["/en/", "/tr/", "/en/departments/", "/en/duties/", "/en/timeline/", "/en/glossary/", "/tr/sources/"]


def new_term(**extra):
    return GlossaryTerm.objects.create(
        slug="yeni-terim",
        term_tr="Yepyeni Terim",
        term_en="Brand New Term",
        definition_tr="Tanım.",
        definition_en="A definition.",
        **extra,
    )


@pytest.mark.parametrize("url", PAGES)
def test_it_serves_an_anonymous_visitor_the_same_page_without_a_query(client, content, count_queries, url):
    first = client.get(url)
    assert count_queries(Client().get, url) == 0
    again = Client().get(url)
    assert again.content == first.content
    assert "Cookie" in again["Vary"]  # no shared proxy gives it to someone signed in


def test_it_keeps_each_language_apart(client, content):
    assert '<html lang="en">' in client.get("/en/glossary/").content.decode()
    assert '<html lang="tr">' in Client().get("/tr/glossary/").content.decode()


def test_a_cached_page_changes_when_an_editor_publishes(client, content, editor):
    term = new_term(is_published=False)
    assert "Brand New Term" not in Client().get("/en/glossary/").content.decode()  # now cached
    editing = Client()
    editing.force_login(editor)
    editing.post("/en/admin/quizzes/glossaryterm/", {"action": "publish", "_selected_action": [term.pk]})
    assert "Brand New Term" in Client().get("/en/glossary/").content.decode()


def test_a_cached_page_changes_when_an_editor_returns_an_item_to_draft(client, content, editor):
    term = new_term(is_published=True)
    assert "Brand New Term" in Client().get("/en/glossary/").content.decode()  # now cached
    editing = Client()
    editing.force_login(editor)
    editing.post("/en/admin/quizzes/glossaryterm/", {"action": "unpublish", "_selected_action": [term.pk]})
    assert "Brand New Term" not in Client().get("/en/glossary/").content.decode()


def test_a_signed_in_user_never_gets_the_anonymous_page(client, content, student):
    assert "Log in" in Client().get("/en/glossary/").content.decode()  # now cached
    client.force_login(student)
    page = client.get("/en/glossary/").content.decode()
    assert "Signed in as ogrenci" in page
    assert "Log in</a>" not in page
    assert "Signed in as" not in Client().get("/en/glossary/").content.decode()


def test_it_renders_a_page_with_a_query_string_for_its_request(client, content, count_queries):
    client.get("/en/glossary/")
    other = Client()
    assert count_queries(other.get, "/en/glossary/?utm=x") == 0  # the content block is cached
    assert "next=/en/glossary/%3Futm%3Dx" in other.get("/en/glossary/?utm=x").content.decode()


# Signed in: the header is theirs, the content block comes from the fragment cache.


@pytest.mark.parametrize("url", PAGES)
def test_a_signed_in_learning_page_asks_only_for_the_session_once_its_content_is_cached(
    client, content, student, count_queries, url
):
    as_user(client, student)
    first = client.get(url).content.decode()
    assert count_queries(client.get, url) == 1  # the session (the user: quizzes/user_cache.py)
    again = client.get(url).content.decode()
    assert _main(again) == _main(first) and "ogrenci" in again[: again.index("<main")]


def test_each_signed_in_visitor_gets_their_own_header_around_the_shared_content(client, content, student, teacher):
    as_user(client, student)
    assert "Signed in as ogrenci" in client.get("/en/duties/").content.decode()
    page = as_user(Client(), teacher).get("/en/duties/").content.decode()
    assert "Signed in as ogretmen" in page and "ogrenci" not in page
    assert 'href="/en/teach/"' in page  # the teacher's menu, not the student's


def test_a_signed_in_page_changes_when_an_editor_publishes(client, content, student, editor):
    term = new_term(is_published=False)
    as_user(client, student)
    assert "Brand New Term" not in client.get("/en/glossary/").content.decode()  # now cached
    editing = as_user(Client(), editor)
    editing.post("/en/admin/quizzes/glossaryterm/", {"action": "publish", "_selected_action": [term.pk]})
    assert "Brand New Term" in client.get("/en/glossary/").content.decode()
    assert "Brand New Term" in client.get("/tr/glossary/").content.decode()


def _main(html):
    return html[html.index("<main") : html.index("</main>")]


def test_the_instance_that_publishes_sees_it_at_once_even_when_it_trusts_the_version(client, content, editor, settings):
    settings.CONTENT_VERSION_SECONDS = 60
    term = new_term(is_published=False)
    assert "Brand New Term" not in Client().get("/en/glossary/").content.decode()
    editing = Client()
    editing.force_login(editor)
    editing.post("/en/admin/quizzes/glossaryterm/", {"action": "publish", "_selected_action": [term.pk]})
    assert "Brand New Term" in Client().get("/en/glossary/").content.decode()


def test_a_trusted_version_costs_no_cache_read(client, content, settings, django_assert_num_queries):
    settings.CONTENT_VERSION_SECONDS = 60
    client.get("/en/timeline/")
    from django.core.cache import cache

    cache.delete("ddo:content-version")  # another process would not see this for a minute
    with django_assert_num_queries(0):
        assert Client().get("/en/timeline/").status_code == 200
