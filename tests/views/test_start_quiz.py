"""Starting a quiz (quizzes/start/), as a guest or with an account."""

from quizzes.models import Attempt


def test_a_guest_can_start_a_quiz(client, content):
    response = client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get()
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    assert attempt.user is None and attempt.guest_key == client.session["guest_key"]
    assert len(attempt.questions) == 5
    assert all(q["topic"] == "departments" for q in attempt.questions)
    assert attempt.answers.count() == 5


def test_it_rejects_get(client, content):
    assert client.get("/en/quizzes/start/").status_code == 405


def test_it_rejects_a_bad_topic_with_a_message(client, content):
    response = client.post("/en/quizzes/start/", {"topic": "astrology", "length": 5, "difficulty": "any"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_named_quiz_starts_with_its_settings(logged_in, content):
    logged_in.post("/tr/quizzes/start/", {"quiz": "zaman-cizelgesi"})
    attempt = Attempt.objects.get()
    assert attempt.quiz.slug == "zaman-cizelgesi"
    assert {q["topic"] for q in attempt.questions} == {"timeline"}
