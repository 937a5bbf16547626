from django.urls import include, path

from . import converters  # noqa: F401  (registers the <public_id:...> converter)
from .views import learning, progress, quiz

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
    path("attempts/<public_id:public_id>/", quiz.take, name="take"),
    path("attempts/<public_id:public_id>/answers/", quiz.save, name="save"),
    path("attempts/<public_id:public_id>/result/", quiz.result, name="result"),
    path("progress/", progress.progress, name="progress"),
    path("progress/practise/", progress.practise, name="practise"),
    path("", include("quizzes.class_urls")),
]
