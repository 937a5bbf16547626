"""The item analysis for the teacher (teach/classes/N/items/)."""

import pytest

from tests.factories import as_user, make_assignment, make_classroom, make_teacher

pytestmark = pytest.mark.django_db


def test_a_bad_assignment_filter_is_refused(client, teacher, small_class):
    classroom, _students, _first = small_class
    other = make_assignment(make_classroom(make_teacher("baska")))
    as_user(client, teacher)
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment=abc").status_code == 400
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment={other.pk}").status_code == 404


def test_it_shows_facility_discrimination_and_distractors(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Question q:1?" in html
    # q:1 over the first attempts of both assignments: a a a b, then a a.
    assert '83% <span class="muted">(n=6)</span>' in html
    assert "too few answers to trust" in html
    assert "Agriculture Department" in html  # q:2's wrong option "c", chosen once
    assert 'href="/en/admin/quizzes/department/?slug=1"' in html
    assert "Facility in Turkish" in html


def test_it_can_show_one_assignment(client, teacher, small_class):
    classroom, _students, first = small_class
    url = f"/en/teach/classes/{classroom.pk}/items/?assignment={first.pk}"
    html = as_user(client, teacher).get(url).content.decode()
    assert '75% <span class="muted">(n=4)</span>' in html  # q:1: a a a b
    assert "4 first attempts counted." in html


def test_it_shows_turkish_option_texts_on_turkish_pages(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Tarım Dairesi" in html
    assert 'lang="tr"' in html
