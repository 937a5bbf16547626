"""The quiz catalogue (quizzes/)."""

from django.test import Client

from quizzes.models import Attempt, Quiz
from tests.factories import as_user, csrf_tokens


def test_it_offers_topics_and_named_quizzes(client, content):
    html = client.get("/en/quizzes/").content.decode()
    assert "Timeline 2017–2025" in html
    assert "Meet the office" in html


def test_once_its_shared_part_is_cached_a_signed_in_catalogue_asks_for_the_session_and_unfinished_quizzes(
    client, content, student, count_queries
):
    as_user(client, student).get("/en/quizzes/")
    assert count_queries(client.get, "/en/quizzes/") == 2
    assert "Meet the office" in client.get("/en/quizzes/").content.decode()


def test_every_form_of_a_cached_catalogue_carries_the_visitors_own_token(content, student, other_student):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = as_user(first, student).get("/en/quizzes/").content.decode()
    second_page = as_user(second, other_student).get("/en/quizzes/").content.decode()
    assert len(csrf_tokens(second_page)) == 1 and not csrf_tokens(second_page) & csrf_tokens(first_page)
    quiz = Quiz.objects.published().first()
    (token,) = csrf_tokens(second_page)
    response = second.post("/en/quizzes/start/", {"quiz": quiz.slug, "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and Attempt.objects.get().user == other_student


def test_a_teacher_gets_the_print_links_a_student_does_not(client, content, student, teacher):
    as_user(client, student).get("/en/quizzes/")
    assert "/quizzes/print/" not in as_user(client, student).get("/en/quizzes/").content.decode()
    assert 'href="/en/quizzes/print/?quiz=' in as_user(Client(), teacher).get("/en/quizzes/").content.decode()


def test_a_named_quiz_an_editor_publishes_shows_at_once(client, content, student):
    as_user(client, student).get("/en/quizzes/")  # cached
    quiz = Quiz.objects.published().first()
    quiz.pk, quiz.slug, quiz.title_en, quiz.title_tr = None, "yeni", "A brand new quiz", "Yepyeni bir sınav"
    quiz.save()
    assert "A brand new quiz" in client.get("/en/quizzes/").content.decode()
    assert "Yepyeni bir sınav" in client.get("/tr/quizzes/").content.decode()


def test_a_refused_start_shows_the_form_with_its_error_and_no_cached_copy(client, content, student):
    as_user(client, student).get("/en/quizzes/")  # cached with blank forms
    response = client.post("/en/quizzes/start/", {"topic": "nonsense", "length": "10", "difficulty": "any"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert "Select a valid choice" not in client.get("/en/quizzes/").content.decode()
