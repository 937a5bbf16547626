"""A class's extra time in a live game, in Chromium: when the question's own time is over, the projector says
that some players still have extra time (and counts it down) instead of "0 s left", and the player with
triple time answers after the base time.

Like test_live_game.py, it starts daphne in a subprocess on a free port, against a file SQLite database
(migrated, the office content loaded, a teacher and her class with one student on triple time).
"""

import pytest

from tests.browser.asgi_site import asgi_site as serving

PASSWORD = "a-Good-test-passw0rd"
MAKE_CLASS = f"""
from django.contrib.auth.models import Group, User
from quizzes.models import Accommodation, Classroom, Membership
teacher = User.objects.create_user("canli", password="{PASSWORD}", first_name="Canlı")
teacher.groups.add(Group.objects.get(name="Teachers"))
deniz = User.objects.create_user("deniz", password="{PASSWORD}", first_name="Deniz")
classroom = Classroom.objects.create(teacher=teacher, name="9-A")
Membership.objects.create(classroom=classroom, student=deniz)
Accommodation.objects.create(classroom=classroom, student=deniz, time_percent=300)
"""


@pytest.fixture(scope="module")
def asgi_site(tmp_path_factory):
    with serving(tmp_path_factory.mktemp("live-extra"), MAKE_CLASS) as (site, _database):
        yield site


def signed_in(browser, site, username, contexts):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="tr-TR")
    contexts.append(context)
    page = context.new_page()
    page.set_default_timeout(20000)
    page.goto(f"{site}/tr/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_the_projector_shows_the_extra_time_and_the_member_answers_in_it(browser, asgi_site):
    site, contexts = asgi_site, []
    try:
        host = signed_in(browser, site, "canli", contexts)
        host.goto(f"{site}/tr/live/new/")
        host.fill("#id_length", "1")
        host.fill("#id_seconds", "5")  # the shortest question the form allows; Deniz has 15 s
        host.select_option("#id_classroom", label="9-A")
        host.locator("main button[type=submit]").click()
        host.wait_for_url("**/host/")
        code = host.url.rstrip("/").split("/")[-2]
        deniz = signed_in(browser, site, "deniz", contexts)
        deniz.goto(f"{site}/tr/live/{code}/")
        deniz.locator("#live-join button[type=submit]").click()
        host.wait_for_selector("#live-players li")
        host.keyboard.press("n")  # start
        deniz.wait_for_selector("#live-progress:has-text('1')")
        # The question's 5 s run out on the projector: it says the extra time is still running.
        host.wait_for_selector("#live-clock:has-text('Bazı oyuncular için ek süre')")
        assert host.locator("#live-question").is_visible()
        deniz.locator("#live-options button").first.click()  # taken: the only player answered, it closes
        host.wait_for_selector("#live-distribution progress")
        assert "1 kişi seçti" in host.locator("#live-distribution").inner_text()
        assert not deniz.locator("#live-status").inner_text().startswith("Bu sefer cevap yok")
    finally:
        for context in contexts:
            context.close()
