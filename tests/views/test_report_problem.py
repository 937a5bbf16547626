"""Reporting a problem with a question (attempts/ID/questions/N/report/): the owner of a submitted attempt only."""

import pytest
from django.test import Client

from quizzes.models import ProblemReport
from tests.factories import as_guest, csrf_tokens
from tests.quiz_factories import make_quiz_attempt, save_url


def report_url(attempt, position=0, language="en"):
    return f"/{language}/attempts/{attempt.public_id}/questions/{position}/report/"


def result_url(attempt, language="en"):
    return f"/{language}/attempts/{attempt.public_id}/result/"


@pytest.fixture
def submitted(logged_in, attempt):
    logged_in.post(save_url(attempt), {"action": "submit", "q-0": "0", "submit_anyway": "1"})
    attempt.refresh_from_db()
    assert attempt.is_submitted
    return attempt


def test_the_result_page_offers_a_report_form_under_each_question(logged_in, submitted):
    html = logged_in.get(result_url(submitted)).content.decode()
    assert html.count("<summary>Report a problem</summary>") == 3
    assert f'action="{report_url(submitted, 2)}"' in html
    assert "The marked answer is wrong" in html and "A translation problem" in html
    turkish = logged_in.get(result_url(submitted, "tr")).content.decode()
    assert "Bir sorun bildir" in turkish


def test_it_saves_the_report_and_says_it_was_received(logged_in, student, submitted):
    response = logged_in.post(
        report_url(submitted, 0, "tr"), {"reason": "wrong_answer", "text": "  Siber değil, Veri doğru.  "}
    )
    assert response.status_code == 302
    assert response.url == f"/tr/attempts/{submitted.public_id}/result/#question-1"
    report = ProblemReport.objects.get()
    assert report.attempt == submitted and report.position == 0
    assert report.question_key == "dept_focus:siber"
    assert report.item_refs == ["department:siber"]
    assert report.language == "tr"
    assert report.reason == "wrong_answer" and report.text == "Siber değil, Veri doğru."
    assert report.user == student and report.guest_key == ""
    assert report.status == "open" and report.created_at is not None
    page = logged_in.get(response.url).content.decode()
    assert "1. soruyla ilgili bildiriminiz alındı" in page
    assert page.count('class="badge done">bildirildi<') == 1


def test_a_guest_reports_on_their_own_attempt(client, db):
    client.get("/en/quizzes/")
    as_guest(client, "guest-key-1234567890")
    attempt = make_quiz_attempt(guest_key="guest-key-1234567890")
    client.post(save_url(attempt), {"action": "submit", "q-0": "0", "submit_anyway": "1"})
    response = client.post(report_url(attempt, 1), {"reason": "unclear"})
    assert response.status_code == 302
    report = ProblemReport.objects.get()
    assert report.user is None and report.guest_key == "guest-key-1234567890"
    assert report.question_key == "order_four:a" and report.language == "en"
    assert "Thank you: your report on question 2 was received." in client.get(response.url).content.decode()


def test_someone_else_finds_nothing(client, other_student, submitted):
    client.force_login(other_student)
    assert client.post(report_url(submitted), {"reason": "unclear"}).status_code == 404
    client.logout()
    assert client.post(report_url(submitted), {"reason": "unclear"}).status_code == 404
    assert not ProblemReport.objects.exists()


def test_an_attempt_not_yet_submitted_cannot_be_reported_on(logged_in, attempt):
    assert logged_in.post(report_url(attempt), {"reason": "unclear"}).status_code == 404
    assert not ProblemReport.objects.exists()


def test_a_question_the_attempt_does_not_have_is_not_found(logged_in, submitted):
    assert logged_in.post(report_url(submitted, 3), {"reason": "unclear"}).status_code == 404
    assert logged_in.post(report_url(submitted, 99999999999999999999), {"reason": "unclear"}).status_code == 404
    assert not ProblemReport.objects.exists()


def test_it_rejects_get(logged_in, submitted):
    assert logged_in.get(report_url(submitted)).status_code == 405


@pytest.mark.parametrize("reason", ["", "spam", "wrong_answer' OR 1=1"])
def test_a_reason_not_offered_is_refused_with_a_message_and_nothing_saved(logged_in, submitted, reason):
    response = logged_in.post(report_url(submitted, 0, "tr"), {"reason": reason, "text": "metin"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bildiriminiz gönderilmedi" in html
    assert ("Listedeki nedenlerden birini seçin." in html) or ("Sorunun neyinin yanlış olduğunu seçin." in html)
    assert "Siber güvenliğe hangi daire odaklandı?" in html  # which question it was about
    assert not ProblemReport.objects.exists()


def test_too_long_a_text_is_refused(logged_in, submitted):
    response = logged_in.post(report_url(submitted), {"reason": "other", "text": "x" * 1001})
    assert response.status_code == 400
    assert "at most 1000 characters" in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_the_same_report_twice_is_acknowledged_but_saved_once(logged_in, submitted):
    logged_in.post(report_url(submitted), {"reason": "unclear", "text": "first"})
    response = logged_in.post(report_url(submitted), {"reason": "unclear", "text": "second"})
    assert response.status_code == 302
    assert "You have already reported this problem on question 1" in logged_in.get(response.url).content.decode()
    assert list(ProblemReport.objects.values_list("text", flat=True)) == ["first"]
    # Another reason on the same question is another report.
    logged_in.post(report_url(submitted), {"reason": "translation"})
    assert ProblemReport.objects.count() == 2


def test_reports_are_rate_limited(logged_in, submitted, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "report_problem": "2/h"}
    assert logged_in.post(report_url(submitted, 0), {"reason": "unclear"}).status_code == 302
    assert logged_in.post(report_url(submitted, 1), {"reason": "unclear"}).status_code == 302
    response = logged_in.post(report_url(submitted, 2), {"reason": "unclear"})
    assert response.status_code == 429
    assert ProblemReport.objects.count() == 2


def test_a_post_without_the_csrf_token_is_refused(student, submitted):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    assert client.post(report_url(submitted), {"reason": "unclear"}).status_code == 403
    assert not ProblemReport.objects.exists()


def test_the_form_on_the_result_page_posts_with_its_token(student, submitted):
    client = Client(enforce_csrf_checks=True)
    client.force_login(student)
    html = client.get(result_url(submitted)).content.decode()
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    response = client.post(report_url(submitted), {"reason": "unclear", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert ProblemReport.objects.count() == 1


def test_the_result_page_still_runs_one_query_for_the_answers_and_their_reports(logged_in, submitted, count_queries):
    count_queries(logged_in.get, result_url(submitted))
    before = count_queries(logged_in.get, result_url(submitted, "tr"))
    logged_in.post(report_url(submitted), {"reason": "unclear"})
    logged_in.post(report_url(submitted, 1), {"reason": "other"})
    # The report dropped the cached questions: the page reads them again, with the same number of queries.
    assert count_queries(logged_in.get, result_url(submitted, "tr")) == before


def test_a_second_browser_shares_the_cached_questions_and_posts_with_its_own_token(student, submitted, count_queries):
    """The result's questions are cached once for their attempt (not per browser): every report form
    in them carries the token of the browser that asked (quizzes/templatetags/ddo.py, cache_with_csrf)."""
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(student)
    second.force_login(student)
    first_page = first.get(result_url(submitted)).content.decode()
    cached = count_queries(second.get, result_url(submitted))
    second_page = second.get(result_url(submitted)).content.decode()
    assert cached == count_queries(second.get, result_url(submitted))  # the second browser never renders them
    assert len(csrf_tokens(second_page)) == 1 and not csrf_tokens(second_page) & csrf_tokens(first_page)
    assert "csrf-token-of-the-request" not in second_page
    (token,) = csrf_tokens(second_page)
    response = second.post(report_url(submitted, 2), {"reason": "unclear", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and ProblemReport.objects.count() == 1
    # The report shows at once in both browsers: the cached questions were dropped.
    assert 'class="badge done">reported<' in first.get(result_url(submitted)).content.decode()


def test_the_second_browser_renders_no_question_of_the_result(student, submitted, django_assert_num_queries):
    first, second = Client(), Client()
    first.force_login(student)
    first.get(result_url(submitted))  # renders and caches the questions
    second.force_login(student)
    second.get("/en/")  # its own session and CSRF cookie, its user cached
    # The session and the attempt: no answers, no reports, no question texts.
    with django_assert_num_queries(2):
        assert second.get(result_url(submitted)).status_code == 200


def test_a_report_shows_at_once_on_every_worker(logged_in, submitted, settings):
    """Each gunicorn worker has its own memory: the result's questions are cached where every worker
    and instance sees them, and the report drops them there (they were per worker, and another
    worker showed the question unreported for up to ten minutes)."""

    def worker(name):
        fragments = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"fragments-{name}"}
        settings.CACHES = {**settings.CACHES, "template_fragments": fragments}

    worker("a")
    assert "badge done" not in logged_in.get(result_url(submitted)).content.decode()
    worker("b")
    assert "badge done" not in logged_in.get(result_url(submitted)).content.decode()
    worker("a")
    assert logged_in.post(report_url(submitted, 1), {"reason": "unclear"}).status_code == 302
    worker("b")
    assert 'class="badge done">reported<' in logged_in.get(result_url(submitted)).content.decode()
