"""Co-teachers: every instructor of the course teaches its class, the first one stays its owner."""

import html

from lti import claims as c
from lti.models import Course, LtiUser
from lti.roster import sync_course
from quizzes.models import Classroom
from tests.factories import as_user, make_classroom, make_teacher

from .conftest import INSTRUCTOR, LEARNER, MEMBERSHIPS
from .test_bad_launches import tampered
from .test_roster import member, serve_pages


def second_instructor(client, platform):
    """teacher-1 opens the course, then teacher-2 (Mehmet Kaya) launches the same link."""
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    return platform.launch(client, sub="teacher-2", roles=[INSTRUCTOR], given_name="Mehmet", family_name="Kaya")


def class_pages(classroom):
    base = f"/en/teach/classes/{classroom.pk}"
    return [f"{base}/", f"{base}/report/", f"{base}/topics/", f"{base}/items/", f"{base}/export/results.csv"]


def test_a_second_instructor_of_the_course_teaches_its_class(named_quizzes, client, platform):
    response = second_instructor(client, platform)
    course = Course.objects.select_related("classroom").get()
    owner, second = (LtiUser.objects.get(sub=s).user for s in ("teacher-1", "teacher-2"))
    assert response.status_code == 302 and response["Location"].endswith(f"/lti/courses/{course.pk}/")
    assert client.get(response["Location"]).status_code == 200
    for url in class_pages(course.classroom):
        assert client.get(url).status_code == 200, url
    # One class, still the first instructor's; the second teaches it beside them.
    assert Classroom.objects.count() == 1 and course.classroom.teacher == owner
    assert list(course.classroom.co_teachers.all()) == [second]
    # Both appear on the class page, and the class is on the second one's list.
    page = client.get(f"/en/teach/classes/{course.classroom.pk}/").content.decode()
    assert "Ayşe Yılmaz" in page and "Mehmet Kaya" in page
    assert course.classroom.name in client.get("/en/teach/").content.decode()


def test_launching_again_changes_nothing_and_the_owner_never_becomes_a_co_teacher(named_quizzes, client, platform):
    second_instructor(client, platform)
    client.logout()
    platform.launch(client, sub="teacher-2", roles=[INSTRUCTOR])
    client.logout()
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    classroom = Course.objects.get().classroom
    assert [u.lti_link.sub for u in classroom.co_teachers.all()] == ["teacher-2"]


def test_a_teacher_of_another_class_finds_nothing(named_quizzes, client, platform):
    second_instructor(client, platform)
    course = Course.objects.select_related("classroom").get()
    stranger = make_teacher("baska")
    make_classroom(stranger, name="Başka sınıf")
    as_user(client, stranger)
    assert client.get(f"/en/lti/courses/{course.pk}/").status_code == 404
    for url in class_pages(course.classroom):
        assert client.get(url).status_code == 404, url


def test_a_learners_token_edited_to_claim_the_instructor_role_makes_no_co_teacher(named_quizzes, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    platform.launch(client, sub="learner-1", roles=[LEARNER])
    client.logout()
    response = platform.launch(client, lambda nonce: tampered(platform, nonce, **{c.ROLES: [INSTRUCTOR]}))
    assert response.status_code == 400 and "signature is wrong" in html.unescape(response.content.decode())
    classroom = Course.objects.get().classroom
    assert not classroom.co_teachers.exists()
    learner = LtiUser.objects.get(sub="learner-1").user
    as_user(client, learner)
    assert client.get(f"/en/teach/classes/{classroom.pk}/").status_code == 403


def test_a_sync_takes_co_teaching_from_an_instructor_who_left_the_course(named_quizzes, client, platform):
    second_instructor(client, platform)
    client.logout()
    platform.launch(client, sub="teacher-3", roles=[INSTRUCTOR])
    course = Course.objects.select_related("classroom", "platform").get()
    by_admin = make_teacher("yardimci")  # added in admin, not from the platform: stays
    course.classroom.co_teachers.add(by_admin)
    # teacher-2 is a learner now, teacher-3 is gone; the owner (teacher-1) is not listed either.
    serve_pages(platform, [[member("teacher-2", LEARNER), member("learner-9")]])
    assert course.memberships_url == MEMBERSHIPS
    sync_course(course)
    classroom = Classroom.objects.get()
    assert set(classroom.co_teachers.values_list("username", flat=True)) == {"yardimci"}
    assert classroom.teacher == LtiUser.objects.get(sub="teacher-1").user
    # The former co-teacher is now a student of the class, as the platform says.
    assert classroom.students.filter(lti_link__sub="teacher-2").exists()


def test_a_sync_keeps_an_instructor_who_still_teaches(named_quizzes, client, platform):
    second_instructor(client, platform)
    course = Course.objects.select_related("classroom", "platform").get()
    serve_pages(platform, [[member("teacher-2", INSTRUCTOR), member("learner-9")]])
    synced = sync_course(course)
    assert [u.lti_link.sub for u in course.classroom.co_teachers.all()] == ["teacher-2"]
    assert synced.learners == 1 and not course.classroom.students.filter(lti_link__sub="teacher-2").exists()


def test_a_co_teacher_who_launches_as_a_learner_does_not_become_a_student(named_quizzes, client, platform):
    # Moodle's "switch role to student": teacher-2 opens the course's link with the Learner role.
    second_instructor(client, platform)
    client.logout()
    response = platform.launch(client, sub="teacher-2", roles=[LEARNER])
    assert response.status_code == 302
    classroom = Course.objects.get().classroom
    assert [u.lti_link.sub for u in classroom.co_teachers.all()] == ["teacher-2"]
    assert not classroom.students.filter(lti_link__sub="teacher-2").exists()
    # Neither does the owner.
    client.logout()
    platform.launch(client, sub="teacher-1", roles=[LEARNER])
    assert not classroom.students.exists()


def test_a_sync_keeps_a_co_teacher_added_in_admin_who_has_an_account_on_the_platform(named_quizzes, client, platform):
    platform.launch(client, sub="teacher-1", roles=[INSTRUCTOR])
    client.logout()
    platform.launch(client, sub="learner-9", roles=[LEARNER])  # a learner of the course on the platform...
    course = Course.objects.select_related("classroom", "platform").get()
    helper = LtiUser.objects.get(sub="learner-9").user
    course.classroom.memberships.filter(student=helper).delete()
    course.classroom.co_teachers.add(helper)  # ...whom an administrator made the class's co-teacher
    serve_pages(platform, [[member("learner-9"), member("learner-8")]])
    sync_course(course)
    assert list(Classroom.objects.get().co_teachers.all()) == [helper]
    assert not course.classroom.students.filter(pk=helper.pk).exists()
