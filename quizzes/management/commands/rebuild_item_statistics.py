"""Recompute the site-wide item statistics from the answers (after an import, or to check the running sums)."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from quizzes.models import item_sums


class Command(BaseCommand):
    help = "Rebuild the site-wide item statistics (per question key and language) from the submitted answers."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with transaction.atomic():
            rows = item_sums.rebuild()
        self.stdout.write(f"{rows} rows rebuilt in {time.perf_counter() - started:.1f} s")
