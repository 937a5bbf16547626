"""One student's report for the teacher (teach/classes/N/students/M/)."""

import pytest

from tests.factories import as_user, make_student

pytestmark = pytest.mark.django_db


def test_a_student_outside_the_class_has_no_report(client, teacher, small_class):
    classroom, _students, _first = small_class
    outsider = make_student("disarida")
    response = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{outsider.pk}/")
    assert response.status_code == 404


def test_it_shows_attempts_mastery_and_missed_questions(client, teacher, small_class):
    classroom, students, _first = small_class
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/students/{students[2].pk}/").content.decode()
    assert "İsmail Öztürk 2" in html
    assert "25%" in html and "100%" in html  # first attempt 1/4, second 4/4
    assert "Question q:2?" in html  # missed twice: in the first attempt and in the second assignment
    assert '<svg class="chart"' in html
    assert "Mastery by topic" in html
