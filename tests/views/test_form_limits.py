"""Fields with a length limit say it and are checked on the server (a browser's maxlength cuts a paste silently);
accessible names of repeated buttons carry their object without a stray space; the join form's own error in a row."""

import pytest

from quizzes.models import Assignment, Classroom
from tests.factories import as_user, make_assignment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "words"), [("en", "At most 120 characters."), ("tr", "En çok 120 karakter.")])
def test_the_class_name_field_says_its_limit(client, teacher, language, words):
    html = as_user(client, teacher).get(f"/{language}/teach/").content.decode()
    field = html.split('name="name"')[1].split(">")[0]
    assert "maxlength" not in field  # the browser would cut a longer paste without a word
    assert words in html


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Too long: at most 120 characters, and this has 5000. Shorten it; nothing was saved."),
        ("tr", "Çok uzun: en çok 120 karakter olabilir, bu 5000 karakter. Kısaltın; hiçbir şey kaydedilmedi."),
    ],
)
def test_a_5000_character_class_name_is_refused_with_a_clear_message(client, teacher, language, words):
    response = as_user(client, teacher).post(f"/{language}/teach/", {"name": "x" * 5000})
    assert response.status_code == 400
    assert words in response.content.decode()
    assert not Classroom.objects.exists()


def test_an_assignment_title_says_its_limit_and_is_checked(client, teacher, classroom):
    as_user(client, teacher)
    html = client.get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert "At most 200 characters." in html
    assert "maxlength" not in html.split('name="title"')[1].split(">")[0]
    response = client.post(f"/en/teach/classes/{classroom.pk}/", {"title": "y" * 201})
    assert response.status_code == 400
    assert "Too long: at most 200 characters, and this has 201." in response.content.decode()
    assert not Assignment.objects.exists()


def test_repeated_buttons_name_their_object_in_brackets(client, student, classroom, member):
    make_assignment(classroom)
    html = as_user(client, student).get("/en/classes/").content.decode()
    assert 'Start<span class="visually-hidden"> (Daireler)</span>' in html
    assert 'visually-hidden">:' not in html  # ": …" after a hidden boundary reads "Start : Daireler"


def test_the_join_forms_own_error_spans_the_whole_row_above_the_field(client, student, classroom):
    from quizzes.services import classes

    as_user(client, student)
    for _ in range(classes.WRONG_CODES_ALLOWED):
        client.post("/en/classes/join/", {"code": "QQQQQQ"})
    response = client.post("/en/classes/join/", {"code": classroom.join_code})
    assert response.status_code == 429
    form = response.content.decode().split('action="/en/classes/join/"')[1].split("</form>")[0]
    # The wait message is the form's own error: a row of its own above the grid, never a grid cell beside the field.
    before_grid, grid = form.split('<div class="grid-form">')
    assert "Too many wrong codes" in before_grid and 'role="alert"' in before_grid
    assert "Too many wrong codes" not in grid


def test_the_paper_tests_versions_say_their_limit_and_a_longer_list_is_refused(client, teacher, content):
    as_user(client, teacher)
    html = client.get("/en/quizzes/print/").content.decode()
    assert "At most 80 characters." in html
    assert "maxlength" not in html.split('name="seeds"')[1].split(">")[0]
    response = client.get(
        "/en/quizzes/print/", {"topic": "mixed", "length": 10, "difficulty": "any", "seeds": "1 " * 41}
    )
    assert response.status_code == 400
    assert "Too long: at most 80 characters, and this has 81." in response.content.decode()  # stripped first
