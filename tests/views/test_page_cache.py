"""Learning pages for anonymous visitors, cached whole per language and content version."""

import pytest
from django.test import Client

from quizzes.models import GlossaryTerm

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


def test_it_renders_a_page_with_a_query_string_afresh(client, content, count_queries):
    client.get("/en/glossary/")
    assert count_queries(Client().get, "/en/glossary/?utm=x") > 0


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
