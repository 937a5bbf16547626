"""Review says when: the next card due, recall a failure cannot show as mastered, where a flashcard stands."""

import datetime

import pytest
from django.utils import timezone

from quizzes.models import ReviewCard
from tests.factories import as_user
from tests.views.test_review import answered, question

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


def test_with_nothing_due_the_review_page_says_when_the_next_questions_are_and_how_many(logged_in, student):
    now = timezone.now()
    answered(student, ["b", "b", "b", "a", "a"], [question(f"q:{i}") for i in range(5)], when=now)
    due = ReviewCard.objects.filter(key="q:0").values_list("due", flat=True).get()
    clock = timezone.localtime(due).strftime("%H:%M")  # Istanbul time, as every date on the site
    html = logged_in.get("/en/review/").content.decode()
    assert "No question is due now." in html
    assert "Next: 3 questions come due in 1\xa0minute" in html  # the three missed, a minute after the quiz
    assert f"{clock}</time>" in html
    html = logged_in.get("/tr/review/").content.decode()
    assert "Sıradaki: 3 soru 1\xa0dakika sonra" in html
    assert f"{clock}</time>" in html


def test_with_no_cards_at_all_the_review_page_names_no_next_time(logged_in):
    html = logged_in.get("/en/review/").content.decode()
    assert "No question is due now." in html and "Next:" not in html


# --- Predicted recall: just failed is never shown as mastered ------------------------------------------


def test_right_after_failing_three_of_five_recall_is_not_shown_as_full(logged_in, student):
    answered(student, ["b", "b", "b", "a", "a"], [question(f"q:{i}") for i in range(5)], when=timezone.now())
    html = logged_in.get("/en/progress/").content.decode()
    row = html.split('<th scope="row">Departments</th>')[-1].split("</tr>")[0]  # the review table comes last
    assert "100%" not in row
    cells = [c.split(">")[-1] for c in row.split("</td>")[:-1]]
    assert cells[0] == "5" and cells[1] == "5"  # five cards, all still being learnt (new or just failed)
    assert int(cells[2].rstrip("%")) < 90  # recall in a week, well short of mastered
    assert "Recall in a week" in html and "Still learning" in html
    assert "Bir hafta sonra hatırlama" in logged_in.get("/tr/progress/").content.decode()


def test_the_teachers_topic_page_counts_the_cards_still_being_learnt(client, teacher, classroom, student, member):
    answered(student, ["b", "b", "b", "a", "a"], [question(f"q:{i}") for i in range(5)], when=timezone.now())
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/topics/").content.decode()
    row = html.split('<th scope="row">Departments</th>')[-1].split("</tr>")[0]
    assert "100%" not in row
    assert "Still learning" in html and "Recall today" not in html


# --- Flashcards: where you are --------------------------------------------------------------------


def test_a_flashcard_says_which_card_of_the_deck_and_what_is_left_today(logged_in, student, content):
    html = logged_in.get("/en/review/flashcards/?deck=terms&mode=same").content.decode()
    from quizzes.models import GlossaryTerm

    total = GlossaryTerm.objects.published().count()
    assert f"Card 1 of {total}" in html
    assert f"Left for today: 0 due again, {total - 1} not seen yet" in html
    shown = html.split('name="card" value="')[1].split('"')[0]
    logged_in.post("/en/review/flashcards/", {"deck": "terms", "mode": "same", "card": shown, "rating": "again"})
    html = logged_in.get("/en/review/flashcards/?deck=terms&mode=same").content.decode()
    assert f"Card 2 of {total}" in html
    assert f"Left for today: 1 due again, {total - 2} not seen yet" in html  # the failed one comes back today
    html = logged_in.get("/tr/review/flashcards/?deck=terms&mode=same").content.decode()
    assert f"Kart 2 / {total}" in html
    ReviewCard.objects.update(due=timezone.now() - MINUTE)
    html = logged_in.get("/en/review/flashcards/?deck=terms&mode=same").content.decode()
    assert f"Card 1 of {total}" in html  # the due card first: the deck's first term again
    assert f"Left for today: 0 due again, {total - 1} not seen yet" in html
