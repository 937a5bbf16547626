from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("DDO Learn content")

    def ready(self):
        # Importing checks and page_cache registers the production checks and the content version.
        from . import checks, page_cache, user_cache  # noqa: F401
        from .roles import ensure_groups

        user_cache.connect()

        # The data migration made the groups; this keeps them after a flush (live-server tests).
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="quizzes.ensure_groups")
