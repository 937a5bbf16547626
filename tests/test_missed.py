"""Which questions each student gets in "practise what the class missed" (quizzes/missed.py, pure)."""

from quizzes.missed import Mark, missed_most_recently, plan_practice, weakest_topic

TOPICS = ["departments", "duties", "timeline", "glossary"]


def mark(student, key, value, when, topic="departments", attempt=0):
    return Mark(student_id=student, question_key=key, topic=topic, mark=value, submitted_at=when, attempt_id=attempt)


def test_the_questions_missed_the_last_time_most_recent_first():
    marks = [
        mark(1, "q:a", 0, 1),
        mark(1, "q:b", 0, 2),
        mark(1, "q:c", 1, 3),
        mark(1, "q:d", 0.5, 4),  # half a matching question is not learnt
    ]
    assert missed_most_recently(marks, 10) == {1: ["q:d", "q:b", "q:a"]}


def test_a_question_missed_then_answered_right_is_learnt():
    marks = [mark(1, "q:a", 0, 1), mark(1, "q:a", 1, 2), mark(1, "q:b", 1, 1), mark(1, "q:b", 0, 2)]
    assert missed_most_recently(marks, 10) == {1: ["q:b"]}


def test_the_order_of_the_rows_never_decides_only_when_they_were_answered():
    marks = [mark(1, "q:a", 1, 5, attempt=2), mark(1, "q:a", 0, 5, attempt=1)]
    assert missed_most_recently(marks, 10) == {}
    assert missed_most_recently(list(reversed(marks)), 10) == {}


def test_each_student_their_own_and_at_most_the_limit():
    marks = [mark(1, f"q:{i}", 0, i) for i in range(8)] + [mark(2, "q:0", 1, 1), mark(2, "q:9", 0, 1)]
    missed = missed_most_recently(marks, 3)
    assert missed == {1: ["q:7", "q:6", "q:5"], 2: ["q:9"]}


def test_the_weakest_topic_is_the_lowest_mean_mark_and_ties_go_in_the_sites_order():
    marks = [
        mark(1, "q:a", 1, 1, "departments"),
        mark(1, "q:b", 0, 1, "duties"),
        mark(2, "q:b", 1, 1, "duties"),
        mark(2, "q:c", 0, 1, "timeline"),
        mark(2, "q:d", 1, 1, "timeline"),
    ]
    assert weakest_topic(marks, TOPICS) == "duties"  # 0.5 and 0.5: duties comes first
    assert weakest_topic([], TOPICS) is None
    assert weakest_topic([mark(1, "x", 0, 1, "crosslanguage")], TOPICS) is None


def test_a_student_who_missed_nothing_gets_the_class_weakest_topic():
    marks = [mark(1, "q:a", 0, 1, "duties"), mark(2, "q:b", 1, 1, "departments"), mark(9, "q:c", 0, 1, "glossary")]
    plan = plan_practice([1, 2, 3], marks, limit=10, topics=TOPICS, default_topic="mixed")
    assert plan.for_student(1) == ["q:a"]
    assert plan.for_student(2) == [] and plan.for_student(3) == []
    assert 9 not in plan.keys  # a former student gets nothing, but their answers count for the topic
    assert plan.topic == "duties"  # duties and glossary both 0: the site's order


def test_with_no_answers_everyone_gets_the_default_topic():
    plan = plan_practice([1, 2], [], limit=10, topics=TOPICS, default_topic="mixed")
    assert plan.topic == "mixed" and plan.keys == {}
