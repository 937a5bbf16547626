"""The LTI tool's two scale claims, against the fake platform of tests/lti/ (HTTP mocked, no network):

- a class-list sync of N members (default 500) read in pages of 100, new accounts made;
- the grade outbox under a platform that fails every other request (503, timeout, 502, 500) until it
  has failed once per score, then recovers: every score must arrive exactly once.

    .venv/bin/python bench/bench_lti.py                  # a temporary SQLite file
    DATABASE_URL=postgres://ddo:ddo@127.0.0.1:5432/ddo .venv/bin/python bench/bench_lti.py --members 500 --scores 200
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if not os.environ.get("DATABASE_URL"):
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='ddo-bench-')}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")

import django  # noqa: E402

django.setup()

import responses  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Max, Sum  # noqa: E402
from django.utils import timezone  # noqa: E402

from lti.models import Course, LtiUser, OutgoingScore, Platform, ResourceLink  # noqa: E402
from lti.roster import sync_course  # noqa: E402
from quizzes.services.attempts import submit_attempt  # noqa: E402
from quizzes.services.classes import start_assignment  # noqa: E402
from tests.factories import make_assignment, make_classroom, make_teacher, make_user  # noqa: E402
from tests.lti import conftest as fake  # noqa: E402
from tests.lti.test_roster import member, serve_pages  # noqa: E402


def registration():
    return Platform.objects.create(
        name="Bench",
        issuer=fake.ISSUER,
        client_id=fake.CLIENT_ID,
        deployment_ids=[fake.DEPLOYMENT],
        auth_login_url=fake.AUTH_URL,
        auth_token_url=fake.TOKEN_URL,
        key_set_url=fake.JWKS_URL,
    )


def bench_roster(platform, members):
    classroom = make_classroom(make_teacher("bench-teacher"))
    course = Course.objects.create(
        platform=platform.registration, context_id="c", classroom=classroom, memberships_url=fake.MEMBERSHIPS
    )
    pages = [[member(f"m-{n}") for n in range(i, min(i + 100, members))] for i in range(0, members, 100)]
    serve_pages(platform, pages)
    started = time.perf_counter()
    synced = sync_course(course)
    first = time.perf_counter() - started
    serve_pages(platform, pages)
    started = time.perf_counter()
    sync_course(course)
    again = time.perf_counter() - started
    print(
        f"class-list sync, {members} members in {len(pages)} pages: first {first * 1000:.0f} ms "
        f"({synced.added} accounts made and added), again {again * 1000:.0f} ms (no change)"
    )


def bench_outbox(platform, scores):
    classroom = make_classroom(make_teacher("bench-teacher-2"))
    course = Course.objects.create(platform=platform.registration, context_id="d", classroom=classroom)
    assignment = make_assignment(classroom, max_attempts=1, length=5)
    ResourceLink.objects.create(course=course, resource_link_id="l", assignment=assignment, lineitem_url=fake.LINEITEM)
    for n in range(scores):
        user = make_user(f"bench-learner-{n}")
        LtiUser.objects.create(platform=platform.registration, sub=f"s-{n}", user=user)
        classroom.memberships.create(student=user)
        attempt, _new = start_assignment(user, assignment.pk, timezone.now())
        submit_attempt(attempt)
    platform.answers = iter([503, 200, "timeout", 200, 502, 200, 500, 200] * (scores // 4 + 1))
    started, rounds = time.perf_counter(), 0
    while fake.run_score_tasks():
        rounds += 1
    elapsed = time.perf_counter() - started
    sums = OutgoingScore.objects.aggregate(posts=Sum("tries"), most=Max("tries"))
    users = [body["userId"] for _url, body in platform.scores]
    print(
        f"outbox, {scores} scores, every other request failing until {scores} failures: {rounds} worker rounds, "
        f"{sums['posts']} posts ({sums['most']} at most for one score), {len(users)} arrived, "
        f"{len(set(users))} distinct, {elapsed * 1000:.0f} ms of sending"
    )
    assert sorted(users) == sorted(f"s-{n}" for n in range(scores)), "a score lost or sent twice"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=500)
    parser.add_argument("--scores", type=int, default=200)
    options = parser.parse_args()
    test_database = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("loaddata", "content", "quizzes", verbosity=0)
        rsa_keys = {"platform": fake._rsa(), "rotated": fake._rsa(), "stranger": fake._rsa()}
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
            platform = fake.FakePlatform(registration(), rsa_keys, mock)
            print(f"database: {connection.vendor}")
            bench_roster(platform, options.members)
            bench_outbox(platform, options.scores)
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    main()
