"""What the hostile walk (tests/test_hostile_input.py) does between its requests, made cheap.

``fingerprint()`` hashes every saved row, table by table; the walk takes one after each request, so it was half
the walk's time. Two savings, neither of which hashes less:

- each table is read with one plain ``SELECT`` built once per process, its rows hashed as the
  driver returns them (no queryset compiled, no field converted) -- every column, translations
  and many-to-many tables included;
- the database counts the rows written on this connection (SQLite's ``total_changes()``,
  PostgreSQL's ``pg_stat_xact_user_tables`` for the open transaction). While that count has not
  moved since the last fingerprint, inside the same atomic blocks, no row can have changed, and
  the last hash is the answer. Every write counts, even one rolled back later, so a moved count
  only ever costs a fresh hash; a rollback counts nothing, so leaving a block does too.

``signed_in(client, user)`` is ``client.logout(); client.force_login(user)`` without signing in
again while the session that the last sign-in made is still saved, unchanged.
"""

import hashlib
from http.cookies import SimpleCookie

from django.apps import apps
from django.conf import settings
from django.db import connection

# Sessions, the login logs and the content types change or fill in as a side effect of any request.
SKIPPED = ("sessions.", "admin.logentry", "axes.", "contenttypes.")
# A user's last login changes with every sign-in; what the user may do is in these columns.
USER_COLUMNS = ("id", "username", "password", "is_active", "is_staff")
WRITTEN_ROWS = {
    "sqlite": "SELECT total_changes()",
    "postgresql": "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables",
}

_statements = []
_last = {}  # the atomic blocks and savepoints open at the last hash, the written-rows count then, the hash
_sessions = {}  # user pk -> (session key, its saved data, its expiry) right after a sign-in


def _select_statements():
    if not _statements:
        quote = connection.ops.quote_name
        for model in apps.get_models(include_auto_created=True):
            label = model._meta.label_lower
            if label.startswith(SKIPPED):
                continue
            columns = [field.column for field in model._meta.concrete_fields]
            if label == "auth.user":
                columns = list(USER_COLUMNS)
            select = ", ".join(quote(c) for c in columns)
            order = quote(model._meta.pk.column)
            table = quote(model._meta.db_table)
            # Names from the models, quoted: no input reaches this statement.
            _statements.append((label, f"SELECT {select} FROM {table} ORDER BY {order}"))  # noqa: S608
    return _statements


def _hash_tables():
    hashes = {}
    with connection.cursor() as cursor:
        for label, statement in _select_statements():
            digest = hashlib.sha256()
            cursor.execute(statement)
            for row in cursor.fetchall():
                digest.update(repr(row).encode())
            hashes[label] = digest.hexdigest()
    return hashes


def _written_rows():
    statement = WRITTEN_ROWS.get(connection.vendor)
    if statement is None:
        return None
    with connection.cursor() as cursor:
        cursor.execute(statement)
        return cursor.fetchone()[0]


def _same_blocks(first, second):
    return len(first) == len(second) and all(a is b for a, b in zip(first, second, strict=True))


def fingerprint():
    """A hash of each table's saved rows, by model label (the project's and auth's; sessions and login logs aside)."""
    # The count belongs to one connection and one transaction, and a rollback undoes writes without
    # counting: the last hash is kept only inside the same atomic blocks and savepoints (the test's,
    # and any it was taken in; a savepoint's name is new each time, even for an atomic block entered
    # again). A test outside any (a transactional test) hashes every time.
    blocks, savepoints = tuple(connection.atomic_blocks), tuple(connection.savepoint_ids)
    written = _written_rows() if blocks else None
    if (
        written is not None
        and _last.get("written") == written
        and _last.get("savepoints") == savepoints
        and _same_blocks(_last.get("blocks", ()), blocks)
    ):
        return _last["hash"]
    hashes = _hash_tables()
    _last.update(blocks=blocks, savepoints=savepoints, written=written, hash=hashes)
    return hashes


def changed_tables(before, after):
    """The labels of the models whose saved rows differ between two fingerprints."""
    return sorted(label for label in after if after[label] != before.get(label))


def signed_in(client, user):
    """``client`` with only a session cookie, of a session ``user`` has just signed in to (no cookie for None)."""
    client.cookies = SimpleCookie()
    if user is None:
        return client
    from django.contrib.sessions.models import Session

    saved = _sessions.get(user.pk)
    if saved and Session.objects.filter(session_key=saved[0], session_data=saved[1], expire_date=saved[2]).exists():
        client.cookies[settings.SESSION_COOKIE_NAME] = saved[0]
        return client
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    session = Session.objects.get(session_key=key)
    _sessions[user.pk] = (key, session.session_data, session.expire_date)
    return client
