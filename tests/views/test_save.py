"""Saving and submitting answers (attempts/ID/answers/), bad input, and the quiz pages' query counts."""

import re

from quizzes.models import Answer, Attempt
from tests.quiz_factories import make_quiz_attempt, save_url


def test_answers_are_saved_and_shown_after_a_reload(logged_in, attempt):
    response = logged_in.post(
        save_url(attempt), {"action": "save", "q-0": "1", "q-1-0": "3", "q-1-1": "1", "q-1-2": "2"}
    )
    assert response.status_code == 302
    answers = {a.position: a for a in attempt.answers.all()}
    assert answers[0].response == "department:siber" and answers[0].choice == "department:siber"
    assert answers[1].response == ["event:a", "event:b", "event:c"]
    html = logged_in.get(f"/tr/attempts/{attempt.public_id}/").content.decode()
    assert re.search(r'name="q-0" value="1" checked', html)


def test_it_answers_autosave_with_json(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-2-0": "1"})
    assert response.status_code == 200
    assert response.json() == {"saved": 1, "errors": {}}
    assert attempt.answers.get(position=2).response == {"department:a": "focus:a"}


def test_switching_language_keeps_every_answer(logged_in, attempt):
    response = logged_in.post(save_url(attempt, "tr"), {"action": "language:en", "q-0": "0"})
    assert response.url == f"/en/attempts/{attempt.public_id}/"
    html = logged_in.get(response.url).content.decode()
    assert re.search(r'name="q-0" value="0" checked', html)
    assert attempt.answers.get(position=0).language == "tr"


def test_a_tampered_option_is_refused_and_nothing_saved_is_lost(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "save", "q-0": "1"})
    response = logged_in.post(save_url(attempt), {"action": "save", "q-0": "7", "q-2-0": "1"})
    assert response.status_code == 400
    assert "Bu yanıt, bu sorunun seçeneklerinden biri değil." in response.content.decode()
    assert attempt.answers.get(position=0).response == "department:siber"
    assert attempt.answers.get(position=2).response == {"department:a": "focus:a"}


def test_garbage_fields_are_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "abc", "q-1-0": "x"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"0", "1"}


def test_an_ordering_with_a_repeated_place_is_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-1-0": "1", "q-1-1": "1", "q-1-2": "2"})
    assert response.status_code == 400
    assert attempt.answers.get(position=1).response is None


def test_a_huge_body_is_refused(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "save", "q-0": "1", "junk": "x" * 400_000})
    assert response.status_code == 400
    assert attempt.answers.get(position=0).response is None


def test_it_needs_csrf(attempt, student):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post(save_url(attempt), {"action": "save", "q-0": "1"}).status_code == 403


def test_submitting_grades_on_the_server(logged_in, attempt):
    response = logged_in.post(
        save_url(attempt),
        {"action": "submit", "submit_anyway": "1", "q-0": "1", "q-1-0": "3", "q-1-1": "1", "q-1-2": "2"},
    )
    assert response.url == f"/tr/attempts/{attempt.public_id}/result/"
    attempt.refresh_from_db()
    assert attempt.is_submitted
    assert attempt.score == 2.0 and attempt.max_score == 3.0
    assert [a.mark for a in attempt.answers.all()] == [1.0, 1.0, 0.0]


def test_a_second_submit_changes_nothing(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1", "q-0": "1"})
    attempt.refresh_from_db()
    first = (attempt.score, attempt.submitted_at)
    response = logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1", "q-0": "0"})
    assert response.status_code == 409
    attempt.refresh_from_db()
    assert (attempt.score, attempt.submitted_at) == first
    assert attempt.answers.get(position=0).response == "department:siber"


def _quiz_page_counts(client, user, size, count_queries):
    """Queries of the take, autosave, submit and result requests for an attempt of ``size`` questions."""
    attempt = make_quiz_attempt(user, count=size)
    answers = {f"q-{i}": "1" for i in range(size) if attempt.questions[i]["type"] == "single"}
    take_url, result_url = f"/tr/attempts/{attempt.public_id}/", f"/tr/attempts/{attempt.public_id}/result/"
    counts = {
        "take": count_queries(client.get, take_url),
        "take again": count_queries(client.get, take_url),
        "save": count_queries(client.post, save_url(attempt), {"action": "autosave", **answers}),
        "submit": count_queries(
            client.post, save_url(attempt), {"action": "submit", "submit_anyway": "1", **answers}, status=302
        ),
        "result": count_queries(client.get, result_url),
        "result again": count_queries(client.get, result_url),
    }
    assert Answer.objects.filter(attempt=attempt, mark__isnull=True).count() == 0
    return counts


def test_quiz_pages_make_a_fixed_number_of_queries(client, student, count_queries):
    client.force_login(student)
    _quiz_page_counts(client, student, 3, count_queries)  # warm the session and caches
    # The small quiz's questions new to the learner again, as the large one's are: a submit whose questions
    # were all met before has no first answer to add to the site-wide statistics, and skips their upsert.
    Attempt.objects.filter(user=student).delete()
    small = _quiz_page_counts(client, student, 3, count_queries)
    large = _quiz_page_counts(client, student, 20, count_queries)
    assert small == large, (small, large)
    # The user and is_teacher come from the user cache (quizzes/user_cache.py), warm after the first page.
    # take: session, attempt, answers, and the frozen questions unless their HTML is cached.
    assert small["take"] == 4 and small["take again"] == 3, small
    # result: session, attempt, and questions and answers unless the HTML is cached.
    assert small["result"] == 4 and small["result again"] == 2, small
    # save: session, attempt, lock, answers, bulk update (+ savepoints); submit does the same in the
    # same transaction, grading too, closes the attempt (15 when they were two transactions), adds the
    # answers to the site-wide item statistics (the keys the learner answered before, one INSERT … ON
    # CONFLICT), then the spaced-review cards: read, upsert, logs.
    assert small["save"] == 7 and small["submit"] == 13, small
