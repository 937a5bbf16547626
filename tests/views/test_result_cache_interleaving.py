"""A result page rendered while its owner's problem report commits never hides the report.

The result's questions are kept in the shared cache under the attempt's version, read before the
answers; a report gives the attempt a new version when it commits (quizzes/cache_versions.py).
"""

import threading

import pytest
from django.test import Client

from quizzes.views import quiz
from tests.quiz_factories import save_url
from tests.threads import shared_database, start  # noqa: F401 -- a fixture


@pytest.mark.usefixtures("shared_database")
def test_a_result_page_rendered_while_a_report_commits_does_not_hide_the_report(student, attempt, monkeypatch):
    reporting, other_tab = Client(), Client()
    reporting.force_login(student)
    other_tab.force_login(student)
    reporting.post(save_url(attempt), {"action": "submit", "q-0": "0", "submit_anyway": "1"})
    result = f"/en/attempts/{attempt.public_id}/result/"
    loaded, reported = threading.Event(), threading.Event()
    read_answers = quiz.answers_marking_reported

    def read_slowly(attempt):  # the other tab pauses between reading the answers and caching the page
        answers = list(read_answers(attempt))
        if threading.current_thread() is not threading.main_thread():
            loaded.set()
            assert reported.wait(30)
        return answers

    monkeypatch.setattr(quiz, "answers_marking_reported", read_slowly)
    rendering = start(lambda: other_tab.get(result).content.decode())
    assert loaded.wait(30)
    report = reporting.post(f"/en/attempts/{attempt.public_id}/questions/0/report/", {"reason": "unclear"})
    assert report.status_code == 302
    reported.set()
    assert 'class="badge done">reported<' not in rendering.result()  # it read the answers before the report
    assert reporting.get(result).content.decode().count('class="badge done">reported<') == 1
