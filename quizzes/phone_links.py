"""Links a phone follows from a projected page: a class's join link, a live game's, and their QR codes.

They name the host the teacher's page was opened at (a laptop's address on the school's network
works as well as the site's name), except on a classroom laptop opened as localhost: a phone's
localhost is the phone itself, so there the link names the laptop's first network address
(``CLASSROOM_ADDRESSES``, found by `make classroom`), on the same port.
"""

import re

from django.conf import settings
from django.http.request import split_domain_port

LOOPBACK = re.compile(r"^(127\.[0-9.]+|localhost|\[::1\])$")


def phone_url(request, path):
    """The absolute URL of ``path`` as a phone in the room reaches it."""
    name, port = split_domain_port(request.get_host())
    if settings.CLASSROOM_ADDRESSES and LOOPBACK.match(name):
        return f"{request.scheme}://{settings.CLASSROOM_ADDRESSES[0]}{':' if port else ''}{port}{path}"
    return request.build_absolute_uri(path)
