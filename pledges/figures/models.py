"""The figures' tables: summary cells, counted deliveries and lag counts, written by pledges/figures/upkeep.py only.

One MonthlySummary row (a cell) per donor, category and month holds, for AidTracker's public
record (LineItem.objects.public().editorial(), so whatever public() comes to mean carries over):

- the figures of `_totals_aggregates()` over the line items pledged that month, and
- the value and units delivered that month (by delivery date), computed exactly as
  `monthly_pledged_and_delivered()` does, and
- the deliveries dated that month, their units and how many gave none, as the deliveries page's
  `delivery_totals()` and `monthly_counts()` count them.

MeetingSummary holds the same cells per meeting, for the line items of pledges made at one,
SystemSummary per system, and LagCount the counts of delivery lags the percentiles are read from
(pledges/figures/lags.py). The delivered figures are added up from CountedDelivery rows
(pledges/figures/counted.py), one per delivery with what it counts for. Adding cells up gives what
the live aggregates give (tests/test_summaries.py checks it on both engines).

Each kind of cell also has one row per key without a month (`month` None): the sum of that key's month
cells, kept with them by the upkeep. Totals, and totals by donor, category, meeting or system, add these
up instead of every month: at 1M line items the overview adds ~840 rows instead of ~47,000, a category's
systems ~1,300 instead of ~150,000. Only the series by month read the month cells.
"""

from django.db import models
from django.db.models import F, Q, Sum, Value
from django.db.models.functions import Coalesce

from . import cache

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


class LiveManager(models.Manager):
    """The live rows (release None); `as_of(release)` the copies a release keeps. Summary cells use it too."""

    def get_queryset(self):
        return super().get_queryset().filter(release__isnull=True)

    def as_of(self, release):
        return super().get_queryset().filter(release=release)


class SummaryQuerySet(models.QuerySet):
    """The same entry points as LineItemQuerySet's dashboards use, read from summary cells.

    Every read is kept in the cache until the summaries change (pledges/figures/cache.py): a look-up
    of their version, then the query itself only if this version has not answered it yet. A page that
    looked the version up already says so with `under(page_version)`.
    """

    page_version = None

    def under(self, page_version):
        """These cells, read under the (database alias, token) a page looked up (cache.read): no look-up of theirs."""
        cells = self._chain()
        cells.page_version = page_version
        return cells

    def _clone(self):
        clone = super()._clone()
        clone.page_version = self.page_version
        return clone

    def totals(self):
        """The figures of LineItemQuerySet.totals() over these cells: one query."""
        cells = self._all_months().order_by()
        return cache.read_query(cells, "totals", lambda: cells.aggregate(**_summed()), self.page_version)

    def _fetch_all(self):
        if self._result_cache is None:
            shape = self._iterable_class.__name__
            self._result_cache = cache.read_query(
                self, shape, lambda: list(self._iterable_class(self)), self.page_version
            )
        super()._fetch_all()

    def totals_by(self, *fields):
        """LineItemQuerySet.totals_by() with the same field names (pledge__donor__name…): one query."""
        same = [name for name in fields if FIELD_NAMES[name] == name]  # category_id is category_id in both
        renamed = {name: F(FIELD_NAMES[name]) for name in fields if name not in same}
        return self._all_months().order_by().values(*same, **renamed).annotate(**_summed())

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
                self._by_month()
                .order_by()
                .filter(**{f"{column}__isnull": False})
                .values("month")
                .annotate(kind=Value(kind, output_field=models.CharField()), total=Sum(column))
                .values_list("month", "kind", "total")
            )
        return rows[0].union(rows[1], all=True)

    def delivery_totals(self):
        """DeliveryQuerySet.delivery_totals() of the deliveries these cells count: one query."""
        cells = self._all_months().order_by()
        return cache.read_query(
            cells, "delivery_totals", lambda: cells.aggregate(**_delivery_sums()), self.page_version
        )

    def monthly_counts(self):
        """DeliveryQuerySet.monthly_counts() of the deliveries these cells count: one query."""
        return (
            self._by_month()
            .order_by()
            .filter(deliveries_in_month__gt=0)
            .values("month")
            .annotate(**_delivery_sums())
            .order_by("month")
        )

    def _all_months(self):
        """The cells that add up all the months of their key (see the module's docstring)."""
        return self.filter(month__isnull=True)

    def _by_month(self):
        return self.filter(month__isnull=False)


# the live cells; `as_of(release)` the copies a release keeps (upkeep.snapshot)
SummaryManager = LiveManager.from_queryset(SummaryQuerySet)


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
    month = models.DateField(null=True)  # None: the sum of the key's months (see the module's docstring)
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

    @classmethod
    def holds(cls, name):
        """Whether these cells can be grouped by the line item field `name` (one of FIELD_NAMES, held by this kind)."""
        column = FIELD_NAMES.get(name)
        if column is None:
            return False
        field = column.split("__")[0].removesuffix("_id")
        return any(model_field.name == field for model_field in cls._meta.get_fields())

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
        indexes = [
            models.Index(fields=["release", "donor"], name="monthlysummary_release"),
            models.Index(fields=["release", "donor"], condition=Q(month=None), name="monthlysummary_all_months"),
        ]

    def __str__(self):
        return f"{self.donor_id}/{self.category_id}/{_month_label(self.month)}"


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
        indexes = [
            models.Index(fields=["release", "meeting"], name="meetingsummary_release"),
            models.Index(fields=["release", "meeting"], condition=Q(month=None), name="meetingsummary_all_months"),
        ]

    def __str__(self):
        return f"{self.meeting_id}/{self.donor_id}/{self.category_id}/{_month_label(self.month)}"


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
            models.Index(fields=["release", "category"], condition=Q(month=None), name="systemsummary_all_months"),
        ]

    def __str__(self):
        return f"{self.system_id}/{self.donor_id}/{self.category_id}/{_month_label(self.month)}"


# every kind of cell, each recomputed with the others
CELLS = (MonthlySummary, MeetingSummary, SystemSummary)


def _month_label(month):
    return "all months" if month is None else f"{month:%Y-%m}"


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


class CountedDelivery(models.Model):
    """One public delivery of AidTracker's record, with the figures the summary cells and lag counts add up.

    Its keys are its line item's donor, category, meeting and system and the month of the delivery. A
    figure is null where the summaries leave the delivery out of that sum.
    """

    # plain references, without a constraint: a row outlives its deleted delivery or line item until the
    # refresh after the commit reads it, to take its lag out of the counts
    line_item = models.ForeignKey(
        "pledges.LineItem", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    donor = models.ForeignKey(
        "pledges.Donor", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    category = models.ForeignKey(
        "pledges.Category", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    # a deleted meeting leaves its pledges, and so these rows, without one
    meeting = models.ForeignKey(
        "pledges.Meeting", null=True, on_delete=models.SET_NULL, db_constraint=False, db_index=False, related_name="+"
    )
    system = models.ForeignKey(
        "pledges.System",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    delivery = models.ForeignKey(
        "pledges.Delivery", on_delete=models.DO_NOTHING, db_constraint=False, db_index=False, related_name="+"
    )
    date = models.DateField()  # of the delivery
    month = models.DateField()  # of the delivery
    # its share of the line item's value: the value of the units it newly covers, capped at the quantity
    # pledged; null when either is unknown or the line item is cancelled
    value = models.DecimalField(max_digits=32, decimal_places=10, null=True)
    units = models.BigIntegerField(null=True)  # its units, of a countable line item not cancelled
    countable_units = models.BigIntegerField(null=True)  # its units, of a countable line item, cancelled or not
    quantity_unknown = models.BooleanField()
    lag_days = models.IntegerField(null=True)  # days after the pledge; null when either date is only a bound

    class Meta:
        indexes = [
            models.Index(fields=["donor", "category", "month"], name="counteddelivery_cell"),
            # a system's lag percentiles (lags.counted_percentiles): an index-only read of its rows, not a scan of all
            models.Index(fields=["system", "lag_days"], name="counteddelivery_system_lag"),
            # the latest deliveries of a donor, category, meeting or system (reads.deliveries_latest_first): the
            # first rows of an index, not a sort of all theirs
            *(
                models.Index(fields=[key, "-date", "-delivery"], name=f"counted_{key}_latest")
                for key in ("donor", "category", "meeting", "system")
            ),
        ]

    def __str__(self):
        return f"{self.line_item_id} in {self.month:%Y-%m}"


class LagCount(models.Model):
    """How many deliveries of one slice of the record (see `scope`) arrived `lag_days` after their pledge."""

    class Scope(models.TextChoices):
        DONOR = "donor", "a donor's deliveries"
        CATEGORY = "category", "a category's deliveries"
        PAIR = "pair", "a donor's deliveries of a category"
        MEETING = "meeting", "the deliveries of pledges made at a meeting"
        ALL = "all", "every delivery"

    # None for the live counts; a release's copy of them otherwise (summaries.snapshot)
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
            models.Index(fields=["scope", "donor"], name="lagcount_donor"),
            models.Index(fields=["scope", "category"], name="lagcount_category"),
            models.Index(fields=["scope", "meeting"], name="lagcount_meeting"),
        ]

    def __str__(self):
        keys = f"{self.donor_id}/{self.category_id}/{self.meeting_id}"
        return f"{self.scope} {keys}: {self.deliveries} at {self.lag_days} days"
