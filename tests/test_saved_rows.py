"""The hostile walk's fingerprint and sign-in (tests/saved_rows.py) are cheap, and miss nothing."""

from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.db import connection, transaction

from quizzes.models import Source
from tests.factories import make_user
from tests.saved_rows import fingerprint, signed_in


def test_every_kind_of_write_changes_the_fingerprint(content):
    before = fingerprint()
    assert fingerprint() == before
    source = Source.objects.order_by("pk").first()

    Source.objects.filter(pk=source.pk).update(title_en="Changed")  # through the ORM, no save()
    changed = fingerprint()
    assert changed != before
    Source.objects.filter(pk=source.pk).update(title_en=source.title_en)
    assert fingerprint() == before  # the same rows again: hashed afresh, the same hash

    with connection.cursor() as cursor:  # plain SQL, in a column modeltranslation hides
        cursor.execute("UPDATE quizzes_source SET title_tr = %s WHERE id = %s", ["Başka", source.pk])
    assert fingerprint() not in (before, changed)


def test_a_many_to_many_row_and_a_deleted_row_count(db):
    user = make_user("m2m")
    before = fingerprint()
    user.groups.add(Group.objects.create(name="Somewhere"))
    after_group = fingerprint()
    assert after_group != before
    user.delete()
    assert fingerprint() not in (before, after_group)


def test_a_write_rolled_back_leaves_the_fingerprint_as_it_was(content):
    before = fingerprint()
    try:
        with transaction.atomic():
            Source.objects.update(is_published=False)
            assert fingerprint() != before
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    assert fingerprint() == before


def test_a_rollback_in_an_atomic_block_entered_again_is_seen(content):
    block = transaction.atomic()  # one Atomic, as @transaction.atomic makes for a function
    inside = []
    for publish in (False, None):
        try:
            with block:
                if publish is not None:
                    Source.objects.update(is_published=publish)
                inside.append(fingerprint())
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert inside[0] != inside[1]  # the second time in, the update was gone


def test_sessions_are_not_part_of_it(client, db):
    user = make_user("session")
    before = fingerprint()
    client.force_login(user)
    assert fingerprint() == before


def test_signed_in_gives_a_session_of_the_user_and_a_new_one_after_a_logout(client, db):
    user = make_user("walker", first_name="Yürüyen")
    assert signed_in(client, user).get("/en/").wsgi_request.user == user
    first = client.cookies["sessionid"].value
    assert signed_in(client, user).cookies["sessionid"].value == first  # reused: still saved, unchanged

    client.post("/en/accounts/logout/")
    assert not Session.objects.filter(session_key=first).exists()
    assert signed_in(client, user).get("/en/").wsgi_request.user == user
    assert client.cookies["sessionid"].value != first

    assert signed_in(client, None).get("/en/").wsgi_request.user.is_anonymous
    assert not client.cookies.get("sessionid") or client.cookies["sessionid"].value == ""
