"""The product's URLs plus ``/bare/``, the cheapest Django view and the yardstick for the quiz pages,
and ``/bare/user/``, which only asks who the visitor is (a session read and a user query)."""

from django.http import HttpResponse
from django.urls import path

from ddo_learn.urls import urlpatterns as product_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


def bare_user(request):
    return HttpResponse(request.user.get_username(), content_type="text/plain")


urlpatterns = [path("bare/", bare), path("bare/user/", bare_user), *product_urlpatterns]
