from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from .models import QuestionType
from .return_to import return_to
from .roles import is_teacher

# (path, language) -> the path in that language. translate_url resolves and reverses the path: a
# tenth of a learning page's own time, for an answer that never changes. Paths come from visitors,
# so the memo is emptied when full rather than left to grow.
_translated = {}
MEMO_SIZE = 4096


def _translate(path, code):
    key = (path, code)
    url = _translated.get(key)
    if url is None:
        if len(_translated) >= MEMO_SIZE:
            _translated.clear()
        url = translate_url(path, code)
        current = f"/{get_language()}/"
        if url == path and path.startswith(current):
            # No page here (a 404): the same address under the other language's prefix, not this page again.
            url = f"/{code}/{path[len(current) :]}"
        _translated[key] = url
    return url


def language_switch(request):
    """Links to the same page in each other language, for the switch in the header."""
    current = get_language()
    path = request.get_full_path()
    return {
        "other_languages": [
            {"code": code, "name": name, "url": _translate(path, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ],
        # No user yet when a request is refused before AuthenticationMiddleware (a bad Host).
        "is_teacher": hasattr(request, "user") and is_teacher(request.user),
    }


def vocabulary(request):
    """The app's words for templates, so that a page compares ``q.type == QuestionType.ORDERING``, never a literal."""
    return {"QuestionType": QuestionType}


def account_links(request):
    """``return_to``: the page the header's "Log in" and "Sign up" bring the visitor back to (None: none)."""
    return {"return_to": return_to(request)}
