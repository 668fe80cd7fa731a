"""Querysets that say what they compute. Totals come from correlated subqueries so
that summing over two joins can never multiply rows."""

from decimal import Decimal

from django.apps import apps
from django.db import connections, models
from django.db.models import Count, F, Func, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Least, TruncMonth


def _model(name):
    """One of the app's models: pledges/models.py builds its managers from these querysets, so they look the models
    up when they run instead of importing them."""
    return apps.get_model("pledges", name)


def _line_item_total(field, outer, **filters):
    """Sum of a line item field for the row `outer` points at; None when no item has a figure."""
    LineItem = _model("LineItem")

    return Subquery(
        LineItem.objects.filter(**{outer: OuterRef("pk")}, **filters)
        .order_by()
        .values(outer)
        .annotate(total=Sum(field))
        .values("total")
    )


class TotalsQuerySet(models.QuerySet):
    """Pledged and delivered totals for donors, pledges and meetings; `line_item_path` leads from a line item here."""

    line_item_path = None

    def with_totals(self):
        path = self.line_item_path
        return self.annotate(
            value_eur=_line_item_total("value_eur", path),
            value_eur_delivered=_line_item_total("value_eur_delivered", path),
            units_pledged=_line_item_total("quantity", path, category__is_countable=True),
            units_delivered=_line_item_total("quantity_delivered", path, category__is_countable=True),
            # so that deliveries whose number is not stated read as such, not as 0 units
            deliveries_counted=_line_item_total("delivery_count", path, category__is_countable=True),
        )


# --- What the public pages read -------------------------------------------------------------------
#
# Every public page starts from one of the public() entry points below, so that hiding unpublished
# facts later (issue 5) is a change in one place per model rather than in every view.


def visible_states(preview):
    """The publication states a page shows: published facts, and drafts too in a staff member's preview (?preview=1,
    set on the request by pledges/review.py's middleware and passed down by the view). Retracted facts never show."""
    return ["published", "draft"] if preview else ["published"]


class Previewable:
    """A queryset that remembers whether public(preview=True) read it for a staff preview, so that the public reads
    it leads to (its line items' deliveries, their sources) show the same drafts."""

    preview = False

    def _clone(self):
        clone = super()._clone()
        clone.preview = self.preview
        return clone

    def _visible(self, preview, *fields):
        """The rows whose publication `fields` (this row's and its parents') are in a state visible in a preview or
        not, remembering which."""
        states = visible_states(preview)
        visible = self.filter(**{f"{field}__in": states for field in fields})
        visible.preview = preview
        return visible


def _exported(queryset, preview, *paths):
    """Rows whose fact and parents are all visible or retracted, with publication_state: retracted if any is."""
    states = [*visible_states(preview), "retracted"]
    retracted = Q()
    for path in paths:
        queryset = queryset.filter(**{f"{path}publication__in": states})
        retracted |= Q(**{f"{path}publication": "retracted"})
    state = models.Case(
        models.When(retracted, then=Value("retracted")),
        default=F("publication"),
        output_field=models.CharField(),
    )
    return queryset.annotate(publication_state=state)


NOT_CANCELLED = ~Q(status="cancelled")
COUNTABLE = Q(category__is_countable=True) & NOT_CANCELLED


def _totals_aggregates():
    """The pledged/delivered figures every page shows, as aggregates over line items.

    Cancelled line items are counted but left out of every sum. A delivered value is known only
    when the line item's value and pledged quantity are: `value_assessed` is the pledged value of
    the line items whose delivered value is known, the denominator of the delivery ratio.
    """
    known_delivered_value = Q(value_eur_delivered__isnull=False) & NOT_CANCELLED
    return {
        "line_items": Count("pk"),
        "cancelled": Count("pk", filter=~NOT_CANCELLED),
        "delivered_items": Count("pk", filter=Q(status="delivered")),
        "partially_delivered_items": Count("pk", filter=Q(status="partially_delivered")),
        "open_items": Count("pk", filter=Q(status__in=["announced", "committed"])),
        "without_quantity": Count("pk", filter=Q(quantity__isnull=True)),
        "without_value": Count("pk", filter=Q(value_eur__isnull=True)),
        "value_pledged": Sum("value_eur", filter=NOT_CANCELLED),
        "value_delivered": Sum("value_eur_delivered", filter=known_delivered_value),
        "value_assessed": Sum("value_eur", filter=known_delivered_value),
        "delivered_value_unknown": Count(
            "pk", filter=Q(value_eur__isnull=False, value_eur_delivered__isnull=True) & NOT_CANCELLED
        ),
        "units_pledged": Sum("quantity", filter=COUNTABLE),
        "units_delivered": Sum("quantity_delivered", filter=COUNTABLE),
        # delivered units set against a stated quantity: the numerator of the unit delivery ratio
        "units_delivered_of_stated": Sum("quantity_delivered", filter=COUNTABLE & Q(quantity__isnull=False)),
        "countable_without_quantity": Count("pk", filter=COUNTABLE & Q(quantity__isnull=True)),
    }


class LineItemPublicMixin(Previewable):
    def public(self, preview=False):
        """The line items public pages may show: published, in a published pledge (drafts too in a preview)."""
        return self._visible(preview, "publication", "pledge__publication")

    def exported(self, preview=False):
        """What the line item export lists: the public line items and the retracted ones.

        `publication_state` says which: retracted when the line item or its pledge is.
        """
        return _exported(self, preview, "", "pledge__")

    def editorial(self):
        """AidTracker's own record: line items whose pledge was not imported from a tracker (Kiel, SIPRI, Oryx).

        The unfiltered pages count this, as the filtered ones do by default (filters.RecordFilterSet):
        the trackers overlap with the record and with each other, so adding them up double-counts.
        """
        return self.filter(pledge__dataset__isnull=True)

    def for_public_list(self):
        """Line items with what a table row shows and links: one query, plus two for the sources."""
        LineItemCitation = _model("LineItemCitation")
        PledgeCitation = _model("PledgeCitation")

        return (
            self.public(self.preview)
            .select_related("pledge__donor", "pledge__meeting", "category", "system")
            .prefetch_related(
                models.Prefetch("citations", queryset=LineItemCitation.objects.select_related("source")),
                models.Prefetch("pledge__citations", queryset=PledgeCitation.objects.select_related("source")),
            )
        )

    def with_first_delivery(self):
        """The date of each line item's first delivery and the days to it from the pledge (a subquery, no join).

        The days are a plain difference of the stored dates: approximate when either is not a day.
        """
        Delivery = _model("Delivery")

        first = (
            Delivery.objects.public(self.preview)
            .filter(line_item=OuterRef("pk"))
            .order_by("date", "pk")
            .values("date")[:1]
        )
        return self.annotate(first_delivery_on=Subquery(first)).annotate(
            days_to_first_delivery=DaysBetween("pledge__date", "first_delivery_on")
        )

    def open(self):
        """Line items still waiting for (part of) their deliveries."""
        return self.filter(status__in=["announced", "committed", "partially_delivered"])

    def totals(self):
        """Pledged and delivered figures over these line items: one query."""
        return self.order_by().aggregate(**_totals_aggregates())

    def monthly_pledged_and_delivered(self, measure="value"):
        """Pledged (by pledge month) and delivered (by delivery month) totals of these line items.

        One query (a UNION ALL of two grouped selects) returning (month, "pledged"|"delivered", total)
        rows. `measure` is "value" (EUR) or "units" (countable categories only). A delivery's value is
        its share of the line item's units, capped at the pledged quantity, so the months add up to
        the line items' value_eur_delivered.
        """
        Delivery = _model("Delivery")

        items = self.order_by()
        deliveries = Delivery.objects.public(self.preview).order_by().filter(line_item__in=items.values("pk"))
        if measure == "units":
            pledged = items.filter(COUNTABLE).filter(quantity__isnull=False)
            pledged_total = Sum("quantity")
            delivered = deliveries.filter(line_item__category__is_countable=True, quantity__isnull=False)
            delivered_total = Sum("quantity")
        else:
            pledged = items.filter(NOT_CANCELLED).filter(value_eur__isnull=False)
            pledged_total = Sum("value_eur")
            delivered = deliveries.filter(
                quantity__isnull=False, line_item__quantity__isnull=False, line_item__value_eur__isnull=False
            )
            delivered_total = Sum(_delivered_value_share(), output_field=models.DecimalField())
        delivered = delivered.exclude(line_item__status="cancelled")
        pledged_rows = (
            pledged.values(month=TruncMonth("pledge__date"))
            .annotate(kind=Value("pledged", output_field=models.CharField()), total=pledged_total)
            .values_list("month", "kind", "total")
        )
        delivered_rows = (
            delivered.values(month=TruncMonth("date"))
            .annotate(kind=Value("delivered", output_field=models.CharField()), total=delivered_total)
            .values_list("month", "kind", "total")
        )
        return pledged_rows.union(delivered_rows, all=True)

    def totals_by(self, *fields):
        """The same figures per value of `fields` (e.g. the donor's slug and name): one query.

        Only many-to-one paths may be named, so the grouping join cannot multiply rows.
        """
        return self.order_by().values(*fields).annotate(**_totals_aggregates())


def _delivered_value_share():
    """The EUR value one delivery adds: the line item's value times the share of units it newly covers.

    Units already delivered before it (by date, then id) come from a correlated subquery; both
    cumulative counts are capped at the pledged quantity.
    """
    Delivery = _model("Delivery")

    earlier = Q(date__lt=OuterRef("date")) | Q(date=OuterRef("date"), pk__lt=OuterRef("pk"))
    before = Coalesce(
        Subquery(
            # published deliveries only, as the triggers count them into quantity_delivered
            Delivery.objects.filter(earlier, line_item=OuterRef("line_item"), quantity__isnull=False)
            .filter(publication="published")
            .order_by()
            .values("line_item")
            .annotate(units=Sum("quantity"))
            .values("units")
        ),
        0,
    )
    pledged = F("line_item__quantity")
    covered = Least(before + F("quantity"), pledged) - Least(before, pledged)
    return ShareOf(F("line_item__value_eur"), covered, pledged)


class ShareOf(Func):
    """value * part / whole, never as integer division.

    SQLite stores whole decimals as integers and Django casts decimal expressions to NUMERIC there,
    which keeps them integers (TOOLCHAIN.md: EUR 9,500 lost over 20,000 rows), so on SQLite the
    value is made REAL first. PostgreSQL's numeric division is exact.
    """

    arity = 3
    output_field = models.DecimalField(max_digits=30, decimal_places=2)

    def _render(self, compiler, template):
        parts, params = [], []
        for expression in self.source_expressions:
            sql, expression_params = compiler.compile(expression)
            parts.append(sql)
            params.extend(expression_params)
        value, part, whole = parts
        return template.format(value=value, part=part, whole=whole), params

    def as_sql(self, compiler, connection, **extra):
        return self._render(compiler, "(({value}) * ({part}) / ({whole}))")

    def as_sqlite(self, compiler, connection, **extra):
        return self._render(compiler, "(CAST(({value}) AS REAL) * ({part}) / ({whole}))")


class DaysBetween(Func):
    """Whole days from the first date expression to the second."""

    output_field = models.IntegerField()
    arity = 2

    def as_sql(self, compiler, connection, **extra):
        # date - date is an integer number of days in PostgreSQL
        later_sql, later_params = compiler.compile(self.source_expressions[1])
        earlier_sql, earlier_params = compiler.compile(self.source_expressions[0])
        return f"({later_sql} - {earlier_sql})", (*later_params, *earlier_params)

    def as_sqlite(self, compiler, connection, **extra):
        later_sql, later_params = compiler.compile(self.source_expressions[1])
        earlier_sql, earlier_params = compiler.compile(self.source_expressions[0])
        return f"CAST(julianday({later_sql}) - julianday({earlier_sql}) AS INTEGER)", (*later_params, *earlier_params)


# percentile_cont by linear interpolation, written with window functions and integer arithmetic so
# the same single query runs on PostgreSQL and SQLite (which has no percentile function). For n
# ranked lags and percentile p, the position is h = (n - 1) * p / 100; lo is its whole part and
# the fraction is ((n - 1) * p - 100 * lo) / 100.
_PERCENTILE = (
    "SUM(CASE WHEN rn = ((n - 1) * {p}) / 100 THEN lag * (100 - ((n - 1) * {p} - 100 * (((n - 1) * {p}) / 100)))"
    " WHEN rn = ((n - 1) * {p}) / 100 + 1 THEN lag * ((n - 1) * {p} - 100 * (((n - 1) * {p}) / 100))"
    " ELSE 0 END) / 100.0"
)
_LAG_PERCENTILES_SQL = f"""
WITH lags AS ({{inner}}),
ranked AS (
  SELECT grp, lag,
         ROW_NUMBER() OVER (PARTITION BY grp ORDER BY lag) - 1 AS rn,
         COUNT(*) OVER (PARTITION BY grp) AS n
  FROM lags
)
SELECT grp, MAX(n), {_PERCENTILE.format(p=50)}, {_PERCENTILE.format(p=90)}
FROM ranked GROUP BY grp
"""


class DeliveryPublicMixin(Previewable):
    def public(self, preview=False):
        """The deliveries public pages may show: published, of a public line item (drafts too in a preview)."""
        return self._visible(preview, "publication", "line_item__publication", "line_item__pledge__publication")

    def exported(self, preview=False):
        """What the delivery export lists: the public deliveries and the retracted ones (see LineItem's)."""
        return _exported(self, preview, "", "line_item__", "line_item__pledge__")

    def editorial(self):
        """Deliveries in AidTracker's own record (see LineItemQuerySet.editorial)."""
        return self.filter(line_item__pledge__dataset__isnull=True)

    def for_public_list(self):
        """Deliveries with their line item, donor and sources: one query, plus one for the sources."""
        DeliveryCitation = _model("DeliveryCitation")

        return (
            self.public(self.preview)
            .select_related(
                "line_item__pledge__donor", "line_item__pledge__meeting", "line_item__category", "line_item__system"
            )
            .prefetch_related(
                models.Prefetch("citations", queryset=DeliveryCitation.objects.select_related("source")),
            )
        )

    def latest_first(self):
        """Latest first, by date then id."""
        return self.order_by("-date", "-pk")

    def delivery_totals(self):
        """How many deliveries, how many units (countable categories) and how many gave no quantity: one query."""
        return self.order_by().aggregate(
            deliveries=Count("pk"),
            units=Sum("quantity", filter=Q(line_item__category__is_countable=True)),
            without_quantity=Count("pk", filter=Q(quantity__isnull=True)),
        )

    def monthly_counts(self):
        """Deliveries and delivered units (countable categories) per month of delivery: one query."""
        return (
            self.order_by()
            .values(month=TruncMonth("date"))
            .annotate(
                deliveries=Count("pk"),
                units=Sum("quantity", filter=Q(line_item__category__is_countable=True)),
                without_quantity=Count("pk", filter=Q(quantity__isnull=True)),
            )
            .order_by("month")
        )

    def with_lag(self):
        """Days from the pledge's date to the delivery's (start of period for month, quarter, year)."""
        return self.annotate(lag_days=DaysBetween("line_item__pledge__date", "date"))

    def with_known_lag(self):
        """Deliveries whose lag can be measured: neither date is only an 'on or before' bound."""
        return self.exclude(date_precision="on_or_before").exclude(line_item__pledge__date_precision="on_or_before")

    def lag_percentiles(self, by=None):
        """Median and 90th-percentile days from pledge to delivery, in one query, per value of `by`.

        Returns {group: {"deliveries": n, "median_days": x, "p90_days": y}}; the group is None
        without `by`. Deliveries dated only 'on or before' (or whose pledge is) are left out.
        """
        lags = (
            self.with_known_lag()
            .order_by()
            .annotate(grp=F(by) if by else Value(None, output_field=models.IntegerField()))
            .with_lag()
            .values_list("grp", "lag_days")
        )
        inner, params = lags.query.sql_with_params()
        # the inner select's columns are named grp and lag_days; rename for the outer query
        sql = _LAG_PERCENTILES_SQL.format(inner=f"SELECT grp, lag_days AS lag FROM ({inner}) AS raw_lags")
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return {
            group: {"deliveries": n, "median_days": Decimal(str(median)), "p90_days": Decimal(str(p90))}
            for group, n, median, p90 in rows
        }


class PublicMixin:
    def public(self):
        """The rows public pages may show (all of them until publication lands, issue 5)."""
        return self.all()


class PledgePublicMixin(Previewable):
    def public(self, preview=False):
        """The pledges public pages may show: published ones (drafts too in a preview)."""
        return self._visible(preview, "publication")

    def editorial(self):
        """Pledges in AidTracker's own record, not imported from a tracker."""
        return self.filter(dataset__isnull=True)


class MeetingPublicMixin(PublicMixin):
    def with_editorial_pledge_count(self):
        """How many pledges of AidTracker's own record were made at each meeting.

        A correlated count, so a page listing the latest few meetings counts the pledges of those only.
        """
        Pledge = _model("Pledge")

        pledges = Pledge.objects.editorial().filter(meeting=OuterRef("pk")).order_by().values("meeting")
        return self.annotate(pledge_count=Coalesce(Subquery(pledges.annotate(n=Count("pk")).values("n")), 0))


class DonorQuerySet(PublicMixin, TotalsQuerySet):
    line_item_path = "pledge__donor"

    def get_by_natural_key(self, code):
        return self.get(code=code)


class PledgeQuerySet(PledgePublicMixin, TotalsQuerySet):
    line_item_path = "pledge"


class MeetingQuerySet(MeetingPublicMixin, TotalsQuerySet):
    line_item_path = "pledge__meeting"


class LineItemQuerySet(LineItemPublicMixin, models.QuerySet):
    pass


class DeliveryQuerySet(DeliveryPublicMixin, models.QuerySet):
    pass
