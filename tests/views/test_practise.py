"""Practising the questions one missed most (progress/practise/)."""

from quizzes.models import Attempt
from tests.factories import make_attempt, question
from tests.quiz_factories import save_url


def finish_a_quiz_with_nothing_answered(client, topic="departments", length=5):
    """Start a real quiz from the content and submit it blank: every question is missed."""
    client.post("/en/quizzes/start/", {"topic": topic, "length": length, "difficulty": "any"})
    attempt = Attempt.objects.latest("pk")
    client.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    return attempt


def test_it_builds_a_quiz_from_the_questions_missed(logged_in, student, content):
    missed = finish_a_quiz_with_nothing_answered(logged_in)
    response = logged_in.post("/en/progress/practise/")
    practice = Attempt.objects.latest("pk")
    assert practice != missed
    assert response.status_code == 302
    assert response.url == f"/en/attempts/{practice.public_id}/"
    assert practice.user == student
    assert practice.topic == "practice"
    assert practice.submitted_at is None
    assert {q["key"] for q in practice.questions} == {q["key"] for q in missed.questions}


def test_the_practice_quiz_is_labelled_practice_in_the_progress(logged_in, content):
    finish_a_quiz_with_nothing_answered(logged_in, length=5)
    practice_url = logged_in.post("/en/progress/practise/").url
    practice = Attempt.objects.latest("pk")
    logged_in.post(save_url(practice, "en"), {"action": "submit", "submit_anyway": "1"})
    assert practice_url == f"/en/attempts/{practice.public_id}/"
    html = logged_in.get("/en/progress/").content.decode()
    assert f'href="/en/attempts/{practice.public_id}/result/">Practice</a>' in html


def test_it_never_uses_another_learners_missed_questions(client, student, other_student, content):
    client.force_login(other_student)
    theirs = finish_a_quiz_with_nothing_answered(client, topic="timeline")
    client.force_login(student)
    mine = finish_a_quiz_with_nothing_answered(client, topic="duties")
    client.post("/en/progress/practise/")
    practice = Attempt.objects.latest("pk")
    keys = {q["key"] for q in practice.questions}
    assert keys == {q["key"] for q in mine.questions}
    assert not keys & {q["key"] for q in theirs.questions}


def test_a_guest_can_practise_too(client, content):
    missed = finish_a_quiz_with_nothing_answered(client)
    response = client.post("/en/progress/practise/")
    practice = Attempt.objects.latest("pk")
    assert response.url == f"/en/attempts/{practice.public_id}/"
    assert practice.user is None and practice.guest_key == missed.guest_key == client.session["guest_key"]


def test_it_takes_at_most_ten_questions(logged_in, content):
    finish_a_quiz_with_nothing_answered(logged_in, topic="mixed", length=15)
    logged_in.post("/en/progress/practise/")
    assert len(Attempt.objects.latest("pk").questions) == 10


def test_it_says_there_is_nothing_to_practise_before_any_miss(logged_in, student):
    make_attempt(student, None, ["a", "a"], questions=[question("q:1"), question("q:2")])
    response = logged_in.post("/en/progress/practise/", follow=True)
    assert response.redirect_chain == [("/en/progress/", 302)]
    assert "Nothing to practise yet: you have not missed any question." in response.content.decode()
    assert Attempt.objects.count() == 1


def test_it_says_there_is_nothing_to_practise_for_a_new_guest(client, db):
    response = client.post("/en/progress/practise/", follow=True)
    assert response.redirect_chain == [("/en/progress/", 302)]
    assert "Nothing to practise yet" in response.content.decode()
    assert not Attempt.objects.exists()


def test_it_rejects_get(logged_in, content):
    finish_a_quiz_with_nothing_answered(logged_in)
    assert logged_in.get("/en/progress/practise/").status_code == 405
    assert Attempt.objects.count() == 1


def test_it_needs_csrf(student, content):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post("/en/progress/practise/").status_code == 403
    assert not Attempt.objects.exists()


def test_it_says_so_when_the_missed_questions_are_gone_from_the_content(logged_in, student, content):
    # Practice rebuilds missed questions from today's content; "gone:1" matches no question any more.
    make_attempt(student, None, ["b"], questions=[question("gone:1")])
    response = logged_in.post("/en/progress/practise/", follow=True)
    assert response.redirect_chain == [("/en/progress/", 302)]
    assert "The questions you missed are no longer in the content." in response.content.decode()
    assert Attempt.objects.count() == 1
