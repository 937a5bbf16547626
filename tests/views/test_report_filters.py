"""The item report's ?assignment= filter reads only plain ASCII digits (issue 8, #7)."""

import pytest

from tests.factories_teacher import make_assignment, make_classroom

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["²", "١", "1²", "abc", "-1", "1.0"])
@pytest.mark.parametrize("page", ["items/", "export/items.csv", "export/items.xlsx"])
def test_an_odd_assignment_filter_is_a_400_with_a_message(client, teacher, page, value):
    classroom = make_classroom(teacher)
    make_assignment(classroom)
    client.force_login(teacher)
    response = client.get(f"/en/teach/classes/{classroom.pk}/{page}", {"assignment": value})
    assert response.status_code == 400
    assert "The assignment filter must be an assignment of this class." in response.content.decode()


def test_a_huge_assignment_number_is_not_found(client, teacher):
    classroom = make_classroom(teacher)
    client.force_login(teacher)
    response = client.get(f"/en/teach/classes/{classroom.pk}/items/", {"assignment": "9" * 30})
    assert response.status_code == 404
