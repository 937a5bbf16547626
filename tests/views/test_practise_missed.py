"""Practise what the class missed (teach/classes/N/practise-missed/): the prefilled form, the assignment it
gives (each student their own missed questions, else the class's weakest topic), who may use it, bad input."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Assignment, Attempt, Membership, MissedQuestions
from quizzes.services.attempts import save_answers, submit_attempt
from quizzes.services.classes import start_assignment
from tests.factories import as_user, make_assignment, make_attempt, make_student, make_teacher, question

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def url(classroom, language="en"):
    return f"/{language}/teach/classes/{classroom.pk}/practise-missed/"


def local(dt):
    return timezone.localtime(dt).strftime("%Y-%m-%dT%H:%M")


def form_data(**changes):
    now = timezone.now()
    data = {
        "title": "Eksiklerimiz",
        "length": 3,
        "opens_at": local(now),
        "due_at": local(now + 7 * DAY),
        "max_attempts": 2,
        "time_limit": "",
        "answer_release": "each_attempt",
    }
    data.update(changes)
    return data


@pytest.fixture
def answered_class(classroom, student, other_student):
    """A class of two: the student missed q:2 and q:4 of a departments assignment (q:4 more recently, in a
    timeline assignment); the other student got everything right but was weakest on timeline."""
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in (student, other_student))
    first = make_assignment(classroom, "Daireler")
    second = make_assignment(classroom, "Zaman", topic="timeline")
    then = timezone.now() - 2 * DAY
    make_attempt(student, first, ["a", "b", "a"], questions=[question(f"q:{i}") for i in (1, 2, 3)], submitted_at=then)
    make_attempt(student, second, ["b"], questions=[question("q:4", topic="timeline")])
    make_attempt(other_student, first, ["a", "a", "a"], questions=[question(f"q:{i}") for i in (1, 2, 3)])
    return classroom


def test_the_form_is_prefilled_and_says_who_gets_what(client, teacher, answered_class):
    response = as_user(client, teacher).get(url(answered_class))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Practise what you missed"' in html
    assert 'name="due_at"' in html and 'name="max_attempts"' in html and 'name="answer_release"' in html
    assert "2 questions they missed" in html  # the student
    assert (
        "a quiz on Timeline 2017–2025" in html
    )  # the other: the class's weakest topic (half of the timeline answers wrong)


def test_in_turkish_too(client, teacher, answered_class):
    html = as_user(client, teacher).get(url(answered_class, "tr")).content.decode()
    assert 'value="Eksiklerini çalış"' in html
    assert "kaçırdığı 2 soru" in html
    assert "Zaman çizelgesi 2017–2025 konusunda bir test" in html


def test_confirming_gives_each_student_their_missed_questions_most_recent_first(
    client, teacher, student, other_student, answered_class
):
    response = as_user(client, teacher).post(url(answered_class), form_data())
    assert response.status_code == 302 and response.url == f"/en/teach/classes/{answered_class.pk}/"
    assignment = Assignment.objects.get(title="Eksiklerimiz")
    assert assignment.practises_missed and assignment.topic == "timeline"
    assert (assignment.length, assignment.max_attempts, assignment.answer_release) == (3, 2, "each_attempt")
    assert MissedQuestions.objects.get(assignment=assignment, student=student).question_keys == ["q:4", "q:2"]
    assert not MissedQuestions.objects.filter(student=other_student).exists()
    page = client.get(response.url).content.decode()
    assert (
        "Assignment “Eksiklerimiz” created: 1 student practises the questions they missed; "
        "1 gets a quiz on Timeline 2017–2025." in page
    )
    assert "each student the questions they missed most recently, up to 3 (none missed: Timeline 2017–2025)" in page


def test_the_students_attempts_hold_their_own_questions(teacher, student, other_student, classroom, content):
    """With real content: a student who missed questions gets exactly those; one who missed none, the topic."""
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in (student, other_student))
    quiz = make_assignment(classroom, "Daireler", length=5, seed=7)
    mine, _new = start_assignment(student, quiz.pk, timezone.now())
    submit_attempt(mine)  # nothing answered: all five missed
    theirs, _new = start_assignment(other_student, quiz.pk, timezone.now())
    save_answers(theirs, {i: q["answer"] for i, q in enumerate(theirs.questions)}, "tr", submit=True)
    assert Attempt.objects.get(pk=theirs.pk).score == 5

    from quizzes.reports.missed import missed_practice
    from quizzes.services.classes import give_missed_practice
    from quizzes.teacher_forms import MissedPracticeForm

    form = MissedPracticeForm(form_data())
    assert form.is_valid(), form.errors
    _students, plan, _answered = missed_practice(classroom, 3, timezone.now())
    practice = give_missed_practice(classroom, form.save(commit=False), plan)

    again, _new = start_assignment(student, practice.pk, timezone.now())
    keys = [q["key"] for q in again.questions]
    assert len(keys) == 3 and set(keys) <= {q["key"] for q in mine.questions}
    assert again.topic == "practice" and again.assignment == practice
    other, _new = start_assignment(other_student, practice.pk, timezone.now())
    assert other.topic == "departments" and len(other.questions) == 3


def test_the_reports_link_to_it(client, teacher, answered_class):
    as_user(client, teacher)
    link = f'href="{url(answered_class)}"'
    assert link in client.get(f"/en/teach/classes/{answered_class.pk}/items/").content.decode()
    assert link in client.get(f"/en/teach/classes/{answered_class.pk}/topics/").content.decode()


def test_another_teachers_class_is_not_found_and_nothing_is_given(client, answered_class):
    as_user(client, make_teacher("baska"))
    assert client.get(url(answered_class)).status_code == 404
    assert client.post(url(answered_class), form_data()).status_code == 404
    assert not Assignment.objects.filter(practises_missed=True).exists()


def test_a_student_is_refused_and_a_visitor_asked_to_sign_in(client, student, answered_class):
    assert client.get(url(answered_class)).status_code == 302
    assert as_user(client, student).post(url(answered_class), form_data()).status_code == 403
    assert not Assignment.objects.filter(practises_missed=True).exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"length": 0},
        {"length": 31},
        {"length": "üç"},
        {"max_attempts": 11},
        {"answer_release": "always"},
        {"due_at": local(timezone.now() - DAY)},
        {"opens_at": "not a date"},
        {"title": ""},
        {"time_limit": -5},
    ],
)
def test_bad_input_says_what_is_wrong_and_gives_nothing(client, teacher, answered_class, changes):
    response = as_user(client, teacher).post(url(answered_class), form_data(**changes))
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not Assignment.objects.filter(practises_missed=True).exists()
    assert not MissedQuestions.objects.exists()


def test_a_class_with_nothing_submitted_has_nothing_to_practise(client, teacher, classroom, student):
    Membership.objects.create(classroom=classroom, student=student)
    as_user(client, teacher)
    assert "Nothing to practise yet" in client.get(url(classroom)).content.decode()
    response = client.post(url(classroom), form_data())
    assert response.status_code == 400 and "Nothing to practise yet" in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_page_runs_a_fixed_number_of_queries(client, teacher, answered_class, count_queries):
    as_user(client, teacher)
    before = count_queries(client.get, url(answered_class))
    assignment = Assignment.objects.get(title="Daireler")
    for i in range(5):
        newcomer = make_student(f"yeni{i}", f"Yeni Öğrenci {i}")
        Membership.objects.create(classroom=answered_class, student=newcomer)
        make_attempt(newcomer, assignment, ["b", "a", "b"], questions=[question(f"q:{i}") for i in (1, 2, 3)])
    assert count_queries(client.get, url(answered_class)) == before


def test_questions_whose_answers_are_still_held_back_are_left_out(client, teacher, student, answered_class):
    """A missed question of an assignment that shows its answers only after the due date is not given before."""
    hidden = make_assignment(answered_class, "Gizli", answer_release="due_date")
    make_attempt(student, hidden, ["b"], questions=[question("q:9")])
    html = as_user(client, teacher).get(url(answered_class)).content.decode()
    assert "2 questions they missed" in html  # q:4 and q:2, not q:9
    Assignment.objects.filter(pk=hidden.pk).update(opens_at=timezone.now() - 9 * DAY, due_at=timezone.now() - DAY)
    assert "3 questions they missed" in client.get(url(answered_class)).content.decode()


def test_the_student_is_told_they_practise_what_they_missed(client, teacher, student, answered_class):
    as_user(client, teacher).post(url(answered_class), form_data())
    html = as_user(client, student).get("/en/classes/").content.decode()
    assert "the questions you missed most recently, up to 3 (none missed: Timeline 2017–2025)" in html
    html = client.get("/tr/classes/").content.decode()
    assert "en son kaçırdığın sorular, en çok 3 (kaçırdığın yoksa: Zaman çizelgesi 2017–2025)" in html
