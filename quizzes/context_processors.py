from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from .roles import is_teacher


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
        "is_teacher": is_teacher(request.user),
    }
