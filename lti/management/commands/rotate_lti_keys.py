from django.core.management.base import BaseCommand

from lti import keys


class Command(BaseCommand):
    help = "Make a new LTI signing key; the previous one stays published until the next rotation."

    def handle(self, *args, **options):
        key = keys.rotate()
        self.stdout.write(f"New signing key {key.kid}; /.well-known/jwks.json publishes it and the previous one.")
