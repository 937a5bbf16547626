"""The teacher's assignment table (teach/classes/N/) shows each assignment's time limit, beside its dates and
attempts, and how many students of the class get extra time in it."""

import re

import pytest

from quizzes.models import Accommodation, Membership
from tests.factories import as_user, make_assignment, make_student

pytestmark = pytest.mark.django_db


def row_of(html, title):
    """The assignment table's row for ``title``, its cells as text (tags dropped, spaces squeezed)."""
    row = next(r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if title in r)
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
    ]


def headers(html):
    table = html[html.index('id="assignments-heading"') :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    return [" ".join(re.sub(r"<[^>]+>", " ", h).split()) for h in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)]


@pytest.fixture
def timed_class(teacher, classroom):
    students = [make_student(f"s{i}", f"Öğrenci {i}") for i in range(3)]
    Membership.objects.bulk_create(Membership(classroom=classroom, student=s) for s in students)
    Accommodation.objects.create(classroom=classroom, student=students[0], time_percent=150)
    Accommodation.objects.create(classroom=classroom, student=students[1], time_percent=200)
    make_assignment(classroom, "Süreli sınav", time_limit=20)
    make_assignment(classroom, "Süresiz ödev")
    return classroom


def test_the_time_limit_and_extra_time_stand_beside_the_dates_in_english(client, teacher, timed_class):
    html = as_user(client, teacher).get(f"/en/teach/classes/{timed_class.pk}/").content.decode()
    columns = headers(html)
    assert columns.index("Due") + 1 == columns.index("Time limit") == columns.index("Attempts allowed") - 1
    timed = row_of(html, "Süreli sınav")
    assert timed[columns.index("Time limit")] == "20 minutes extra time for 2 students"
    assert f'href="/en/teach/classes/{timed_class.pk}/time/"' in html
    assert row_of(html, "Süresiz ödev")[columns.index("Time limit")] == "none"


def test_the_time_limit_and_extra_time_stand_beside_the_dates_in_turkish(client, teacher, timed_class):
    html = as_user(client, teacher).get(f"/tr/teach/classes/{timed_class.pk}/").content.decode()
    columns = headers(html)
    assert "Süre sınırı" in columns
    timed = row_of(html, "Süreli sınav")
    assert timed[columns.index("Süre sınırı")] == "20 dakika 2 öğrenciye ek süre"
    assert row_of(html, "Süresiz ödev")[columns.index("Süre sınırı")] == "yok"


def test_without_extra_time_the_limit_stands_alone(client, teacher, classroom):
    make_assignment(classroom, "Tek dakika", time_limit=1)
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/").content.decode()
    assert row_of(html, "Tek dakika")[headers(html).index("Time limit")] == "1 minute"
