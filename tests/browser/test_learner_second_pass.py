"""A learner's day, second pass, on a 375 px phone in both languages, axe clean (issue 19, items 1–9): review says
when, recall is never "mastered" right after a failure, flashcards say where you are; a join link signed out keeps
the class through login and sign-up; an archived class's code says so; a timed assignment says so before Start,
starts on a deliberate step and warns at half time and at a minute left; 403 and 404 pages in the site's layout.

With SCREENSHOTS=docs/screenshots the journeys also write the screenshots of docs/screenshots/.
"""

import datetime
import os
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import timezone

from quizzes.models import Attempt, Membership
from quizzes.services import classes
from tests.browser.conftest import assert_no_sideways_scroll, log_in, serious_violations
from tests.factories import PASSWORD, make_assignment, make_classroom, make_teacher, make_user, question
from tests.views.test_review import answered

WORDS = {
    "tr": {
        "next": "Sıradaki: 3 soru",
        "card": "Kart 1 / ",
        "joining": "“9-A Dijital Dönüşüm” sınıfına katılmak üzeresiniz",
        "login": "Giriş yap",
        "signup": "Kaydol",
        "create": "Hesap oluştur",
        "join": "“9-A Dijital Dönüşüm” sınıfına katıl",
        "archived": "“8-B Eski” arşivlenmiş",
        "katil": "Katıl",
        "leave": "Bu sınıftan ayrıl (9-A Dijital Dönüşüm)",
        "wait": "Çok fazla yanlış kod",
        "timed": "Süreli: 2 dakika; süre Başla'ya bastığınızda başlar.",
        "start": "Başla (Daireler)",
        "clock": "Süreyi başlat",
        "warned": "Sürenin yarısı geçti. Bir dakika kaldı.",
        "not_found": "Sayfa bulunamadı",
        "not_allowed": "İzin yok",
    },
    "en": {
        "next": "Next: 3 questions come due in",
        "card": "Card 1 of ",
        "joining": "You are about to join “9-A Dijital Dönüşüm”",
        "login": "Log in",
        "signup": "Sign up",
        "create": "Create account",
        "join": "Join “9-A Dijital Dönüşüm”",
        "archived": "“8-B Eski” is archived",
        "katil": "Join",
        "leave": "Leave this class (9-A Dijital Dönüşüm)",
        "wait": "Too many wrong codes",
        "timed": "Timed: 2 minutes; the clock starts when you press Start.",
        "start": "Start (Daireler)",
        "clock": "Start the clock",
        "warned": "Half the time has passed. One minute left.",
        "not_found": "Page not found",
        "not_allowed": "Not allowed",
    },
}


@pytest.fixture
def phone(browser):
    contexts = []

    def open_page(language):
        context = browser.new_context(viewport={"width": 375, "height": 740}, locale=f"{language}-TR")
        context.set_default_timeout(15000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def checked(page):
    """The page as a phone shows it: nothing sideways, nothing serious for axe."""
    assert_no_sideways_scroll(page)
    assert serious_violations(page) == []


def shot(page, name):
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_review_says_when_recall_is_honest_and_flashcards_say_where(phone, site, language):
    words = WORDS[language]
    student = make_user("ogrenci")
    answered(student, ["b", "b", "b", "a", "a"], [question(f"q:{i}") for i in range(5)], when=timezone.now())
    page = phone(language)
    log_in(page, site, student.username, PASSWORD, language)

    page.goto(f"{site}/{language}/review/")
    assert page.locator(".next-due").inner_text().startswith(words["next"])
    assert page.locator(".next-due time").inner_text()  # the Istanbul date and time
    checked(page)
    shot(page, f"phone-{language}-review-next-due")
    row = page.locator(".review-summary tbody tr").first.inner_text()
    assert "100" not in row  # just failed three of five: never shown as mastered

    page.goto(f"{site}/{language}/review/flashcards/?deck=terms&mode=same")
    assert page.locator(".flash-progress").inner_text().startswith(words["card"])
    checked(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_join_link_signed_out_keeps_the_class_through_sign_up(phone, site, language):
    words = WORDS[language]
    teacher = make_teacher()
    classroom = make_classroom(teacher)
    old = make_classroom(teacher, name="8-B Eski")
    old.archived_at = timezone.now()
    old.save()
    page = phone(language)

    page.goto(f"{site}/{language}/classes/join/{classroom.join_code}/")
    page.wait_for_url(re.compile(r".*/accounts/login/\?next=.*"))
    assert words["joining"] in page.locator(".joining").inner_text()
    assert page.title() == f"{words['login']} · DDO Learn"
    checked(page)
    shot(page, f"phone-{language}-join-login-names-the-class")
    page.locator(".account").get_by_role("link", name=words["signup"], exact=True).click()  # the header's
    page.wait_for_url(re.compile(r".*/accounts/signup/\?next=.*"))
    assert words["joining"] in page.locator(".joining").inner_text()
    assert page.title() == f"{words['signup']} · DDO Learn"  # no markup in the title
    assert (
        page.locator("main")
        .get_by_role("link", name=words["login"], exact=True)
        .get_attribute("href")
        .endswith(f"?next=/{language}/classes/join/{classroom.join_code}/")
    )
    checked(page)
    page.fill("#id_username", "yeni")
    page.fill("#id_password1", "uzun-bir-parola-42")
    page.fill("#id_password2", "uzun-bir-parola-42")
    page.locator("main").get_by_role("button", name=words["create"]).click()
    page.wait_for_url(f"**/classes/join/{classroom.join_code}/")
    page.get_by_role("button", name=words["join"]).click()
    page.wait_for_url("**/classes/")
    assert Membership.objects.filter(classroom=classroom, student__username="yeni").exists()
    assert page.get_by_role("link", name=words["leave"], exact=True).count() == 1  # no stray space before ":"

    page.fill("#id_code", old.join_code)
    page.get_by_role("button", name=words["katil"], exact=True).click()
    page.wait_for_load_state()
    assert words["archived"] in page.locator("main .field [role=alert]").inner_text()
    checked(page)

    count_key, _until = classes._throttle_keys(Membership.objects.get().student)
    cache.set(count_key, classes.WRONG_CODES_ALLOWED, 300)
    page.fill("#id_code", "QQQQQQ")
    page.get_by_role("button", name=words["katil"], exact=True).click()
    page.wait_for_load_state()
    error, field = page.locator("main form .errorlist").first, page.locator("main form .grid-form .field").first
    assert words["wait"] in error.inner_text()
    # A row of its own above the field, never a column beside it pushing the field sideways.
    assert error.bounding_box()["y"] < field.bounding_box()["y"]
    assert abs(error.bounding_box()["x"] - field.bounding_box()["x"]) < 25
    checked(page)


@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_timed_assignment_says_so_starts_deliberately_and_warns(phone, site, language):
    words = WORDS[language]
    student = make_user("ogrenci")
    classroom = make_classroom(make_teacher(), [student])
    make_assignment(classroom, time_limit=2)
    page = phone(language)
    log_in(page, site, student.username, PASSWORD, language)

    page.goto(f"{site}/{language}/classes/")
    assert words["timed"] in page.locator("tbody tr").first.inner_text()
    checked(page)
    shot(page, f"phone-{language}-timed-assignment-row")
    page.get_by_role("link", name=words["start"], exact=True).click()
    page.wait_for_url("**/start/")
    assert not Attempt.objects.exists()  # the page before the start starts nothing
    checked(page)
    shot(page, f"phone-{language}-timed-assignment-start")
    page.get_by_role("button", name=words["clock"]).click()
    page.wait_for_url("**/attempts/*/")
    attempt = Attempt.objects.get()
    # As if the student had started 58 seconds ago: half time (a minute left) comes two seconds after the reload.
    started = timezone.now() - datetime.timedelta(seconds=58)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=started, deadline=started + datetime.timedelta(minutes=2))
    page.reload()
    page.wait_for_function("() => document.getElementById('timer-announce').textContent.length > 0")
    assert page.locator("#timer-announce").inner_text() == words["warned"]

    response = page.goto(f"{site}/{language}/no-such-page/")
    assert response.status == 404
    assert words["not_found"] in page.locator("main h1").inner_text()
    assert "ogrenci" in page.locator(".account").inner_text()  # in the site's layout: who is signed in
    assert page.locator("footer.site-footer").count() == 1 and page.locator("[data-language-switch]").count() == 1
    checked(page)
    response = page.goto(f"{site}/{language}/teach/")
    assert response.status == 403 and words["not_allowed"] in page.locator("main h1").inner_text()
    checked(page)
