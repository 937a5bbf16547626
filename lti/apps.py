from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LtiConfig(AppConfig):
    name = "lti"
    verbose_name = _("LTI 1.3 tool")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # quizzes announces a submitted attempt; the grade outbox listens (quizzes never imports lti).
        from quizzes.signals import attempt_submitted

        from .grades import queue_score_for

        attempt_submitted.connect(queue_score_for, dispatch_uid="lti-score-outbox")
