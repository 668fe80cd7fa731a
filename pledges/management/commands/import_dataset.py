"""Import a release of a public tracker: `manage.py import_dataset kiel path/to/file.csv`.

Formats: kiel (CSV or XLSX), sipri (CSV), oryx (CSV, needs --as-of). --dry-run shows what
would be added, changed and removed, and saves nothing but the run's log entry. Strict by default:
a row that cannot be read, or removing more than 5% of the stored rows, fails the import and
lists why (--skip-bad-rows, --allow-removals); files are UTF-8 unless --encoding says otherwise.
"""

import datetime
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pledges.importers import FORMATS
from pledges.importers.runs import dataset_for, run_import
from pledges.models import ImportRun


def iso_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as reason:
        raise CommandError(f"--as-of takes a date as YYYY-MM-DD, not {text!r}") from reason


class Command(BaseCommand):
    help = "Import a Kiel UST, SIPRI or Oryx file into its dataset; re-importing the same file changes nothing."

    def add_arguments(self, parser):
        parser.add_argument("format", choices=sorted(FORMATS))
        parser.add_argument("path", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Show what would change; save nothing.")
        parser.add_argument(
            "--as-of",
            type=iso_date,
            help="The day the file was generated or scraped (required for Oryx, which carries no date).",
        )
        parser.add_argument("--show-changes", action="store_true", help="List every row added, changed or removed.")
        parser.add_argument(
            "--skip-bad-rows",
            action="store_true",
            help="Import the rows that can be read; what an earlier import stored for the others stays as it was.",
        )
        parser.add_argument(
            "--allow-removals",
            action="store_true",
            help="Let the import remove more than 5%% of the dataset's stored rows (those absent from the file).",
        )
        parser.add_argument(
            "--encoding", help="The file's encoding when it is not UTF-8, e.g. latin-1 for SIPRI's own export."
        )

    def handle(self, *args, format, path, dry_run, as_of, show_changes, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        dataset = dataset_for(format)
        started = time.perf_counter()
        run = run_import(
            dataset,
            path.read_bytes(),
            path.name,
            dry_run=dry_run,
            as_of=as_of,
            encoding=options["encoding"],
            skip_bad_rows=options["skip_bad_rows"],
            allow_removals=options["allow_removals"],
        )
        seconds = time.perf_counter() - started
        for warning in run.warnings:
            where = f"line {warning['line']}: " if warning["line"] else ""
            self.stderr.write(f"warning: {where}{warning['message']}")
        if show_changes or dry_run:
            for change in run.changes:
                where = f"line {change['line']}: " if change["line"] else ""
                detail = f" ({change['detail']})" if change["detail"] else ""
                self.stdout.write(f"{change['kind']}: {where}{change['what']}{detail}")
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(run.error)
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            f"{dataset.short_name} {run.version}, sha256 {run.file_sha256[:12]}: read {run.rows_read} rows, "
            f"{verb} {run.rows_added}, changed {run.rows_changed}, left alone {run.rows_unchanged}, "
            f"removed {run.rows_removed}, skipped {run.rows_skipped}, {len(run.warnings)} warnings, "
            f"{seconds:.1f} s{' (dry run: nothing saved)' if dry_run else ''}"
        )
