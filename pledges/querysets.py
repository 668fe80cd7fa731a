"""Querysets that say what they compute. Totals come from correlated subqueries so
that summing over two joins can never multiply rows."""

from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce


def _line_item_total(field, outer, **filters):
    """Sum of a line item field for the row `outer` points at; None when no item has a figure."""
    from .models import LineItem

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
        )


class DonorQuerySet(TotalsQuerySet):
    line_item_path = "pledge__donor"

    def get_by_natural_key(self, code):
        return self.get(code=code)


class PledgeQuerySet(TotalsQuerySet):
    line_item_path = "pledge"


class MeetingQuerySet(TotalsQuerySet):
    line_item_path = "pledge__meeting"

    def with_pledge_count(self):
        return self.annotate(pledge_count=Count("pledges"))


class LineItemQuerySet(models.QuerySet):
    def without_quantity(self):
        return self.filter(quantity__isnull=True)

    def without_value(self):
        return self.filter(value_reported__isnull=True)

    def record_counts(self):
        """How many line items there are, and how many lack a quantity or a value: one query."""
        return self.aggregate(
            line_items=Count("pk"),
            without_quantity=Count("pk", filter=Q(quantity__isnull=True)),
            without_value=Count("pk", filter=Q(value_reported__isnull=True)),
            without_eur=Count("pk", filter=Q(value_eur__isnull=True, value_reported__isnull=False)),
        )


class DeliveryQuerySet(models.QuerySet):
    def totals(self):
        return self.aggregate(deliveries=Count("pk"), units=Coalesce(Sum("quantity"), 0))
