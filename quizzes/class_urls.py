"""Teacher pages (teach/...) and the student's side of classes (classes/...).

Included by quizzes/urls.py, so the names live in the "quizzes" namespace.
"""

from django.urls import path

from .views import classes, teacher

urlpatterns = [
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
    path("classes/", classes.my_classes, name="my_classes"),
    path("classes/join/", classes.join, name="join_class"),
    path("classes/<int:pk>/leave/", classes.leave, name="leave_class"),
    path("classes/assignments/<int:pk>/start/", classes.start_assignment, name="start_assignment"),
]
