"""Running an import: the format of a dataset looked up, its file parsed and applied, an ImportRun logged.

Apart from base.py, whose engine the formats build on, so that looking a format up (importers.FORMATS) makes no
import circle.
"""

import hashlib

from django.db import transaction
from django.utils import timezone

from ..models import Dataset, ImportRun
from . import FORMATS
from .base import Importer
from .reading import ImportFailed


class _DryRun(Exception):
    pass


def run_import(
    dataset,
    data,
    file_name,
    *,
    dry_run=False,
    as_of=None,
    user=None,
    encoding=None,
    skip_bad_rows=False,
    allow_removals=False,
):
    """Import `data` (the file's bytes) into `dataset`; returns the saved ImportRun, whatever happened.

    Strict by default: a row that cannot be read, or removing more than MAX_REMOVED_SHARE of the
    stored rows, fails the run unless `skip_bad_rows` or `allow_removals` says otherwise.
    """
    started = timezone.now()
    run = ImportRun(
        dataset=dataset,
        file_name=file_name[:300],
        file_sha256=hashlib.sha256(data).hexdigest(),
        started_at=started,
        user=user if user is not None and user.is_authenticated else None,
    )
    source_format = FORMATS[dataset.format]
    importer = None
    try:
        parsed = source_format.parse(data, file_name=file_name, as_of=as_of, encoding=encoding)
        run.version = parsed.version[:100]
        run.rows_read = parsed.rows_read
        importer = Importer(
            dataset,
            parsed,
            dataset.format,
            skip_bad_rows=skip_bad_rows,
            allow_removals=allow_removals,
            dry_run=dry_run,
        )
        with transaction.atomic():
            importer.apply()
            if dry_run:
                raise _DryRun
        run.status = ImportRun.Status.OK
    except _DryRun:
        run.status = ImportRun.Status.DRY_RUN
        dataset.refresh_from_db()
    except ImportFailed as failure:
        run.status = ImportRun.Status.FAILED
        run.error = str(failure)
        dataset.refresh_from_db()
    if importer is not None:
        counts = importer.counts
        if run.status == ImportRun.Status.FAILED:
            counts = dict.fromkeys(counts, 0)
        run.rows_added, run.rows_changed = counts["added"], counts["changed"]
        run.rows_unchanged, run.rows_removed, run.rows_skipped = (
            counts["unchanged"],
            counts["removed"],
            counts["skipped"],
        )
        run.warnings = importer.warnings
        run.changes = importer.changes if run.status != ImportRun.Status.FAILED else []
    run.finished_at = timezone.now()
    run.save()
    return run


def dataset_for(source_format):
    """The dataset a format imports into, created with its publisher's details on first use."""
    details = FORMATS[source_format].DATASET
    dataset, _ = Dataset.objects.get_or_create(slug=details["slug"], defaults={**details, "format": source_format})
    return dataset
