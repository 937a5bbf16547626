"""Spaced review (review/): cards from submitted answers, the review quiz, the summaries for learner and teacher."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import Attempt, Membership, ReviewCard, ReviewLog
from quizzes.services.review import record_attempt
from tests.factories import PASSWORD, as_user, make_attempt, make_student, question
from tests.quiz_factories import make_quiz_attempt, save_url

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


def answered(student, choices, questions, *, when, guest_key=""):
    """A submitted attempt whose answers are recorded on the cards at ``when``."""
    attempt = make_attempt(student, None, choices, questions=questions, guest_key=guest_key, submitted_at=when)
    record_attempt(attempt, list(attempt.answers.all()), when)
    return attempt


def test_submitting_a_quiz_makes_a_card_per_question_right_good_wrong_again(logged_in, student):
    attempt = make_quiz_attempt(student, count=3)
    logged_in.post(
        save_url(attempt, "en"), {"action": "submit", "q-0": "1", "submit_anyway": "1"}
    )  # q-0 right, the others unanswered
    cards = {c.key: c for c in ReviewCard.objects.filter(user=student)}
    assert set(cards) == {q["key"] for q in attempt.questions}
    logs = {log.card.key: log for log in ReviewLog.objects.select_related("card")}
    assert logs[attempt.questions[0]["key"]].rating == 3  # Good
    assert {logs[q["key"]].rating for q in attempt.questions[1:]} == {1}  # Again
    assert all(log.attempt_id == attempt.pk for log in logs.values())
    # A right answer comes back later than a wrong one.
    assert cards[attempt.questions[0]["key"]].due > cards[attempt.questions[1]["key"]].due


def test_a_second_quiz_updates_the_same_cards(student):
    now = timezone.now()
    questions = [question("q:1"), question("q:2")]
    answered(student, ["a", "a"], questions, when=now - 48 * HOUR)
    first = {c.key: c.due for c in ReviewCard.objects.all()}
    answered(student, ["a", "b"], questions, when=now)
    cards = {c.key: c for c in ReviewCard.objects.all()}
    assert len(cards) == 2 and {c.reviews for c in cards.values()} == {2}
    assert cards["q:1"].due > first["q:1"]
    assert ReviewLog.objects.count() == 4


def test_cards_are_kept_per_learner(student, other_student):
    now = timezone.now()
    answered(student, ["a"], [question("q:1")], when=now)
    answered(other_student, ["b"], [question("q:1")], when=now)
    assert ReviewCard.objects.filter(key="q:1").count() == 2


def test_recording_answers_takes_three_queries_whatever_the_quiz_length(student, django_assert_num_queries):
    now = timezone.now()
    for size in (2, 20):
        questions = [question(f"q:{size}-{i}") for i in range(size)]
        attempt = make_attempt(student, None, ["a"] * size, questions=questions)
        answers = list(attempt.answers.all())
        with django_assert_num_queries(3):  # read the cards, upsert them, write the logs
            record_attempt(attempt, answers, now)
        with django_assert_num_queries(3):  # the same again, now that the cards exist
            record_attempt(attempt, answers, now + HOUR)


def test_a_guests_cards_go_to_the_account_at_login(client, student, content):
    client.post("/en/quizzes/start/", {"topic": "departments", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get(user=None)
    client.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    guest_key = attempt.guest_key
    assert ReviewCard.objects.filter(guest_key=guest_key).count() == 5
    mine = answered(student, ["a"], [attempt.questions[0]], when=timezone.now())
    client.post("/en/accounts/login/", {"username": student.username, "password": PASSWORD})
    cards = ReviewCard.objects.filter(user=student)
    assert cards.count() == 5 and not ReviewCard.objects.filter(guest_key=guest_key).exists()
    # Where the account had the card already, its own card (and history) stays.
    kept = cards.get(key=mine.questions[0]["key"])
    assert list(kept.logs.values_list("attempt_id", flat=True)) == [mine.pk]


# --- The review page and its quiz ------------------------------------------------------------------


def test_the_review_page_says_when_nothing_is_due(logged_in, student):
    answered(student, ["a"], [question("q:1")], when=timezone.now())
    html = logged_in.get("/en/review/").content.decode()
    assert "No question is due now." in html
    assert "Start the review" not in html


def test_the_review_page_counts_the_due_questions(logged_in, student):
    five_minutes_ago = timezone.now() - datetime.timedelta(minutes=5)
    answered(student, ["b", "b", "a"], [question("q:1"), question("q:2"), question("q:3")], when=five_minutes_ago)
    html = logged_in.get("/en/review/").content.decode()
    assert "2 questions are due now." in html  # the two missed come back after a minute; the right one waits longer
    assert "Start the review" in html
    html = logged_in.get("/tr/review/").content.decode()
    assert "Şu anda tekrar zamanı gelmiş 2 soru var." in html
    assert "Ön yüz İngilizce, arka yüz bu sayfanın dilinde" in html  # the flashcard menu: the other language


def test_the_review_quiz_asks_the_due_questions_oldest_first_as_last_asked(logged_in, student, other_student):
    now = timezone.now()
    old = question("q:1")
    answered(student, ["b"], [old], when=now - 5 * HOUR)
    newer = question("q:1", options=("d", "c", "b", "a"))  # asked again later, options in another order
    answered(student, ["b", "b"], [newer, question("q:2")], when=now - 3 * HOUR)
    ReviewCard.objects.filter(key="q:2").update(due=now - 4 * HOUR)  # q:2 became due first
    answered(other_student, ["b"], [question("q:3")], when=now - 5 * HOUR)  # someone else's
    response = logged_in.post("/en/review/start/")
    review = Attempt.objects.latest("pk")
    assert response.url == f"/en/attempts/{review.public_id}/"
    assert review.user == student and review.topic == "practice" and review.submitted_at is None
    assert [q["key"] for q in review.questions] == ["q:2", "q:1"]
    assert [o["key"] for o in review.questions[1]["options"]] == ["d", "c", "b", "a"]


def test_flashcards_are_not_in_the_review_quiz(logged_in, student, content):
    logged_in.post("/en/review/flashcards/", {"deck": "terms", "mode": "same", "card": first_term(), "rating": "again"})
    ReviewCard.objects.update(due=timezone.now() - HOUR)
    response = logged_in.post("/en/review/start/", follow=True)
    assert "No question is due for review now." in response.content.decode()
    assert not Attempt.objects.exists()


def first_term():
    from quizzes.models import GlossaryTerm

    return "flash:term:" + GlossaryTerm.objects.published().order_by("pk").values_list("slug", flat=True)[0]


def test_submitting_the_review_quiz_updates_the_cards(logged_in, student):
    answered(student, ["b"], [question("q:1")], when=timezone.now() - HOUR)
    logged_in.post("/en/review/start/")
    review = Attempt.objects.latest("pk")
    logged_in.post(
        save_url(review, "en"), {"action": "submit", "q-0": "0", "submit_anyway": "1"}
    )  # option 0 is "a", the answer
    card = ReviewCard.objects.get(key="q:1")
    assert card.reviews == 2 and card.due > timezone.now()
    assert list(card.logs.values_list("rating", flat=True)) == [1, 3]


def test_starting_a_review_with_nothing_due_says_so_and_makes_nothing(logged_in):
    response = logged_in.post("/en/review/start/", follow=True)
    assert response.redirect_chain == [("/en/review/", 302)]
    assert "No question is due for review now." in response.content.decode()
    assert not Attempt.objects.exists()


def test_a_guest_reviews_their_own_cards(client, content):
    client.post("/en/quizzes/start/", {"topic": "glossary", "length": 5, "difficulty": "any"})
    attempt = Attempt.objects.get()
    client.post(save_url(attempt, "en"), {"action": "submit", "submit_anyway": "1"})
    ReviewCard.objects.update(due=timezone.now() - HOUR)
    client.post("/en/review/start/")
    review = Attempt.objects.latest("pk")
    assert review.guest_key == attempt.guest_key and len(review.questions) == 5


def test_the_review_page_and_start_refuse_other_methods(logged_in):
    assert logged_in.post("/en/review/").status_code == 405
    assert logged_in.get("/en/review/start/").status_code == 405


def test_the_review_page_makes_a_fixed_number_of_queries(logged_in, student, count_queries):
    now = timezone.now() - HOUR
    answered(student, ["b"] * 2, [question(f"q:{i}") for i in range(2)], when=now)
    small = count_queries(logged_in.get, "/en/review/")
    answered(student, ["b"] * 30, [question(f"q:x{i}") for i in range(30)], when=now)
    assert count_queries(logged_in.get, "/en/review/") == small


# --- My progress --------------------------------------------------------------------------------


def test_my_progress_says_what_is_due_today_and_this_week_and_the_recall_per_topic(logged_in, student):
    now = timezone.now()
    answered(student, ["a", "b"], [question("q:1"), question("q:2", topic="timeline")], when=now - 2 * HOUR)
    ReviewCard.objects.filter(key="q:1").update(due=now + datetime.timedelta(days=3))
    html = logged_in.get("/en/progress/").content.decode()
    assert "<strong>1</strong> due by the end of today" in html
    assert "<strong>2</strong> due this week" in html
    assert "Predicted recall" in html
    assert '<th scope="row">Timeline 2017–2025</th><td class="num">1</td>' in html
    assert "bugün bitmeden tekrar edilecek" in logged_in.get("/tr/progress/").content.decode()


def test_my_progress_review_block_makes_a_fixed_number_of_queries(logged_in, student, count_queries):
    now = timezone.now()
    answered(student, ["a"], [question("q:1")], when=now)
    small = count_queries(logged_in.get, "/en/progress/")
    answered(student, ["a"] * 20, [question(f"q:y{i}", topic="glossary") for i in range(20)], when=now)
    assert count_queries(logged_in.get, "/en/progress/") == small


# --- The teacher's topic page -----------------------------------------------------------------------


def test_the_topic_page_shows_cards_still_learning_and_recall_in_a_week(client, teacher, classroom, student, member):
    outsider = make_student("disarida")
    now = timezone.now()
    answered(student, ["a", "a"], [question("q:1"), question("q:2", topic="timeline")], when=now - 48 * HOUR)
    answered(outsider, ["a"] * 3, [question(f"q:o{i}", topic="timeline") for i in range(3)], when=now)
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/topics/").content.decode()
    assert "About to be forgotten" in html
    # One student, one timeline card (the outsider's are not counted), still learning; recall fades over the week.
    row = html.split('<th scope="row">Timeline 2017–2025</th><td class="num">1</td><td class="num">1</td>')[1]
    learning, week = (cell.split(">")[1] for cell in row.split("</td>")[:2])
    assert learning == "1" and 100 > int(week.rstrip("%")) > 0


def test_the_topic_page_says_when_the_class_has_no_cards(client, teacher, classroom):
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/topics/").content.decode()
    assert "No review cards yet" in html


def test_the_topic_page_makes_a_fixed_number_of_queries_as_the_class_reviews(client, teacher, classroom, count_queries):
    students = [make_student(f"s{i}") for i in range(6)]
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    url = f"/en/teach/classes/{classroom.pk}/topics/"
    as_user(client, teacher)
    answered(students[0], ["a"], [question("q:1")], when=timezone.now())
    small = count_queries(client.get, url)
    for s in students:
        answered(
            s,
            ["a", "b", "a"],
            [question("q:1"), question("q:2"), question("q:3", topic="glossary")],
            when=timezone.now(),
        )
    assert count_queries(client.get, url) == small


def test_a_review_never_shows_answers_an_assignment_still_holds_back(logged_in, student, teacher):
    from quizzes.models import AnswerRelease
    from tests.factories import make_assignment, make_classroom

    classroom = make_classroom(teacher, [student])
    assignment = make_assignment(classroom, max_attempts=2, answer_release=AnswerRelease.AFTER_LAST_ATTEMPT)
    attempt = make_attempt(student, assignment, ["b"], questions=[question("q:1")], submitted_at=timezone.now() - HOUR)
    record_attempt(attempt, list(attempt.answers.all()), timezone.now() - HOUR)
    ReviewCard.objects.update(due=timezone.now() - HOUR)
    response = logged_in.post("/en/review/start/", follow=True)
    assert "No question is due for review now." in response.content.decode()
    assert not Attempt.objects.filter(topic="practice").exists()
