"""Practise what the class missed: which questions each student gets (pure, no Django).

From a class's graded answers, each student gets the questions they got wrong the last time
they answered them, the most recent first: a question answered wrong and later right is
learnt, and is not given again. A student who missed none (or has not answered yet) gets a
quiz on the class's weakest topic: the lowest mean mark over the class's answers, as the
topic page shows it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """One graded answer: who, which question (its key and topic), the mark, and when it was submitted."""

    student_id: int
    question_key: str
    topic: str
    mark: float
    submitted_at: object  # any ordered value (a datetime); ``attempt_id`` breaks ties
    attempt_id: int = 0

    @property
    def when(self):
        return (self.submitted_at, self.attempt_id)


def missed_most_recently(marks, limit):
    """{student id: up to ``limit`` question keys whose latest answer was wrong, the most recently missed first}."""
    latest = {}
    for mark in marks:
        seen = latest.get((mark.student_id, mark.question_key))
        if seen is None or mark.when >= seen.when:
            latest[(mark.student_id, mark.question_key)] = mark
    missed = {}
    for mark in sorted(latest.values(), key=lambda m: (m.when, m.question_key), reverse=True):
        if mark.mark < 1:
            keys = missed.setdefault(mark.student_id, [])
            if len(keys) < limit:
                keys.append(mark.question_key)
    return missed


def weakest_topic(marks, topics):
    """The topic of ``topics`` (in their order, which breaks ties) with the lowest mean mark; None without answers."""
    sums = {}
    for mark in marks:
        if mark.topic in topics:
            total, count = sums.get(mark.topic, (0.0, 0))
            sums[mark.topic] = (total + mark.mark, count + 1)
    if not sums:
        return None
    return min(sums, key=lambda topic: (sums[topic][0] / sums[topic][1], topics.index(topic)))


@dataclass(frozen=True)
class Plan:
    """Who gets what: ``keys`` {student id: question keys}; everyone else, a quiz on ``topic``."""

    topic: str
    keys: dict = field(default_factory=dict)

    def for_student(self, student_id):
        return self.keys.get(student_id, [])


def plan_practice(student_ids, marks, *, limit, topics, default_topic):
    """The practice for each of ``student_ids`` (current members: a former student's answers still weigh on
    the class's weakest topic), at most ``limit`` questions each; ``default_topic`` when nobody has answered."""
    members = set(student_ids)
    missed = missed_most_recently([m for m in marks if m.student_id in members], limit)
    return Plan(topic=weakest_topic(marks, topics) or default_topic, keys=missed)
