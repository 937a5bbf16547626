from django.urls import path

from . import views

app_name = "live"

urlpatterns = [
    path("", views.join, name="join"),
    path("new/", views.new_game, name="new"),
    path("<str:code>/", views.play, name="play"),
    path("<str:code>/host/", views.projector, name="projector"),
    path("<str:code>/results.<str:fmt>", views.results, name="results"),
]
