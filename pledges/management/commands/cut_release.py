"""Cut a numbered release from the command line: for a large record, where the admin's request would time out."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from pledges import dates, releases


class Command(BaseCommand):
    help = "Cut the next numbered release of the published record (copies the line item and delivery exports)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The date the release is cited by (YYYY-MM-DD); today by default.")
        parser.add_argument("--notes", default="", help="What changed, for the readers.")

    def handle(self, *args, date=None, notes="", **options):
        try:
            published_on = datetime.date.fromisoformat(date) if date else datetime.date.today()
        except ValueError as error:
            raise CommandError(f"--date: {error}") from error
        release = releases.cut(None, published_on, notes)
        rows = release.rows.count()
        self.stdout.write(f"Release {release.number} of {dates.day(published_on)}: {rows} rows copied.")
