"""A timed quiz in the browser (WCAG 2.2.1): the countdown, the polite announcement region, extending the
time in practice, a phone's width, and the page submitting itself when the time is up."""

import datetime
import re

import pytest
from django.utils import timezone

from quizzes.models import Accommodation, Attempt, Quiz
from tests.browser.conftest import assert_no_sideways_scroll, log_in, serious_violations
from tests.browser.test_learner_phone import page_problems
from tests.factories import PASSWORD, build_class

pytestmark = pytest.mark.browser

WORDS = {
    "tr": {"more": "10 dakika daha", "more_time": "daha fazla süreniz"},
    "en": {"more": "10 more minutes", "more_time": "more time"},
}


def start_timed_quiz(page, site, language):
    Quiz.objects.filter(slug="zaman-cizelgesi").update(time_limit=10)
    page.goto(f"{site}/{language}/quizzes/")
    assert (
        page.locator("li.card:has(input[value=zaman-cizelgesi]) p.muted")
        .nth(1)
        .inner_text()
        .startswith("Süreli: 10 dakika" if language == "tr" else "Timed: 10 minutes")
    )
    page.locator("form:has(input[value=zaman-cizelgesi]) button").click()
    page.wait_for_url("**/attempts/*/")


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_learner_sees_the_countdown_and_extends_the_time(page, site, language):
    page.set_viewport_size({"width": 375, "height": 800})
    start_timed_quiz(page, site, language)
    clock = page.locator("[data-timer-clock]")
    assert re.fullmatch(r"\d+:\d\d", clock.inner_text())
    first = clock.inner_text()
    page.wait_for_function("t => document.querySelector('[data-timer-clock]').textContent !== t", arg=first)
    assert page.locator("#timer-announce").get_attribute("aria-live") == "polite"
    assert page.locator("[data-timer-clock]").get_attribute("aria-hidden") is None  # its wrapper hides it
    assert page.locator(".timer-line > span[aria-hidden=true]").count() == 1
    assert serious_violations(page) == []
    assert_no_sideways_scroll(page)
    page.get_by_role("button", name=WORDS[language]["more"]).click()
    page.wait_for_url("**/attempts/*/")
    assert WORDS[language]["more_time"] in page.locator(".message").first.inner_text()
    minutes = page.locator("[data-timer-minutes]").inner_text()
    assert minutes in ("Kalan süre: 20 dakika", "Time left: 20 minutes")
    attempt = Attempt.objects.get()
    assert abs((attempt.deadline - attempt.started_at).total_seconds() - 1200) < 2
    assert serious_violations(page) == []
    assert_no_sideways_scroll(page)


def test_the_page_submits_what_was_saved_when_the_time_is_up(page, site):
    start_timed_quiz(page, site, "en")
    attempt = Attempt.objects.get()
    Attempt.objects.filter(pk=attempt.pk).update(deadline=timezone.now() + datetime.timedelta(seconds=3))
    page.reload()
    page.wait_for_url("**/result/")
    attempt.refresh_from_db()
    assert attempt.is_submitted and attempt.score == 0


def test_a_teacher_gives_extra_time_on_a_phone(page, site, teacher):
    classroom, students, _first = build_class(teacher, 4)
    page.set_viewport_size({"width": 375, "height": 800})
    log_in(page, site, teacher.username, PASSWORD)
    page.goto(f"{site}/tr/teach/classes/{classroom.pk}/time/")
    page.select_option("#id_student", str(students[1].pk))
    page.select_option("#id_time_percent", "150")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/time/")
    assert Accommodation.objects.get().student == students[1]
    paths = [f"/teach/classes/{classroom.pk}/time/", f"/teach/classes/{classroom.pk}/"]
    problems = page_problems(page, [f"{site}/{lang}{p}" for lang in ("tr", "en") for p in paths])
    assert problems == [], "\n".join(map(str, problems))
    assert "time limit +50%" in page.locator("main").inner_text()  # the last page: the English class page
