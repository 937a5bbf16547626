"""The product's URLs plus ``/bare/``: the cheapest Django view, the yardstick for the quiz pages."""

from django.http import HttpResponse
from django.urls import path

from ddo_learn.urls import urlpatterns as product_urlpatterns


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bare/", bare), *product_urlpatterns]
