"""
WSGI config for ddo_learn project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ddo_learn.settings")

application = get_wsgi_application()

# gunicorn runs no system checks: run them here, so that settings that must not serve
# (DEBUG=0 without a shared cache, quizzes.checks) stop the start instead of serving.
_serious = [str(error) for error in checks.run_checks() if error.is_serious()]
if _serious:
    raise ImproperlyConfigured("\n".join(_serious))
