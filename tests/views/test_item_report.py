"""The item analysis for the teacher (teach/classes/N/items/)."""

import pytest

from tests.factories import as_user, make_assignment, make_attempt, make_classroom, make_student, make_teacher, question

pytestmark = pytest.mark.django_db


def test_a_bad_assignment_filter_is_refused(client, teacher, small_class):
    classroom, _students, _first = small_class
    other = make_assignment(make_classroom(make_teacher("baska")))
    as_user(client, teacher)
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment=abc").status_code == 400
    assert client.get(f"/en/teach/classes/{classroom.pk}/items/?assignment={other.pk}").status_code == 404


def test_it_shows_facility_discrimination_and_distractors(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Question q:1?" in html
    # q:1 over the first attempts of both assignments: a a a b, then a a.
    assert '83% <span class="muted">(n=6)</span>' in html
    assert "too few answers to trust" in html
    assert "Agriculture Department" in html  # q:2's wrong option "c", chosen once
    assert 'href="/en/admin/quizzes/department/?slug=1"' in html
    assert "Facility in Turkish" in html


def test_it_can_show_one_assignment(client, teacher, small_class):
    classroom, _students, first = small_class
    url = f"/en/teach/classes/{classroom.pk}/items/?assignment={first.pk}"
    html = as_user(client, teacher).get(url).content.decode()
    assert '75% <span class="muted">(n=4)</span>' in html  # q:1: a a a b
    assert "4 first attempts counted." in html


def test_it_shows_turkish_option_texts_on_turkish_pages(client, teacher, small_class):
    classroom, _students, _first = small_class
    html = as_user(client, teacher).get(f"/tr/teach/classes/{classroom.pk}/items/").content.decode()
    assert "Tarım Dairesi" in html
    assert 'lang="tr"' in html


def _report(key, status="open", reason="unclear", position=0):
    from quizzes.models import ProblemReport

    return ProblemReport.objects.create(
        position=position, question_key=key, language="tr", reason=reason, status=status, guest_key="g"
    )


def test_it_shows_the_open_problem_reports_of_each_question(client, teacher, small_class):
    classroom, _students, _first = small_class
    _report("q:1")
    _report("q:1", reason="translation")
    _report("q:2", status="fixed")
    _report("q:3", status="rejected")
    html = as_user(client, teacher).get(f"/en/teach/classes/{classroom.pk}/items/").content.decode()
    assert html.count("open problem report") == 1
    assert "2 open problem reports" in html
    turkish = client.get(f"/tr/teach/classes/{classroom.pk}/items/").content.decode()
    assert "2 açık sorun bildirimi" in turkish


def test_open_reports_cost_one_query_whatever_their_number(client, teacher, small_class, count_queries):
    classroom, _students, _first = small_class
    url = f"/en/teach/classes/{classroom.pk}/items/"
    as_user(client, teacher)
    before = count_queries(client.get, url)
    for key in ("q:1", "q:2", "q:3", "q:4"):
        _report(key)
        _report(key, reason="other")
    assert count_queries(client.get, url) == before


def test_many_questions_come_in_pages_that_keep_the_filter(client, teacher, count_queries):
    students = [make_student(f"p{i}") for i in range(3)]
    classroom = make_classroom(teacher, students)
    assignment = make_assignment(classroom)
    questions = [question(f"q:{i:03d}") for i in range(100)]
    make_attempt(students[0], assignment, ["a"] * 100, questions=questions)
    as_user(client, teacher)
    url = f"/en/teach/classes/{classroom.pk}/items/?assignment={assignment.pk}"
    first = client.get(url).content.decode()
    assert "Page 1 of 3" in first
    assert "Question q:000?" in first and "Question q:040?" not in first
    assert f"?assignment={assignment.pk}&amp;page=2" in first  # the next page keeps the filter
    second = client.get(url + "&page=2").content.decode()
    assert "Question q:040?" in second and "Question q:000?" not in second
    queries = count_queries(client.get, url)
    for student in students[1:]:
        make_attempt(student, assignment, ["b"] * 100, questions=questions)
    assert count_queries(client.get, url + "&page=3") == queries


def test_a_same_questions_assignment_shows_alpha_error_ratio_and_standard_error(client, teacher):
    # Moodle's test statistics on the Guttman example of tests/test_item_formulas.py: four students,
    # marks 1 1 1 / 1 1 0 / 1 0 0 / 0 0 0 → alpha 75 %, error ratio 50 %, standard error √(5/3)/2 ≈ 0.65.
    students = [make_student(f"g{i}") for i in range(4)]
    classroom = make_classroom(teacher, students)
    assignment = make_assignment(classroom, same_questions=True, length=3)
    questions = [question(f"q:{i}") for i in range(3)]
    for student, marks in zip(students, [(1, 1, 1), (1, 1, 0), (1, 0, 0), (0, 0, 0)], strict=True):
        make_attempt(student, assignment, ["a" if m else "b" for m in marks], questions=questions)
    url = f"/en/teach/classes/{classroom.pk}/items/?assignment={assignment.pk}"
    html = as_user(client, teacher).get(url).content.decode()
    assert "Internal consistency (Cronbach's alpha): 75.0%" in html
    assert "Error ratio: 50.0% of the scores' spread is noise; standard error: 0.65 marks." in html
    turkish = client.get(url.replace("/en/", "/tr/")).content.decode()
    assert "Hata oranı: %50,0" in turkish
