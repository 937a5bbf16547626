"""The teacher's pages on a phone: no sideways scrolling, axe clean (issue 11, Everyone).

The teacher's pages are being redesigned on another branch: the topic report, the item analysis and
the student report join this list once they pass (see the branch report for what they failed).
"""

import pytest

from tests.browser.conftest import log_in
from tests.browser.test_learner_phone import page_problems
from tests.factories import PASSWORD, build_class


@pytest.mark.parametrize("width", [320, 375])
def test_the_teachers_class_pages_fit_a_phone_and_are_axe_clean(page, site, teacher, width):
    classroom, students, _first = build_class(teacher, 6)
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, site, teacher.username, PASSWORD)
    paths = ["/teach/", f"/teach/classes/{classroom.pk}/", f"/teach/classes/{classroom.pk}/report/"]
    problems = page_problems(page, [f"{site}/{lang}{p}" for lang in ("tr", "en") for p in paths])
    assert problems == [], "\n".join(map(str, problems))
