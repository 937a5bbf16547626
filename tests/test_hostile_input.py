"""Every URL in the URL conf, as every role, with hostile path segments, query strings and bodies.

Two checks after each request, GET or POST: the answer is never a 5xx, and nothing already saved
has changed (a hostile request may be refused, never half-obeyed; a GET changes nothing). A
deterministic sweep visits every pattern with every role; hypothesis then mixes patterns, roles,
segments, queries and bodies at random. Each test builds its own world: they run in any order.
"""

import datetime
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizzes.models import Answer, Assignment, Attempt, Classroom, Membership
from tests import saved_rows
from tests.conftest import make_user

HOSTILE_SEGMENTS = [
    "\x00",
    "1\x00",
    "²",
    "١٢",  # Arabic-Indic digits: str.isdigit() says yes, int() of them works, a lookup must still be safe
    "99999999999999999999999999",
    "-1",
    "%00",
    "..%2f..%2fetc%2fpasswd",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "İı" * 40,
    "a" * 300,
]
HOSTILE_VALUES = HOSTILE_SEGMENTS + ["", " ", "0", "1e309", "NaN", "true", "[]", "{}", "language:xx", "language:\x00"]
# Parameter names the app reads somewhere; hostile values go in each.
FIELD_NAMES = [
    "quiz",
    "topic",
    "length",
    "difficulty",
    "seed",
    "assignment",
    "action",
    "code",
    "keys",
    "next",
    "language",
    "username",
    "password",
    "email",
    "q",
    "o",
    "p",
    "page",
    "sort",
    "format",
    "syntax",
    "variants",
]
ROLES = ["anonymous", "student", "teacher", "editor", "superuser"]
GROUP = re.compile(r"<(?:[^>:]+:)?([^>]+)>")
REGEX_GROUP = re.compile(r"\(\?P<([^>]+)>[^()]*(?:\([^()]*\)[^()]*)*\)")


def _render(pattern, segment, language):
    """A pattern's part of the path with each parameter replaced by ``segment`` (a string, or a function of
    the parameter's name and the route)."""
    fill = segment if callable(segment) else lambda _name, _route: segment
    if isinstance(pattern, LocalePrefixPattern):
        return f"{language}/"
    if isinstance(pattern, RoutePattern):
        route = str(pattern._route)
        return GROUP.sub(lambda m: fill(m.group(1), route), route)
    if isinstance(pattern, RegexPattern):
        text = REGEX_GROUP.sub(lambda m: fill(m.group(1), pattern._regex), pattern._regex)
        return text.lstrip("^").rstrip("$").replace("\\", "").replace("?", "")
    raise AssertionError(f"unknown pattern type {type(pattern)}")


def _walk(resolver, prefix=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, (*prefix, entry.pattern))
        elif isinstance(entry, URLPattern):
            yield (*prefix, entry.pattern)


def all_patterns():
    return list(_walk(get_resolver()))


def path_for(chain, segment, language="tr"):
    return "/" + "".join(_render(p, segment, language) for p in chain)


def _is_admin(chain):
    return path_for(chain, "x").startswith("/tr/admin/")


def _has_parameters(chain):
    return path_for(chain, "x") != path_for(chain, "y")


def patterns_for(role):
    """The admin for staff; every other page for everyone (the admin only redirects the others)."""
    if role == "superuser":  # the editor walks the admin's content pages; the superuser adds users and groups
        return [chain for chain in all_patterns() if _is_admin(chain)]
    return [chain for chain in all_patterns() if role == "editor" or not _is_admin(chain)]


def valid_ids(world):
    """A parameter name (and its route) -> a value that finds a real row of ``world``."""
    values = {
        "public_id": world["attempt"].public_id,
        "user_pk": str(world["student"].pk),
        "report": "results",
        "fmt": "csv",
        "topic": "departments",  # a topic's question bank to export
        "app_label": "quizzes",
        "object_id": "1",
        "content_type_id": "1",
    }

    def fill(name, route):
        if name == "pk":
            return str(world["assignment"].pk if "assignments" in route else world["classroom"].pk)
        return values.get(name, "x")

    return fill


class SavedData:
    """Every saved row of the project's and auth's models, many-to-many tables included, hashed per table
    (``tests/saved_rows.py``). ``changed()`` names the models whose rows differ from the last look, and
    takes the new rows as the baseline."""

    def __init__(self):
        self.last = saved_rows.fingerprint()

    def changed(self):
        now = saved_rows.fingerprint()
        found, self.last = saved_rows.changed_tables(self.last, now), now
        return found


@pytest.fixture
def world(db, content):
    """One user per role, a class with an open assignment, an attempt in progress and one submitted."""
    users = {
        "student": make_user("hostile-student"),
        "teacher": make_user("hostile-teacher"),
        "editor": make_user("hostile-editor", is_staff=True),
        "superuser": make_user("hostile-admin", is_staff=True, is_superuser=True),
    }
    users["teacher"].groups.add(Group.objects.get(name="Teachers"))
    users["editor"].groups.add(Group.objects.get(name="Editors"))
    classroom = Classroom.objects.create(teacher=users["teacher"], name="9-A")
    Membership.objects.create(classroom=classroom, student=users["student"])
    now = timezone.now()
    assignment = Assignment.objects.create(
        classroom=classroom,
        title="Daireler",
        topic="departments",
        length=3,
        opens_at=now - datetime.timedelta(days=1),
        due_at=now + datetime.timedelta(days=1),
    )
    question = {
        "key": "q:1",
        "template": "q",
        "item": "department:x",
        "type": "single",
        "topic": "departments",
        "difficulty": "medium",
        "prompt": {"tr": "Soru?", "en": "Question?"},
        "options": [{"key": k, "text": {"tr": k, "en": k}} for k in "abc"],
        "targets": [],
        "answer": "a",
        "explanation": {"tr": "Açıklama.", "en": "Explanation."},
        "source": None,
    }
    for submitted in (now, None):
        attempt_in_progress = attempt = Attempt.objects.create(
            user=users["student"],
            assignment=assignment,
            topic="departments",
            length=1,
            difficulty="any",
            seed=1,
            questions=[question],
            submitted_at=submitted,
            score=1 if submitted else None,
            max_score=1,
        )
        Answer.objects.create(
            attempt=attempt,
            question_key="q:1",
            position=0,
            topic="departments",
            response="a",
            choice="a",
            mark=1 if submitted else None,
            language="tr",
        )
    return {**users, "classroom": classroom, "assignment": assignment, "attempt": attempt_in_progress}


def _client_for(client, world, role):
    """The client with no cookie, signed in as the role's user (as by logout() then force_login())."""
    return saved_rows.signed_in(client, None if role == "anonymous" else world[role])


def _send(client, method, path, query, body):
    if method == "get":
        return client.get(path, query)
    return client.post(path + ("?" + urlencode(query) if query else ""), body)


def _check(saved, client, world, role, method, path, query=None, body=None, *, may_change=False):
    """One request: never a 5xx, and nothing saved changes, after a GET as after a POST (the world has no
    overdue attempt for a GET to close). ``may_change``: a POST that was accepted (< 400) may change data."""
    client = _client_for(client, world, role)
    response = _send(client, method, path, query or {}, body or {})
    request = f"{role} {method.upper()} {path!r} {query!r} {body!r}"
    assert response.status_code < 500, f"{request} -> {response.status_code}"
    changed = saved.changed()
    allowed = may_change and method == "post" and response.status_code < 400
    assert allowed or not changed, f"{request} -> {response.status_code} changed saved data: {changed}"
    return response


@pytest.fixture
def saved(world):
    return SavedData()


def test_the_walk_covers_every_pattern_of_the_site():
    paths = {path_for(chain, "x") for chain in all_patterns()}
    # The learning pages, the quiz pages, the teacher pages and the admin are all in the walk.
    for expected in ("/tr/", "/tr/glossary/", "/tr/attempts/x/answers/", "/tr/teach/", "/tr/admin/"):
        assert expected in paths, expected
    assert path_for(all_patterns()[0], "x", "en").startswith("/en/")


@pytest.mark.parametrize("role", ROLES)
def test_hostile_path_segments_never_give_a_server_error_nor_change_data(client, world, saved, role):
    for chain in patterns_for(role):
        if not _has_parameters(chain):
            continue
        hostile = (("\x00", "tr"), ("99999999999999999999999999", "en"), ("²", "tr"), ("١", "en"), ("１", "tr"))
        for segment, language in hostile:
            for method in ("get", "post"):
                # A body that confirms whatever the page would ask (the admin deletes on any non-empty POST).
                body = {"post": "yes", "confirm": "yes"}
                _check(saved, client, world, role, method, path_for(chain, segment, language), body=body)


@pytest.mark.parametrize("turn", [0, 1])
@pytest.mark.parametrize("role", ROLES)
def test_hostile_queries_and_bodies_never_give_a_server_error(client, world, saved, role, turn):
    """Real ids in the path, hostile parameters: a GET or a refusal changes nothing; nothing is a server error."""
    fill = valid_ids(world)
    values = ["\x00", "²", "-1", "language:xx"]
    # Each field gets a different hostile value in each turn (a test each, so that workers share them).
    fields = {name: values[(i + 2 * turn) % len(values)] for i, name in enumerate(FIELD_NAMES)}
    for chain in patterns_for(role):
        path = path_for(chain, fill)
        if "logout" in path:
            continue  # logging out is what a POST there asks for, whatever its body
        _check(saved, client, world, role, "get", path, query=fields)
        _check(saved, client, world, role, "post", path, body=fields, may_change=True)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_hostile_requests_never_give_a_server_error_nor_change_data(client, world, saved, data):
    role = data.draw(st.sampled_from(ROLES), label="role")
    chain = data.draw(st.sampled_from(patterns_for(role)), label="pattern")
    segment = data.draw(st.sampled_from(HOSTILE_SEGMENTS) | st.text(max_size=12), label="segment")
    language = data.draw(st.sampled_from(["tr", "en"]), label="language")
    method = data.draw(st.sampled_from(["get", "post"]), label="method")
    fields = st.dictionaries(st.sampled_from(FIELD_NAMES), st.sampled_from(HOSTILE_VALUES) | st.text(max_size=20))
    query = data.draw(fields, label="query")
    body = data.draw(fields, label="body")
    _check(saved, client, world, role, method, path_for(chain, segment, language), query, body)


# --- The checks themselves --------------------------------------------------------


def test_the_check_sees_a_get_that_changes_saved_data(client, world, saved, monkeypatch):
    from quizzes.views import learning

    real = learning._published

    def published_and_renamed(model):  # a GET that writes, as a bug would
        Classroom.objects.filter(pk=world["classroom"].pk).update(name="9-B")
        return real(model)

    monkeypatch.setattr(learning, "_published", published_and_renamed)
    with pytest.raises(AssertionError, match="GET '/tr/glossary/'.*quizzes.classroom"):
        _check(saved, client, world, "anonymous", "get", "/tr/glossary/")


def test_saved_data_sees_many_to_many_rows_and_ignores_writes_that_change_nothing(world, saved):
    Classroom.objects.filter(pk=world["classroom"].pk).update(name="9-A")
    assert saved.changed() == []
    world["student"].groups.add(Group.objects.get(name="Teachers"))
    assert saved.changed() == ["auth.user_groups"]
