"""Monthly donor × category summaries the dashboards read instead of aggregating every line item live.

One MonthlySummary row (a cell) per donor, category and month holds, for AidTracker's public
record (LineItem.objects.public().editorial(), so whatever public() comes to mean carries over):

- the figures of `_totals_aggregates()` over the line items pledged that month, and
- the value and units delivered that month (by delivery date), computed exactly as
  `monthly_pledged_and_delivered()` does.

Adding cells up gives what the live aggregates give (tests/test_summaries.py checks it on both
engines). Cells are kept current incrementally: saving or deleting a pledge, line item or delivery
marks its (donor, category) pairs; once the transaction commits, only the cells of those pairs are
recomputed (`flush_pending`). `rebuild()` (the `rebuild_summaries` command) recomputes every cell,
for bulk loads that bypass model signals.
"""

import contextlib
import datetime
import threading
from decimal import Decimal

from django.db import connections, models, transaction
from django.db.models import F, Q, Sum, Value, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import Coalesce, TruncMonth
from django.dispatch import receiver
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from . import querysets
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
}


class SummaryQuerySet(models.QuerySet):
    """The same entry points as LineItemQuerySet's dashboards use, read from summary cells."""

    def totals(self):
        """The figures of LineItemQuerySet.totals() over these cells: one query."""
        return self.order_by().aggregate(**_summed())

    def totals_by(self, *fields):
        """LineItemQuerySet.totals_by() with the same field names (pledge__donor__name…): one query."""
        return self.order_by().values(**{name: F(FIELD_NAMES[name]) for name in fields}).annotate(**_summed())

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


def _money(**kwargs):
    return models.DecimalField(max_digits=24, decimal_places=2, null=True, **kwargs)


class MonthlySummary(models.Model):
    """One cell of the dashboards' summary: a donor's line items of one category in one month (see above).

    Pledged figures count the line items whose pledge is dated that month; the `*_in_month` figures
    the deliveries dated that month. Maintained by this module, never edited.
    """

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

    objects = SummaryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "monthly summaries"
        constraints = [
            models.UniqueConstraint(fields=["donor", "category", "month"], name="monthlysummary_cell_unique"),
        ]

    def __str__(self):
        return f"{self.donor_id}/{self.category_id}/{self.month:%Y-%m}"


def _summed():
    sums = {name: Coalesce(Sum(name), 0) for name in COUNT_FIELDS}
    sums.update({name: Sum(name) for name in VALUE_FIELDS + UNIT_FIELDS})
    return sums


def _line_items():
    from .models import LineItem

    return LineItem.objects.public().editorial()


def _compute(pairs=None):
    """The cells for these (donor_id, category_id) pairs (all of them when None), as unsaved rows."""
    from .models import MonthlySummary

    items = _line_items()
    if pairs is not None:
        condition = Q(pk__in=[])
        by_donor = {}
        for donor_id, category_id in pairs:
            by_donor.setdefault(donor_id, set()).add(category_id)
        for donor_id, category_ids in by_donor.items():
            condition |= Q(pledge__donor_id=donor_id, category_id__in=sorted(category_ids))
        items = items.filter(condition)
    cells = {}

    def cell(donor_id, category_id, month):
        key = (donor_id, category_id, month)
        if key not in cells:
            cells[key] = MonthlySummary(donor_id=donor_id, category_id=category_id, month=month)
        return cells[key]

    pledged = (
        items.order_by()
        .values(donor=F("pledge__donor_id"), category_ref=F("category_id"), pledged_month=TruncMonth("pledge__date"))
        .annotate(**_totals_aggregates())
    )
    for row in pledged:
        target = cell(row.pop("donor"), row.pop("category_ref"), row.pop("pledged_month"))
        for name, value in row.items():
            setattr(target, name, value if value is not None or name not in COUNT_FIELDS else 0)

    for donor_id, category_id, month, value, units in _delivered_by_month(items):
        target = cell(donor_id, category_id, month)
        target.value_delivered_in_month = value
        target.units_delivered_in_month = units
    return list(cells.values())


def _delivered_by_month(items):
    """(donor_id, category_id, month, value, units) delivered per delivery month: one query.

    As monthly_pledged_and_delivered() counts them (public deliveries of these line items, cancelled
    line items left out, each delivery worth its share of units newly covered, capped at the pledged
    quantity), but with the units delivered before each delivery from a window function instead of
    one correlated subquery per delivery, so a full rebuild stays a single pass over the deliveries.
    """
    from .models import Delivery

    deliveries = (
        Delivery.objects.public()
        .order_by()
        .filter(line_item__in=items.order_by().values("pk"))
        .exclude(line_item__status="cancelled")
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
            month_start=TruncMonth("date"),
            pledged=F("line_item__quantity"),
            pledged_value=F("line_item__value_eur"),
            countable=F("line_item__category__is_countable"),
        )
    )
    inner, params = deliveries.query.sql_with_params()
    connection = connections[deliveries.db]
    real = "CAST(pledged_value AS REAL)" if connection.vendor == "sqlite" else "pledged_value"
    least = "MIN" if connection.vendor == "sqlite" else "LEAST"
    before = "COALESCE(units_before, 0)"
    sql = f"""
        SELECT donor_ref, category_ref, month_start,
          SUM(CASE WHEN quantity IS NOT NULL AND pledged IS NOT NULL AND pledged_value IS NOT NULL
              THEN {real} * ({least}({before} + quantity, pledged) - {least}({before}, pledged)) / pledged END),
          SUM(CASE WHEN countable AND quantity IS NOT NULL THEN quantity END)
        FROM ({inner}) AS deliveries
        GROUP BY donor_ref, category_ref, month_start
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    value_field = MonthlySummary._meta.get_field("value_delivered_in_month")
    for donor_id, category_id, month, value, units in rows:
        if isinstance(month, str):
            month = datetime.date.fromisoformat(month[:10])
        elif isinstance(month, datetime.datetime):
            month = month.date()
        if value is not None:
            value = value_field.to_python(value if isinstance(value, Decimal) else repr(value))
        yield donor_id, category_id, month, value, None if units is None else int(units)


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


def rebuild():
    """Recompute every cell: one delete, two grouped queries, one bulk insert. Returns the number of cells."""
    from .models import MonthlySummary

    with transaction.atomic(), _published_only():
        MonthlySummary.objects.all().delete()
        cells = _compute()
        MonthlySummary.objects.bulk_create(cells, batch_size=2000)
    _pending().clear()
    return len(cells)


def refresh(pairs):
    """Recompute the cells of these (donor_id, category_id) pairs only."""
    from .models import MonthlySummary

    pairs = {pair for pair in pairs if None not in pair}
    if not pairs:
        return 0
    with transaction.atomic(), _published_only():
        condition = Q(pk__in=[])
        for donor_id, category_id in pairs:
            condition |= Q(donor_id=donor_id, category_id=category_id)
        MonthlySummary.objects.filter(condition).delete()
        cells = _compute(pairs)
        MonthlySummary.objects.bulk_create(cells, batch_size=2000)
    return len(cells)


# --- Incremental upkeep -------------------------------------------------------------------------

_state = threading.local()


def _pending():
    if not hasattr(_state, "pairs"):
        _state.pairs = set()
    return _state.pairs


def mark(pairs):
    """Note (donor_id, category_id) pairs whose cells must be recomputed once the transaction commits."""
    pending = _pending()
    was_empty = not pending
    pending.update(pairs)
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
    pairs = set(pending)
    pending.clear()
    refresh(pairs)


def _connect_signals():
    from django.db.models.signals import post_delete, post_save, pre_save

    from .models import Delivery, LineItem, Pledge

    def _item_pairs(**filters):
        return set(LineItem.objects.filter(**filters).values_list("pledge__donor_id", "category_id"))

    @receiver(pre_save, sender=Pledge, weak=False)
    def pledge_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_item_pairs(pledge_id=instance.pk))

    @receiver(post_save, sender=Pledge, weak=False)
    def pledge_after(sender, instance, raw=False, **kwargs):
        mark({(instance.donor_id, category_id) for _, category_id in _item_pairs(pledge_id=instance.pk)})

    @receiver(pre_save, sender=LineItem, weak=False)
    def line_item_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_item_pairs(pk=instance.pk))

    @receiver(post_save, sender=LineItem, weak=False)
    @receiver(post_delete, sender=LineItem, weak=False)
    def line_item_after(sender, instance, **kwargs):
        donor_id = Pledge.objects.filter(pk=instance.pledge_id).values_list("donor_id", flat=True).first()
        mark({(donor_id, instance.category_id)})

    @receiver(pre_save, sender=Delivery, weak=False)
    def delivery_before(sender, instance, raw=False, **kwargs):
        if instance.pk and not raw:
            mark(_item_pairs(deliveries__pk=instance.pk))

    @receiver(post_save, sender=Delivery, weak=False)
    @receiver(post_delete, sender=Delivery, weak=False)
    def delivery_after(sender, instance, **kwargs):
        mark(_item_pairs(pk=instance.line_item_id))


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
