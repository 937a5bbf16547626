"""The topic report for the teacher (teach/classes/N/topics/)."""

import pytest

from tests.factories import as_user

pytestmark = pytest.mark.django_db


def test_it_shows_each_topic_with_counts(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/topics/").content.decode()
    assert "Departments" in html and "Timeline" in html
    # Timeline (q:4) answers: 4 first attempts + 2 second attempts: a, c, None, a, then a, a → 4 of 6 correct.
    assert '<th scope="row">Timeline 2017–2025</th><td class="num">6</td><td class="num">67%</td>' in html
