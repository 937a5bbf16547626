from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from .groups import is_teacher


def language_switch(request):
    """Links to the same page in each other language, for the switch in the header."""
    current = get_language()
    path = request.get_full_path()
    return {
        "other_languages": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ],
        "is_teacher": _is_teacher(request),
    }


def _is_teacher(request):
    # Cached on the request: base.html asks on every page.
    if not hasattr(request, "_is_teacher"):
        # No user yet when a request is refused before AuthenticationMiddleware (a bad Host).
        user = getattr(request, "user", None)
        request._is_teacher = user is not None and is_teacher(user)
    return request._is_teacher
