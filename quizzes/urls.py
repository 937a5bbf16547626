from django.urls import path

from .views import classes, learning, progress, quiz, statistics, teacher

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
    path("attempts/<str:public_id>/", quiz.take, name="take"),
    path("attempts/<str:public_id>/answers/", quiz.save, name="save"),
    path("attempts/<str:public_id>/result/", quiz.result, name="result"),
    path("progress/", progress.progress, name="progress"),
    path("progress/practise/", progress.practise, name="practise"),
    # The student's side of classes.
    path("classes/", classes.my_classes, name="my_classes"),
    path("classes/join/", classes.join, name="join_class"),
    path("classes/<int:pk>/leave/", classes.leave, name="leave_class"),
    path("classes/assignments/<int:pk>/start/", classes.start_assignment, name="start_assignment"),
    # The teacher's pages.
    path("editors/item-statistics/", statistics.item_statistics, name="item_statistics"),
    path("teach/", teacher.home, name="teacher_home"),
    path("teach/classes/<int:pk>/", teacher.classroom, name="teacher_class"),
    path(
        "teach/classes/<int:pk>/students/<int:user_pk>/remove/",
        teacher.remove_student,
        name="teacher_remove_student",
    ),
    path("teach/classes/<int:pk>/report/", teacher.class_report, name="teacher_class_report"),
    path("teach/classes/<int:pk>/students/<int:user_pk>/", teacher.student_report, name="teacher_student_report"),
    path("teach/classes/<int:pk>/topics/", teacher.topic_report, name="teacher_topic_report"),
    path("teach/classes/<int:pk>/items/", teacher.item_report, name="teacher_item_report"),
    path("teach/classes/<int:pk>/export/<slug:report>.<slug:fmt>", teacher.export, name="teacher_export"),
]
