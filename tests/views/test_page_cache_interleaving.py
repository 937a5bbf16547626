"""Cached learning pages stay right when an editor's save and a visitor's request overlap.

The content version changes again when the editor's transaction commits: a page another worker
renders while the edit is uncommitted shows the old rows and is kept under a version the commit
replaces, so the first page after the commit shows the new text (quizzes/page_cache.py).
"""

import pytest
from django.db import transaction
from django.test import Client

from quizzes.models import GlossaryTerm
from quizzes.page_cache import content_version
from tests.threads import in_thread, shared_database  # noqa: F401 -- a fixture


def _term():
    return GlossaryTerm.objects.create(
        slug="yeni-terim",
        term_tr="Yepyeni Terim",
        term_en="Brand New Term",
        definition_tr="Tanım.",
        definition_en="A definition.",
        is_published=True,
    )


def _glossary(client=None):
    return (client or Client()).get("/en/glossary/").content.decode()


@pytest.mark.usefixtures("shared_database")
def test_a_page_rendered_during_an_uncommitted_edit_is_not_served_after_the_commit(student):
    term = _term()
    signed_in = Client()
    signed_in.force_login(student)
    assert "Brand New Term" in _glossary() and "Brand New Term" in _glossary(signed_in)  # both cached
    with transaction.atomic():
        term.term_en = "Renamed Term"
        term.save()
        # Another worker, on its own connection, renders now: it cannot see the uncommitted row.
        during = in_thread(_glossary)
        during_signed_in = in_thread(lambda: _glossary(signed_in))
    assert "Renamed Term" not in during and "Renamed Term" not in during_signed_in
    assert "Renamed Term" in _glossary()  # the whole anonymous page
    assert "Renamed Term" in _glossary(signed_in)  # the content fragment around a signed-in header


def test_a_version_read_before_the_save_commits_is_replaced_when_it_commits(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _term().delete()
        during = content_version()  # what a request reading now would keep its old rows under
    for callback in callbacks:
        callback()
    assert content_version() != during
