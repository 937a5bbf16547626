"""Hostile or stray input to the attempt pages: a clear 4xx, nothing saved, never a 500.

Run on both databases: a NUL byte only breaks PostgreSQL (DataError), so that is where the
old code failed.
"""

import pytest

from quizzes.models import Attempt
from tests.quiz_factories import save_url

# --- Languages (issue 8 #4) ------------------------------------------------------


def test_it_refuses_to_switch_to_a_language_the_site_does_not_have(logged_in, attempt):
    response = logged_in.post(save_url(attempt), {"action": "language:xx-evil", "q-0": "1"})
    assert response.status_code == 400
    assert "Bu düğme bu sayfaya ait değil; hiçbir şey kaydedilmedi." in response.content.decode()
    assert attempt.answers.get(position=0).response is None  # nothing saved


@pytest.mark.parametrize("action", ["language:", "language:EN", "language:en\x00", "language:de", "delete"])
def test_it_refuses_any_action_that_is_not_one_of_the_pages_buttons(logged_in, attempt, action):
    response = logged_in.post(save_url(attempt), {"action": action, "q-0": "1"})
    assert response.status_code == 400
    assert attempt.answers.get(position=0).response is None


def test_it_still_switches_to_each_language_the_site_has(logged_in, attempt):
    assert logged_in.post(save_url(attempt, "en"), {"action": "language:tr"}).url.startswith("/tr/attempts/")
    assert logged_in.post(save_url(attempt, "tr"), {"action": "language:en"}).url.startswith("/en/attempts/")


# --- Public ids in the path (issue 8 #7) -----------------------------------------


@pytest.mark.parametrize(
    "public_id", ["%00", "abc%00def", "a" * 21 + "%00", "x" * 23, "a" * 21 + "%C2%B2", "..%2F..%2Fetc", "'%3B--"]
)
@pytest.mark.parametrize("page", ["", "result/"])
def test_a_junk_attempt_id_is_not_found(logged_in, public_id, page):
    assert logged_in.get(f"/tr/attempts/{public_id}/{page}").status_code == 404


def test_saving_to_a_junk_attempt_id_is_not_found(logged_in, attempt):
    assert logged_in.post(f"/tr/attempts/{attempt.public_id[:-1]}%00/answers/", {"q-0": "1"}).status_code == 404
    assert attempt.answers.get(position=0).response is None


# --- Starting a quiz: quiz=, topic, length, difficulty ----------------------------


@pytest.mark.parametrize("slug", ["\x00", "zaman-cizelgesi\x00", "no such quiz", "x" * 5000, ""])
def test_a_junk_quiz_is_refused_with_a_message(client, content, slug):
    response = client.post("/en/quizzes/start/", {"quiz": slug})
    assert response.status_code == 400
    assert '<li class="message error">' in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_unknown_quiz_says_it_does_not_exist(client, content):
    response = client.post("/en/quizzes/start/", {"quiz": "no-such-quiz"})
    assert response.status_code == 400
    assert "That quiz does not exist." in response.content.decode()


@pytest.mark.parametrize(
    "field, value",
    [("topic", "mixed\x00"), ("length", "10\x00"), ("length", "¹⁰"), ("length", "9" * 400), ("difficulty", "\x00")],
)
def test_junk_quiz_settings_are_refused(client, content, field, value):
    data = {"topic": "mixed", "length": "10", "difficulty": "any", field: value}
    response = client.post("/en/quizzes/start/", data)
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Attempt.objects.exists()


# --- Saving after the submit ---------------------------------------------------


def test_an_autosave_after_the_submit_says_so_and_links_to_the_result(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1", "q-0": "1"})
    response = logged_in.post(save_url(attempt), {"action": "autosave", "q-0": "0"})
    assert response.status_code == 409
    body = response.json()
    assert body["submitted"] is True
    assert body["result_url"] == f"/tr/attempts/{attempt.public_id}/result/"
    assert "gönderildi" in body["error"] and "try again" not in body["error"].lower()
    assert attempt.answers.get(position=0).response == "department:siber"


def test_a_save_without_javascript_after_the_submit_links_to_the_result(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "submit_anyway": "1", "q-0": "1"})
    response = logged_in.post(save_url(attempt, "en"), {"action": "save", "q-0": "0"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "This quiz has been submitted; its answers can no longer change." in html
    assert f'href="/en/attempts/{attempt.public_id}/result/"' in html


# --- Row ids in the path -------------------------------------------------------


@pytest.mark.parametrize("pk", ["9" * 19, "9" * 40, "%C2%B2", "-1"])
def test_a_huge_or_odd_class_id_is_not_found(client, teacher, student, pk):
    client.force_login(student)
    assert client.post(f"/en/classes/{pk}/leave/").status_code == 404
    assert client.post(f"/en/classes/assignments/{pk}/start/").status_code == 404
    client.force_login(teacher)
    assert client.get(f"/en/teach/classes/{pk}/").status_code == 404
