"""Rosters (NRPS): "sync the class from the platform", page by page, URLs exactly as given."""

import json

import pytest
import responses
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lti import claims as c
from lti import tokens
from lti.models import Course, LtiUser
from lti.roster import sync_course
from quizzes.models import Membership
from tests.factories import make_classroom, make_teacher, make_user

from .conftest import INSTRUCTOR, LEARNER, MEMBERSHIPS

# Canvas writes its paging links in mixed case; they are opaque and must be used exactly as given.
PAGE_2 = "https://moodle.school.test/api/lti/Courses/42/Names_And_Roles?Page=2&Cursor=AbC%2Fx"


def member(sub, role=LEARNER, status="Active"):
    return {"user_id": sub, "roles": [role], "status": status, "given_name": "Öğrenci", "family_name": sub}


@pytest.fixture
def course(registration):
    classroom = make_classroom(make_teacher())
    return Course.objects.create(
        platform=registration, context_id="course-42", classroom=classroom, memberships_url=MEMBERSHIPS
    )


def serve_pages(platform, pages):
    """The membership service: page i links to page i+1; every URL asked for is recorded."""
    asked = []
    urls = [MEMBERSHIPS, PAGE_2] + [f"{PAGE_2}&More={n}" for n in range(len(pages) - 2)]

    def answer(request):
        asked.append(request.url)
        index = urls.index(request.url)
        headers = {"Content-Type": "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"}
        if index + 1 < len(pages):
            headers["Link"] = f'<{urls[index + 1]}>; rel="next"'
        return 200, headers, json.dumps({"id": MEMBERSHIPS, "members": pages[index]})

    for url in (MEMBERSHIPS, PAGE_2.split("?")[0]):
        platform.mock.remove(responses.GET, url)
    platform.mock.add_callback(responses.GET, MEMBERSHIPS, callback=answer)
    platform.mock.add_callback(responses.GET, PAGE_2.split("?")[0], callback=answer)
    return asked


def test_a_sync_adds_the_platforms_learners_and_removes_the_ones_who_left(course, platform):
    stayed, left = make_user("stayed"), make_user("left")
    joined_by_code = make_user("kodla")
    for user, sub in ((stayed, "s-stayed"), (left, "s-left")):
        LtiUser.objects.create(platform=course.platform, sub=sub, user=user)
    Membership.objects.bulk_create(
        Membership(classroom=course.classroom, student=u) for u in (stayed, left, joined_by_code)
    )
    asked = serve_pages(
        platform,
        [
            [member("t-1", INSTRUCTOR), member("s-stayed"), member("s-new-1")],
            [member("s-new-2"), member("s-gone", status="Inactive")],
        ],
    )
    synced = sync_course(course)
    assert asked == [MEMBERSHIPS, PAGE_2]  # the next page's URL exactly as the platform wrote it
    students = set(course.classroom.students.values_list("username", flat=True))
    new = set(LtiUser.objects.filter(sub__in=["s-new-1", "s-new-2"]).values_list("user__username", flat=True))
    assert students == {"stayed", "kodla"} | new  # the teacher is no student; the inactive one is not added
    assert (synced.added, synced.removed, synced.learners) == (2, 1, 3)
    # Again: nothing changes.
    serve_pages(platform, [[member("t-1", INSTRUCTOR), member("s-stayed"), member("s-new-1")], [member("s-new-2")]])
    again = sync_course(course)
    assert (again.added, again.removed) == (0, 0)


def queries_for(course, platform, count):
    tokens.access_token(course.platform, c.SCOPE_MEMBERSHIPS)  # our key made, the token cached: sync alone counts
    serve_pages(
        platform, [[member(f"{count}-{n}") for n in range(i, min(i + 100, count))] for i in range(0, count, 100)]
    )
    with CaptureQueriesContext(connection) as queries:
        synced = sync_course(course)
    assert synced.added == count
    return len(queries)


def test_a_sync_of_500_members_costs_no_query_per_member(course, platform):
    small = queries_for(course, platform, 100)
    Membership.objects.all().delete()
    # The same statements; SQLite splits a bulk insert into batches under its variable limit (a few more).
    assert queries_for(course, platform, 500) <= small + 8
    assert course.classroom.students.count() == 500


def test_the_teacher_syncs_from_the_course_page(course, platform, client):
    serve_pages(platform, [[member("s-1"), member("s-2")], []])
    client.force_login(course.classroom.teacher)
    response = client.post(f"/en/lti/courses/{course.pk}/sync/", follow=True)
    assert "Class synced: 2 added, 0 removed, 2 learners on the platform." in response.content.decode()


def test_a_platform_that_refuses_the_list_is_reported_to_the_teacher(course, platform, client):
    platform.mock.add(responses.GET, MEMBERSHIPS, status=403, body="scope not granted")
    client.force_login(course.classroom.teacher)
    response = client.post(f"/en/lti/courses/{course.pk}/sync/", follow=True)
    assert "could not be read" in response.content.decode() and response.status_code == 200
    assert not course.classroom.students.exists()


def test_canvas_one_issuer_for_every_school_keeps_the_schools_apart(named_quizzes, client, platform):
    """Canvas launches every school from https://canvas.instructure.com: the client id tells them apart."""
    from lti.models import Platform

    other = Platform.objects.create(
        name="Another school",
        issuer=platform.registration.issuer,
        client_id="another-client",
        deployment_ids=["deployment-1"],
        auth_login_url="https://other.school.test/auth",
        auth_token_url=platform.registration.auth_token_url,
        key_set_url=platform.registration.key_set_url,  # Canvas: one key set for every school
    )
    assert platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR]).status_code == 302
    client.logout()
    # A token the platform signed for the first school, posted to a login of the other school: refused.
    response, _state, nonce = platform.login(client, client_id="another-client")
    assert response["Location"].startswith("https://other.school.test/auth?")
    response = client.post(
        "/lti/launch/",
        {"id_token": platform.sign(platform.claims(nonce, sub="teacher-1")), "state": _state},
    )
    assert response.status_code == 400 and "meant for another tool" in response.content.decode()
    assert LtiUser.objects.filter(platform=other).count() == 0
    assert c.teaches([INSTRUCTOR])
