"""Recompute every cell of the dashboards' summary (pledges/figures/upkeep.py)."""

import time

from django.core.management.base import BaseCommand

from pledges.figures import upkeep


class Command(BaseCommand):
    help = (
        "Recompute the dashboards' monthly donor × category summary from the record. Edits keep it current on "
        "their own; run this after loading rows with raw SQL, or after upgrading to a version that adds it."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        cells = upkeep.rebuild()
        self.stdout.write(f"Rebuilt {cells:,} summary cells in {time.perf_counter() - started:.1f} s.")
