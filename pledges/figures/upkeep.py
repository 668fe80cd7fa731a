"""Monthly donor × category summaries the dashboards read instead of aggregating every line item live.

One MonthlySummary row (a cell) per donor, category and month holds, for AidTracker's public
record (LineItem.objects.public().editorial(), so whatever public() comes to mean carries over):

- the figures of `_totals_aggregates()` over the line items pledged that month, and
- the value and units delivered that month (by delivery date), computed exactly as
  `monthly_pledged_and_delivered()` does, and
- the deliveries dated that month, their units and how many gave none, as the deliveries page's
  `delivery_totals()` and `monthly_counts()` count them.

MeetingSummary holds the same cells per meeting, for the line items of pledges made at one,
SystemSummary per system, and pledges/figures/lags.py the counts of delivery lags the percentiles are read
from. The delivered figures are added up from CountedDelivery rows (pledges/figures/counted.py),
one per delivery with what it counts for.

Adding cells up gives what the live aggregates give (tests/test_summaries.py checks it on both
engines). Cells are kept current incrementally: saving or deleting a pledge, line item or delivery
marks its line items, and the cells they count in: (donor, category, month) for the month of their
pledge and of each of their deliveries. Once the transaction commits (`flush_pending`), the counted
deliveries of those line items are rewritten, only the marked cells recomputed, and the lag counts
changed by the difference. `rebuild()` (the `rebuild_summaries` command) recomputes everything, for
bulk loads that bypass model signals.
"""

import contextlib
import datetime
import threading

from django.db import connection, connections, models, transaction
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from .. import querysets
from ..querysets import _totals_aggregates
from . import cache, counted, lags
from .counted import CountedDelivery
from .sql import insert_select

COUNT_FIELDS = [
    "line_items",
    "cancelled",
    "delivered_items",
    "partially_delivered_items",
    "open_items",
    "without_quantity",
    "without_value",
    "delivered_value_unknown",
    "countable_without_quantity",
]
VALUE_FIELDS = ["value_pledged", "value_delivered", "value_assessed"]
UNIT_FIELDS = ["units_pledged", "units_delivered", "units_delivered_of_stated"]
PLEDGED_FIELDS = COUNT_FIELDS + VALUE_FIELDS + UNIT_FIELDS  # a cell's figures of the line items pledged in it
# and of the deliveries dated in it
DELIVERED_FIELDS = [
    "value_delivered_in_month",
    "units_delivered_in_month",
    "deliveries_in_month",
    "delivery_units_in_month",
    "deliveries_without_quantity_in_month",
]
COUNTS = {*COUNT_FIELDS, "deliveries_in_month", "deliveries_without_quantity_in_month"}  # zero, never null
SUMMARY_LOCK = 7_202_402  # the advisory lock key of refresh() and rebuild()
# the live names the views group by, and the summary's column each stands for
FIELD_NAMES = {
    "pledge__donor_id": "donor_id",
    "pledge__donor__code": "donor__code",
    "pledge__donor__slug": "donor__slug",
    "pledge__donor__name": "donor__name",
    "category_id": "category_id",
    "category__slug": "category__slug",
    "category__name": "category__name",
    "category__position": "category__position",
    "pledge__meeting_id": "meeting_id",  # MeetingSummary's only
    "system__slug": "system__slug",  # SystemSummary's only
    "system__name": "system__name",
}


class SummaryQuerySet(models.QuerySet):
    """The same entry points as LineItemQuerySet's dashboards use, read from summary cells.

    Every read is kept in the cache until the summaries change (pledges/figures/cache.py): a look-up
    of their version, then the query itself only if this version has not answered it yet.
    """

    def totals(self):
        """The figures of LineItemQuerySet.totals() over these cells: one query."""
        cells = self.order_by()
        return cache.read_query(cells, "totals", lambda: cells.aggregate(**_summed()))

    def _fetch_all(self):
        if self._result_cache is None:
            shape = self._iterable_class.__name__
            self._result_cache = cache.read_query(self, shape, lambda: list(self._iterable_class(self)))
        super()._fetch_all()

    def totals_by(self, *fields):
        """LineItemQuerySet.totals_by() with the same field names (pledge__donor__name…): one query."""
        same = [name for name in fields if FIELD_NAMES[name] == name]  # category_id is category_id in both
        renamed = {name: F(FIELD_NAMES[name]) for name in fields if name not in same}
        return self.order_by().values(*same, **renamed).annotate(**_summed())

    def monthly_pledged_and_delivered(self, measure="value"):
        """(month, "pledged"|"delivered", total) rows as LineItemQuerySet's method gives them: one query."""
        pledged_field, delivered_field = (
            ("units_pledged", "units_delivered_in_month")
            if measure == "units"
            else ("value_pledged", "value_delivered_in_month")
        )
        rows = []
        for kind, column in (("pledged", pledged_field), ("delivered", delivered_field)):
            rows.append(
                self.order_by()
                .filter(**{f"{column}__isnull": False})
                .values("month")
                .annotate(kind=Value(kind, output_field=models.CharField()), total=Sum(column))
                .values_list("month", "kind", "total")
            )
        return rows[0].union(rows[1], all=True)

    def delivery_totals(self):
        """DeliveryQuerySet.delivery_totals() of the deliveries these cells count: one query."""
        cells = self.order_by()
        return cache.read_query(cells, "delivery_totals", lambda: cells.aggregate(**_delivery_sums()))

    def monthly_counts(self):
        """DeliveryQuerySet.monthly_counts() of the deliveries these cells count: one query."""
        return (
            self.order_by()
            .filter(deliveries_in_month__gt=0)
            .values("month")
            .annotate(**_delivery_sums())
            .order_by("month")
        )


# the live cells; `as_of(release)` the copies a release keeps (see snapshot())
SummaryManager = lags.LiveManager.from_queryset(SummaryQuerySet)


def _money(**kwargs):
    return models.DecimalField(max_digits=24, decimal_places=2, null=True, **kwargs)


class SummaryCell(models.Model):
    """The figures of one summary cell (see above); concrete cells add their key. Maintained here, never edited.

    Pledged figures count the line items whose pledge is dated that month; the `*_in_month` figures
    the deliveries dated that month.
    """

    # None for the live cells; a release's copy of them otherwise
    release = models.ForeignKey("pledges.Release", null=True, on_delete=models.CASCADE, related_name="+")
    donor = models.ForeignKey("pledges.Donor", on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey("pledges.Category", on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    line_items = models.PositiveIntegerField(default=0)
    cancelled = models.PositiveIntegerField(default=0)
    delivered_items = models.PositiveIntegerField(default=0)
    partially_delivered_items = models.PositiveIntegerField(default=0)
    open_items = models.PositiveIntegerField(default=0)
    without_quantity = models.PositiveIntegerField(default=0)
    without_value = models.PositiveIntegerField(default=0)
    delivered_value_unknown = models.PositiveIntegerField(default=0)
    countable_without_quantity = models.PositiveIntegerField(default=0)
    value_pledged = _money()
    value_delivered = _money()
    value_assessed = _money()
    units_pledged = models.BigIntegerField(null=True)
    units_delivered = models.BigIntegerField(null=True)
    units_delivered_of_stated = models.BigIntegerField(null=True)
    # delivered by delivery month: each delivery's share of its line item's value, and its units
    value_delivered_in_month = models.DecimalField(max_digits=30, decimal_places=6, null=True)
    units_delivered_in_month = models.BigIntegerField(null=True)
    # the deliveries dated that month, cancelled line items' too: the deliveries page counts them all
    deliveries_in_month = models.PositiveIntegerField(default=0)
    delivery_units_in_month = models.BigIntegerField(null=True)  # countable categories only
    deliveries_without_quantity_in_month = models.PositiveIntegerField(default=0)

    objects = SummaryManager()
    key = None  # the field a concrete cell adds to (donor, category, month) as its key, if any

    class Meta:
        abstract = True


class MonthlySummary(SummaryCell):
    """A donor's line items of one category in one month: what the overview and the donor and category pages add up."""

    class Meta:
        verbose_name_plural = "monthly summaries"
        constraints = [
            models.UniqueConstraint(
                fields=["donor", "category", "month"], condition=Q(release=None), name="monthlysummary_cell_unique"
            ),
        ]
        indexes = [models.Index(fields=["release", "donor"], name="monthlysummary_release")]

    def __str__(self):
        return f"{self.donor_id}/{self.category_id}/{self.month:%Y-%m}"


class MeetingSummary(SummaryCell):
    """The same cell for the line items of the pledges made at one meeting: what the meeting pages add up."""

    meeting = models.ForeignKey("pledges.Meeting", on_delete=models.CASCADE, related_name="+")
    key = "meeting"

    class Meta:
        verbose_name_plural = "meeting summaries"
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "donor", "category", "month"],
                condition=Q(release=None),
                name="meetingsummary_cell_unique",
            ),
        ]
        indexes = [models.Index(fields=["release", "meeting"], name="meetingsummary_release")]

    def __str__(self):
        return f"{self.meeting_id}/{self.donor_id}/{self.category_id}/{self.month:%Y-%m}"


class SystemSummary(SummaryCell):
    """The same cell for the line items of one system: what a system's page and its category's systems add up.

    Live only: a category's page read as of a release lists no systems, and a system's page is live.
    """

    system = models.ForeignKey("pledges.System", on_delete=models.CASCADE, related_name="+")
    key = "system"

    class Meta:
        verbose_name_plural = "system summaries"
        constraints = [
            models.UniqueConstraint(
                fields=["system", "donor", "category", "month"],
                condition=Q(release=None),
                name="systemsummary_cell_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["release", "system"], name="systemsummary_release"),
            models.Index(fields=["release", "category"], name="systemsummary_category"),
        ]

    def __str__(self):
        return f"{self.system_id}/{self.donor_id}/{self.category_id}/{self.month:%Y-%m}"


# every kind of cell, each recomputed with the others
CELLS = (MonthlySummary, MeetingSummary, SystemSummary)


def _summed():
    sums = {name: Coalesce(Sum(name), 0) for name in COUNT_FIELDS}
    sums.update({name: Sum(name) for name in VALUE_FIELDS + UNIT_FIELDS})
    return sums


def _delivery_sums():
    return {
        "deliveries": Coalesce(Sum("deliveries_in_month"), 0),
        "units": Sum("delivery_units_in_month"),
        "without_quantity": Coalesce(Sum("deliveries_without_quantity_in_month"), 0),
    }


def _month(day):
    return day.replace(day=1)


def _next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def _in_cells(keys, donor="donor_id", category="category_id", date="month"):
    """Q for rows dated in the months of these (donor_id, category_id, month) cell keys; everything when None."""
    if keys is None:
        return Q()
    by_pair = {}
    for donor_id, category_id, month in keys:
        by_pair.setdefault((donor_id, category_id), set()).add(month)
    condition = Q(pk__in=[])
    for (donor_id, category_id), months in by_pair.items():
        dated = Q(pk__in=[])
        for month in sorted(months):
            dated |= Q(**{f"{date}__gte": month, f"{date}__lt": _next_month(month)})
        condition |= Q(**{donor: donor_id, category: category_id}) & dated
    return condition


PARTS = "summary_parts"  # the temporary table _write() adds the cells of every kind up from
PART_KEYS = ["donor", "category", "meeting", "system", "month"]


def _nulls(names):
    """Typed nulls for these figures, where one side of the UNION in _write() has none."""
    return {name: Cast(Value(None), MonthlySummary._meta.get_field(name).clone()) for name in names}


def _pledged(keys):
    """The figures of the public line items pledged in the cells of these keys (all when None), per PART_KEYS."""
    from ..models import LineItem

    in_cells = _in_cells(keys, "pledge__donor_id", "category_id", "pledge__date")
    items = LineItem.objects.public().editorial().filter(in_cells).order_by()
    parts = items.values(
        donor_part=F("pledge__donor_id"),
        category_part=F("category_id"),
        meeting_part=F("pledge__meeting_id"),
        system_part=F("system_id"),
        month_part=TruncMonth("pledge__date"),
    )
    return parts.annotate(**_totals_aggregates(), **_nulls(DELIVERED_FIELDS))


def _delivered(keys):
    """The figures of the public deliveries dated in the cells of these keys (all when None), per PART_KEYS."""
    rows = CountedDelivery.objects.filter(_in_cells(keys)).order_by()
    parts = rows.values(**{f"{key}_part": F(key) for key in PART_KEYS})
    return parts.annotate(
        **_nulls(PLEDGED_FIELDS),
        value_delivered_in_month=Sum("value"),
        units_delivered_in_month=Sum("units"),
        deliveries_in_month=Count("pk"),
        delivery_units_in_month=Sum("countable_units"),
        deliveries_without_quantity_in_month=Count("pk", filter=Q(quantity_unknown=True)),
    )


def _write(keys):
    """Recompute the cells of every kind with these (donor_id, category_id, month) keys (all when None).

    The pledged and delivered figures are read once, per donor, category, meeting, system and month,
    into a temporary table; each kind of cell adds them up from it with a DELETE and an INSERT … SELECT.
    """
    figures = PLEDGED_FIELDS + DELIVERED_FIELDS
    group = [f"{key}_part" for key in PART_KEYS]
    sides = [side(keys).values_list(*group, *figures) for side in (_pledged, _delivered)]
    union, params = sides[0].union(sides[1], all=True).query.sql_with_params()
    sums = [f"COALESCE(SUM({name}), 0)" if name in COUNTS else f"SUM({name})" for name in figures]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {PARTS} AS {union}", params)
        for model in CELLS:
            model.objects.filter(_in_cells(keys)).delete()
            keyed = ["donor", "category", *([model.key] if model.key else []), "month"]
            cell = ", ".join(f"{key}_part" for key in keyed)
            where = f"WHERE {model.key}_part IS NOT NULL" if model.key else ""
            sql = f"SELECT {cell}, {', '.join(sums)} FROM {PARTS} {where} GROUP BY {cell}"
            insert_select(model, [*keyed, *figures], sql, [])
        cursor.execute(f"DROP TABLE {PARTS}")


@contextlib.contextmanager
def _published_only():
    """Cells count what every reader sees, even when computed during a staff member's preview of drafts."""
    previewing = getattr(querysets, "previewing", None)
    token = previewing.set(False) if previewing else None
    try:
        yield
    finally:
        if token:
            previewing.reset(token)


def _lock():
    """Let one refresh run at a time: lag counts change by the difference between counted deliveries' old and
    new rows, which another refresh must not be rewriting meanwhile.

    A transaction-level advisory lock on PostgreSQL; SQLite runs one writing transaction at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SUMMARY_LOCK])


def rebuild():
    """Recompute every counted delivery, cell and lag count. Returns the number of monthly cells."""
    with transaction.atomic(), _published_only():
        _lock()
        counted.rebuild()
        _write(None)
        lags.rebuild()
        cache.bump()
    _pending.take()
    return MonthlySummary.objects.count()


def refresh(keys, line_item_ids):
    """Recompute the cells of these (donor_id, category_id, month) keys, the counted deliveries of these line
    items, and the lag counts by as much as those changed."""
    keys = {key for key in keys if None not in key}
    if not keys:  # a marked line item brings its pledge's cell: nothing was marked
        return 0
    with transaction.atomic(), _published_only():
        _lock()
        lag_changes = counted.replace(line_item_ids)
        _write(keys)
        lags.change(lag_changes)
        cache.bump()
    return len(keys)


def snapshot(release):
    """Keep a copy of the live cells and of the lag counts the pages read, as of `release` (releases.cut).

    Copied by INSERT … SELECT, so the values never pass through Python (SQLite's decimals would round).
    """
    flush_pending()
    for model in (MonthlySummary, MeetingSummary, lags.LagCount):
        fields = [field.name for field in model._meta.concrete_fields if field.name not in ("id", "release")]
        select = model.objects.order_by().annotate(copy_of=Value(release.pk)).values_list("copy_of", *fields)
        insert_select(model, ["release", *fields], *select.query.sql_with_params())
    cache.bump()


# --- Incremental upkeep -------------------------------------------------------------------------


class _Pending(threading.local):
    """What this thread's transactions changed since the last refresh: cell keys and line item ids."""

    def __init__(self):
        self.cells, self.line_items = set(), set()

    def __bool__(self):
        return bool(self.cells or self.line_items)

    def take(self):
        taken = self.cells, self.line_items
        self.cells, self.line_items = set(), set()
        return taken


_pending = _Pending()


def mark(cells, line_items):
    """Note (donor_id, category_id, month) cells, and line items whose deliveries count anew, to recompute once the
    transaction commits."""
    was_empty = not _pending
    _pending.cells.update(cells)
    _pending.line_items.update(line_items)
    if was_empty and _pending:
        transaction.on_commit(flush_pending)


def flush_pending():
    """Recompute what was marked since the last flush; no query when nothing is pending.

    Runs after each commit that changed the record, and again before a page reads the summaries, so
    a page read inside a transaction that changed the record (as in tests) sees the change too.
    """
    if _pending:
        refresh(*_pending.take())


def _connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_save

    from ..models import (
        Category,
        Dataset,
        Delivery,
        DeliveryCitation,
        Donor,
        LineItem,
        LineItemCitation,
        Meeting,
        MeetingCitation,
        Pledge,
        PledgeCitation,
        Source,
        System,
        SystemAlias,
    )

    def mark_line_items(extra_month=None, **filters):
        """Mark these line items of AidTracker's record (imported ones count in no cell) and the cells they count
        in: their pledge's month, their deliveries' months, and `extra_month` (a deleted delivery's). Two queries.
        """
        items = LineItem.objects.filter(**filters).editorial()
        pledged = list(items.values_list("pk", "pledge__donor_id", "category_id", "pledge__date"))
        delivered = Delivery.objects.filter(line_item__in=items.values("pk")).values_list(
            "line_item__pledge__donor_id", "line_item__category_id", "date"
        )
        cells = {(donor_id, category_id, _month(day)) for _, donor_id, category_id, day in pledged}
        cells |= {(donor_id, category_id, _month(day)) for donor_id, category_id, day in delivered}
        if extra_month:
            cells |= {(donor_id, category_id, _month(extra_month)) for _, donor_id, category_id, _ in pledged}
        mark(cells, {pk for pk, *_ in pledged})

    @receiver(pre_save, sender=Pledge, weak=False)
    def pledge_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark_line_items(pledge_id=instance.pk)

    @receiver(post_save, sender=Pledge, weak=False)
    def pledge_after(sender, instance, raw=False, **kwargs):
        if instance.dataset_id is None:
            mark_line_items(pledge_id=instance.pk)

    @receiver(pre_save, sender=LineItem, weak=False)
    def line_item_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark_line_items(pk=instance.pk)

    def imported(line_item):
        """Whether a line item whose pledge is loaded (as an importer's is) comes from a dataset: no query."""
        return LineItem.pledge.is_cached(line_item) and line_item.pledge.dataset_id is not None

    @receiver(post_save, sender=LineItem, weak=False)
    def line_item_after(sender, instance, **kwargs):
        if not imported(instance):
            mark_line_items(pk=instance.pk)

    @receiver(post_delete, sender=LineItem, weak=False)
    def line_item_deleted(sender, instance, **kwargs):
        pledge = Pledge.objects.editorial().filter(pk=instance.pledge_id).values_list("donor_id", "date").first()
        if pledge:  # deleted with its pledge: no cell counts it any more (its deliveries marked theirs)
            mark({(pledge[0], instance.category_id, _month(pledge[1]))}, {instance.pk})

    @receiver(pre_save, sender=Delivery, weak=False)
    def delivery_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark_line_items(deliveries__pk=instance.pk)

    @receiver(post_save, sender=Delivery, weak=False)
    def delivery_after(sender, instance, **kwargs):
        if not (Delivery.line_item.is_cached(instance) and imported(instance.line_item)):
            mark_line_items(pk=instance.line_item_id)

    @receiver(post_delete, sender=Delivery, weak=False)
    def delivery_deleted(sender, instance, **kwargs):
        # its line item's other months too: the value of its later deliveries moves up
        mark_line_items(extra_month=instance.date, pk=instance.line_item_id)

    # what pages read beside the figures (names, slugs, sources, quotes, datasets): a change is a new version too
    citations = (MeetingCitation, PledgeCitation, LineItemCitation, DeliveryCitation)
    for model in (Donor, Category, System, SystemAlias, Meeting, Source, Dataset, *citations):
        post_save.connect(_changed, sender=model, weak=False)
        post_delete.connect(_changed, sender=model, weak=False)


def _changed(sender, using, **kwargs):
    cache.bump(using)


# --- What every page shows in its footer and banner ---------------------------------------------


def record_status():
    """When the public record last changed, and whether it holds synthetic data: one query."""
    from ..models import Pledge, Source
    from ..synthetic import SYNTHETIC_MARKER

    latest = Pledge.objects.public().order_by("-updated_at").values("updated_at")[:1]
    marker = Source.objects.filter(archive_ref=SYNTHETIC_MARKER).values("pk")[:1]
    latest_sql, latest_params = latest.query.sql_with_params()
    marker_sql, marker_params = marker.query.sql_with_params()
    with connections[latest.db].cursor() as cursor:
        cursor.execute(f"SELECT ({latest_sql}), EXISTS ({marker_sql})", (*latest_params, *marker_params))
        data_as_of, synthetic = cursor.fetchone()
    if isinstance(data_as_of, str):  # SQLite hands raw values back as text
        data_as_of = parse_datetime(data_as_of)
    if data_as_of is not None and is_naive(data_as_of):
        data_as_of = make_aware(data_as_of, timezone=datetime.UTC)
    return data_as_of, bool(synthetic)


def synthetic_data(request):
    """Context processor: `synthetic_data` for pages that do not set it; queried only if a template asks."""
    return {"synthetic_data": lambda: record_status()[1]}
