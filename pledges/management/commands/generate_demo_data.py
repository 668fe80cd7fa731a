"""Add a synthetic record for demos and benchmarks (see pledges/synthetic.py)."""

import time

from django.core.management.base import BaseCommand

from pledges import synthetic
from pledges.figures import upkeep


class Command(BaseCommand):
    help = (
        "Add a synthetic record: about 60 donors, 300 systems, N line items and about 2N deliveries, "
        "marked synthetic so every page says so. --remove deletes it again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--line-items", type=int, default=100_000, help="How many line items (default 100,000).")
        parser.add_argument("--seed", type=int, default=2022, help="Random seed: the same seed gives the same record.")
        parser.add_argument("--remove", action="store_true", help="Delete the synthetic record instead.")

    def handle(self, *args, line_items, seed, remove, verbosity, **options):
        if remove:
            synthetic.remove()
            upkeep.rebuild()
            self.stdout.write("Removed the synthetic record.")
            return
        started = time.perf_counter()

        def progress(counts):
            if verbosity > 1:
                self.stdout.write(f"  {counts['line_items']:,} line items…")

        counts = synthetic.generate(line_items, seed=seed, progress=progress)
        loaded = time.perf_counter() - started
        rows = sum(counts.values())
        self.stdout.write(
            f"Added {counts['pledges']:,} pledges, {counts['line_items']:,} line items and "
            f"{counts['deliveries']:,} deliveries ({rows:,} rows) in {loaded:.1f} s: {rows / loaded:,.0f} rows/s."
        )
        started = time.perf_counter()
        cells = upkeep.rebuild()
        self.stdout.write(
            f"Rebuilt the dashboard summaries ({cells:,} cells) in {time.perf_counter() - started:.1f} s."
        )
