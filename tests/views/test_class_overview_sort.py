"""The class overview of a full class: one line per student and assignment, sortable by name and score."""

import re

import pytest

from tests.factories import as_user, build_class

pytestmark = pytest.mark.django_db


@pytest.fixture
def overview(client, teacher):
    classroom, students, _first = build_class(teacher, 27)
    as_user(client, teacher)
    return lambda query="": client.get(f"/en/teach/classes/{classroom.pk}/report/{query}").content.decode()


def names_in_order(html):
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', body)


def means_in_order(html):
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [int(m) for m in re.findall(r"</a></th><td>(\d+)%</td>", body)]


def test_each_student_is_one_row_and_each_cell_one_line(overview):
    html = overview()
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert body.count("<tr>") == 27
    assert "<br>" not in body


def test_it_sorts_by_name_in_turkish_order_both_ways(overview):
    names = names_in_order(overview())
    assert names[0].startswith("Ayşe") and names[-1].startswith("Ülkü")
    assert names_in_order(overview("?sort=-name")) == names[::-1]


def test_it_sorts_by_score_highest_first_and_lowest_first(overview):
    high_first = means_in_order(overview("?sort=-score"))
    assert high_first == sorted(high_first, reverse=True) and len(high_first) == 27
    assert means_in_order(overview("?sort=score")) == sorted(high_first)


def test_the_sorted_column_says_so_and_links_toggle_the_order(overview):
    html = overview()
    assert '<th scope="col" aria-sort="ascending"><a href="?sort=-name">Student</a></th>' in html
    assert '<a href="?sort=-score">Mean score</a>' in html
    html = overview("?sort=-score")
    assert 'aria-sort="descending"><a href="?sort=score">Mean score</a>' in html
    assert '<th scope="col"><a href="?sort=name">Student</a></th>' in html


def test_an_unknown_order_falls_back_to_names(overview):
    assert names_in_order(overview("?sort=password")) == names_in_order(overview())


def test_a_row_stays_small_so_a_200_student_class_stays_under_150_kib(overview):
    # bench/bench_reports.py measures 200 students × 20 assignments (99 KiB); here, a row's budget:
    # 200 × (150 + 20 × 30) bytes = 150,000 bytes: under 150 KiB (153,600 bytes).
    body = overview().split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert len(body.encode()) < 27 * (150 + 2 * 30)
