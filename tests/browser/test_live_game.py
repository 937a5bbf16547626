"""A whole live game in Chromium: a host and three players in separate browser contexts, two playing in
Turkish and one in English, one reloading mid-question and keeping their score.

The game needs an ASGI server (sockets): tests/browser/asgi_site.py starts daphne and the task worker in
subprocesses, against a file SQLite database made for this test (a teacher added).
"""

import json
import sqlite3
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.asgi_site import asgi_site as serving
from tests.browser.conftest import assert_no_sideways_scroll, serious_violations

PASSWORD = "a-Good-test-passw0rd"
MAKE_TEACHER = f"""
from django.contrib.auth.models import Group, User
teacher = User.objects.create_user("canli", password="{PASSWORD}", first_name="Canlı")
teacher.groups.add(Group.objects.get(name="Teachers"))
"""


@pytest.fixture(scope="module")
def asgi_site(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("live"), MAKE_TEACHER) as site:
        yield site


def questions_of(database, code):
    with sqlite3.connect(database) as db:
        return json.loads(db.execute("SELECT questions FROM live_livegame WHERE code = ?", [code]).fetchone()[0])


def option_text(question, key, language):
    return next(o["text"][language] for o in question["options"] if o["key"] == key)


def wrong_key(question):
    return next(o["key"] for o in question["options"] if o["key"] != question["answer"])


def test_a_whole_live_game_in_two_languages_with_a_reload(browser, asgi_site):
    site, database = asgi_site
    contexts = []

    def new_page(width=1280):
        context = browser.new_context(viewport={"width": width, "height": 800}, locale="tr-TR")
        contexts.append(context)
        made = context.new_page()
        made.set_default_timeout(15000)
        return made

    try:
        host = new_page()
        host.goto(f"{site}/tr/accounts/login/")
        host.fill("#id_username", "canli")
        host.fill("#id_password", PASSWORD)
        host.locator("main button[type=submit]").click()
        host.goto(f"{site}/tr/live/new/")
        host.select_option("#id_topic", "departments")
        host.fill("#id_length", "3")
        host.fill("#id_seconds", "60")
        host.locator("main button[type=submit]").click()
        host.wait_for_url("**/host/")
        code = host.url.rstrip("/").split("/")[-2]
        assert host.locator(".projector-code").inner_text().endswith(code)
        assert host.locator(".projector-qr svg").count() == 1
        questions = questions_of(database, code)

        players = {}
        for name, language, width in (("Ayşe", "tr", 320), ("Işıl <b>", "tr", 375), ("John", "en", 375)):
            phone = new_page(width)
            phone.goto(f"{site}/{language}/live/{code}/")
            phone.fill("#live-name", name)
            phone.locator("#live-join button[type=submit]").click()
            waiting = "Sunucunun" if language == "tr" else "Waiting"
            phone.wait_for_selector(
                f"#live-status:has-text('{waiting}')" if "<" not in name else "#live-error:not(:empty)"
            )
            players[name] = (phone, language)
        # The markup in a name is refused, with a message in the player's language; a clean one is taken.
        isil, _ = players.pop("Işıl <b>")
        assert "süslü parantez" in isil.locator("#live-error").inner_text()
        isil.fill("#live-name", "Işıl")
        isil.locator("#live-join button[type=submit]").click()
        isil.wait_for_selector("#live-status:has-text('Sunucunun')")
        players["Işıl"] = (isil, "tr")
        host.wait_for_selector("#live-players li:nth-child(3)")
        assert sorted(host.locator("#live-players li").all_inner_texts()) == ["Ayşe", "Işıl", "John"]
        assert serious_violations(host) == []
        assert serious_violations(players["Ayşe"][0]) == []

        host.keyboard.press("n")  # start
        scores = {}
        for index, question in enumerate(questions):
            for phone, language in players.values():
                # Waits for the question itself: "Soru 2 / 3" also has a 3 in it, so a wait for the progress
                # to contain "3" passed while the second question was still shown (a flaky failure).
                expect(phone.locator("#live-prompt")).to_have_text(question["prompt"][language])
                expect(phone.locator("#live-progress")).to_contain_text(f"{index + 1} ")
            if index == 1:
                # Işıl reloads mid-question: back at the same question with the score she had.
                phone = players["Işıl"][0]
                phone.reload()
                phone.wait_for_selector("#live-progress:has-text('2')")
                phone.wait_for_selector("#live-you-line:has-text('{}')".format(scores["Işıl"]))
            for name, (phone, language) in players.items():
                key = question["answer"] if name != "John" else wrong_key(question)
                phone.get_by_role("button", name=option_text(question, key, language), exact=True).click()
            for name, (phone, _language) in players.items():
                phone.wait_for_selector("#live-board:not([hidden])")
                line = phone.locator("#live-you-line").inner_text()
                scores[name] = line.split(" ")[0]
            assert players["John"][0].locator("#live-status").inner_text().startswith("Not this time")
            assert players["Ayşe"][0].locator("#live-status").inner_text().startswith("Doğru!")
            host.wait_for_selector("#live-distribution progress")
            if index == 0:
                assert_no_sideways_scroll(players["Ayşe"][0])
                assert serious_violations(host) == []
            host.keyboard.press("n")  # the next question, or the podium after the last
        host.wait_for_selector("#live-downloads:not([hidden])")
        podium = host.locator("#live-top li").all_inner_texts()
        assert podium[-1].startswith("John") and len(podium) == 3
        for phone, language in players.values():
            phone.wait_for_selector("#live-status:has-text('{}')".format("Oyun bitti" if language == "tr" else "over"))
        assert int(scores["Ayşe"]) > 3 * 500 and scores["John"] == "0"
        with sqlite3.connect(database) as db:
            rows = db.execute(
                "SELECT p.name, p.language, a.score FROM live_liveplayer p "
                "JOIN quizzes_attempt a ON a.id = p.attempt_id ORDER BY p.rank"
            ).fetchall()
        assert [(n, lang) for n, lang, _ in rows][2] == ("John", "en")
        assert sorted(r[2] for r in rows) == [0.0, 3.0, 3.0]
        with host.expect_download() as download:
            host.get_by_role("link", name="CSV indir").click()
        assert "Işıl" in Path(download.value.path()).read_text(encoding="utf-8-sig")
    finally:
        for context in contexts:
            context.close()
