"""A verified launch becomes local records: the account for (issuer, sub), the class for the course,
the assignment for the resource link. Everything here runs after launch.verify_id_token passed."""

import datetime
import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from quizzes.models import Assignment, Quiz
from quizzes.roles import TEACHERS
from quizzes.services import classes

from . import claims as c
from . import grades, lineitems
from .forms import settings_are_valid
from .launch import LaunchError
from .models import Course, LtiUser, ResourceLink

# Deep linking puts the quiz's slug in the link's custom parameters; the launch reads it back.
CUSTOM_QUIZ = "ddo_quiz"
# ...or the teacher's own settings for a quiz.
CUSTOM_TOPIC, CUSTOM_LENGTH, CUSTOM_DIFFICULTY = "ddo_topic", "ddo_length", "ddo_difficulty"
# An LTI assignment stays open until the platform's course ends it; its due date is far away.
OPEN_FOR = datetime.timedelta(days=3650)


@dataclass
class Launched:
    user: object
    teaches: bool
    course: Course
    resource_link: ResourceLink | None


def username_for(platform, sub):
    digest = hashlib.sha256(f"{platform.issuer}|{platform.client_id}|{sub}".encode()).hexdigest()[:20]
    return f"lti-{platform.pk}-{digest}"


def names_from(claims):
    """The account's names and e-mail from a launch's or a roster member's claims, cut to the columns' lengths."""
    return {
        "first_name": str(claims.get("given_name", ""))[:150],
        "last_name": str(claims.get("family_name", ""))[:150],
        "email": str(claims.get("email", ""))[:254],
    }


def account_for(platform, payload, teaches):
    """The local account of (platform, sub), made on the first launch; a teacher joins the Teachers group."""
    link = LtiUser.objects.select_related("user").filter(platform=platform, sub=payload["sub"]).first()
    if link is None:
        user = get_user_model().objects.create_user(
            username=username_for(platform, payload["sub"]), **names_from(payload)
        )
        link = LtiUser.objects.create(platform=platform, sub=payload["sub"], user=user)
    if teaches:
        link.user.groups.add(Group.objects.get(name=TEACHERS))
    return link.user


def _course(platform, payload, user, teaches):
    """The course's class: made by its first instructor (its owner); every later instructor co-teaches it."""
    context = payload[c.CONTEXT]
    course = Course.objects.select_related("classroom").filter(platform=platform, context_id=context["id"]).first()
    if course is not None and teaches and user.pk != course.classroom.teacher_id:
        classes.add_co_teacher(course.classroom, user)
        course.launched_co_teachers.add(user)  # a sync may take it back (lti/roster.py); one added in admin stays
    if course is None:
        if not teaches:
            raise LaunchError(_("Your teacher has not opened DDO Learn in this course yet."), status=403)
        title = str(context.get("title") or context.get("label") or context["id"])[:120]
        course = Course.objects.create(
            platform=platform,
            context_id=context["id"],
            title=title[:255],
            classroom=classes.create_classroom(user, title),
        )
    nrps = payload.get(c.NRPS) or {}
    ags = payload.get(c.AGS_ENDPOINT) or {}
    changed = {"memberships_url": nrps.get("context_memberships_url"), "lineitems_url": ags.get("lineitems")}
    changed = {k: v for k, v in changed.items() if v and getattr(course, k) != v}
    if changed:
        Course.objects.filter(pk=course.pk).update(**changed)
        for name, value in changed.items():
            setattr(course, name, value)
    return course


def _resource_link(course, payload, now):
    """The assignment behind the launched link; made from the deep-linked quiz on its first launch."""
    link_id = payload[c.RESOURCE_LINK]["id"]
    ags = payload.get(c.AGS_ENDPOINT) or {}
    lineitem, make_at = ags.get("lineitem", ""), lineitems.creation_url(ags)
    link = ResourceLink.objects.select_related("assignment").filter(course=course, resource_link_id=link_id).first()
    if link is not None:
        if lineitem and link.lineitem_url != lineitem:
            ResourceLink.objects.filter(pk=link.pk).update(lineitem_url=lineitem)
            if not link.lineitem_url:  # the platform names the column the link waited for: its scores go
                grades.queue_waiting_scores(link.pk, now)
            link.lineitem_url = lineitem
        elif make_at and not link.lineitem_url and link.lineitems_url != make_at:
            ResourceLink.objects.filter(pk=link.pk).update(lineitems_url=make_at)
            link.lineitems_url = make_at
            grades.create_lineitem.enqueue(link.pk)
        return link
    settings = _settings_from(payload.get(c.CUSTOM) or {}, payload[c.RESOURCE_LINK])
    if settings is None:
        raise LaunchError(_("This link does not point to a DDO Learn quiz: add it again from the activity chooser."))
    assignment = classes.give_assignment(course.classroom, Assignment(**settings, opens_at=now, due_at=now + OPEN_FOR))
    link = ResourceLink.objects.create(
        course=course, resource_link_id=link_id, assignment=assignment, lineitem_url=lineitem, lineitems_url=make_at
    )
    if make_at:
        # No column named: make one, in the worker (the launch never waits for the platform). Enqueued
        # in this transaction, as a score is: no link without its column's task.
        grades.create_lineitem.enqueue(link.pk)
    return link


def _settings_from(custom, resource_link):
    """The assignment's settings from the link's custom parameters: a named quiz, or the teacher's own."""
    slug = str(custom.get(CUSTOM_QUIZ, ""))
    if slug:
        quiz = Quiz.objects.published().filter(slug=slug).first()
        if quiz is None:
            return None
        return {
            "title": quiz.title,
            "topic": quiz.topic,
            "length": quiz.length,
            "difficulty": quiz.difficulty,
            "time_limit": quiz.time_limit,
        }
    topic, length, difficulty = (str(custom.get(k, "")) for k in (CUSTOM_TOPIC, CUSTOM_LENGTH, CUSTOM_DIFFICULTY))
    if not settings_are_valid(topic, length, difficulty):
        return None
    title = str(resource_link.get("title") or topic)[:200]
    return {"title": title, "topic": topic, "length": int(length), "difficulty": difficulty}


def complete_launch(platform, payload, *, retry=True):
    """Map a verified launch to local records, in one transaction (a refusal leaves nothing behind)."""
    teaches = c.teaches(payload[c.ROLES])
    try:
        with transaction.atomic():
            user = account_for(platform, payload, teaches)
            course = _course(platform, payload, user, teaches)
            if not teaches:
                classes.add_students(course.classroom, [user])
            link = None
            if payload[c.MESSAGE_TYPE] == c.RESOURCE_LINK_REQUEST:
                link = _resource_link(course, payload, timezone.now())
    except IntegrityError:
        # Two first launches of the same person or course at once: the other one made the rows.
        if not retry:
            raise
        return complete_launch(platform, payload, retry=False)
    return Launched(user, teaches, course, link)
