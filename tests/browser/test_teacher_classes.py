"""The teacher's class in a browser: projector, join link, overview, archive and delete, extensions; the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from quizzes.models import Classroom, Extension, Membership
from quizzes.roles import EDITORS, TEACHERS
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, build_class, make_assignment, make_classroom, make_user

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)


@pytest.fixture
def teacher_account(site):
    Group.objects.get_or_create(name=TEACHERS)
    return make_user("ogretmen", role=TEACHERS, first_name="İlknur", last_name="Çelik")


@pytest.fixture
def context_at(browser):
    opened = []

    def open_context(width):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="tr-TR")
        opened.append(context)
        page = context.new_page()
        page.set_default_timeout(15000)
        return page

    yield open_context
    for context in opened:
        context.close()


def fits(page):
    """Nothing scrolls sideways (the document's width against clientWidth: Chrome zooms phone pages out)."""
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_projector_view_shows_the_code_large_and_a_qr_code(context_at, site, teacher_account, width, language):
    classroom = make_classroom(teacher_account)
    page = context_at(width)
    log_in(page, site, teacher_account.username, PASSWORD, language=language)
    page.goto(f"{site}/{language}/teach/classes/{classroom.pk}/projector/")
    code = page.locator(".projector-code")
    assert classroom.join_code in code.inner_text()
    font_size = float(code.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert font_size >= (44 if width == 375 else 100)  # letters a back row can read
    qr = page.locator("svg.qr").bounding_box()
    assert qr["width"] >= (250 if width == 375 else 320)
    assert f"{site}/{language}/classes/join/{classroom.join_code}/" in page.locator(".projector-link").inner_text()
    assert fits(page)
    assert serious_violations(page) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_logged_out_student_signs_up_from_the_join_link_and_joins_with_one_click(
    context_at, site, teacher_account, width
):
    classroom = make_classroom(teacher_account)
    page = context_at(width)
    # The teacher's join link, as the class page shows it to copy.
    teacher = context_at(1280)
    log_in(teacher, site, teacher_account.username, PASSWORD, language="en")
    teacher.goto(f"{site}/en/teach/classes/{classroom.pk}/")
    link = teacher.locator("#join-link").input_value()
    assert link == f"{site}/en/classes/join/{classroom.join_code}/"
    assert serious_violations(teacher) == []

    page.goto(link)
    page.wait_for_url(lambda url: "/accounts/login/?next=" in url)
    page.locator("main a", has_text="Sign up").click()
    page.fill("#id_username", f"yeni{width}")
    page.fill("#id_password1", "uzun-bir-parola-42")
    page.fill("#id_password2", "uzun-bir-parola-42")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(link)
    assert not Membership.objects.exists()  # opening the link joined nobody
    assert fits(page)
    assert serious_violations(page) == []
    page.locator("main button[type=submit]", has_text="Join").click()
    page.wait_for_url("**/en/classes/")
    assert Membership.objects.filter(classroom=classroom, student__username=f"yeni{width}").exists()


@pytest.mark.parametrize("language", ["tr", "en"])
@pytest.mark.parametrize("width", WIDTHS)
def test_the_overview_of_27_students_is_one_line_each_and_sorts_by_keyboard(
    context_at, site, teacher_account, width, language
):
    classroom, _students, first = build_class(teacher_account, 27)
    Extension.objects.create(assignment=first, student=_students[1], due_at=timezone.now() + datetime.timedelta(days=9))
    page = context_at(width)
    log_in(page, site, teacher_account.username, PASSWORD, language=language)
    page.goto(f"{site}/{language}/teach/classes/{classroom.pk}/report/")
    rows = page.locator("table.overview tbody tr")
    assert rows.count() == 27
    line = float(
        page.locator("table.overview tbody td").first.evaluate("e => parseFloat(getComputedStyle(e).lineHeight) || 24")
    )
    heights = rows.evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    assert max(heights) < 2 * line + 12  # one line per student
    assert fits(page)
    assert serious_violations(page) == []
    # Sorting is a link: Tab to it and press Enter.
    score_link = page.locator("table.overview thead a[href='?sort=-score']")
    score_link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url.endswith("?sort=-score"))
    assert page.locator("table.overview thead th[aria-sort=descending]").count() == 1
    means = page.locator("table.overview tbody tr td:nth-child(2)").all_inner_texts()
    numbers = [float(m.replace("%", "").replace(",", ".")) for m in means if m.strip() != "—"]
    assert numbers == sorted(numbers, reverse=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_archive_delete_remove_and_leave_ask_first(context_at, site, teacher_account, width):
    student = make_user("ogrenci", first_name="Işıl", last_name="Öztürk")
    classroom = make_classroom(teacher_account, [student], name="9-A")
    make_assignment(classroom, "Daireler")
    page = context_at(width)
    log_in(page, site, teacher_account.username, PASSWORD, language="en")
    page.goto(f"{site}/en/teach/classes/{classroom.pk}/")
    assert fits(page)  # the tables scroll inside their own boxes
    assert serious_violations(page) == []
    page.locator("main a", has_text="Remove").first.click()
    page.wait_for_url("**/remove/")
    assert "Remove Işıl Öztürk from “9-A”?" in page.locator("h1").inner_text()
    assert fits(page) and serious_violations(page) == []
    assert Membership.objects.exists()
    page.locator("main a", has_text="Cancel").click()

    page.locator("main a", has_text="Delete the class").click()
    page.wait_for_url("**/delete/")
    text = page.locator("main").inner_text()
    assert "1 student's membership" in text and "1 assignment" in text and "0 attempts" in text
    assert fits(page) and serious_violations(page) == []
    page.locator("main button", has_text="Archive instead").click()
    page.wait_for_url("**/teach/")
    assert "Archived classes" in page.locator("main").inner_text()
    assert serious_violations(page) == []
    classroom.refresh_from_db()
    assert classroom.archived_at is not None
    page.locator("main button", has_text="Restore").click()
    page.wait_for_url(f"**/teach/classes/{classroom.pk}/")
    page.locator("main a", has_text="Delete the class").click()
    page.locator("main button", has_text="Delete the class").click()
    page.wait_for_url("**/teach/")
    assert not Classroom.objects.exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_leaving_a_class_asks_first(context_at, site, teacher_account, width):
    student = make_user("ogrenci", first_name="Işıl", last_name="Öztürk")
    make_classroom(teacher_account, [student], name="9-A")
    page = context_at(width)
    log_in(page, site, student.username, PASSWORD, language="tr")
    page.goto(f"{site}/tr/classes/")
    page.locator("main a", has_text="Bu sınıftan ayrıl").click()
    page.wait_for_url("**/leave/")
    assert fits(page) and serious_violations(page) == []
    assert Membership.objects.exists()
    page.locator("main button", has_text="Sınıftan ayrıl").click()
    page.wait_for_url("**/tr/classes/")
    assert not Membership.objects.exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_teacher_gives_a_student_more_time_and_the_overview_shows_it(context_at, site, teacher_account, width):
    student = make_user("ogrenci", first_name="Işıl", last_name="Öztürk")
    classroom = make_classroom(teacher_account, [student], name="9-A")
    now = timezone.now()
    assignment = make_assignment(
        classroom, "Daireler", opens_at=now - datetime.timedelta(days=5), due_at=now - datetime.timedelta(days=1)
    )
    page = context_at(width)
    log_in(page, site, teacher_account.username, PASSWORD, language="en")
    page.goto(f"{site}/en/teach/classes/{classroom.pk}/")
    page.locator("main a", has_text="Extensions").last.click()
    page.wait_for_url("**/extensions/")
    assert fits(page) and serious_violations(page) == []
    later = timezone.localtime(now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    page.fill("#id_due_at", later)
    page.locator("main button", has_text="Save the extension").click()
    page.wait_for_url("**/extensions/")
    assert "Işıl Öztürk" in page.locator("main table").inner_text()
    assert Extension.objects.filter(assignment=assignment, student=student).exists()
    page.goto(f"{site}/en/teach/classes/{classroom.pk}/report/")
    row = page.locator("tbody tr", has_text="Işıl Öztürk").inner_text()
    assert "until" in row and "Missing" not in row


@pytest.mark.parametrize("width", WIDTHS)
def test_an_editor_finds_the_admin_and_the_preview_is_collapsed(context_at, site, width):
    Group.objects.get_or_create(name=EDITORS)
    editor = make_user("editor", role=EDITORS, is_staff=True, is_superuser=True)
    page = context_at(width)
    log_in(page, site, editor.username, PASSWORD, language="en")
    page.goto(f"{site}/en/")
    page.locator("header a", has_text="Site admin").click()
    page.wait_for_url("**/en/admin/")
    page.goto(f"{site}/en/admin/quizzes/department/")
    page.locator("#result_list tbody a").first.click()
    page.wait_for_url("**/change/")
    summary = page.locator("details.question-preview-box summary")
    assert "questions: show them" in summary.inner_text()
    assert not page.locator("ol.question-preview").is_visible()
    assert serious_violations(page) == []
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 6000
    summary.click()
    assert page.locator("ol.question-preview").is_visible()
    page.locator("a.viewsitelink").click()
    page.wait_for_url("**/departments/#department-*")
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"#{anchor}").is_visible()
