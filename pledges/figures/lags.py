"""Lag counts: how many deliveries arrived how many days after their pledge, per slice of the record.

Percentiles do not add up; counts do. LagCount rows hold, for AidTracker's public record, the number
of deliveries whose lag is known (DeliveryQuerySet.with_known_lag) for each lag in days, per donor,
per category, per pair of them (the filtered pages: a donor's lags by category, a category's by donor), per
meeting and in all. They are counted from the CountedDelivery rows
(pledges/figures/counted.py): a rebuild groups them all; after an edit, the counts change by the
difference between the old and new rows of the line items it touched, at the lags that changed only.

percentiles() reads one scope and gives what DeliveryQuerySet.lag_percentiles() computes live: the
same linear interpolation between the same ranked lags (tests/test_summaries.py checks it on both engines).
"""

from collections import Counter
from decimal import Decimal

from django.db import connections, models
from django.db.models import Count, F, Value

from . import cache
from .models import CountedDelivery, LagCount
from .sql import insert_select

Scope = LagCount.Scope
# each scope and the keys it counts by (none: every delivery in one)
KEYS = {
    Scope.DONOR: ("donor",),
    Scope.CATEGORY: ("category",),
    Scope.PAIR: ("donor", "category"),
    Scope.MEETING: ("meeting",),
    Scope.ALL: (),
}
# where each key sits in the keys of counted.lag_counts()
_POSITION = {"donor": 0, "category": 1, "meeting": 2}


def rebuild():
    """Recount every scope from the CountedDelivery rows: one INSERT … SELECT each."""
    LagCount.objects.all().delete()
    known = CountedDelivery.objects.filter(lag_days__isnull=False).order_by()
    for scope, keys in KEYS.items():
        counted = (
            known.filter(**{f"{key}__isnull": False for key in keys})
            .values(*keys, "lag_days")
            .annotate(n=Count("pk"), of=Value(scope))
            .values_list("of", *keys, "lag_days", "n")
        )
        insert_select(LagCount, ["scope", *keys, "lag_days", "deliveries"], *counted.query.sql_with_params())


def change(counts):
    """Change every scope's counts by `counts`, {(donor_id, category_id, meeting_id, lag_days): deliveries} as
    counted.lag_counts() gives them: two queries and the writes per scope whose counts moved."""
    for scope, keys in KEYS.items():
        changes = Counter()
        for (*ids, lag), n in counts.items():
            value = tuple(ids[_POSITION[key]] for key in keys)
            if n and None not in value:
                changes[value, lag] += n
        _change(scope, keys, {at: n for at, n in changes.items() if n})


def _change(scope, keys, changes):
    """Add `changes` {(key ids, lag_days): deliveries} to the rows of a scope: two queries and the writes."""
    if not changes:
        return
    current = LagCount.objects.filter(scope=scope, lag_days__in={lag for _, lag in changes})
    for at, key in enumerate(keys):
        current = current.filter(**{f"{key}__in": {ids[at] for ids, _ in changes}})
    existing = {(tuple(getattr(row, f"{key}_id") for key in keys), row.lag_days): row for row in current}
    replaced, rows = [], []
    for (ids, lag), change in changes.items():
        row = existing.get((ids, lag))
        total = (row.deliveries if row else 0) + change
        if row:
            replaced.append(row.pk)
        if total:
            rows.append(
                LagCount(
                    scope=scope,
                    lag_days=lag,
                    deliveries=total,
                    **{f"{key}_id": id for key, id in zip(keys, ids, strict=True)},
                )
            )
    LagCount.objects.filter(pk__in=replaced).delete()
    LagCount.objects.bulk_create(rows, batch_size=2000)


# The interpolation of DeliveryQuerySet.lag_percentiles (see querysets._PERCENTILE), over counts: for
# n lags and percentile p the position is h = (n - 1) * p / 100, with whole part lo and fraction
# ((n - 1) * p - 100 * lo) / 100; rank r holds the lag of the row where before <= r < upto.
_AT = "CASE WHEN {rank} >= upto - deliveries AND {rank} < upto THEN lag_days * ({weight}) ELSE 0 END"
_LO = "(((n - 1) * {p}) / 100)"
_FRACTION = "((n - 1) * {p} - 100 * " + _LO + ")"
_PERCENTILE = (
    "SUM("
    + _AT.format(rank=_LO, weight="100 - " + _FRACTION)
    + " + "
    + _AT.format(rank=_LO + " + 1", weight=_FRACTION)
    + ") / 100.0"
)
_PERCENTILES_SQL = """
WITH counts AS ({inner}),
ranked AS (
  SELECT grp, lag_days, deliveries,
         CAST(SUM(deliveries) OVER (PARTITION BY grp ORDER BY lag_days
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS upto,
         CAST(SUM(deliveries) OVER (PARTITION BY grp) AS BIGINT) AS n
  FROM counts
)
SELECT grp, MAX(n), {p50}, {p90} FROM ranked GROUP BY grp
"""


def _fetch(using, sql, params):
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def percentiles(scope, by=None, release=None, page_version=None, **filters):
    """Median and 90th-percentile lag per value of `by` ("donor", "category", "meeting"), from one scope's counts.

    The same {group: {"deliveries", "median_days", "p90_days"}} as DeliveryQuerySet.lag_percentiles();
    the group is None without `by`. With `release`, the counts as that release keeps them. One query, kept in
    the cache (under `page_version`, if the page looked the version up: cache.read).
    """
    counts = (LagCount.objects.as_of(release) if release else LagCount.objects).filter(scope=scope, **filters)
    grp = F(f"{by}_id") if by else models.Value(None, output_field=models.IntegerField())
    return _percentiles(counts.order_by().annotate(grp=grp).values_list("grp", "lag_days", "deliveries"), page_version)


def counted_percentiles(by=None, page_version=None, **filters):
    """Median and 90th-percentile lag per value of `by`, as percentiles() gives them, from the counted deliveries
    `filters` select (on their keys: system=…, meeting__slug__in=…): for the slices the lag counts do not keep, a
    system's, or a meeting's by donor or category. A system's or a meeting's rows are an index read (about 6,500
    for the system with the most line items at 1M, 30 ms against 150 ms for the same live). One query."""
    grp = F(f"{by}_id") if by else models.Value(None, output_field=models.IntegerField())
    counts = (
        CountedDelivery.objects.filter(lag_days__isnull=False, **filters)
        .order_by()
        .annotate(grp=grp)
        .values("grp", "lag_days")
        .annotate(deliveries=Count("pk"))
        .values_list("grp", "lag_days", "deliveries")
    )
    return _percentiles(counts, page_version)


def _percentiles(counts, page_version):
    """The percentiles of `counts`, (grp, lag_days, deliveries) rows, from the cache until the record changes (under
    `page_version`, if the page looked the version up: cache.read)."""
    inner, params = counts.query.sql_with_params()
    sql = _PERCENTILES_SQL.format(
        # one row per group and lag: the rows of several donors or categories added up before they are ranked
        inner=f"SELECT grp, lag_days, SUM(deliveries) AS deliveries FROM ({inner}) AS raw GROUP BY grp, lag_days",
        p50=_PERCENTILE.format(p=50),
        p90=_PERCENTILE.format(p=90),
    )
    key = ("percentiles", sql, params)
    rows = cache.read(counts.db, key, lambda: _fetch(counts.db, sql, params), page_version=page_version)
    return {
        group: {"deliveries": int(n), "median_days": Decimal(str(median)), "p90_days": Decimal(str(p90))}
        for group, n, median, p90 in rows
    }
