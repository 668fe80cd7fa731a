"""Monthly donor × category summaries the dashboards read instead of aggregating every line item live.

One MonthlySummary row (a cell) per donor, category and month holds, for AidTracker's public
record (LineItem.objects.public().editorial(), so whatever public() comes to mean carries over):

- the figures of `_totals_aggregates()` over the line items pledged that month, and
- the value and units delivered that month (by delivery date), computed exactly as
  `monthly_pledged_and_delivered()` does, and
- the deliveries dated that month, their units and how many gave none, as the deliveries page's
  `delivery_totals()` and `monthly_counts()` count them.

MeetingSummary holds the same cells per meeting, for the line items of pledges made at one,
SystemSummary per system, and pledges/lags.py the counts of delivery lags the percentiles are read
from.

Adding cells up gives what the live aggregates give (tests/test_summaries.py checks it on both
engines). Cells are kept current incrementally: saving or deleting a pledge, line item or delivery
marks the cells its line items count in, (donor, category, month) for the month of their pledge and
of each of their deliveries; once the transaction commits, only those cells are recomputed
(`flush_pending`), and the lag counts of their (donor, category) pairs. `rebuild()` (the
`rebuild_summaries` command) recomputes everything, for bulk loads that bypass model signals.
"""

import contextlib
import datetime
import threading
from decimal import Decimal
from itertools import chain

from django.db import connection, connections, models, transaction
from django.db.models import F, Q, Sum, Value, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import Coalesce, TruncMonth
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from . import lags, querysets, summary_cache
from .querysets import _totals_aggregates

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
SUMMARY_LOCK = 7_202_402  # the advisory lock key of refresh() and rebuild()
UNIT_FIELDS = ["units_pledged", "units_delivered", "units_delivered_of_stated"]
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

    Every read is kept in the cache until the summaries change (pledges/summary_cache.py): a look-up
    of their version, then the query itself only if this version has not answered it yet.
    """

    def totals(self):
        """The figures of LineItemQuerySet.totals() over these cells: one query."""
        cells = self.order_by()
        return summary_cache.read_query(cells, "totals", lambda: cells.aggregate(**_summed()))

    def _fetch_all(self):
        if self._result_cache is None:
            shape = self._iterable_class.__name__
            self._result_cache = summary_cache.read_query(self, shape, lambda: list(self._iterable_class(self)))
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
        return summary_cache.read_query(cells, "delivery_totals", lambda: cells.aggregate(**_delivery_sums()))

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
    # the line item path of the key a concrete cell adds to (donor, category, month), if any
    key_path = None

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
    key_path = "pledge__meeting_id"

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
    key_path = "system_id"

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


def _items_of(keys):
    """AidTracker's public line items pledged in the cells of these keys (all when None)."""
    from .models import LineItem

    return (
        LineItem.objects.public().editorial().filter(_in_cells(keys, "pledge__donor_id", "category_id", "pledge__date"))
    )


def _deliveries_of(keys):
    """AidTracker's public deliveries to compute the cells of these keys from (all when None): every delivery
    of each line item with one dated in those cells, since each delivery's value depends on the ones before."""
    from .models import Delivery

    deliveries = Delivery.objects.public().editorial()
    if keys is None:
        return deliveries
    dated = deliveries.filter(_in_cells(keys, "line_item__pledge__donor_id", "line_item__category_id", "date"))
    return deliveries.filter(line_item__in=dated.values("line_item_id"))


def _compute(model, keys):
    """The cells of `model` (one of CELLS) with these (donor_id, category_id, month) keys (all when None), as
    unsaved rows."""
    items, deliveries = _items_of(keys), _deliveries_of(keys)
    group = {"donor_ref": F("pledge__donor_id"), "category_ref": F("category_id")}
    names = ["donor_id", "category_id", "month"]
    if model.key_path:
        items = items.filter(**{f"{model.key_path}__isnull": False})
        deliveries = deliveries.filter(**{f"line_item__{model.key_path}__isnull": False})
        group["key_ref"] = F(model.key_path)
        names.insert(2, model.key_path.rpartition("__")[2])
    cells = {}

    def cell(key):
        if key not in cells:
            cells[key] = model(**dict(zip(names, key, strict=True)))
        return cells[key]

    pledged = (
        items.order_by().values(**group, pledged_month=TruncMonth("pledge__date")).annotate(**_totals_aggregates())
    )
    for row in pledged:
        target = cell(tuple(row.pop(name) for name in [*group, "pledged_month"]))
        for name, value in row.items():
            setattr(target, name, value if value is not None or name not in COUNT_FIELDS else 0)

    delivered = _delivered_by_month(deliveries, model.key_path)
    for *key, value, units, count, count_units, count_without_quantity in delivered:
        if keys is not None and (key[0], key[1], key[-1]) not in keys:
            continue  # a month of those line items' other deliveries: its cell is not being recomputed
        target = cell(tuple(key))
        target.value_delivered_in_month = value
        target.units_delivered_in_month = units
        target.deliveries_in_month = count
        target.delivery_units_in_month = count_units
        target.deliveries_without_quantity_in_month = count_without_quantity
    return list(cells.values())


def _delivered_by_month(deliveries, key_path=None):
    """(donor_id, category_id[, key], month, value, units, deliveries, their units, without quantity) per
    delivery month of these public deliveries: one query.

    Value and units as monthly_pledged_and_delivered() counts them (cancelled line items left out,
    each delivery worth its share of units newly covered, capped at the pledged quantity), but with
    the units delivered before each delivery from a window function instead of one correlated
    subquery per delivery, so a full rebuild stays a single pass over the deliveries. The last three
    as DeliveryQuerySet.delivery_totals() counts every delivery. `key_path` is a cell's extra key.
    """
    extra = {"key_ref": F(f"line_item__{key_path}")} if key_path else {}
    deliveries = (
        deliveries.order_by()
        .annotate(
            units_before=Window(
                Sum("quantity"),
                partition_by=[F("line_item_id")],
                order_by=[F("date").asc(), F("pk").asc()],
                frame=RowRange(start=None, end=-1),
            )
        )
        .values(
            "quantity",
            "units_before",
            donor_ref=F("line_item__pledge__donor_id"),
            category_ref=F("line_item__category_id"),
            **extra,
            month_start=TruncMonth("date"),
            pledged=F("line_item__quantity"),
            pledged_value=F("line_item__value_eur"),
            countable=F("line_item__category__is_countable"),
            item_status=F("line_item__status"),
        )
    )
    inner, params = deliveries.query.sql_with_params()
    connection = connections[deliveries.db]
    real = "CAST(pledged_value AS REAL)" if connection.vendor == "sqlite" else "pledged_value"
    least = "MIN" if connection.vendor == "sqlite" else "LEAST"
    before = "COALESCE(units_before, 0)"
    kept = "item_status <> 'cancelled'"
    group = "donor_ref, category_ref, " + ("key_ref, " if key_path else "") + "month_start"
    sql = f"""
        SELECT {group},
          SUM(CASE WHEN {kept} AND quantity IS NOT NULL AND pledged IS NOT NULL AND pledged_value IS NOT NULL
              THEN {real} * ({least}({before} + quantity, pledged) - {least}({before}, pledged)) / pledged END),
          SUM(CASE WHEN {kept} AND countable AND quantity IS NOT NULL THEN quantity END),
          COUNT(*),
          SUM(CASE WHEN countable THEN quantity END),
          SUM(CASE WHEN quantity IS NULL THEN 1 ELSE 0 END)
        FROM ({inner}) AS deliveries
        GROUP BY {group}
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    value_field = MonthlySummary._meta.get_field("value_delivered_in_month")
    for *key, month, value, units, deliveries, delivery_units, without_quantity in rows:
        if isinstance(month, str):
            month = datetime.date.fromisoformat(month[:10])
        elif isinstance(month, datetime.datetime):
            month = month.date()
        if value is not None:
            value = value_field.to_python(value if isinstance(value, Decimal) else repr(value))
        yield *key, month, value, _int(units), deliveries, _int(delivery_units), without_quantity


def _int(value):
    return None if value is None else int(value)


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
    """Let one refresh run at a time: the sums of lags are re-added from rows another refresh may be rewriting.

    A transaction-level advisory lock on PostgreSQL; SQLite runs one writing transaction at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SUMMARY_LOCK])


def rebuild():
    """Recompute every cell and lag count. Returns the number of monthly cells."""
    with transaction.atomic(), _published_only():
        _lock()
        counts = {}
        for model in CELLS:
            model.objects.all().delete()
            cells = _compute(model, None)
            model.objects.bulk_create(cells, batch_size=2000)
            counts[model] = len(cells)
        lags.rebuild()
        summary_cache.bump()
    _pending().clear()
    return counts[MonthlySummary]


def refresh(keys):
    """Recompute the cells of these (donor_id, category_id, month) keys only, and the lag counts of their pairs."""
    keys = {key for key in keys if None not in key}
    if not keys:
        return 0
    with transaction.atomic(), _published_only():
        _lock()
        for model in CELLS:
            model.objects.filter(_in_cells(keys)).delete()
            model.objects.bulk_create(_compute(model, keys), batch_size=2000)
        lags.refresh({key[:2] for key in keys})
        summary_cache.bump()
    return len(keys)


def snapshot(release):
    """Keep a copy of the live cells and of the lag counts the pages read, as of `release` (releases.cut).

    Copied by INSERT … SELECT, so the values never pass through Python (SQLite's decimals would round).
    """
    flush_pending()
    for model in (MonthlySummary, MeetingSummary, lags.LagCount):
        fields = [field for field in model._meta.concrete_fields if field.name not in ("id", "release")]
        live = model.objects.order_by()
        if model is lags.LagCount:  # the pages read the sums, never the pairs
            live = live.filter(scope__in=lags.SUMS)
        select = live.annotate(copy_of=Value(release.pk)).values_list("copy_of", *[field.attname for field in fields])
        sql, params = select.query.sql_with_params()
        columns = ", ".join(connection.ops.quote_name(name) for name in ["release_id", *(f.column for f in fields)])
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) {sql}", params)
    summary_cache.bump()


# --- Incremental upkeep -------------------------------------------------------------------------

_state = threading.local()


def _pending():
    if not hasattr(_state, "pairs"):
        _state.pairs = set()
    return _state.pairs


def mark(keys):
    """Note (donor_id, category_id, month) cells to recompute once the transaction commits."""
    pending = _pending()
    was_empty = not pending
    pending.update(keys)
    if was_empty and pending:
        transaction.on_commit(flush_pending)


def flush_pending():
    """Recompute the cells marked since the last flush; no query when nothing is pending.

    Runs after each commit that changed the record, and again before a page reads the summaries, so
    a page read inside a transaction that changed the record (as in tests) sees the change too.
    """
    pending = _pending()
    if not pending:
        return
    keys = set(pending)
    pending.clear()
    refresh(keys)


def _connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_save

    from .models import (
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

    def _cells_of(**filters):
        """The (donor_id, category_id, month) cells these line items count in: their pledge's month, their
        deliveries' months. Two queries."""
        items = LineItem.objects.filter(**filters)
        pledged = items.values_list("pledge__donor_id", "category_id", "pledge__date")
        delivered = Delivery.objects.filter(line_item__in=items.values("pk")).values_list(
            "line_item__pledge__donor_id", "line_item__category_id", "date"
        )
        return {(donor_id, category_id, _month(day)) for donor_id, category_id, day in chain(pledged, delivered)}

    @receiver(pre_save, sender=Pledge, weak=False)
    def pledge_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_cells_of(pledge_id=instance.pk))

    @receiver(post_save, sender=Pledge, weak=False)
    def pledge_after(sender, instance, raw=False, **kwargs):
        mark(_cells_of(pledge_id=instance.pk))

    @receiver(pre_save, sender=LineItem, weak=False)
    def line_item_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_cells_of(pk=instance.pk))

    @receiver(post_save, sender=LineItem, weak=False)
    def line_item_after(sender, instance, **kwargs):
        mark(_cells_of(pk=instance.pk))

    @receiver(post_delete, sender=LineItem, weak=False)
    def line_item_deleted(sender, instance, **kwargs):
        pledge = Pledge.objects.filter(pk=instance.pledge_id).values_list("donor_id", "date").first()
        if pledge:  # deleted with its pledge: no cell counts it any more (its deliveries marked theirs)
            mark({(pledge[0], instance.category_id, _month(pledge[1]))})

    @receiver(pre_save, sender=Delivery, weak=False)
    def delivery_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_cells_of(deliveries__pk=instance.pk))

    @receiver(post_save, sender=Delivery, weak=False)
    def delivery_after(sender, instance, **kwargs):
        mark(_cells_of(pk=instance.line_item_id))

    @receiver(post_delete, sender=Delivery, weak=False)
    def delivery_deleted(sender, instance, **kwargs):
        cells = _cells_of(pk=instance.line_item_id)  # its line item's other months: their values move up
        mark(cells | {(donor_id, category_id, _month(instance.date)) for donor_id, category_id, _ in cells})

    # what pages read beside the figures (names, slugs, sources, quotes, datasets): a change is a new version too
    citations = (MeetingCitation, PledgeCitation, LineItemCitation, DeliveryCitation)
    for model in (Donor, Category, System, SystemAlias, Meeting, Source, Dataset, *citations):
        post_save.connect(_changed, sender=model, weak=False)
        post_delete.connect(_changed, sender=model, weak=False)


def _changed(sender, using, **kwargs):
    summary_cache.bump(using)


# --- What every page shows in its footer and banner ---------------------------------------------


def record_status():
    """When the public record last changed, and whether it holds synthetic data: one query."""
    from .models import Pledge, Source
    from .synthetic import SYNTHETIC_MARKER

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
