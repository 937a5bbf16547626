"""The report selectors on a tiny class whose figures are computed by hand."""

import datetime
import math

import pytest
from django.db.models import Avg, Count, F
from django.utils import timezone

from quizzes import reports
from quizzes.management.commands._demo_classes import create_demo_class
from quizzes.models import Answer
from quizzes.reports import presentation
from quizzes.reports.items import item_aggregates
from tests.factories import make_assignment, make_attempt, make_classroom, make_student, make_teacher, question

pytestmark = pytest.mark.django_db

QUESTIONS = [question("q:1"), question("q:2"), question("q:3")]

# Four first attempts at three questions (answer "a" everywhere):
#   S1  a a a  → marks 1 1 1, X = 3   (answered in English)
#   S2  a a b  → marks 1 1 0, X = 2   (answered in English)
#   S3  a c b  → marks 1 0 0, X = 1
#   S4  b b a  → marks 0 0 1, X = 1
CHOICES = {
    "s1": ["a", "a", "a"],
    "s2": ["a", "a", "b"],
    "s3": ["a", "c", "b"],
    "s4": ["b", "b", "a"],
}
LANGUAGES = {"s1": "en", "s2": "en", "s3": "tr", "s4": "tr"}


@pytest.fixture
def tiny_class():
    teacher = make_teacher()
    students = {
        "s1": make_student("s1", "Çağrı Işık"),
        "s2": make_student("s2", "Ayşe Yıldız"),
        "s3": make_student("s3", "İsmail Öztürk"),
        "s4": make_student("s4", "Zeynep Şahin"),
    }
    classroom = make_classroom(teacher, students.values())
    assignment = make_assignment(classroom, max_attempts=2)
    for name, student in students.items():
        make_attempt(student, assignment, CHOICES[name], questions=QUESTIONS, language=LANGUAGES[name])
    # Not counted in item statistics: a second attempt, an open attempt, another teacher's class.
    make_attempt(students["s4"], assignment, ["a", "a", "a"], questions=QUESTIONS, number=2)
    make_attempt(
        students["s3"], make_assignment(classroom, "Açık"), ["a", "a", "a"], questions=QUESTIONS, submitted_at=None
    )
    other = make_classroom(make_teacher("baska"), [students["s1"]], name="Başka sınıf")
    make_attempt(students["s1"], make_assignment(other), ["b", "b", "b"], questions=QUESTIONS)
    return classroom, assignment, students


def by_key(analysis):
    return {item.key: item for item in analysis.items}


def test_facility_is_the_share_of_full_marks(tiny_class):
    classroom, _assignment, _students = tiny_class
    items = by_key(reports.item_analysis(classroom))
    assert {key: item.n for key, item in items.items()} == {"q:1": 4, "q:2": 4, "q:3": 4}
    assert items["q:1"].facility == pytest.approx(75)
    assert items["q:2"].facility == pytest.approx(50)
    assert items["q:3"].facility == pytest.approx(50)


def test_discrimination_is_the_correlation_with_the_rest_of_the_test(tiny_class):
    classroom, _assignment, _students = tiny_class
    items = by_key(reports.item_analysis(classroom))
    # q1: x = 1 1 1 0, rest = 2 1 0 1 → covariance 0.
    assert items["q:1"].discrimination == pytest.approx(0, abs=1e-9)
    # q2: x = 1 1 0 0, rest = 2 1 1 1 → Cov = 1/6, V(x) = 1/3, V(rest) = 1/4 → 100 · (1/6) / √(1/12).
    assert items["q:2"].discrimination == pytest.approx(100 * (1 / 6) / math.sqrt(1 / 12))
    # q3: x = 1 0 0 1, rest = 2 2 1 0 → Cov = −1/6, V(rest) = 2.75/3 → −50 / √2.75.
    assert items["q:3"].discrimination == pytest.approx(-50 / math.sqrt(2.75))


def test_discrimination_is_undefined_when_everyone_scores_the_same():
    teacher = make_teacher()
    students = [make_student(f"u{i}") for i in range(3)]
    classroom = make_classroom(teacher, students)
    assignment = make_assignment(classroom)
    for student in students:
        make_attempt(student, assignment, ["a", "b"], questions=QUESTIONS[:2])
    items = by_key(reports.item_analysis(classroom))
    assert items["q:1"].facility == pytest.approx(100)
    assert items["q:1"].discrimination is None


def test_too_few_answers_are_not_trusted(tiny_class):
    classroom, _assignment, _students = tiny_class
    items = by_key(reports.item_analysis(classroom))
    assert not any(item.trusted for item in items.values())  # 4 answers < min_trusted_count
    assert items["q:3"].item_ref == "department:3"
    assert presentation.item_admin_url(items["q:3"].item_ref).endswith("?slug=3")


def test_flags_once_there_are_enough_answers():
    """The tiny class's four answer patterns, three times over: the same indices, now with 12 answers each."""
    teacher = make_teacher()
    students = [make_student(f"u{i}") for i in range(12)]
    classroom = make_classroom(teacher, students)
    assignment = make_assignment(classroom)
    patterns = list(CHOICES.values())
    for i, student in enumerate(students):
        make_attempt(student, assignment, patterns[i % 4], questions=QUESTIONS)
    items = by_key(reports.item_analysis(classroom))
    assert all(item.trusted and item.n == 12 for item in items.values())
    assert items["q:3"].discrimination == pytest.approx(-50 / math.sqrt(2.75))
    assert items["q:3"].flags == ["negative_discrimination"]
    assert items["q:1"].flags == ["weak_discrimination"]  # D = 0
    assert items["q:2"].flags == []
    # Flagged questions come first.
    assert [item.key for item in reports.item_analysis(classroom).items] == ["q:1", "q:3", "q:2"]


def test_distractors_are_shares_of_the_item_answers(tiny_class):
    classroom, _assignment, _students = tiny_class
    items = by_key(reports.item_analysis(classroom))
    q2 = {d.key: d for d in items["q:2"].distractors}
    assert set(q2) == {"b", "c", "d"}  # every wrong option, the right one left out
    assert (q2["b"].count, q2["c"].count, q2["d"].count) == (1, 1, 0)
    assert q2["b"].share == pytest.approx(25)
    assert q2["d"].share == pytest.approx(0)
    assert q2["c"].text["en"] == "Agriculture Department"
    q3b = items["q:3"].distractors[0]
    assert (q3b.key, q3b.count, q3b.share) == ("b", 2, pytest.approx(50))
    # Chosen by S2 (2/3) and S3 (1/3): their mean score is 50 %.
    assert q3b.mean_percent == pytest.approx(50)
    assert items["q:1"].correct_text["en"] == "Data Department"
    assert items["q:1"].correct_count == 3


def test_facility_per_language_and_the_gap(tiny_class):
    classroom, _assignment, _students = tiny_class
    q1 = by_key(reports.item_analysis(classroom))["q:1"]
    tr, en = q1.languages
    assert (tr.language, tr.n, tr.facility) == ("tr", 2, pytest.approx(50))
    assert (en.language, en.n, en.facility) == ("en", 2, pytest.approx(100))
    assert q1.language_gap == pytest.approx(50)


def test_item_analysis_can_be_limited_to_one_assignment(tiny_class):
    classroom, assignment, students = tiny_class
    other = make_assignment(classroom, "Görevler")
    make_attempt(students["s1"], other, ["a"], questions=[question("q:9")])
    assert "q:9" in by_key(reports.item_analysis(classroom))
    analysis = reports.item_analysis(classroom, assignment=assignment)
    assert set(by_key(analysis)) == {"q:1", "q:2", "q:3"}
    assert analysis.attempts == 4


def test_item_sums_add_up_to_what_a_group_by_question_key_gives(tiny_class):
    """One pass grouped by key and option, added up per key, equals a GROUP BY question_key and one by option.

    The same aggregates (item_aggregates) in both: what is tested is the adding up over a key's groups.
    """
    classroom, assignment, students = tiny_class
    # A blank answer, and a part mark on an answer with no chosen option (as an ordering question gets).
    extra = make_attempt(make_student("s5", "Ümit Çelik"), assignment, [None, "a", "a"], questions=QUESTIONS)
    Answer.objects.filter(attempt=extra, position=2).update(mark=0.5, choice="", response=["x", "y"])
    make_attempt(students["s2"], make_assignment(classroom, "Görevler"), ["a", "b"], questions=QUESTIONS[1:])
    answers = Answer.objects.filter(
        attempt__assignment__classroom=classroom, attempt__number=1, attempt__submitted_at__isnull=False
    )
    expected = list(
        answers.values("question_key")
        .annotate(
            **item_aggregates(),
        )
        .order_by("question_key")
    )
    expected_choices = {}
    percent = 100.0 * F("attempt__score") / F("attempt__max_score")
    for row in answers.exclude(choice="").values("question_key", "choice").annotate(n=Count("id"), p=Avg(percent)):
        expected_choices.setdefault(row["question_key"], {})[row["choice"]] = (row["n"], row["p"])

    ids = list(classroom.assignments.values_list("pk", flat=True))
    rows, choices = reports.item_sums(reports.item_groups(reports.first_attempt_answers(ids)))

    assert [r["question_key"] for r in rows] == ["q:1", "q:2", "q:3"]
    assert rows == [{name: pytest.approx(value or 0) for name, value in row.items()} for row in expected]
    assert rows[0]["n_blank"] == 1 and rows[2]["sum_x"] == pytest.approx(2.5)
    assert choices == {key: {c: pytest.approx(v) for c, v in found.items()} for key, found in expected_choices.items()}


def test_class_overview_scores_statuses_and_summaries(tiny_class):
    classroom, assignment, students = tiny_class
    overview = reports.class_overview(classroom)
    column = overview.assignments.index(assignment)
    cells = {row.student.username: row.cells[column] for row in overview.rows}
    # Best of two for S4: 1/3 first, then 3/3.
    assert cells["s4"].percent == pytest.approx(100)
    assert cells["s4"].submitted == 2
    assert cells["s1"].percent == pytest.approx(100)
    assert cells["s3"].percent == pytest.approx(100 / 3)
    assert {c.status for c in cells.values()} == {reports.DONE}
    summary = overview.summaries[column]
    assert summary.mean == pytest.approx((100 + 200 / 3 + 100 / 3 + 100) / 4)
    assert summary.median == pytest.approx((200 / 3 + 100) / 2)
    assert (summary.completed, summary.students, summary.completion) == (4, 4, 100)
    open_column = [a.title for a in overview.assignments].index("Açık")
    assert overview.rows[[r.student.username for r in overview.rows].index("s3")].cells[open_column].status == (
        reports.IN_PROGRESS
    )


def test_students_are_in_turkish_alphabetical_order(tiny_class):
    classroom, _assignment, _students = tiny_class
    names = [row.name for row in reports.class_overview(classroom).rows]
    assert names == ["Ayşe Yıldız", "Çağrı Işık", "İsmail Öztürk", "Zeynep Şahin"]


def test_one_attempt_allowed_counts_the_first():
    teacher = make_teacher()
    student = make_student("tek")
    classroom = make_classroom(teacher, [student])
    assignment = make_assignment(classroom, max_attempts=1)
    make_attempt(student, assignment, ["a", "b"], questions=QUESTIONS[:2])
    make_attempt(student, assignment, ["a", "a"], questions=QUESTIONS[:2], number=2)  # e.g. made in admin
    cell = reports.class_overview(classroom).rows[0].cells[0]
    assert cell.percent == pytest.approx(50)


def test_status_late_missing_and_upcoming():
    now = timezone.now()
    day = datetime.timedelta(days=1)
    teacher = make_teacher()
    late, missing = make_student("gec"), make_student("yok")
    classroom = make_classroom(teacher, [late, missing])
    past = make_assignment(classroom, "Geçmiş", opens_at=now - 5 * day, due_at=now - 2 * day)
    make_assignment(classroom, "Gelecek", opens_at=now + day, due_at=now + 2 * day)
    make_attempt(late, past, ["a"], questions=QUESTIONS[:1], submitted_at=now - day)
    overview = reports.class_overview(classroom, now=now)
    statuses = {row.student.username: [c.status for c in row.cells] for row in overview.rows}
    assert statuses["gec"] == [reports.LATE, reports.UPCOMING]
    assert statuses["yok"] == [reports.MISSING, reports.UPCOMING]
    assert overview.completion == 50  # the future assignment is not counted


def test_histogram_has_ten_point_bins():
    bins = reports.histogram([0, 9.5, 10, 55, 99, 100])
    assert [label for label, _count in bins][:2] == ["0–9", "10–19"]
    assert bins[-1][0] == "90–100"
    assert sum(count for _label, count in bins) == 6
    assert bins[-1][1] == 2


def test_topic_report_counts_answers_and_full_marks(tiny_class):
    classroom, _assignment, _students = tiny_class
    report = reports.topic_report(classroom)
    (departments,) = report.topics
    # 4 first attempts + 1 second attempt, 3 answers each: 3 + 2 + 1 + 1 + 3 correct.
    assert departments.topic == "departments"
    assert departments.answers == 15
    assert departments.correct == 10
    assert departments.percent_correct == 67


def test_student_report(tiny_class):
    classroom, _assignment, students = tiny_class
    report = reports.student_report(classroom, students["s4"])
    assert [round(a.percent) for a in report.attempts] == [33, 100]
    assert [(m["topic"], m["answers"], m["percent"]) for m in report.mastery] == [("departments", 6, 67)]
    assert report.missed[0]["question_key"] in {"q:1", "q:2"}
    assert report.missed[0]["prompt"]["tr"].startswith("Soru q:")


# --- The demo class -----------------------------------------------------------------------


def test_the_demo_class_gives_every_report_something_to_read(content):
    teacher = make_teacher("demo-ogretmen")
    named = [make_student("ayse", "Ayşe Yıldız"), make_student("ismail", "İsmail Işık")]
    classroom = create_demo_class(teacher, named)
    overview = reports.class_overview(classroom)
    assert len(overview.rows) == 27 and len(overview.assignments) == 3
    assert {"Ayşe Yıldız", "İsmail Işık"} <= {row.name for row in overview.rows}
    statuses = {cell.status for row in overview.rows for cell in row.cells}
    assert {reports.DONE, reports.LATE, reports.IN_PROGRESS, reports.NOT_STARTED, reports.MISSING} <= statuses
    assert sum(count for _label, count in overview.histogram) > 50
    assert len({count for _label, count in overview.histogram}) > 3  # a spread, not a spike
    analysis = reports.item_analysis(classroom, assignment=overview.assignments[0])
    assert analysis.attempts >= 20 and analysis.alpha is not None
    codes = {code for item in analysis.items if item.trusted for code in item.flags}
    assert "negative_discrimination" in codes
    assert any(d.count for item in analysis.items for d in item.distractors)
    assert len(reports.topic_report(classroom).topics) == 4
    student = reports.student_report(classroom, named[0])
    assert student.attempts and student.mastery
    # Idempotent: a second call gives the same class back and adds nothing.
    attempts = classroom.assignments.values_list("attempts", flat=True).count()
    assert create_demo_class(teacher, named) == classroom
    assert classroom.assignments.values_list("attempts", flat=True).count() == attempts
