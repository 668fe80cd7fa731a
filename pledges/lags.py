"""Lag counts: how many deliveries arrived how many days after their pledge, per slice of the record.

Percentiles do not add up; counts do. LagCount rows hold, for AidTracker's public record, the number
of deliveries whose lag is known (DeliveryQuerySet.with_known_lag) for each lag in days, at six scopes:

- "pair": one donor's deliveries in one category; "pair_meeting": the same, of pledges made at one
  meeting. These are recomputed from the deliveries of the (donor, category) pairs an edit touched,
  with the monthly cells (summaries.refresh).
- "donor", "category", "meeting" and "all": sums of pair rows. A rebuild adds them up; a refresh
  changes them by the difference between the pairs' old and new rows, at the lags that changed only.

percentiles() reads one scope and gives what DeliveryQuerySet.lag_percentiles() computes live: the
same linear interpolation between the same ranked lags (tests/test_lags.py checks it on both engines).
"""

from collections import Counter
from decimal import Decimal

from django.db import connections, models
from django.db.models import Count, F, Q, Sum

from . import summary_cache


class LiveManager(models.Manager):
    """The live rows (release None); `as_of(release)` the copies a release keeps. Summary cells use it too."""

    def get_queryset(self):
        return super().get_queryset().filter(release__isnull=True)

    def as_of(self, release):
        return super().get_queryset().filter(release=release)


class LagCount(models.Model):
    """How many deliveries of one slice of the record (see `scope`) arrived `lag_days` after their pledge."""

    class Scope(models.TextChoices):
        PAIR = "pair", "a donor's deliveries in a category"
        PAIR_MEETING = "pair_meeting", "the same, of pledges made at a meeting"
        DONOR = "donor", "a donor's deliveries"
        CATEGORY = "category", "a category's deliveries"
        MEETING = "meeting", "the deliveries of pledges made at a meeting"
        ALL = "all", "every delivery"

    # None for the live counts; a release's copy of the summed scopes otherwise (summaries.snapshot)
    release = models.ForeignKey("pledges.Release", null=True, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=12, choices=Scope.choices)
    donor = models.ForeignKey("pledges.Donor", null=True, on_delete=models.CASCADE, related_name="+")
    category = models.ForeignKey("pledges.Category", null=True, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey("pledges.Meeting", null=True, on_delete=models.CASCADE, related_name="+")
    lag_days = models.IntegerField()
    deliveries = models.PositiveIntegerField()

    objects = LiveManager()

    class Meta:
        indexes = [
            models.Index(fields=["release", "scope"], name="lagcount_release"),
            models.Index(fields=["scope", "donor", "category"], name="lagcount_donor"),
            models.Index(fields=["scope", "category"], name="lagcount_category"),
            models.Index(fields=["scope", "meeting"], name="lagcount_meeting"),
        ]

    def __str__(self):
        keys = f"{self.donor_id}/{self.category_id}/{self.meeting_id}"
        return f"{self.scope} {keys}: {self.deliveries} at {self.lag_days} days"


Scope = LagCount.Scope
# each summed scope: the scope it adds up, and the field it keeps (None: everything in one)
SUMS = {
    Scope.DONOR: (Scope.PAIR, "donor"),
    Scope.CATEGORY: (Scope.PAIR, "category"),
    Scope.MEETING: (Scope.PAIR_MEETING, "meeting"),
    Scope.ALL: (Scope.DONOR, None),
}


def pair_condition(pairs, donor="donor_id", category="category_id"):
    """Q for rows of these (donor_id, category_id) pairs; everything when `pairs` is None."""
    if pairs is None:
        return Q()
    by_donor = {}
    for donor_id, category_id in pairs:
        by_donor.setdefault(donor_id, set()).add(category_id)
    condition = Q(pk__in=[])
    for donor_id, category_ids in by_donor.items():
        condition |= Q(**{donor: donor_id, f"{category}__in": sorted(category_ids)})
    return condition


def _pair_counts(pairs):
    """Unsaved "pair" and "pair_meeting" rows for these pairs (all when None): two grouped queries."""
    from .models import Delivery

    deliveries = (
        Delivery.objects.public()
        .editorial()
        .with_known_lag()
        .filter(pair_condition(pairs, "line_item__pledge__donor_id", "line_item__category_id"))
        .with_lag()
        .order_by()
    )
    keys = {"donor_id": F("line_item__pledge__donor_id"), "category_id": F("line_item__category_id")}
    rows = [
        LagCount(scope=Scope.PAIR, **row)
        for row in deliveries.values("lag_days", **keys).annotate(deliveries=Count("pk"))
    ]
    at_meetings = deliveries.filter(line_item__pledge__meeting__isnull=False).values(
        "lag_days", **keys, meeting_id=F("line_item__pledge__meeting_id")
    )
    rows += [LagCount(scope=Scope.PAIR_MEETING, **row) for row in at_meetings.annotate(deliveries=Count("pk"))]
    return rows


def _add_up(scope, keys=None):
    """Recompute the rows of a summed scope for these keys (all when None) from the rows it adds up."""
    source, field = SUMS[scope]
    targets = LagCount.objects.filter(scope=scope)
    parts = LagCount.objects.filter(scope=source)
    if keys is not None and field:
        targets = targets.filter(**{f"{field}__in": keys})
        parts = parts.filter(**{f"{field}__in": keys})
    targets.delete()
    group = [f"{field}_id"] if field else []
    sums = parts.order_by().values(*group, "lag_days").annotate(total=Sum("deliveries"))
    LagCount.objects.bulk_create(
        [LagCount(scope=scope, deliveries=row.pop("total"), **row) for row in sums.values(*group, "lag_days", "total")],
        batch_size=2000,
    )


def rebuild():
    """Recompute every lag count from the deliveries."""
    LagCount.objects.all().delete()
    LagCount.objects.bulk_create(_pair_counts(None), batch_size=2000)
    for scope in SUMS:
        _add_up(scope)


def refresh(pairs):
    """Recompute the counts of these (donor_id, category_id) pairs, then change the sums they are part of by as much."""
    of_pairs = LagCount.objects.filter(scope__in=[Scope.PAIR, Scope.PAIR_MEETING]).filter(pair_condition(pairs))
    old = list(of_pairs)
    of_pairs.delete()
    new = _pair_counts(pairs)
    LagCount.objects.bulk_create(new, batch_size=2000)
    changes = Counter()
    for rows, sign in ((old, -1), (new, 1)):
        for row in rows:
            for scope, field in _counted_in(row.scope):
                changes[scope, getattr(row, f"{field}_id") if field else None, row.lag_days] += sign * row.deliveries
    for scope, (_, field) in SUMS.items():
        _change(scope, field, {(key, lag): n for (of, key, lag), n in changes.items() if of == scope and n})


def _counted_in(pair_scope):
    """The summed scopes a pair row counts in, with the field each keeps ("all" adds up the donors: every pair)."""
    return [
        (scope, field)
        for scope, (source, field) in SUMS.items()
        if (Scope.PAIR if source == Scope.DONOR else source) == pair_scope
    ]


def _change(scope, field, changes):
    """Add `changes` {(key, lag_days): deliveries} to the rows of a summed scope: two queries and the writes."""
    if not changes:
        return
    current = LagCount.objects.filter(scope=scope, lag_days__in={lag for _, lag in changes})
    if field:
        current = current.filter(**{f"{field}__in": {key for key, _ in changes}})
    existing = {(getattr(row, f"{field}_id") if field else None, row.lag_days): row for row in current}
    replaced, rows = [], []
    for (key, lag), change in changes.items():
        row = existing.get((key, lag))
        total = (row.deliveries if row else 0) + change
        if row:
            replaced.append(row.pk)
        if total:
            rows.append(
                LagCount(scope=scope, lag_days=lag, deliveries=total, **({f"{field}_id": key} if field else {}))
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


def percentiles(scope, by=None, release=None, **filters):
    """Median and 90th-percentile lag per value of `by` ("donor", "category", "meeting"), from one scope's counts.

    The same {group: {"deliveries", "median_days", "p90_days"}} as DeliveryQuerySet.lag_percentiles();
    the group is None without `by`. With `release`, the counts as that release keeps them. One query.
    """
    counts = (LagCount.objects.as_of(release) if release else LagCount.objects).filter(scope=scope, **filters)
    counts = counts.order_by()
    grp = F(f"{by}_id") if by else models.Value(None, output_field=models.IntegerField())
    inner, params = counts.annotate(grp=grp).values_list("grp", "lag_days", "deliveries").query.sql_with_params()
    sql = _PERCENTILES_SQL.format(
        inner=f"SELECT grp, lag_days, deliveries FROM ({inner}) AS raw_counts",
        p50=_PERCENTILE.format(p=50),
        p90=_PERCENTILE.format(p=90),
    )
    rows = summary_cache.read(counts.db, ("percentiles", sql, params), lambda: _fetch(counts.db, sql, params))
    return {
        group: {"deliveries": int(n), "median_days": Decimal(str(median)), "p90_days": Decimal(str(p90))}
        for group, n, median, p90 in rows
    }
