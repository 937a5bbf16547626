from django.urls import path

from . import converters  # noqa: F401  (registers the <public_id:...> and <id:...> converters)
from .views import (
    classes,
    interchange,
    learning,
    missed,
    printing,
    problems,
    progress,
    quiz,
    review,
    site_items,
    teacher,
)

app_name = "quizzes"

urlpatterns = [
    path("", learning.overview, name="home"),
    path("departments/", learning.departments, name="departments"),
    path("duties/", learning.duties, name="duties"),
    path("timeline/", learning.timeline, name="timeline"),
    path("glossary/", learning.glossary, name="glossary"),
    path("sources/", learning.sources, name="sources"),
    path("quizzes/", quiz.catalogue, name="catalogue"),
    path("quizzes/start/", quiz.start, name="start"),
    path("quizzes/print/", printing.quiz, name="print_quiz"),
    path("attempts/<public_id:public_id>/", quiz.take, name="take"),
    path("attempts/<public_id:public_id>/answers/", quiz.save, name="save"),
    path("attempts/<public_id:public_id>/result/", quiz.result, name="result"),
    path("attempts/<public_id:public_id>/timer/", quiz.timer, name="timer"),
    path("attempts/<public_id:public_id>/questions/<id:position>/report/", problems.report, name="report_problem"),
    path("progress/", progress.progress, name="progress"),
    path("progress/practise/", progress.practise, name="practise"),
    path("review/", review.review, name="review"),
    path("review/start/", review.start, name="review_start"),
    path("review/flashcards/", review.flashcard, name="flashcards"),
    # The student's side of classes.
    path("classes/", classes.my_classes, name="my_classes"),
    path("classes/join/", classes.join, name="join_class"),
    path("classes/join/<str:code>/", classes.join_link, name="join_link"),
    path("classes/<id:pk>/leave/", classes.leave, name="leave_class"),
    path("classes/assignments/<id:pk>/start/", classes.start_assignment, name="start_assignment"),
    # The teacher's pages.
    # Questions to other platforms (Moodle XML, GIFT, QTI 2.1): teachers and editors.
    path("exports/", interchange.index, name="export_index"),
    path("exports/quizzes/<slug:slug>/", interchange.quiz, name="export_quiz"),
    path("exports/topics/<slug:topic>/", interchange.topic, name="export_topic"),
    path(
        "teach/classes/<id:pk>/assignments/<id:assignment_pk>/export/", interchange.assignment, name="export_assignment"
    ),
    path("editors/item-statistics/", site_items.item_statistics, name="item_statistics"),
    path("teach/", teacher.home, name="teacher_home"),
    path("teach/classes/<id:pk>/", teacher.classroom, name="teacher_class"),
    path("teach/classes/<id:pk>/projector/", teacher.projector, name="teacher_projector"),
    path("teach/classes/<id:pk>/archive/", teacher.archive, name="teacher_archive_class"),
    path("teach/classes/<id:pk>/restore/", teacher.restore, name="teacher_restore_class"),
    path("teach/classes/<id:pk>/delete/", teacher.delete_class, name="teacher_delete_class"),
    path(
        "teach/classes/<id:pk>/assignments/<id:assignment_pk>/extensions/",
        teacher.extensions,
        name="teacher_extensions",
    ),
    path(
        "teach/classes/<id:pk>/assignments/<id:assignment_pk>/extensions/<id:user_pk>/remove/",
        teacher.remove_extension,
        name="teacher_remove_extension",
    ),
    path(
        "teach/classes/<id:pk>/students/<id:user_pk>/remove/",
        teacher.remove_student,
        name="teacher_remove_student",
    ),
    path("teach/classes/<id:pk>/assignments/<id:assignment_pk>/print/", printing.assignment, name="print_assignment"),
    path("teach/classes/<id:pk>/time/", teacher.accommodations, name="teacher_accommodations"),
    path("teach/classes/<id:pk>/report/", teacher.class_report, name="teacher_class_report"),
    path("teach/classes/<id:pk>/students/<id:user_pk>/", teacher.student_report, name="teacher_student_report"),
    path("teach/classes/<id:pk>/topics/", teacher.topic_report, name="teacher_topic_report"),
    path("teach/classes/<id:pk>/items/", teacher.item_report, name="teacher_item_report"),
    path("teach/classes/<id:pk>/practise-missed/", missed.practise_missed, name="teacher_practise_missed"),
    path("teach/classes/<id:pk>/export/<slug:report>.<slug:fmt>", teacher.export, name="teacher_export"),
]
