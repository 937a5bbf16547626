"""The office content (fixtures/content.json, quizzes.json) in the test database, deserialized once.

``loaddata`` reads the JSON, builds each object and saves it row by row: about a tenth of a second
on SQLite and half a second on PostgreSQL, in each of some 230 tests. The first test of a process
(each pytest-xdist worker is one) runs ``loaddata`` and keeps the rows it wrote, column by column as
the database holds them; every later test inserts those same rows, a statement per table, and resets
the sequences as ``loaddata`` does. ``tests/test_content_rows.py`` checks that both give the same
rows. Where the tables already hold rows, or a value would not go back in as it came out (JSON on
PostgreSQL), it is ``loaddata`` every time.

``loaddata`` writes a translated field's own column (``title`` beside ``title_tr`` and ``title_en``)
in the language active at the time, so the rows are kept per set of fixtures and active language.
"""

import functools
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils.translation import get_language

FIXTURES = ("content", "quizzes")

_kept = {}  # (fixtures, active language) -> [(model, insert statement, rows)], or None if they cannot be kept


def _paths(fixtures):
    for name in fixtures:
        if name.endswith(".json"):  # a file, by its path
            yield Path(name)
        else:
            yield from (Path(d) / f"{name}.json" for d in settings.FIXTURE_DIRS if (Path(d) / f"{name}.json").exists())


@functools.cache
def fixture_models(fixtures=FIXTURES):
    """The models the fixtures fill, in the order they first appear."""
    labels = [entry["model"] for path in _paths(fixtures) for entry in json.loads(path.read_text(encoding="utf-8"))]
    models = [apps.get_model(label) for label in dict.fromkeys(labels)]
    through = [f.remote_field.through for m in models for f in m._meta.local_many_to_many]
    return tuple(models + [t for t in through if t._meta.auto_created])


def _quoted(model):
    quote = connection.ops.quote_name
    columns = [field.column for field in model._meta.local_concrete_fields]
    return quote(model._meta.db_table), [quote(c) for c in columns], quote(model._meta.pk.column)


def _all_empty(models):
    with connection.cursor() as cursor:
        for model in models:
            table, _columns, _pk = _quoted(model)
            cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 -- names from the models, quoted
            if cursor.fetchone():
                return False
    return True


def _keep(models):
    kept = []
    with connection.cursor() as cursor:
        for model in models:
            table, columns, pk = _quoted(model)
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY {pk}")  # noqa: S608 -- as above
            rows = cursor.fetchall()
            if connection.vendor == "postgresql" and any(isinstance(v, dict | list) for row in rows for v in row):
                return None  # psycopg reads JSON into Python objects, which it would not write back as JSON
            placeholders = ", ".join(["%s"] * len(columns))
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608 -- as above
            kept.append((model, insert, rows))
    return kept


def load_content(fixtures=FIXTURES):
    """What ``loaddata *fixtures`` (names, or paths of .json files) leaves in the database."""
    models = fixture_models(fixtures)
    key = (fixtures, get_language())
    if key in _kept and _kept[key] is None or not _all_empty(models):
        call_command("loaddata", *fixtures, verbosity=0)
        return
    if key not in _kept:
        call_command("loaddata", *fixtures, verbosity=0)
        _kept[key] = _keep(models)
        return
    with transaction.atomic(), connection.constraint_checks_disabled(), connection.cursor() as cursor:
        for _model, insert, rows in _kept[key]:
            cursor.executemany(insert, rows)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
