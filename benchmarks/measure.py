"""One engine's measurements, run by benchmarks/run in a subprocess with DATABASE_URL set.

    measure.py pages            each dashboard page's (and a few filtered pages') median server time, and its
                                first request after a change to the record (nothing cached), vs its
                                aggregations run live
    measure.py export NAME      one CSV export streamed through the view: rows/s, peak memory
    measure.py copy NAME        the same rows by PostgreSQL COPY or the sqlite3 CLI: rows/s

Prints one JSON object.
"""

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidtracker.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Value  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from pledges import compare, exports  # noqa: E402
from pledges.export_views import exported_rows  # noqa: E402
from pledges.figures import cache, upkeep  # noqa: E402
from pledges.filters import filter_deliveries, filter_line_items  # noqa: E402
from pledges.models import Category, Delivery, Donor, LineItem, Meeting, MonthlySummary, System  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
# pages render without collectstatic here (the gunicorn run serves collected, hashed files)
override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()


def timed(function, runs=RUNS):
    function()  # warm: connection, caches, plans
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_sql(querysets):
    """Execute each queryset's SQL as raw SQL and fetch every row; a callable (a raw-SQL computation) is called."""
    with connection.cursor() as cursor:
        for queryset in querysets:
            if callable(queryset):
                queryset()
                continue
            sql, params = queryset.query.sql_with_params()
            cursor.execute(sql, params)
            cursor.fetchall()


def after_a_change(client, url):
    """Seconds of the first request after the record's version changes, as after an edit: nothing is cached."""
    cache.bump()
    started = time.perf_counter()
    client.get(url)
    return time.perf_counter() - started


def _totals_qs(items):
    """The SQL of items.totals() (an aggregate, one row) as a queryset: grouped by a constant."""
    from pledges.querysets import _totals_aggregates

    aggregates = _totals_aggregates()
    return (
        items.order_by().annotate(everything=Value(1)).values("everything").annotate(**aggregates).values(*aggregates)
    )


def live_aggregations(items):
    """What a dashboard aggregates over line items, run live: totals, monthly, by category, by donor."""
    return [
        _totals_qs(items),
        items.monthly_pledged_and_delivered("value"),
        items.totals_by("category__slug", "category__name", "category__position"),
        items.totals_by("pledge__donor_id", "pledge__donor__slug", "pledge__donor__name"),
    ]


def pages():
    setup_test_environment()
    client = Client()
    editorial = LineItem.objects.public().editorial()
    donor = Donor.objects.annotate(n=Count("pledges")).order_by("-n").first()
    # the donor with the fewest pledges: the live deliveries table walks every delivery to find a page of its own
    rare_donor = Donor.objects.annotate(n=Count("pledges")).filter(n__gt=0).order_by("n").first()
    category = Category.objects.get(slug="ammunition")
    meeting = Meeting.objects.annotate(n=Count("pledges")).order_by("-n").first()
    system = System.objects.annotate(n=Count("line_items")).order_by("-n").first()
    deliveries = Delivery.objects.public().editorial()
    of_system = editorial.filter(system=system)
    of_category = editorial.filter(category=category)
    cases = [
        ("/", reverse("pledges:overview"), live_aggregations(editorial)),
        ("/donors/", reverse("pledges:donor-list"), live_aggregations(editorial)[3:] + [_totals_qs(editorial)]),
        (
            f"/donors/{donor.slug}/",
            reverse("pledges:donor-detail", args=[donor.slug]),
            live_aggregations(editorial.filter(pledge__donor=donor))[:3],
        ),
        (
            f"/categories/{category.slug}/",
            reverse("pledges:category-detail", args=[category.slug]),
            [
                _totals_qs(editorial.filter(category=category)),
                editorial.filter(category=category).monthly_pledged_and_delivered("units"),
                editorial.filter(category=category).totals_by("pledge__donor_id", "pledge__donor__name"),
                editorial.filter(category=category, system__isnull=False).totals_by("system__slug", "system__name"),
            ],
        ),
        (
            f"/systems/{system.slug}/",
            reverse("pledges:system-detail", args=[system.slug]),
            [
                _totals_qs(of_system),
                of_system.monthly_pledged_and_delivered("units"),
                of_system.totals_by("pledge__donor_id", "pledge__donor__name"),
                lambda: deliveries.filter(line_item__system=system).lag_percentiles(),
            ],
        ),
        (
            "/meetings/",
            reverse("pledges:meeting-list"),
            [editorial.filter(pledge__meeting__isnull=False).totals_by("pledge__meeting_id")],
        ),
        (
            f"/meetings/{meeting.slug}/",
            reverse("pledges:meeting-detail", args=[meeting.slug]),
            live_aggregations(editorial.filter(pledge__meeting=meeting))[:3],
        ),
        ("/gap/", reverse("pledges:gap"), live_aggregations(editorial)[2:] + [_totals_qs(editorial)]),
        ("/pledges/", reverse("pledges:line-item-list"), live_aggregations(editorial)[:3]),
        (
            "/deliveries/",
            reverse("pledges:delivery-list"),
            [
                deliveries.order_by().annotate(everything=Value(1)).values("everything").annotate(n=Count("pk")),
                deliveries.monthly_counts(),
                lambda: deliveries.lag_percentiles(),
            ],
        ),
        # filtered by a donor, category, meeting or system: the summaries answer them; "live SQL" is what they would
        # aggregate without
        (
            f"/pledges/?donor={donor.slug}",
            reverse("pledges:line-item-list") + f"?donor={donor.slug}",
            live_aggregations(editorial.filter(pledge__donor=donor))[:3],
        ),
        (
            f"/gap/?category={category.slug}",
            reverse("pledges:gap") + f"?category={category.slug}",
            live_aggregations(of_category)[2:] + [_totals_qs(of_category)],
        ),
        (
            f"/deliveries/?donor={donor.slug}",
            reverse("pledges:delivery-list") + f"?donor={donor.slug}",
            [deliveries.filter(line_item__pledge__donor=donor).monthly_counts()],
        ),
        # a table page's rows too: the live query finds them by walking every delivery by date
        (
            f"/deliveries/?meeting={meeting.slug}",
            reverse("pledges:delivery-list") + f"?meeting={meeting.slug}",
            [
                deliveries.filter(line_item__pledge__meeting=meeting).monthly_counts(),
                deliveries.filter(line_item__pledge__meeting=meeting).for_public_list().latest_first()[:50],
            ],
        ),
        (
            f"/deliveries/?donor={rare_donor.slug}",
            reverse("pledges:delivery-list") + f"?donor={rare_donor.slug}",
            [
                deliveries.filter(line_item__pledge__donor=rare_donor).monthly_counts(),
                deliveries.filter(line_item__pledge__donor=rare_donor).for_public_list().latest_first()[:50],
            ],
        ),
        (
            f"/gap/?system={system.slug}",
            reverse("pledges:gap") + f"?system={system.slug}",
            live_aggregations(of_system)[2:] + [_totals_qs(of_system)],
        ),
        # its three grouped queries over every source's line items, as ?all_pairs=on runs them
        ("/compare/", reverse("pledges:compare"), [lambda: compare.comparison({"all_pairs": "on"})]),
    ]
    results = []
    for label, url, querysets in cases:
        status = client.get(url).status_code
        page = timed(lambda url=url: client.get(url))
        cold = statistics.median(after_a_change(client, url) for _ in range(3))
        live = timed(lambda querysets=querysets: run_sql(querysets), runs=3)
        results.append({"page": label, "status": status, "page_s": page, "after_change_s": cold, "live_sql_s": live})
    return results


EXPORTS = {
    "pledges.csv": (exports.LINE_ITEMS, filter_line_items, "pledges:line-item-list-export"),
    "deliveries.csv": (exports.DELIVERIES, filter_deliveries, "pledges:delivery-list-export"),
}


def export(name):
    """Stream the CSV export through the view as a client would read it; count rows and bytes."""
    setup_test_environment()
    url = "/" + name
    started = time.perf_counter()
    response = Client().get(url)
    size = lines = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        lines += chunk.count(b"\n")
    elapsed = time.perf_counter() - started
    return {
        "export": name,
        "status": response.status_code,
        "rows": lines - 1,
        "bytes": size,
        "seconds": elapsed,
        "rows_per_s": (lines - 1) / elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,  # the whole process, Django included
    }


def copy(name):
    """The same rows (the export's queryset, without its per-chunk source columns) by the database's own CSV."""
    export_, make_filterset, _ = EXPORTS[name]
    filterset = make_filterset({})
    filterset.is_valid()
    queryset = exports.ordered(exported_rows(filterset))
    lookups = ["pk"] + [column.lookup for column in export_.columns if column.lookup]
    sql, params = queryset.values_list(*lookups).query.sql_with_params()
    with connection.cursor() as cursor:
        statement = cursor.mogrify(sql, params).decode() if connection.vendor == "postgresql" else None
    if connection.vendor == "postgresql":
        raw = connection.connection
        sink = _Counter()
        started = time.perf_counter()
        with raw.cursor() as cursor:
            cursor.copy_expert(f"COPY ({statement}) TO STDOUT WITH CSV", sink)
        elapsed = time.perf_counter() - started
        rows = sink.lines
        tool = "PostgreSQL COPY TO STDOUT"
    else:
        # the sqlite3 CLI: inline the parameters as SQL literals
        inlined = sql.replace("%s", "{}").format(*(_literal(param) for param in params))
        database = connection.settings_dict["NAME"]
        started = time.perf_counter()
        result = subprocess.run(["sqlite3", "-csv", str(database), inlined], capture_output=True, check=True)
        elapsed = time.perf_counter() - started
        rows = result.stdout.count(b"\n")
        tool = "sqlite3 CLI .mode csv"
    return {"export": name, "tool": tool, "rows": rows, "seconds": elapsed, "rows_per_s": rows / elapsed}


def _literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | float):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


class _Counter:
    def __init__(self):
        self.lines = 0

    def write(self, data):
        self.lines += data.count(b"\n" if isinstance(data, bytes) else "\n")


def edit():
    """Seconds from an editor's save to the dashboards showing it: the commit plus the summary refresh it runs.

    A value changed on the first line item of the record, and on the line item with the most deliveries in the
    (donor, category) pair with the most deliveries (the largest cells to recompute); a delivery published
    for that line item; and the Kiel tracker imported beside the record.
    """
    setup_test_environment()
    editable = LineItem.objects.public().editorial().filter(value_eur__isnull=False).exclude(stage="cancelled")
    largest = (
        Delivery.objects.public()
        .editorial()
        .values("line_item__pledge__donor_id", "line_item__category_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    of_largest = editable.filter(
        pledge__donor_id=largest["line_item__pledge__donor_id"], category_id=largest["line_item__category_id"]
    )
    busiest = of_largest.order_by("-delivery_count", "pk").first()
    first, changed_by = _edit(editable.first())
    largest_seconds, _ = _edit(busiest)
    return {
        "seconds": first,
        "overview_changed_by": changed_by,
        "largest_pair_seconds": largest_seconds,
        "largest_pair_deliveries": largest["n"],
        "largest_pair_item_deliveries": busiest.delivery_count,
        "delivery_seconds": _deliver(busiest),
        "import": _import_kiel(),
    }


def _edit(item):
    """Add €1,000 to a line item's value in one transaction: the seconds to its commit, and the overview's change."""
    before = MonthlySummary.objects.totals()["value_pledged"]
    started = time.perf_counter()
    with transaction.atomic():
        item.value_reported += 1000
        item.save()
    committed_and_refreshed = time.perf_counter() - started
    after = Client().get("/").context["totals"]["value_pledged"]
    return committed_and_refreshed, str(after - before)


def _deliver(item):
    """Seconds to commit a published delivery of `item` (without a quantity, so it never over-delivers) and
    refresh the summaries; it is deleted again afterwards."""
    before = MonthlySummary.objects.delivery_totals()["deliveries"]
    started = time.perf_counter()
    with transaction.atomic():
        delivery = Delivery.objects.create(line_item=item, date=item.pledge.date, publication="published")
    seconds = time.perf_counter() - started
    assert MonthlySummary.objects.delivery_totals()["deliveries"] == before + 1, "the dashboards missed the delivery"
    delivery.delete()
    return seconds


def _import_kiel():
    """The Kiel tracker's extract imported into the record, after a dry run of it: each one's seconds and rows read per
    second, the seconds of the summary refresh after the import's commit (imported facts count in no cell), and
    /compare/'s first request after it. Removed again."""
    from pledges.importers.runs import dataset_for, run_import
    from pledges.models import ImportRun, Pledge

    path = ROOT / ".." / "shared" / "research_data" / "kiel_ust_main_data_2024-03.csv"
    dataset = dataset_for("kiel")
    refreshing = []
    refresh = upkeep.refresh

    def timed_refresh(*args):
        started = time.perf_counter()
        refresh(*args)
        refreshing.append(time.perf_counter() - started)

    upkeep.refresh = timed_refresh
    try:
        started = time.perf_counter()
        dry = run_import(dataset, path.read_bytes(), path.name, dry_run=True)
        dry_seconds = time.perf_counter() - started
        started = time.perf_counter()
        run = run_import(dataset, path.read_bytes(), path.name)
        seconds = time.perf_counter() - started
    finally:
        upkeep.refresh = refresh
    compare_seconds = after_a_change(Client(), reverse("pledges:compare"))
    imported = Pledge.objects.filter(dataset=dataset)
    Delivery.objects.filter(line_item__pledge__in=imported).delete()
    LineItem.objects.filter(pledge__in=imported).delete()
    imported.delete()
    ImportRun.objects.filter(dataset=dataset).delete()
    return {
        "status": run.status,
        "rows_read": run.rows_read,
        "rows_added": run.rows_added,
        "seconds": seconds,
        "rows_per_s": run.rows_read / seconds,
        "dry_run_status": dry.status,
        "dry_run_seconds": dry_seconds,
        "dry_run_rows_per_s": dry.rows_read / dry_seconds,
        "refresh_seconds": sum(refreshing),
        "compare_after_s": compare_seconds,
    }


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "pages":
        print(json.dumps(pages()))
    elif what == "export":
        print(json.dumps(export(sys.argv[2])))
    elif what == "edit":
        print(json.dumps(edit()))
    elif what == "copy":
        print(json.dumps(copy(sys.argv[2])))
