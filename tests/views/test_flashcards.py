"""Flashcards (review/flashcards/): decks of terms, departments and events, rated into the same FSRS cards."""

import datetime
import re

import pytest
from django.utils import timezone

from quizzes import flashcards
from quizzes.content import load_content
from quizzes.models import Department, ReviewCard, ReviewLog
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

URL = "/en/review/flashcards/"


def terms():
    """The terms deck, in the order the page serves new cards."""
    return flashcards.deck(load_content(), "terms")


def shown_key(html):
    return re.search(r'name="card" value="([^"]+)"', html).group(1)


def rate(client, key, rating="good", deck="terms", mode="same"):
    return client.post(URL, {"deck": deck, "mode": mode, "card": key, "rating": rating})


def test_the_menu_offers_the_three_decks_and_both_ways(client, content):
    html = client.get(URL).content.decode()
    for value in ('value="terms"', 'value="departments"', 'value="events"', 'value="same"', 'value="cross"'):
        assert value in html
    assert "Front in Turkish, back in this page's language" in html
    assert "Ön yüz İngilizce" in client.get("/tr/review/flashcards/").content.decode()


def test_a_card_shows_its_front_and_keeps_its_back_for_the_show_answer_button(client, content):
    term = terms()[0]
    html = client.get(URL, {"deck": "terms"}).content.decode()
    assert term.front.en in html
    assert re.search(r'id="flash-back"[^>]* hidden', html)  # the back waits (the script turns it in place)
    assert f"?deck=terms&amp;mode=same&amp;card={term.key.replace(':', '%3A')}&amp;show=1" in html
    assert '<script src="/static/js/flashcards.js' in html


def test_without_javascript_the_show_answer_link_loads_the_back_with_the_ratings(client, content):
    term = terms()[0]
    html = client.get(URL, {"deck": "terms", "card": term.key, "show": "1"}).content.decode()
    assert not re.search(r'id="flash-back"[^>]* hidden', html)
    assert term.back.en in html
    for rating in ("again", "hard", "good", "easy"):
        assert f'name="rating" value="{rating}"' in html


def test_the_page_language_sets_both_sides(client, content):
    term = terms()[0]
    html = client.get("/tr/review/flashcards/", {"deck": "terms", "card": term.key, "show": "1"})
    html = html.content.decode()
    assert term.front.tr in html and term.back.tr in html and term.back.en not in html


def test_the_cross_way_puts_the_front_in_the_other_language(client, content):
    term = terms()[0]
    query = {"deck": "terms", "mode": "cross", "card": term.key, "show": "1"}
    html = client.get(URL, query).content.decode()
    assert f'lang="tr">{term.front.tr}</p>' in html  # front: the Turkish term
    assert term.back.en in html and term.front.en in html  # back: the English term and meaning


def test_rating_a_card_makes_its_fsrs_card_and_shows_the_next(logged_in, student, content):
    first = terms()[0].key
    response = rate(logged_in, first, "good")
    assert response.status_code == 302 and response.url == f"{URL}?deck=terms&mode=same"
    card = ReviewCard.objects.get(user=student)
    assert (card.key, card.topic, card.reviews) == (first, "glossary", 1)
    assert card.due > timezone.now()
    assert list(ReviewLog.objects.values_list("rating", flat=True)) == [3]
    assert shown_key(logged_in.get(URL, {"deck": "terms"}).content.decode()) == terms()[1].key


def test_the_four_ratings_schedule_the_card_further_and_further(logged_in, student, content):
    keys = [t.key for t in terms()[:4]]
    for key, rating in zip(keys, ("again", "hard", "good", "easy"), strict=True):
        rate(logged_in, key, rating)
    due = [ReviewCard.objects.get(key=key).due for key in keys]
    assert due == sorted(due) and len(set(due)) == 4


def test_a_due_card_comes_back_before_new_ones(logged_in, student, content):
    second = terms()[1].key
    rate(logged_in, second, "again")
    ReviewCard.objects.update(due=timezone.now() - datetime.timedelta(minutes=5))
    assert shown_key(logged_in.get(URL, {"deck": "terms"}).content.decode()) == second


def test_departments_and_events_decks(logged_in, student, content):
    department = Department.objects.published().order_by("pk").first()
    html = logged_in.get(URL, {"deck": "departments"}).content.decode()
    assert shown_key(html).startswith("flash:department:")
    rate(logged_in, f"flash:department:{department.slug}", deck="departments")
    assert ReviewCard.objects.get().topic == "departments"
    html = logged_in.get(URL, {"deck": "events", "mode": "cross"}).content.decode()
    key = shown_key(html)
    rate(logged_in, key, deck="events", mode="cross")
    assert ReviewCard.objects.get(key=key).topic == "timeline"


def test_a_deck_studied_through_says_so(logged_in, student, content):
    for department in Department.objects.published():
        rate(logged_in, f"flash:department:{department.slug}", "easy", deck="departments")
    html = logged_in.get(URL, {"deck": "departments"}).content.decode()
    assert "Nothing more to study in this deck now" in html


def test_a_guest_studies_and_keeps_the_cards_at_login(client, student, content):
    key = terms()[0].key
    assert rate(client, key).status_code == 302
    assert ReviewCard.objects.get().user is None
    client.post("/en/accounts/login/", {"username": student.username, "password": PASSWORD})
    assert ReviewCard.objects.get().user == student


@pytest.mark.parametrize(
    "query",
    [{"deck": "nope"}, {"deck": "terms", "mode": "sideways"}, {"deck": "terms\x00"}, {"mode": "x"}],
)
def test_an_unknown_deck_or_mode_is_refused_with_a_message(client, content, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert "There is no such deck or way of studying it." in response.content.decode()


def test_a_card_not_in_the_deck_is_not_found(client, content):
    assert client.get(URL, {"deck": "terms", "card": "flash:department:x", "show": "1"}).status_code == 404


@pytest.mark.parametrize(
    "post",
    [
        {"deck": "terms", "mode": "same", "card": "flash:term:no-such-term", "rating": "good"},
        {"deck": "terms", "mode": "same", "card": "FIRST", "rating": "perfect"},
        {"deck": "terms", "mode": "same", "card": "FIRST"},
        {"deck": "departments", "mode": "same", "card": "FIRST", "rating": "good"},  # a term in another deck
        {"mode": "same", "card": "FIRST", "rating": "good"},
        {"deck": "nope", "card": "FIRST", "rating": "good"},
    ],
)
def test_a_bad_rating_is_refused_and_saves_nothing(logged_in, content, post):
    post = {k: v.replace("FIRST", terms()[0].key) for k, v in post.items()}
    response = logged_in.post(URL, post)
    assert response.status_code == 400
    assert "nothing was saved" in response.content.decode() or "Choose" in response.content.decode()
    assert not ReviewCard.objects.exists() and not ReviewLog.objects.exists()


def test_rating_needs_csrf(student, content):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert rate(client, terms()[0].key).status_code == 403
    assert not ReviewCard.objects.exists()


def test_a_card_page_makes_a_fixed_number_of_queries(logged_in, student, content, count_queries):
    rate(logged_in, terms()[0].key)
    small = count_queries(logged_in.get, URL, {"deck": "terms"})
    for term in terms()[1:6]:
        rate(logged_in, term.key)
    assert count_queries(logged_in.get, URL, {"deck": "terms"}) == small
