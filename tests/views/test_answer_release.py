"""Best-of-N assignments cannot be passed by copying (issue 8, #6).

Every attempt has its own draw, and the right answers wait for the answer release the teacher chose.
"""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import AnswerRelease, Attempt
from quizzes.teacher_forms import AssignmentForm
from tests.factories import make_assignment, make_attempt, make_classroom, question

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def classroom(teacher, student, other_student):
    return make_classroom(teacher, [student, other_student])


def start(client, user, assignment):
    client.force_login(user)
    response = client.post(f"/en/classes/assignments/{assignment.pk}/start/")
    assert response.status_code == 302
    return Attempt.objects.filter(user=user, assignment=assignment).order_by("-number").first()


def finish(attempt):
    Attempt.objects.filter(pk=attempt.pk).update(submitted_at=timezone.now(), score=0)


def keys(attempt):
    return [q["key"] for q in attempt.questions]


# --- Draws ---------------------------------------------------------------------------------------


def test_a_second_attempt_has_its_own_questions(client, student, classroom, content):
    assignment = make_assignment(classroom, topic="mixed", length=8, max_attempts=2, seed=777)
    first = start(client, student, assignment)
    finish(first)
    second = start(client, student, assignment)
    assert second.number == 2
    assert keys(second) != keys(first)


def test_same_questions_mode_shares_each_attempts_draw_across_students(
    client, student, other_student, classroom, content
):
    assignment = make_assignment(classroom, topic="mixed", length=8, max_attempts=2, seed=777)
    mine, theirs = [], []
    for user, attempts in ((student, mine), (other_student, theirs)):
        attempts.append(start(client, user, assignment))
        finish(attempts[0])
        attempts.append(start(client, user, assignment))
    assert keys(mine[0]) == keys(theirs[0])
    assert keys(mine[1]) == keys(theirs[1])
    assert keys(mine[0]) != keys(mine[1])


def test_attempt_seeds_stay_positive_and_distinct(classroom):
    assignment = make_assignment(classroom, max_attempts=10, seed=2**31 - 1)
    seeds = [assignment.seed_for(n) for n in range(1, 11)]
    assert seeds[0] == 2**31 - 1
    assert len(set(seeds)) == 10
    assert all(0 <= s < 2**31 for s in seeds)


def test_each_their_own_mode_draws_fresh_for_every_attempt(classroom):
    assignment = make_assignment(classroom, max_attempts=3, same_questions=False)
    assert assignment.seed_for(2) is None


# --- The rule ------------------------------------------------------------------------------------


def attempt_at(student, assignment, number):
    return make_attempt(student, assignment, ["b"], questions=[question("q:1")], number=number)


def test_best_of_n_defaults_to_answers_after_the_last_attempt(classroom):
    assert make_assignment(classroom, max_attempts=2).answer_release == AnswerRelease.AFTER_LAST_ATTEMPT
    assert AssignmentForm()["answer_release"].value() == AnswerRelease.AFTER_LAST_ATTEMPT


def test_after_each_attempt_shows_answers_at_once(student, classroom):
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_EACH_ATTEMPT)
    assert assignment.shows_answers(attempt_at(student, assignment, 1), timezone.now())


def test_after_the_last_attempt_hides_answers_while_attempts_are_left(student, classroom):
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    first = attempt_at(student, assignment, 1)
    assert not assignment.shows_answers(first, timezone.now())


def test_after_the_last_attempt_shows_every_attempts_answers_once_the_last_is_in(student, other_student, classroom):
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    first = attempt_at(student, assignment, 1)
    attempt_at(other_student, assignment, 1)
    attempt_at(other_student, assignment, 2)  # a classmate's last attempt changes nothing for this student
    assert not assignment.shows_answers(first, timezone.now())
    last = attempt_at(student, assignment, 2)
    assert assignment.shows_answers(last, timezone.now())
    assert assignment.shows_answers(first, timezone.now())


def test_after_the_last_attempt_shows_answers_after_the_due_date(student, classroom):
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    first = attempt_at(student, assignment, 1)
    assert assignment.shows_answers(first, assignment.due_at)


def test_after_the_due_date_waits_even_after_the_last_attempt(student, classroom):
    assignment = make_assignment(classroom, max_attempts=1, answer_release=AnswerRelease.AFTER_DUE_DATE)
    only = attempt_at(student, assignment, 1)
    assert not assignment.shows_answers(only, assignment.due_at - datetime.timedelta(minutes=1))
    assert assignment.shows_answers(only, assignment.due_at)


def test_a_quiz_outside_any_assignment_always_shows_its_answers(student):
    attempt = make_attempt(student, None, ["b"], questions=[question("q:1")])
    assert attempt.shows_answers(timezone.now())


# --- The result page -----------------------------------------------------------------------------


def result(client, attempt, language="en"):
    client.force_login(attempt.user)
    response = client.get(f"/{language}/attempts/{attempt.public_id}/result/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_result_of_a_first_attempt_hides_right_answers_and_explanations(client, student, classroom):
    assignment = make_assignment(classroom, max_attempts=2)
    html = result(client, attempt_at(student, assignment, 1))
    assert "Cyber Security Department" in html  # what the learner chose ("b") is shown
    assert "Right answer" not in html
    assert "Data Department" not in html  # the right option ("a")
    assert "Explanation." not in html
    assert "after your last attempt or after the due date" in html


def test_the_result_shows_right_answers_once_the_due_date_has_passed(client, student, classroom):
    assignment = make_assignment(classroom, max_attempts=2)
    attempt = attempt_at(student, assignment, 1)
    assert "Data Department" not in result(client, attempt)  # seen once, so its HTML may be cached
    assignment.due_at = timezone.now() - datetime.timedelta(minutes=1)
    assignment.opens_at = assignment.due_at - 7 * DAY
    assignment.save()
    html = result(client, attempt)
    assert "Right answer" in html
    assert "Data Department" in html
    assert "Explanation." in html


def test_the_result_of_the_last_attempt_shows_right_answers(client, student, classroom):
    assignment = make_assignment(classroom, max_attempts=2)
    attempt_at(student, assignment, 1)
    html = result(client, attempt_at(student, assignment, 2))
    assert "Data Department" in html
    assert "Explanation." in html


def test_the_teacher_chooses_the_review_option(client, teacher, classroom):
    client.force_login(teacher)
    html = client.get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert 'name="answer_release"' in html
    assert "after the due date" in html
    now = timezone.localtime()
    response = client.post(
        f"/en/teach/classes/{classroom.pk}/",
        {
            "title": "Daireler",
            "topic": "departments",
            "length": 10,
            "difficulty": "any",
            "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "due_at": (now + 7 * DAY).strftime("%Y-%m-%dT%H:%M"),
            "max_attempts": 2,
            "same_questions": "on",
            "answer_release": AnswerRelease.AFTER_DUE_DATE,
        },
    )
    assert response.status_code == 302
    assert classroom.assignments.get().answer_release == AnswerRelease.AFTER_DUE_DATE


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_assignment_result_makes_as_many_queries_as_a_quiz_result(client, student, classroom):
    client.force_login(student)
    assignment = make_assignment(classroom, max_attempts=1)
    warm, quiz, assigned = (
        f"/tr/attempts/{a.public_id}/result/"
        for a in (attempt_at(student, None, 1), attempt_at(student, None, 1), attempt_at(student, assignment, 1))
    )
    count_queries(client, warm)  # the session
    # Session, attempt (its assignment joined); questions and answers unless the HTML is cached.
    # (The user and is_teacher come from the user cache once warm: quizzes/user_cache.py.)
    assert [count_queries(client, quiz), count_queries(client, quiz)] == [4, 2]
    assert [count_queries(client, assigned), count_queries(client, assigned)] == [4, 2]


def test_a_result_with_attempts_left_asks_once_more(client, student, classroom):
    client.force_login(student)
    assignment = make_assignment(classroom, max_attempts=2)
    url = f"/tr/attempts/{attempt_at(student, assignment, 1).public_id}/result/"
    count_queries(client, url)
    # + whether the last attempt is in: one query, whatever the number of attempts.
    assert [count_queries(client, url), count_queries(client, url)] == [3, 3]


def test_practising_missed_questions_never_shows_answers_the_assignment_holds_back(client, student, classroom):
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    make_attempt(student, assignment, ["b"], questions=[question("dept_focus:siber")])
    client.force_login(student)
    response = client.post("/en/progress/practise/")
    assert response.status_code == 302 and response.url == "/en/progress/"
    assert not Attempt.objects.filter(user=student, topic="practice").exists()
    assert "Nothing to practise yet" in client.get("/en/progress/").content.decode()


def test_practising_takes_the_missed_questions_once_the_assignment_shows_its_answers(
    client, student, classroom, content
):
    assignment = make_assignment(classroom, max_attempts=1, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    make_attempt(student, assignment, ["b"], questions=[question("dept_focus:bilgi-teknolojileri")])
    client.force_login(student)
    response = client.post("/en/progress/practise/")
    assert response.status_code == 302
    practice = Attempt.objects.get(user=student, topic="practice")
    assert [q["key"] for q in practice.questions] == ["dept_focus:bilgi-teknolojileri"]
