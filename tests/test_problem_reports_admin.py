"""The editors' queue of learners' problem reports in the admin."""

import pytest

from quizzes.models import Department, ProblemReport
from tests.factories import as_user

pytestmark = pytest.mark.django_db

QUEUE = "/en/admin/quizzes/problemreport/"


def _report(key="dept_focus:siber", refs=("department:siber",), **extra):
    values = {
        "position": 0,
        "question_key": key,
        "item_refs": list(refs),
        "language": "tr",
        "reason": "wrong_answer",
        "text": "Bence cevap yanlış.",
        "guest_key": "g",
    }
    return ProblemReport.objects.create(**{**values, **extra})


@pytest.fixture
def department(content):
    return Department.objects.order_by("pk").first()


def test_editors_see_the_queue_with_links_to_the_content_item(client, editor, department):
    report = _report(refs=[f"department:{department.slug}", "decoy:no-such-item"])
    html = as_user(client, editor).get(QUEUE).content.decode()
    assert "dept_focus:siber" in html
    assert "decoy:no-such-item" in html  # an item since deleted: named, not linked
    assert f'href="/en/admin/quizzes/department/{department.pk}/change/"' in html
    change = client.get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "Bence cevap yanlış." in change and "a guest" in change
    assert "Question as read" in change
    assert f'href="/en/admin/quizzes/department/{department.pk}/change/"' in change


def test_the_report_shows_the_question_as_the_learner_read_it(client, editor, student):
    from tests.quiz_factories import make_quiz_attempt

    attempt = make_quiz_attempt(student)
    report = _report(attempt=attempt, position=0, language="en")
    change = as_user(client, editor).get(f"{QUEUE}{report.pk}/change/").content.decode()
    assert "Which department focused on cyber security?" in change


def test_the_queue_filters_by_status_reason_and_language(client, editor):
    _report(key="a:1")
    _report(key="b:2", status="fixed", reason="translation", language="en")
    as_user(client, editor)
    assert "b:2" not in client.get(f"{QUEUE}?status__exact=open").content.decode()
    assert "a:1" not in client.get(f"{QUEUE}?reason__exact=translation").content.decode()
    assert "b:2" in client.get(f"{QUEUE}?language__exact=en").content.decode()


def test_editors_mark_reports_fixed_or_rejected(client, editor):
    first, second = _report(key="a:1"), _report(key="b:2")
    as_user(client, editor)
    response = client.post(QUEUE, {"action": "mark_fixed", "_selected_action": [first.pk]}, follow=True)
    assert "1 report marked fixed." in response.content.decode()
    client.post(QUEUE, {"action": "mark_rejected", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("fixed", "rejected")
    assert first.resolved_at is not None


def test_editors_change_only_the_status_of_a_report(client, editor):
    report = _report()
    as_user(client, editor)
    client.post(
        f"{QUEUE}{report.pk}/change/",
        {"status": "rejected", "text": "changed", "question_key": "changed", "reason": "other"},
    )
    report.refresh_from_db()
    assert report.status == "rejected" and report.resolved_at is not None
    assert (report.text, report.question_key, report.reason) == (
        "Bence cevap yanlış.",
        "dept_focus:siber",
        "wrong_answer",
    )


def test_nobody_adds_a_report_in_the_admin(client, editor):
    assert as_user(client, editor).get(f"{QUEUE}add/").status_code == 403


def test_teachers_and_students_have_no_queue(client, teacher, student):
    assert as_user(client, student).get(QUEUE).status_code == 302
    teacher.is_staff = True
    teacher.save()
    assert as_user(client, teacher).get(QUEUE).status_code == 403


def test_the_queue_speaks_turkish(client, editor):
    _report()
    html = as_user(client, editor).get("/tr/admin/quizzes/problemreport/").content.decode()
    assert "Sorun bildirimleri" in html or "sorun bildirimi" in html
    assert "Cevap yanlış işaretlenmiş" in html


def test_the_queue_runs_a_fixed_number_of_queries(client, editor, department, count_queries):
    as_user(client, editor)
    _report(refs=[f"department:{department.slug}"])
    few = count_queries(client.get, QUEUE)
    for i in range(10):
        _report(key=f"k:{i}", refs=[f"department:{department.slug}", f"decoy:d{i}"])
    assert count_queries(client.get, QUEUE) == few


def test_editors_may_read_and_resolve_reports_but_not_add_or_delete_them():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Editors")
        .permissions.filter(codename__endswith="_problemreport")
        .values_list("codename", flat=True)
    )
    assert codenames == {"view_problemreport", "change_problemreport"}


@pytest.mark.parametrize("path", ["", "quizzes/problemreport/", "quizzes/problemreport/{pk}/change/"])
def test_every_admin_page_has_the_styles_that_underline_links_in_text(client, editor, path):
    # Not only the admins that list css/admin.css in their Media: the problem reports' pages had no styles of
    # their own, so their breadcrumbs were told apart by colour only (axe link-in-text-block).
    report = _report()
    html = as_user(client, editor).get("/en/admin/" + path.format(pk=report.pk)).content.decode()
    assert html.count('href="/static/css/admin.css"') == 1
