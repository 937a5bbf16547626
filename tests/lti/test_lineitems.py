"""Line items: a link launched without a gradebook column gets one made on the platform (LTI AGS), once."""

import html
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lti import claims as c
from lti import grades
from lti.models import Course, LtiUser, OutgoingScore, ResourceLink, ScoreStatus
from quizzes.models import Attempt
from quizzes.services.attempts import submit_attempt

from .conftest import INSTRUCTOR, LEARNER, LINEITEM, LINEITEMS, run_score_tasks

# The platform offers its line items service and lets the tool make columns, but names no line item.
NO_LINEITEM = {c.AGS_ENDPOINT: {"scope": [c.SCOPE_LINEITEM, c.SCOPE_SCORE], "lineitems": LINEITEMS}}


def run_lineitem_tasks():
    return run_score_tasks(grades.create_lineitem)


def queued(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status="READY").count()


def teacher_then_learner(client, platform, **claims):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], **claims)
    client.logout()
    return platform.launch(client, sub="learner-1", roles=[LEARNER], **claims)


def submit_learners_attempt():
    attempt = Attempt.objects.get(user__lti_link__sub="learner-1")
    assert submit_attempt(attempt)
    return attempt


def test_a_link_launched_without_a_line_item_gets_one_and_its_scores_reach_it(content, client, platform):
    response = teacher_then_learner(client, platform, **NO_LINEITEM)
    assert response.status_code == 302 and "/attempts/" in response["Location"]  # the learner is in the quiz
    assert run_lineitem_tasks() >= 1
    link = ResourceLink.objects.select_related("assignment").get()
    ((url, content_type, body),) = platform.lineitem_posts
    assert url == LINEITEMS and content_type == "application/vnd.ims.lis.v2.lineitem+json"
    assert body == {"scoreMaximum": 100, "label": link.assignment.title, "resourceLinkId": "link-1", "tag": "ddo-learn"}
    assert link.lineitem_url == next(iter(platform.lineitems)) and not link.lineitem_error
    assert c.SCOPE_LINEITEM in platform.scopes
    submit_learners_attempt()
    run_score_tasks()
    ((score_url, score),) = platform.scores
    assert score_url.startswith(link.lineitem_url.split("?")[0] + "/scores") and score["userId"] == "learner-1"


def test_two_overlapping_launches_of_one_link_make_one_line_item(named_quizzes, client, platform):
    teacher_then_learner(client, platform, **NO_LINEITEM)
    assert queued(grades.create_lineitem) >= 1
    link = ResourceLink.objects.get()
    # A second worker runs while the first is in the middle of its POST: it must not post another.
    overlapping = []
    platform.while_posting = lambda: overlapping.append(grades.create_lineitem.call(link.pk))
    grades.create_lineitem.call(link.pk)
    run_lineitem_tasks()
    grades.create_lineitem.call(link.pk)
    assert len(platform.lineitem_posts) == 1 and len(platform.lineitems) == 1 and overlapping
    assert ResourceLink.objects.get().lineitem_url == next(iter(platform.lineitems))


def test_a_line_item_the_platform_already_has_for_the_link_is_used_not_made_again(named_quizzes, client, platform):
    # An earlier try made it, but its answer was lost: found by resourceLinkId and our tag.
    ours = f"{LINEITEMS.split('?')[0]}/3/lineitem"
    theirs = f"{LINEITEMS.split('?')[0]}/4/lineitem"
    platform.lineitems = {
        theirs: {"id": theirs, "resourceLinkId": "link-1", "tag": "another-tool", "scoreMaximum": 10, "label": "x"},
        ours: {"id": ours, "resourceLinkId": "link-1", "tag": "ddo-learn", "scoreMaximum": 100, "label": "y"},
    }
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], **NO_LINEITEM)
    run_lineitem_tasks()
    assert not platform.lineitem_posts and ResourceLink.objects.get().lineitem_url == ours


def test_a_platform_down_leaves_the_launch_working_and_the_line_item_is_made_later(content, client, platform):
    platform.lineitem_answers = iter([503, 502])
    response = teacher_then_learner(client, platform, **NO_LINEITEM)
    assert response.status_code == 302 and "/attempts/" in response["Location"]
    before = timezone.now()
    run_lineitem_tasks()
    link = ResourceLink.objects.get()
    assert not link.lineitem_url and link.lineitem_error.startswith("503")
    retry = DBTaskResult.objects.get(task_path=grades.create_lineitem.module_path, status="READY")
    assert (retry.run_after - before).total_seconds() >= 25  # tried again later, not at once
    run_lineitem_tasks()
    run_lineitem_tasks()
    link.refresh_from_db()
    assert link.lineitem_url and not link.lineitem_error and len(platform.lineitem_posts) == 1


def test_a_refused_line_item_is_shown_to_the_teacher_and_the_score_send_tries_again(content, client, platform):
    platform.lineitem_answers = iter([403])
    teacher_then_learner(client, platform, **NO_LINEITEM)
    run_lineitem_tasks()
    assert queued(grades.create_lineitem) == 0  # a 4xx is not retried on its own
    assert ResourceLink.objects.get().lineitem_error.startswith("403")
    course = Course.objects.get()
    client.force_login(LtiUser.objects.get(sub="teacher-1").user)
    page = html.unescape(client.get(f"/en/lti/courses/{course.pk}/").content.decode())
    assert "no gradebook column" in page and "Ask again" in page and "the gradebook is locked" in page
    # The learner's score waits in the outbox; its send makes the column first (the platform took it now).
    submit_learners_attempt()
    assert OutgoingScore.objects.get().status == ScoreStatus.WAITING
    run_score_tasks()
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT and len(platform.lineitem_posts) == 1
    assert [body["userId"] for _url, body in platform.scores] == ["learner-1"]


def test_the_teacher_asks_for_the_column_again(named_quizzes, client, platform):
    platform.lineitem_answers = iter([403])
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], **NO_LINEITEM)
    run_lineitem_tasks()
    link, course = ResourceLink.objects.get(), Course.objects.get()
    response = client.post(f"/en/lti/courses/{course.pk}/links/{link.pk}/lineitem/")
    assert response.status_code == 302 and queued(grades.create_lineitem) == 1
    run_lineitem_tasks()
    assert ResourceLink.objects.get().lineitem_url and len(platform.lineitem_posts) == 1


@pytest.mark.parametrize(
    "ags",
    [
        {"scope": [c.SCOPE_SCORE], "lineitems": LINEITEMS},  # the platform does not let us make columns
        {"scope": [c.SCOPE_LINEITEM, c.SCOPE_SCORE]},  # no line items service
    ],
)
def test_without_the_scope_or_the_service_nothing_is_asked_of_the_platform(named_quizzes, client, platform, ags):
    teacher_then_learner(client, platform, **{c.AGS_ENDPOINT: ags})
    assert queued(grades.create_lineitem) == 0
    run_lineitem_tasks()
    assert not platform.lineitem_posts and not ResourceLink.objects.get().lineitem_url


def test_the_line_item_search_keeps_the_platforms_query(named_quizzes, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], **NO_LINEITEM)
    run_lineitem_tasks()
    assert len(platform.lineitem_searches) == 1
    query = parse_qs(urlsplit(platform.lineitem_searches[0]).query)
    assert query == {"type_id": ["1"], "resource_link_id": ["link-1"], "tag": ["ddo-learn"]}


@pytest.mark.parametrize("old_code", [False, True])
def test_a_score_that_waited_for_a_refused_column_is_posted_once_the_teacher_asks_again(
    content, client, platform, old_code
):
    platform.lineitem_answers = iter([403, 403])  # the launch's try and the score's own try are refused
    teacher_then_learner(client, platform, **NO_LINEITEM)
    run_lineitem_tasks()
    submit_learners_attempt()
    run_score_tasks()
    score = OutgoingScore.objects.get()
    assert score.status == ScoreStatus.WAITING and not platform.scores  # waits for the column, not refused
    assert queued(grades.send_score) == 0  # and is not tried again and again on its own
    if old_code:  # a score the code before this fix marked refused for its column goes too
        OutgoingScore.objects.update(status=ScoreStatus.REFUSED)
    # The teacher asks again; the platform makes the column now, and the score that waited is posted.
    course, link = Course.objects.get(), ResourceLink.objects.get()
    client.force_login(LtiUser.objects.get(sub="teacher-1").user)
    assert client.post(f"/en/lti/courses/{course.pk}/links/{link.pk}/lineitem/").status_code == 302
    run_lineitem_tasks()
    while run_score_tasks():
        pass
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT
    assert [body["userId"] for _url, body in platform.scores] == ["learner-1"] and len(platform.lineitem_posts) == 1


def test_a_score_that_waited_for_a_column_goes_when_a_launch_names_the_column(content, client, platform):
    platform.lineitem_answers = iter([403, 403])
    teacher_then_learner(client, platform, **NO_LINEITEM)
    run_lineitem_tasks()
    submit_learners_attempt()
    run_score_tasks()
    assert OutgoingScore.objects.get().status == ScoreStatus.WAITING and not platform.scores
    client.logout()
    platform.launch(client, sub="learner-1", roles=[LEARNER])  # the platform's claim names the line item now
    run_score_tasks()
    ((url, body),) = platform.scores
    assert url.startswith(LINEITEM.split("?")[0] + "/scores") and body["userId"] == "learner-1"
    assert OutgoingScore.objects.get().status == ScoreStatus.SENT and not platform.lineitem_posts


def test_the_turkish_course_page_explains_the_platforms_answers_in_turkish(content, client, platform):
    platform.lineitem_answers = iter([200, 403])  # a 200 that is not JSON (tried again later), then a refusal
    teacher_then_learner(client, platform, **NO_LINEITEM)
    run_lineitem_tasks()
    course = Course.objects.get()
    client.force_login(LtiUser.objects.get(sub="teacher-1").user)

    def page():
        return html.unescape(client.get(f"/tr/lti/courses/{course.pk}/").content.decode())

    shown = page()
    # Our explanation in Turkish, around the platform's own words; none of our English.
    assert "Platformun yanıtı beklenen JSON biçiminde değildi." in shown and "the gradebook is locked" in shown
    assert "not JSON" not in shown
    submit_learners_attempt()
    run_score_tasks()  # the score's send asks for the column and is refused: the score waits
    shown = page()
    assert "Platform isteği reddetti." in shown  # the column
    assert "Ödevin not defteri sütunu bekleniyor" in shown  # the score
    assert "403: the gradebook is locked" in shown
