from django.core.management.base import BaseCommand

from lti.grades import send_score
from lti.models import OutgoingScore, ScoreStatus


class Command(BaseCommand):
    help = "Queue a send for every LTI score still waiting (after a worker died mid-send). Sending twice is harmless."

    def handle(self, *args, **options):
        waiting = list(OutgoingScore.objects.filter(status=ScoreStatus.WAITING).values_list("pk", flat=True))
        for pk in waiting:
            send_score.enqueue(pk)
        self.stdout.write(f"{len(waiting)} waiting scores queued.")
