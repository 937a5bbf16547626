"""Spaced review, pure: answers and flashcard ratings become FSRS card updates; recall fades with time."""

from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Rating

from quizzes import flashcards, spaced
from quizzes.values import Content, DepartmentItem, EventItem, SourceRef, TermItem, Text

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_a_right_answer_counts_as_good_and_a_wrong_one_as_again():
    assert spaced.rating_for_mark(1.0) == Rating.Good
    assert spaced.rating_for_mark(0.0) == Rating.Again
    assert spaced.rating_for_mark(0.5) == Rating.Again  # part right is not remembered
    assert spaced.rating_for_mark(None) == Rating.Again  # unanswered


def test_flashcard_ratings_are_the_four_buttons():
    assert [spaced.rating_for_flash(n) for n in ("again", "hard", "good", "easy")] == [
        Rating.Again,
        Rating.Hard,
        Rating.Good,
        Rating.Easy,
    ]
    with pytest.raises(ValueError):
        spaced.rating_for_flash("perfect")


def test_a_new_card_answered_right_comes_back_later_than_one_answered_wrong():
    good = spaced.review(None, Rating.Good, NOW)
    again = spaced.review(None, Rating.Again, NOW)
    assert again.due < good.due
    assert good.due > NOW and good.reviewed_at == NOW and good.rating == 3


def test_right_answers_in_a_row_space_the_reviews_out():
    update, gaps = None, []
    moment = NOW
    for _ in range(4):
        update = spaced.review(update.state if update else None, Rating.Good, moment)
        gaps.append(update.due - moment)
        moment = update.due
    assert gaps == sorted(gaps) and gaps[-1] > timedelta(days=7), gaps


def test_a_lapse_brings_a_learned_card_back_soon():
    update = spaced.review(None, Rating.Good, NOW)
    for _ in range(3):
        update = spaced.review(update.state, Rating.Good, update.due)
    lapse = spaced.review(update.state, Rating.Again, update.due)
    assert lapse.due - update.due <= timedelta(minutes=10)


def test_the_state_round_trips_through_json_and_times_are_utc():
    import json

    update = spaced.review(None, Rating.Good, datetime(2026, 3, 2, 12, 0, tzinfo=timezone(timedelta(hours=3))))
    assert json.loads(json.dumps(update.state)) == update.state
    assert update.reviewed_at == NOW and update.reviewed_at.tzinfo == UTC
    again = spaced.review(update.state, Rating.Good, update.due)
    assert again.due > update.due


def test_naive_times_are_refused():
    with pytest.raises(ValueError):
        spaced.review(None, Rating.Good, datetime(2026, 3, 2, 9, 0))


def test_predicted_recall_fades_over_time_and_more_slowly_after_more_reviews():
    once = spaced.review(None, Rating.Good, NOW)
    assert spaced.recall(once.state, NOW) == pytest.approx(1.0)
    day, week, month = (spaced.recall(once.state, NOW + timedelta(days=d)) for d in (1, 7, 30))
    assert 1 > day > week > month > 0
    thrice = once
    for _ in range(2):
        thrice = spaced.review(thrice.state, Rating.Good, thrice.due)
    later = thrice.state["last_review"]
    assert spaced.recall(thrice.state, datetime.fromisoformat(later) + timedelta(days=7)) > week


def test_a_card_never_reviewed_has_no_predicted_recall():
    assert spaced.recall(None, NOW) == 0.0
    assert spaced.recall({}, NOW) == 0.0


SOURCE = SourceRef(id=1, title=Text("K", "S"), publisher="P")
CONTENT = Content(
    departments=(
        DepartmentItem("siber", Text("Siber", "Cyber"), Text("Güvenlik", "Security"), "source", "high", SOURCE),
    ),
    events=(
        EventItem(
            "kurulus",
            NOW.date(),
            "year",
            Text("Kuruluş", "Founding"),
            Text("Ofis kuruldu", "Office founded"),
            Text("", ""),
            "",
            None,
            "high",
            SOURCE,
        ),
    ),
    terms=(
        TermItem("veri", Text("Veri", "Data"), Text("Bilgi", "Information"), None),
        TermItem("bulut", Text("Bulut", "Cloud"), Text("Sunucular", "Servers"), None),
    ),
)


def test_decks_have_a_card_per_item_keyed_by_kind_and_slug():
    assert [c.key for c in flashcards.deck(CONTENT, "terms")] == ["flash:term:veri", "flash:term:bulut"]
    assert [c.topic for c in flashcards.deck(CONTENT, "departments")] == ["departments"]
    assert flashcards.deck(CONTENT, "events")[0].key == "flash:event:kurulus"
    with pytest.raises(ValueError):
        flashcards.deck(CONTENT, "../etc")


def test_the_next_card_is_the_oldest_due_then_the_first_never_seen():
    cards = flashcards.deck(CONTENT, "terms")
    assert flashcards.next_card(cards, ["flash:term:bulut"], {"flash:term:veri", "flash:term:bulut"}).key == (
        "flash:term:bulut"
    )
    assert flashcards.next_card(cards, [], {"flash:term:veri"}).key == "flash:term:bulut"
    assert flashcards.next_card(cards, ["flash:term:gone"], {"flash:term:veri", "flash:term:bulut"}) is None


def test_sides_in_the_page_language_or_the_front_in_the_other():
    card = flashcards.deck(CONTENT, "terms")[0]
    assert flashcards.sides(card, "en", "tr") == ("Data", "Information")
    assert flashcards.sides(card, "en", "tr", cross=True) == ("Veri", "Information")
