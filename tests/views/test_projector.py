"""The projector view of a class (teach/classes/N/projector/) and the join link on the class page."""

import pytest

from tests.factories import as_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def lan(settings):
    # The laptop's address on a school's network, as the "classroom on a laptop" set-up allows it.
    settings.ALLOWED_HOSTS = ["192.168.1.20", "testserver"]


def test_it_shows_the_code_large_and_a_qr_code_of_the_join_link(client, teacher, classroom):
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/projector/").content.decode()
    assert (
        f'<p class="projector-code"><span class="visually-hidden">Join code: </span>{classroom.join_code}</p>' in html
    )
    assert '<svg role="img" viewBox=' in html
    assert f"<title>QR code: the join link of “{classroom.name}”</title>" in html
    assert f"http://testserver/en/classes/join/{classroom.join_code}/" in html


def test_the_join_link_uses_the_host_the_teacher_is_on(client, teacher, classroom, lan):
    response = as_user(client, teacher).get(
        f"/tr/teach/classes/{classroom.pk}/projector/", HTTP_HOST="192.168.1.20:8000"
    )
    assert f"http://192.168.1.20:8000/tr/classes/join/{classroom.join_code}/" in response.content.decode()


@pytest.mark.parametrize("laptop", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000"])
def test_a_classroom_laptop_opened_as_localhost_gives_phones_its_network_address(
    client, teacher, classroom, settings, laptop
):
    # `make classroom`: a phone's own localhost is the phone; the link and the QR code name the laptop.
    settings.CLASSROOM_ADDRESSES = ["192.168.1.20"]
    settings.ALLOWED_HOSTS = ["192.168.1.20", "127.0.0.1", "localhost", "[::1]", "testserver"]
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/projector/", HTTP_HOST=laptop)
    assert f"http://192.168.1.20:8000/tr/classes/join/{classroom.join_code}/" in html.content.decode()
    page = client.get(f"/tr/teach/classes/{classroom.pk}/", HTTP_HOST=laptop).content.decode()
    assert f"http://192.168.1.20:8000/tr/classes/join/{classroom.join_code}/" in page


def test_the_qr_code_is_drawn_here_not_loaded_from_another_site(client, teacher, classroom):
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/projector/").content.decode()
    assert "<img" not in html.split("<main", 1)[1]
    assert "https://" not in html


def test_the_class_page_has_a_join_link_to_paste_and_a_projector_link(client, teacher, classroom):
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert f'value="http://testserver/en/classes/join/{classroom.join_code}/" readonly' in html
    assert f'href="/en/teach/classes/{classroom.pk}/projector/"' in html
    # The copy button is progressive: hidden until copy.js finds a clipboard.
    assert 'data-copy="join-link"' in html and "hidden>" in html


def test_students_cannot_see_the_projector_view(client, student, classroom):
    response = as_user(client, student).get(f"/en/teach/classes/{classroom.pk}/projector/")
    assert response.status_code == 403


def test_another_teachers_projector_view_is_not_found(client, classroom):
    from tests.factories import make_teacher

    response = as_user(client, make_teacher("baska")).get(f"/en/teach/classes/{classroom.pk}/projector/")
    assert response.status_code == 404


def test_it_runs_a_fixed_number_of_queries(client, teacher, classroom, count_queries):
    as_user(client, teacher)
    url = f"/en/teach/classes/{classroom.pk}/projector/"
    assert count_queries(client.get, url) == 2  # session, the class (the user and their groups: the user cache)
