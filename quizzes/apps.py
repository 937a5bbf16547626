from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class QuizzesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "quizzes"
    verbose_name = _("DDO Learn content")

    def ready(self):
        from . import checks, page_cache  # noqa: F401 (registers the production checks, the content version)
        from . import user_cache
        from .roles import ensure_groups

        user_cache.connect()

        # The data migration made the groups; this keeps them after a flush (live-server tests).
        post_migrate.connect(ensure_groups, sender=self, dispatch_uid="quizzes.ensure_groups")
