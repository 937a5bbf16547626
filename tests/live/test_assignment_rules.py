"""A live game of an assignment keeps the assignment's rules: its dates, and each student's attempts.

The host cannot start a game for an assignment that has not opened or whose due date has passed (the
form says why, in both languages). A class member who has used every attempt still plays, but their game
is saved as practice, not counted in the assignment, and the results file says so.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from live import services
from live.models import LiveGame, LivePlayer
from quizzes.models import Attempt
from quizzes.services.classes import start_assignment
from tests.factories import make_assignment, make_attempt, make_classroom, make_student

FORM = {"topic": "mixed", "length": 3, "difficulty": "any", "seconds": 20}


def post_new(client, assignment, language="tr"):
    with translation.override(language):
        url = reverse("live:new")
    return client.post(url, {**FORM, "assignment": assignment.pk})


@pytest.fixture(autouse=True)
def _turkish_after():
    yield
    translation.activate("tr")  # an English request leaves English active in this thread


@pytest.fixture
def members(db):
    return [make_student("ayse", "Ayşe Kaya"), make_student("ismail", "İsmail Er")]


@pytest.fixture
def assignment(content, teacher, members):
    return make_assignment(make_classroom(teacher, members), "Kurullar", max_attempts=2)


def test_an_open_assignment_starts_a_game_that_counts_in_it(client, teacher, assignment):
    client.force_login(teacher)
    response = post_new(client, assignment)
    game = LiveGame.objects.get()
    assert response.status_code == 302 and (game.assignment, game.classroom) == (assignment, assignment.classroom)
    projector = client.get(response.url).content.decode()
    assert "“Kurullar” ödevinde sayılır" in projector  # the host sees that it counts, and for whom


def test_an_assignment_not_yet_open_cannot_start_a_game(client, teacher, assignment):
    assignment.opens_at = timezone.now() + datetime.timedelta(days=1)
    assignment.save()
    client.force_login(teacher)
    response = post_new(client, assignment)
    assert response.status_code == 400 and not LiveGame.objects.exists()
    assert "“Kurullar” henüz açılmadı" in response.content.decode()
    response = post_new(client, assignment, "en")
    assert response.status_code == 400 and "“Kurullar” has not opened yet" in response.content.decode()


def test_an_assignment_past_its_due_date_cannot_start_a_game(client, teacher, assignment):
    assignment.opens_at = timezone.now() - datetime.timedelta(days=3)
    assignment.due_at = timezone.now() - datetime.timedelta(days=1)
    assignment.save()
    client.force_login(teacher)
    response = post_new(client, assignment)
    assert response.status_code == 400 and not LiveGame.objects.exists()
    assert "“Kurullar” için teslim tarihi geçti" in response.content.decode()
    response = post_new(client, assignment, "en")
    assert response.status_code == 400 and "“Kurullar” was due on" in response.content.decode()


def finish(game, players):
    """The game ended with these players ({number: user}), each answering every question right."""
    infos, standings, answers = {}, {}, {}
    for rank, (number, user) in enumerate(players.items(), start=1):
        infos[number] = {"name": user.get_full_name(), "lang": "tr", "user": user.pk, "percent": 100}
        count = len(game.questions)
        standings[number] = {"total": 1000, "rank": rank, "right": count, "answered": count}
        answers[number] = {i: (q["answer"], "tr") for i, q in enumerate(game.questions)}
    assert services.finish_game(game.code, infos, standings, answers)


def test_a_member_with_no_attempts_left_plays_for_practice_and_the_results_say_so(client, teacher, assignment, members):
    ayse, ismail = members
    make_attempt(ayse, assignment, ["a"], number=1)
    make_attempt(ayse, assignment, ["a"], number=2)  # both of Ayşe's attempts used
    make_attempt(ismail, assignment, ["a"], number=1)
    game = services.create_game(teacher, topic="mixed", length=3, difficulty="any", assignment=assignment)
    finish(game, {"1": ayse, "2": ismail})
    assert Attempt.objects.filter(assignment=assignment, user=ayse).count() == 2
    practice = LivePlayer.objects.get(game=game, user=ayse).attempt
    assert practice.assignment_id is None and practice.submitted_at is not None and practice.score == 3
    counted = LivePlayer.objects.get(game=game, user=ismail).attempt
    assert (counted.assignment, counted.number) == (assignment, 2)
    client.force_login(teacher)
    with translation.override("en"):
        url = reverse("live:results", args=[game.code, "csv"])
    csv = b"".join(client.get(url).streaming_content).decode("utf-8")
    lines = {line.split(",")[1]: line for line in csv.splitlines()[1:]}
    assert "Practice: every attempt used" in lines["Ayşe Kaya"]
    assert "Attempt 2 of 2" in lines["İsmail Er"]


def test_a_game_does_not_project_the_answers_of_the_questions_the_assignment_asks_on_the_site(
    teacher, content, members
):
    # "Same questions for everyone": every student's first attempt on the site asks one draw. A game that
    # asked that draw would show its right answers to the room, before the students who play later.
    assignment = make_assignment(
        make_classroom(teacher, members), "Karma", topic="mixed", length=10, same_questions=True, seed=4242
    )
    online, _new = start_assignment(members[0], assignment.pk, timezone.now())
    game = services.create_game(teacher, topic="mixed", length=10, difficulty="any", assignment=assignment)
    asked = {q["key"] for q in game.questions}
    # A fresh draw shares a few questions with it by chance (0.3 on average, at most 3 in 30 draws); the
    # first attempt's draw shared 9 of 10.
    assert len(asked & {q["key"] for q in online.questions}) <= len(asked) // 2


def test_a_member_is_told_on_the_play_page_whether_the_game_counts_for_them(client, teacher, assignment, members):
    ayse, ismail = members
    make_attempt(ayse, assignment, ["a"], number=1)
    make_attempt(ayse, assignment, ["a"], number=2)
    make_attempt(ismail, assignment, ["a"], number=1)
    game = services.create_game(teacher, topic="mixed", length=3, difficulty="any", assignment=assignment)
    client.force_login(ayse)
    page = client.get(reverse("live:play", args=[game.code])).content.decode()
    assert "“Kurullar” için bütün deneme haklarınızı kullandınız: bu oyun sizin için alıştırma" in page
    client.force_login(ismail)
    with translation.override("en"):
        page = client.get(reverse("live:play", args=[game.code])).content.decode()
    assert "This game counts as your attempt 2 of 2 at “Kurullar”." in page
    client.logout()
    assert "Kurullar" not in client.get(reverse("live:play", args=[game.code])).content.decode()


def test_a_game_made_in_time_but_opened_after_the_due_date_warns_its_host(client, teacher, assignment):
    game = services.create_game(teacher, topic="mixed", length=3, difficulty="any", assignment=assignment)
    assignment.due_at = timezone.now() - datetime.timedelta(minutes=5)
    assignment.save()
    client.force_login(teacher)
    page = client.get(reverse("live:projector", args=[game.code])).content.decode()
    assert "“Kurullar” için teslim tarihi geçti" in page and "geç teslim" in page


def test_an_assignments_game_takes_the_extra_time_of_its_own_class(client, teacher, assignment):
    other = make_classroom(teacher, name="10-B")
    client.force_login(teacher)
    response = client.post(reverse("live:new"), {**FORM, "assignment": assignment.pk, "classroom": other.pk})
    assert response.status_code == 400 and not LiveGame.objects.exists()
    assert "ödevin kendi sınıfının" in response.content.decode()
