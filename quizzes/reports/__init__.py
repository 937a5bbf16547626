"""The queries behind the report pages (selectors), by page family.

- common.py: statuses, a class's students and assignments, frozen question lookups;
- classes.py: the class overview, one student's report, topic mastery;
- items.py: item analysis (facility, discrimination, distractors, language gap);
- learner.py: one learner's mastery and most missed questions (progress page and student report);
- student.py: the student's classes and assignments.

Selectors return data: codes, numbers, model rows and frozen texts. Words,
CSS classes and links are chosen in presentation.py and the templates.
"""

from .classes import (
    AssignmentSummary,
    ClassOverview,
    StudentReport,
    StudentRow,
    TopicReport,
    TopicRow,
    class_overview,
    student_report,
    topic_report,
)
from .common import (
    COMPLETED,
    DONE,
    IN_PROGRESS,
    LATE,
    MISSING,
    NOT_STARTED,
    STATUSES,
    UPCOMING,
    Cell,
    assignment_score,
    assignment_status,
    assignments_of,
    assignments_with_submissions,
    cell,
    display_name,
    histogram,
    members,
    questions_of_attempts,
    representative_questions,
    summarise_attempts,
    teacher_classrooms,
)
from .items import (
    Distractor,
    ItemAnalysis,
    ItemRow,
    LanguageFacility,
    first_attempt_answers,
    item_analysis,
    item_groups,
    item_sums,
)
from .learner import (
    LearnerProgress,
    answers_open_to_review,
    learner_progress,
    most_missed,
    most_missed_questions,
    submitted_answers,
    topic_mastery,
)
from .student import StudentAssignment, StudentClass, student_classes

__all__ = [
    "answers_open_to_review",
    "COMPLETED",
    "DONE",
    "IN_PROGRESS",
    "LATE",
    "MISSING",
    "NOT_STARTED",
    "STATUSES",
    "UPCOMING",
    "AssignmentSummary",
    "Cell",
    "ClassOverview",
    "Distractor",
    "ItemAnalysis",
    "ItemRow",
    "LanguageFacility",
    "LearnerProgress",
    "StudentAssignment",
    "StudentClass",
    "StudentReport",
    "StudentRow",
    "TopicReport",
    "TopicRow",
    "assignment_score",
    "assignment_status",
    "assignments_of",
    "assignments_with_submissions",
    "cell",
    "class_overview",
    "display_name",
    "first_attempt_answers",
    "histogram",
    "item_analysis",
    "item_groups",
    "item_sums",
    "learner_progress",
    "members",
    "most_missed",
    "most_missed_questions",
    "questions_of_attempts",
    "representative_questions",
    "student_classes",
    "student_report",
    "submitted_answers",
    "summarise_attempts",
    "teacher_classrooms",
    "topic_mastery",
    "topic_report",
]
