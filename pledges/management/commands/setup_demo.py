"""Prepare a laptop demo: load the seed record into an empty database and create editor and reviewer accounts."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from pledges.models import Pledge

DEMO_USERS = {"editor": "Editor", "reviewer": "Reviewer"}
DEMO_PASSWORD = "aidtracker-demo"


class Command(BaseCommand):
    help = "Load the seed record into an empty database; create the demo editor and reviewer (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("setup_demo creates a known password: it runs only with DEBUG=True.")
        if Pledge.objects.exists():
            self.stdout.write("The database already holds a record: the seed record was not loaded again.")
        else:
            call_command("loaddata", "reference", "seed_record", verbosity=0)
            self.stdout.write(f"Loaded the seed record: {Pledge.objects.count()} pledges.")
        for username, group in DEMO_USERS.items():
            user, created = get_user_model().objects.get_or_create(username=username, defaults={"is_staff": True})
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.groups.add(Group.objects.get(name=group))
        self.stdout.write(
            f"Log in at /admin/ as editor (drafts) or reviewer (publishes) with the password {DEMO_PASSWORD}."
        )
