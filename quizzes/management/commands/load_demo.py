"""Load the office content and the demo accounts, once; later runs change nothing.

``make run`` calls this on every start, so it never overwrites what an editor
changed: content is loaded only into an empty database, accounts only created
when missing.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from quizzes.models import Quiz, Source
from quizzes.roles import EDITORS, TEACHERS

DEMO_PASSWORD = "ddo-demo-2025"  # noqa: S105 (published demo password, local only)
DEMO_ACCOUNTS = (
    # username, full name, role
    ("editor", "Elif Şahin", EDITORS),
    ("teacher", "İlknur Çelik", TEACHERS),
    ("ayse", "Ayşe Yıldız", None),
    ("ismail", "İsmail Işık", None),
)


class Command(BaseCommand):
    help = "Load the office content, named quizzes, demo accounts and a demo class (only what is missing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site", default="http://127.0.0.1:8000", help="where the app is served, for the links printed"
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            if not Source.objects.exists():
                call_command("loaddata", "content", verbosity=0)
                self.stdout.write("Loaded the office content.")
            if not Quiz.objects.exists():
                call_command("loaddata", "quizzes", verbosity=0)
            users = {username: self._account(username, name, role) for username, name, role in DEMO_ACCOUNTS}
        teacher = users["teacher"]
        if not teacher.classrooms.exists():
            from ._demo_classes import create_demo_class

            create_demo_class(teacher, [users["ayse"], users["ismail"]])
            self.stdout.write("Created the demo class with students and attempts.")
        self._print_accounts(options["site"].rstrip("/"))

    def _account(self, username, full_name, role):
        User = get_user_model()
        first, last = full_name.split(" ", 1)
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "is_staff": role == EDITORS}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
        return user

    def _print_accounts(self, site):
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(f"  editor   content editor: {site}/tr/admin/")
        self.stdout.write(f"  teacher  teacher with a demo class: {site}/tr/teach/")
        self.stdout.write("  ayse     student")
        self.stdout.write("  ismail   student")
        self.stdout.write(f"Log in at {site}/tr/accounts/login/ (or /en/...).")
