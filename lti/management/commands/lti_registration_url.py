from django.core.management.base import BaseCommand

from lti.registration import new_token


class Command(BaseCommand):
    help = "Print a one-time LTI Dynamic Registration URL (valid for a day) to paste into a learning platform."

    def add_arguments(self, parser):
        parser.add_argument("site", help="this site's address, e.g. https://learn.example.org")

    def handle(self, *args, **options):
        self.stdout.write(f"{options['site'].rstrip('/')}/lti/register/{new_token()}/")
