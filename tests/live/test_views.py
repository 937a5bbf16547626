"""The live game's pages: the host's form and projector (teachers, their own games), joining, playing, results."""

import pytest
from django.urls import reverse

from live import services
from live.models import LiveGame, LivePlayer
from quizzes.models import Quiz
from tests.factories import make_assignment, make_classroom, make_teacher


@pytest.fixture
def game(content, teacher):
    return services.create_game(teacher, topic="mixed", length=3, difficulty="any")


def test_a_teacher_opens_a_game_from_topic_settings(client, content, teacher):
    client.force_login(teacher)
    response = client.post(reverse("live:new"), {"topic": "duties", "length": 4, "difficulty": "any", "seconds": 15})
    game = LiveGame.objects.get()
    assert response.status_code == 302 and response.url == reverse("live:projector", args=[game.code])
    assert (game.host, game.topic, game.seconds, game.accuracy_only) == (teacher, "duties", 15, False)
    assert len(game.questions) == 4
    assert {q["type"] for q in game.questions} <= {"single", "truefalse", "year"}


def test_a_named_quiz_gives_its_settings(client, content, teacher):
    quiz = Quiz.objects.published().first()
    client.force_login(teacher)
    client.post(
        reverse("live:new"), {"quiz": quiz.pk, "topic": "mixed", "length": 3, "difficulty": "any", "seconds": 20}
    )
    game = LiveGame.objects.get()
    assert (game.quiz, game.topic) == (quiz, quiz.topic)


def test_an_assignment_of_another_teachers_class_is_refused(client, content, teacher):
    other = make_assignment(make_classroom(make_teacher("baska")))
    client.force_login(teacher)
    response = client.post(
        reverse("live:new"), {"assignment": other.pk, "topic": "mixed", "length": 3, "difficulty": "any", "seconds": 20}
    )
    assert response.status_code == 400 and not LiveGame.objects.exists()


def test_a_student_cannot_open_a_game(client, content, student):
    client.force_login(student)
    assert client.get(reverse("live:new")).status_code == 403


def test_the_projector_shows_the_code_and_a_qr_code_to_its_host_only(client, game, teacher):
    client.force_login(teacher)
    response = client.get(reverse("live:projector", args=[game.code]))
    assert response.status_code == 200
    assert game.code in response.content.decode() and "<svg" in response.content.decode()
    client.force_login(make_teacher("baska"))
    assert client.get(reverse("live:projector", args=[game.code])).status_code == 404


def test_the_join_form_leads_to_the_game_or_says_why_not(client, game):
    response = client.get(reverse("live:join"), {"code": game.code})
    assert response.status_code == 302 and response.url == reverse("live:play", args=[game.code])
    response = client.get(reverse("live:join"), {"code": "000000" if game.code != "000000" else "111111"})
    assert response.status_code == 400 and "Bu kodla bir oyun yok" in response.content.decode()
    assert client.get(reverse("live:join"), {"code": "<script>"}).status_code == 400


def test_the_play_page_gives_a_guest_a_key_for_their_attempts(client, game):
    response = client.get(reverse("live:play", args=[game.code]))
    assert response.status_code == 200 and client.session.get("guest_key")
    assert 'id="live-strings"' in response.content.decode()
    assert client.get("/tr/live/abc/").status_code == 404


def test_results_download_once_the_game_ended_with_names_as_text(client, game, teacher):
    client.force_login(teacher)
    response = client.get(reverse("live:results", args=[game.code, "csv"]))
    assert response.status_code == 302
    game.ended_at = game.created_at
    game.save()
    LivePlayer.objects.create(
        game=game, number=1, name="=cmd|' /C calc'!A0", language="tr", score=1500, right=1, rank=1
    )
    csv = b"".join(client.get(reverse("live:results", args=[game.code, "csv"])).streaming_content).decode("utf-8")
    assert "'=cmd" in csv and "1500" in csv
    xlsx = client.get(reverse("live:results", args=[game.code, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("live:results", args=[game.code, "pdf"])).status_code == 404


def test_in_a_classroom_the_pages_open_their_sockets_on_the_socket_port(client, game, settings):
    settings.LIVE_SOCKET_PORT = "8001"
    response = client.get(reverse("live:play", args=[game.code]), HTTP_HOST="127.0.0.1:8000")
    assert f'data-socket="ws://127.0.0.1:8001/ws/live/{game.code}/play/"' in response.content.decode()


@pytest.mark.parametrize("laptop", ["127.0.0.1:8000", "localhost:8000"])
def test_a_classroom_projector_opened_on_the_laptop_gives_phones_its_network_address(
    client, game, teacher, settings, laptop
):
    # The teacher opens the projector on the laptop itself; a phone's own 127.0.0.1 would be the phone.
    settings.LIVE_SOCKET_PORT = "8001"
    settings.CLASSROOM_ADDRESSES = ["192.168.1.23"]
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "192.168.1.23"]
    client.force_login(teacher)
    page = client.get(reverse("live:projector", args=[game.code]), HTTP_HOST=laptop).content.decode()
    assert f'<p class="projector-link">http://192.168.1.23:8000/tr/live/{game.code}/</p>' in page
    host = laptop.split(":")[0]
    assert f'data-socket="ws://{host}:8001/ws/live/{game.code}/host/' in page  # the projector's own socket
    # Opened at the network address, everything stays there.
    page = client.get(reverse("live:projector", args=[game.code]), HTTP_HOST="192.168.1.23:8000").content.decode()
    assert f'<p class="projector-link">http://192.168.1.23:8000/tr/live/{game.code}/</p>' in page
