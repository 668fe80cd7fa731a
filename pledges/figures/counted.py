"""Each delivery of AidTracker's public record as the summaries count it: one CountedDelivery row apiece.

A delivery's share of its line item's value depends on the units the line item received before it,
so adding up one month of one (donor, category) pair's deliveries live means reading every delivery
of their line items, through joins that select the pair: about half a second per kind of cell for
the busiest pair of a million line items. A CountedDelivery row keeps what one delivery counts for
(its value share, its units, its lag) beside the keys of the cells it counts in, so that:

- a cell's delivered figures are a grouped read of its own rows, through the (donor, category,
  month) index (upkeep.py);
- an edit rewrites the rows of the line items it touched only (`replace`), and the lag counts change
  by the difference between their old and new rows (lags.change), whatever the size of the pair;
- the latest deliveries of a donor, category, meeting or system are the first rows of its (key, date) index
  (reads.deliveries_latest_first), where the live ones are a sort of all its deliveries.

Rows are written here only, with the summary cells, under their lock: `replace()` after each edit,
`rebuild()` for everything.
"""

from collections import Counter

from django.db import connections, models
from django.db.models import Case, Count, F, Q, Sum, Value, When, Window
from django.db.models.expressions import RowRange
from django.db.models.functions import TruncMonth

from .. import dates
from ..models import Delivery
from ..querysets import DaysBetween
from .models import CountedDelivery
from .sql import insert_select

BATCH = 5_000  # line item ids per statement when an edit touched many


def _select(line_item_ids):
    """The SQL and parameters of the CountedDelivery rows (COLUMNS, in order) of the public deliveries of these
    line items (all when None).

    The units a line item received before each delivery come from a window function, so every
    delivery is read once; the value share is computed around it in SQL, with the same arithmetic on
    both engines (SQLite's decimals are floating point: cast, or it would divide whole numbers). Rows
    come in cell order, so that after a rebuild the rows of a cell are stored side by side.
    """
    deliveries = Delivery.objects.public().editorial()
    if line_item_ids is not None:
        deliveries = deliveries.filter(line_item_id__in=line_item_ids)
    bound = dates.DatePrecision.ON_OR_BEFORE  # a date that is only a bound: the lag is unknown
    unknown_lag = Q(date_precision=bound) | Q(line_item__pledge__date_precision=bound)
    inner = (
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
            delivery_ref=F("pk"),
            delivery_date=F("date"),
            item_ref=F("line_item_id"),
            donor_ref=F("line_item__pledge__donor_id"),
            category_ref=F("line_item__category_id"),
            meeting_ref=F("line_item__pledge__meeting_id"),
            system_ref=F("line_item__system_id"),
            month_start=TruncMonth("date"),
            pledged=F("line_item__quantity"),
            pledged_value=F("line_item__value_eur"),
            countable=F("line_item__category__is_countable"),
            item_status=F("line_item__status"),
            lag=Case(
                When(unknown_lag, then=Value(None)),
                default=DaysBetween("line_item__pledge__date", "date"),
                output_field=models.IntegerField(),
            ),
        )
    )
    sql, params = inner.query.sql_with_params()
    connection = connections[inner.db]
    real = "CAST(pledged_value AS REAL)" if connection.vendor == "sqlite" else "pledged_value"
    least = "MIN" if connection.vendor == "sqlite" else "LEAST"
    before = "COALESCE(units_before, 0)"
    kept = "item_status <> 'cancelled'"
    return (
        f"""
        SELECT delivery_ref, delivery_date, item_ref, donor_ref, category_ref, meeting_ref, system_ref, month_start,
          CASE WHEN {kept} AND quantity IS NOT NULL AND pledged IS NOT NULL AND pledged_value IS NOT NULL
            THEN {real} * ({least}({before} + quantity, pledged) - {least}({before}, pledged)) / pledged END,
          CASE WHEN {kept} AND countable AND quantity IS NOT NULL THEN quantity END,
          CASE WHEN countable THEN quantity END,
          quantity IS NULL,
          lag
        FROM ({sql}) AS deliveries
        ORDER BY donor_ref, category_ref, month_start
        """,
        params,
    )


COLUMNS = [
    "delivery",
    "date",
    "line_item",
    "donor",
    "category",
    "meeting",
    "system",
    "month",
    "value",
    "units",
    "countable_units",
    "quantity_unknown",
    "lag_days",
]


def _insert(line_item_ids=None):
    insert_select(CountedDelivery, COLUMNS, *_select(line_item_ids))


def rebuild():
    """Recompute every row from the record."""
    CountedDelivery.objects.all().delete()
    _insert()


def lag_counts(rows):
    """{(donor_id, category_id, meeting_id, lag_days): deliveries} of these rows whose lag is known: one query."""
    grouped = rows.filter(lag_days__isnull=False).order_by().values_list("donor", "category", "meeting", "lag_days")
    return Counter({tuple(key): n for *key, n in grouped.annotate(n=Count("pk"))})


def replace(line_item_ids):
    """Rewrite the rows of these line items' deliveries from the record (none for a line item deleted or not
    public). Returns how the lag counts changed, as lag_counts() gives them: new minus old."""
    ids = sorted(line_item_ids)
    changes = Counter()
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        rows = CountedDelivery.objects.filter(line_item_id__in=batch)
        changes.subtract(lag_counts(rows))
        rows.delete()
        _insert(batch)
        changes.update(lag_counts(rows))
    return changes
