"""A timed assignment says so before Start, starting it is a deliberate step, and the countdown warns at half time
and at one minute left whatever the limit."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Accommodation, Attempt
from tests.factories import make_assignment
from tests.views.test_start_assignment import start_url

pytestmark = pytest.mark.django_db


def row(html, title="Daireler"):
    return html.split(f'<th scope="row">{title}')[1].split("</tr>")[0]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Timed: 20 minutes; the clock starts when you press Start."),
        ("tr", "Süreli: 20 dakika; süre Başla'ya bastığınızda başlar."),
    ],
)
def test_the_class_page_says_an_assignment_is_timed_before_start(enrolled, classroom, language, words):
    make_assignment(classroom, time_limit=20)
    make_assignment(classroom, title="Zamansız")
    html = enrolled.get(f"/{language}/classes/").content.decode()
    assert words in row(html)
    assert words.split(":")[0] + ":" not in row(html, "Zamansız")


def test_the_class_page_counts_the_students_extra_time(enrolled, student, classroom):
    make_assignment(classroom, time_limit=20)
    Accommodation.objects.create(classroom=classroom, student=student, time_percent=150)
    html = enrolled.get("/en/classes/").content.decode()
    assert "Timed: 30 minutes (with your extra time); the clock starts when you press Start." in row(html)


def test_a_timed_assignments_start_leads_to_a_page_that_says_so_and_starts_nothing(enrolled, classroom, content):
    assignment = make_assignment(classroom, time_limit=20)
    html = enrolled.get("/en/classes/").content.decode()
    assert f'href="{start_url(assignment)}"' in row(html)  # a link to the start page, not a form that starts
    assert f'action="{start_url(assignment)}"' not in row(html)
    response = enrolled.get(start_url(assignment))
    assert response.status_code == 200
    page = response.content.decode()
    assert "You have 20 minutes." in page and "Start the clock" in page
    assert not Attempt.objects.exists()
    enrolled.post(start_url(assignment))
    attempt = Attempt.objects.get()
    assert abs((attempt.deadline - attempt.started_at).total_seconds() - 1200) < 2


def test_an_untimed_assignment_still_starts_with_one_press(enrolled, classroom):
    assignment = make_assignment(classroom)
    html = enrolled.get("/en/classes/").content.decode()
    assert f'action="{start_url(assignment)}"' in row(html)


@pytest.mark.parametrize(("minutes", "half"), [(1, 30), (2, 60), (20, 600)])
def test_the_countdown_warns_at_half_time_and_at_one_minute_for_any_limit(enrolled, classroom, content, minutes, half):
    assignment = make_assignment(classroom, time_limit=minutes)
    enrolled.post(start_url(assignment))
    attempt = Attempt.objects.get()
    html = enrolled.get(f"/en/attempts/{attempt.public_id}/").content.decode()
    assert f'data-half="{half}"' in html and 'data-minute="60"' in html
    assert 'data-half-text="Half the time has passed."' in html
    assert 'data-minute-text="One minute left."' in html
    html = enrolled.get(f"/tr/attempts/{attempt.public_id}/").content.decode()
    assert 'data-minute-text="Bir dakika kaldı."' in html


def test_a_get_of_an_assignment_not_open_yet_starts_nothing(enrolled, classroom):
    later = timezone.now() + datetime.timedelta(days=1)
    assignment = make_assignment(classroom, time_limit=20, opens_at=later, due_at=later + datetime.timedelta(days=1))
    response = enrolled.get(start_url(assignment))
    assert response.status_code == 302 and not Attempt.objects.exists()
