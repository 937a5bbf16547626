"""Launches: a teacher's first launch makes the class, a learner's joins it and opens the quiz."""

import re

import pytest
from django.contrib.auth import get_user_model

from lti.models import Course, LtiUser, ResourceLink
from quizzes.models import Attempt, Membership
from quizzes.roles import is_teacher

from .conftest import INSTRUCTOR, LEARNER, LINEITEM


def test_an_instructor_launch_makes_the_course_a_class_they_teach(content, client, platform):
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    course = Course.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/lti/courses/{course.pk}/")
    teacher = LtiUser.objects.get(sub="teacher-1").user
    assert course.classroom.teacher == teacher and course.classroom.name == "Dijital Dönüşüm"
    assert is_teacher(teacher)
    link = ResourceLink.objects.get()
    assert link.assignment.classroom == course.classroom and link.lineitem_url == LINEITEM
    assert client.get(response["Location"]).status_code == 200


def test_a_learner_launch_joins_the_class_and_opens_the_quiz(content, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    response = platform.launch(client, sub="learner-1", roles=[LEARNER])
    learner = LtiUser.objects.get(sub="learner-1").user
    attempt = Attempt.objects.get(user=learner)
    assert response.status_code == 302 and response["Location"].endswith(f"/attempts/{attempt.public_id}/")
    assert Membership.objects.filter(student=learner, classroom=Course.objects.get().classroom).exists()
    assert not is_teacher(learner)
    assert learner.first_name == "Ayşe"
    # The same person again is the same account, and their open attempt.
    client.logout()
    again = platform.launch(client, sub="learner-1", roles=[LEARNER])
    assert again["Location"] == response["Location"]
    assert get_user_model().objects.filter(lti_link__sub="learner-1").count() == 1


def test_a_learner_before_any_teacher_is_told_to_wait_and_nothing_is_made(content, client, platform):
    response = platform.launch(client, sub="learner-1", roles=[LEARNER])
    assert response.status_code == 403
    assert "not opened DDO Learn in this course yet" in response.content.decode()
    assert not get_user_model().objects.exists() and not Course.objects.exists()


def test_launch_pages_may_be_framed_by_the_registered_platform_only(content, client, platform):
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    assert "frame-ancestors https://moodle.school.test" in response["Content-Security-Policy"]
    assert "X-Frame-Options" not in response
    state_cookie = response.cookies["lti-frame"]
    assert state_cookie["samesite"] == "None; Partitioned" and state_cookie["secure"]
    # The pages opened from the launch: framed by that platform, as long as the launch's cookie says so.
    page = client.get(response["Location"])
    assert "frame-ancestors https://moodle.school.test;" in page["Content-Security-Policy"] + ";"
    assert "X-Frame-Options" not in page
    client.cookies.pop("lti-frame")
    page = client.get(response["Location"])
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"] and page["X-Frame-Options"] == "DENY"
    # And the site's own pages keep their first-party cookies.
    client.logout()
    assert client.get("/en/accounts/login/").cookies["csrftoken"]["samesite"] == "Lax"


def test_every_cookie_a_framed_page_sets_is_partitioned_to_the_platform(content, client, platform):
    # Browsers that block third-party cookies keep a Partitioned one in the frame (CHIPS).
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    assert response.cookies["sessionid"]["samesite"] == "None; Partitioned" and response.cookies["sessionid"]["secure"]
    page = client.get("/en/accounts/login/")
    assert page.cookies["csrftoken"]["samesite"] == "None; Partitioned"


def test_the_login_cookie_works_in_a_cross_site_frame(client, platform):
    response, state, _nonce = platform.login(client)
    cookie = response.cookies["lti1p3-state"]
    assert cookie.value == state and cookie["samesite"] == "None; Partitioned" and cookie["secure"]
    assert response["Location"].startswith("https://moodle.school.test/mod/lti/auth.php?")


def test_a_login_from_an_unregistered_platform_is_refused(client, platform):
    response, _state, _nonce = platform.login(client, iss="https://elsewhere.test")
    assert response.status_code == 400 and "not registered" in response.content.decode()


def test_without_the_cookie_the_state_is_checked_in_the_platforms_storage(content, client, platform):
    """lti_storage_target: the login page stores the state with the platform (postMessage), and a launch
    that arrives without our cookie is checked against it in the browser before it goes on."""

    response, _state, _nonce = platform.login(client, lti_storage_target="_parent")
    page = response.content.decode()
    assert response.status_code == 200 and 'data-mode="put"' in page and 'data-target="_parent"' in page
    assert 'data-origin="https://moodle.school.test"' in page and "lti/storage.js" in page
    state = re.search(r'data-state="([^"]+)"', page).group(1)
    nonce = re.search(r'data-nonce="([^"]+)"', page).group(1)
    client.cookies.pop("lti1p3-state")  # the browser refused it
    token = platform.sign(platform.claims(nonce, sub="teacher-1", roles=[INSTRUCTOR]))
    check = client.post("/lti/launch/", {"id_token": token, "state": state})
    assert check.status_code == 200 and 'data-mode="get"' in check.content.decode()
    assert not Course.objects.exists()  # nothing until the check comes back
    launched = client.post("/lti/launch/", {"id_token": token, "state": state, "lti_storage_checked": "1"})
    assert launched.status_code == 302 and Course.objects.count() == 1


def test_an_institution_instructor_who_is_a_learner_in_this_course_is_a_student_here(content, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    roles = [LEARNER, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"]
    response = platform.launch(client, sub="learner-1", roles=roles)
    learner = LtiUser.objects.get(sub="learner-1").user
    assert "/attempts/" in response["Location"] and not is_teacher(learner)
    assert Membership.objects.filter(student=learner).exists()


@pytest.mark.parametrize(("locale", "prefix"), [("tr-TR", "/tr/"), ("en_GB", "/en/"), ("de-DE", "/en/")])
def test_the_platforms_language_opens_the_same_language_here(content, client, platform, locale, prefix):
    # de-DE is not ours: the browser's language (English in these tests) stands.
    presentation = {"https://purl.imsglobal.org/spec/lti/claim/launch_presentation": {"locale": locale}}
    response = platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR], **presentation)
    assert response["Location"].startswith(prefix)
