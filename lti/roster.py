"""Names and Role Provisioning: "sync the class from the platform".

Reads every page of the course's membership (``Link: <...>; rel="next"``, each URL used exactly as
the platform gave it), then adds the active learners as students and takes out the students who came
from this platform and are no longer learners there. Students who joined with the class's code stay.

Co-teachers follow the same rule: one who came from this platform and is no longer an active
instructor there stops teaching the class (co-teachers added in admin stay, even ones with an account on
the platform: ``Course.launched_co_teachers`` says which a launch made; the owner always stays).
Instructors are not made co-teachers by a sync: each becomes one by launching from the course.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from quizzes.services import classes

from . import claims as c
from . import http, tokens
from .models import LtiUser
from .services import names_from, username_for

MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
MAX_PAGES = 1000


@dataclass
class Synced:
    added: int
    removed: int
    learners: int


def read_members(course):
    """Every member of every page; the next page's URL exactly as given."""
    token = tokens.access_token(course.platform, c.SCOPE_MEMBERSHIPS)
    url, members = course.memberships_url, []
    for _page in range(MAX_PAGES):
        try:
            answer = http.call("GET", url, headers={"Authorization": f"Bearer {token}", "Accept": MEMBERSHIP_TYPE})
        except http.PlatformRefused as error:
            if error.status == 401:  # an expired token: the next sync fetches a new one
                tokens.forget(course.platform, c.SCOPE_MEMBERSHIPS)
            raise
        members.extend(answer.json().get("members", []))
        url = answer.links.get("next", {}).get("url")
        if not url:
            break
    return members


def _accounts(platform, learners):
    """The local account of each learner (by sub), made in bulk for the new ones."""
    subs = {m["user_id"]: m for m in learners}
    known = dict(LtiUser.objects.filter(platform=platform, sub__in=subs).values_list("sub", "user_id"))
    new = [sub for sub in subs if sub not in known]
    if new:
        unusable = make_password(None)
        User = get_user_model()
        users = User.objects.bulk_create(
            [User(username=username_for(platform, sub), password=unusable, **names_from(subs[sub])) for sub in new]
        )
        if any(u.pk is None for u in users):  # a database that does not return bulk keys
            users = User.objects.filter(username__in=[username_for(platform, s) for s in new])
        by_name = {u.username: u for u in users}
        made = {sub: by_name[username_for(platform, sub)] for sub in new}
        LtiUser.objects.bulk_create([LtiUser(platform=platform, sub=sub, user=user) for sub, user in made.items()])
        known.update((sub, user.pk) for sub, user in made.items())
    return known


def _active(members, role_test):
    return [m for m in members if m.get("user_id") and m.get("status", "Active") == "Active" and role_test(m)]


def _drop_co_teachers(course, instructors):
    """Take co-teaching from those the course's launches made co-teachers who are no longer its active instructors
    there; returns the class's co-teachers left."""
    classroom = course.classroom
    launched = LtiUser.objects.filter(
        platform=course.platform, user__co_taught_classrooms=classroom, user__in=course.launched_co_teachers.all()
    )
    gone = [pk for pk, sub in launched.values_list("user_id", "sub") if sub not in instructors]
    classes.remove_co_teachers(classroom, gone)
    course.launched_co_teachers.remove(*gone)
    return set(classroom.co_teachers.values_list("pk", flat=True))


def sync_course(course):
    members = read_members(course)
    learners = _active(members, lambda m: c.learns(m.get("roles", [])))
    instructors = {m["user_id"] for m in _active(members, lambda m: c.teaches(m.get("roles", [])))}
    classroom = course.classroom
    with transaction.atomic():
        teachers = _drop_co_teachers(course, instructors)
        accounts = _accounts(course.platform, learners)
        present = set(classroom.students.values_list("pk", flat=True))
        wanted = set(accounts.values()) - teachers
        User = get_user_model()
        to_add = [User(pk=pk) for pk in wanted - present]
        classes.add_students(classroom, to_add)
        from_platform = set(
            LtiUser.objects.filter(platform=course.platform, user_id__in=present).values_list("user_id", flat=True)
        )
        removed = classes.remove_students(classroom, from_platform - wanted)
    return Synced(added=len(to_add), removed=removed, learners=len(learners))
