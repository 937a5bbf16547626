"""The class overview for the teacher (teach/classes/N/report/)."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Membership
from tests.factories import as_user, make_assignment, make_attempt, question

pytestmark = pytest.mark.django_db


DAY = datetime.timedelta(days=1)


def test_a_late_submission_is_marked_late_for_the_teacher(client, teacher, student, classroom):
    now = timezone.now()
    Membership.objects.create(classroom=classroom, student=student)
    late = make_assignment(classroom, "Geç", opens_at=now - 5 * DAY, due_at=now - 2 * DAY)
    make_attempt(student, late, ["a"], questions=[question("q:1")], submitted_at=now - DAY)
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/report/").content.decode()
    assert ">Done late</small>" in html


def test_it_rejects_post(client, teacher, small_class):
    classroom, _students, _first = small_class
    assert as_user(client, teacher).post(f"/en/teach/classes/{classroom.pk}/report/").status_code == 405


def test_it_shows_scores_statuses_and_summaries(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/report/").content.decode()
    # Student 0 ("Çağrı Işık 0"): 4/4 then 4/4; student 1: 2/4; student 2: 1/4 then 4/4 (best of 2); student 3: 2/4.
    assert "Çağrı Işık 0" in html
    assert "<td>50%</td>" in html  # done on time: the score alone, on one line
    assert ">Not started</small>" in html  # students 1 and 3 have not started the second assignment
    # Means of the first assignment: (100 + 50 + 100 + 50) / 4 = 75; median 75.
    assert "75.0%" in html
    assert "2 / 4 (50%)" in html  # second assignment completed by half the class
    assert '<svg class="chart"' in html and "Score distribution" in html
    # 100 %: students 0 and 2 on the first assignment, student 0 on the second.
    assert '<th scope="row">90–100</th><td class="num">3</td>' in html


def test_percentages_are_written_the_turkish_way_on_turkish_pages(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/report/").content.decode()
    # Turkish puts the sign first and uses a decimal comma: %50, %75,0.
    assert "<td>%50</td>" in html and "50%" not in html
    assert "%75,0" in html
    assert "2 / 4 (%50)" in html
