"""The filters of the record's tables, charts and exports. Everything lives in the query string.

One FilterSet feeds a page's table, its charts and (later) its CSV/JSON export, so they cannot
drift apart: build it with filter_line_items() or filter_deliveries() and read `.qs`. Filters on
line items reach them through `line_item_path`, so a delivery filter is the same set of filters
one relation further away. To add a filter to every page, declare it on RecordFilterSet.

A value that fails validation (a date "2023-13-45", a donor that does not exist) leaves that filter
unapplied and puts its error on the form, beside the field; the other filters still apply.
"""

import django_filters
from django import forms
from django.db.models import F, Q

from .importers import FORMATS
from .models import Category, Delivery, Donor, DonorGroup, LineItem, Meeting, System

MAX_VALUE_DIGITS = 16

# Which records a page counts: AidTracker's own (editorial) record and the imported trackers.
# Static choices (each tracker imports into one dataset of a fixed slug), so the list costs no query.
EDITORIAL_SOURCE = "aidtracker"
SOURCE_CHOICES = [
    (EDITORIAL_SOURCE, "AidTracker record"),
    *((module.DATASET["slug"], module.DATASET["short_name"]) for module in FORMATS.values()),
]


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Sorts unknown figures after known ones in either direction, then by id for stable pages."""

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        ordering = []
        for param in value:
            if param in django_filters.constants.EMPTY_VALUES:
                continue
            descending = param.startswith("-")
            field = F(self.param_map.get(param.lstrip("-"), param.lstrip("-")))
            ordering.append(field.desc(nulls_last=True) if descending else field.asc(nulls_last=True))
        return qs.order_by(*ordering, "-pk")


def _choices(queryset, label="name"):
    """(slug, label) pairs read once, in the view, so rendering the form costs no query."""
    return list(queryset.order_by(label).values_list("slug", label))


class RecordFilterSet(django_filters.FilterSet):
    """Filters on line items, for any model that reaches a line item by `line_item_path`."""

    line_item_path = ""
    date_path = "pledge__date"

    q = django_filters.CharFilter(
        method="filter_text", label="Search", max_length=200, help_text="Words in the item, system, donor or pledge."
    )
    donor = django_filters.MultipleChoiceFilter(method="filter_donor", label="Donor")
    donor_group = django_filters.MultipleChoiceFilter(method="filter_donor_group", label="Donor group")
    category = django_filters.MultipleChoiceFilter(method="filter_category", label="Category")
    system = django_filters.MultipleChoiceFilter(method="filter_system", label="System")
    meeting = django_filters.MultipleChoiceFilter(method="filter_meeting", label="Meeting")
    status = django_filters.MultipleChoiceFilter(
        method="filter_status", label="Status", choices=LineItem.Status.choices
    )
    date = django_filters.DateFromToRangeFilter(
        method="filter_date",
        label="Date from / to",
        widget=django_filters.widgets.DateRangeWidget(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric"}),
    )
    value_min = django_filters.NumberFilter(
        method="filter_value_min",
        label="Value from (EUR)",
        min_value=0,
        max_digits=MAX_VALUE_DIGITS,
        decimal_places=2,
    )
    value_max = django_filters.NumberFilter(
        method="filter_value_max",
        label="Value up to (EUR)",
        min_value=0,
        max_digits=MAX_VALUE_DIGITS,
        decimal_places=2,
    )

    dataset = django_filters.MultipleChoiceFilter(
        method="filter_dataset",
        label="Sources",
        choices=SOURCE_CHOICES,
        help_text="AidTracker's record alone unless you choose others. The trackers overlap: adding them up "
        "counts the same aid more than once.",
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        # one query per list, here rather than while the template renders the select
        self.filters["donor"].extra["choices"] = _choices(Donor.objects.public())
        self.filters["donor_group"].extra["choices"] = _choices(DonorGroup.objects.all())
        self.filters["category"].extra["choices"] = [
            (slug, name) for slug, name in Category.objects.order_by("position", "name").values_list("slug", "name")
        ]
        self.filters["system"].extra["choices"] = _choices(System.objects.all())
        self.filters["meeting"].extra["choices"] = [
            (slug, name)
            for slug, name in Meeting.objects.public().order_by("-starts_on", "name").values_list("slug", "name")
        ]

    def _path(self, lookup):
        return f"{self.line_item_path}{lookup}"

    def filter_text(self, queryset, name, value):
        words = value.split()
        for word in words[:10]:
            queryset = queryset.filter(
                Q(**{self._path("description__icontains"): word})
                | Q(**{self._path("system__name__icontains"): word})
                | Q(**{self._path("category__name__icontains"): word})
                | Q(**{self._path("pledge__title__icontains"): word})
                | Q(**{self._path("pledge__donor__name__icontains"): word})
            )
        return queryset

    def filter_donor(self, queryset, name, value):
        return queryset.filter(**{self._path("pledge__donor__slug__in"): value})

    def filter_donor_group(self, queryset, name, value):
        # a subquery, not a join: a donor in two chosen groups must not count twice
        donors = Donor.objects.filter(groups__slug__in=value).values("pk")
        return queryset.filter(**{self._path("pledge__donor__in"): donors})

    def filter_category(self, queryset, name, value):
        return queryset.filter(**{self._path("category__slug__in"): value})

    def filter_system(self, queryset, name, value):
        return queryset.filter(**{self._path("system__slug__in"): value})

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(**{self._path("pledge__meeting__slug__in"): value})

    def filter_status(self, queryset, name, value):
        return queryset.filter(**{self._path("status__in"): value})

    def filter_date(self, queryset, name, value):
        if value.start is not None:
            queryset = queryset.filter(**{f"{self.date_path}__gte": value.start})
        if value.stop is not None:
            queryset = queryset.filter(**{f"{self.date_path}__lte": value.stop})
        return queryset

    def filter_value_min(self, queryset, name, value):
        return queryset.filter(**{self._path("value_eur__gte"): value})

    def filter_value_max(self, queryset, name, value):
        return queryset.filter(**{self._path("value_eur__lte"): value})

    def filter_dataset(self, queryset, name, value):
        chosen = Q(**{self._path("pledge__dataset__slug__in"): [slug for slug in value if slug != EDITORIAL_SOURCE]})
        if EDITORIAL_SOURCE in value:
            chosen |= Q(**{self._path("pledge__dataset__isnull"): True})
        return queryset.filter(chosen)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("dataset"):
            # imported trackers only when asked for: by default a page counts AidTracker's own record
            queryset = queryset.filter(**{self._path("pledge__dataset__isnull"): True})
        return queryset

    @property
    def has_errors(self):
        return self.is_bound and bool(self.errors)

    @property
    def is_filtered(self):
        """Whether any valid filter (not the sort order) is applied."""
        return (
            self.is_bound
            and not self.errors.get("__all__")
            and any(
                value not in django_filters.constants.EMPTY_VALUES
                for name, value in self.form.cleaned_data.items()
                if name != "sort" and value != slice(None, None)
            )
        )


class LineItemFilter(RecordFilterSet):
    """The pledges table: line items, dated by their pledge."""

    sort = NullsLastOrderingFilter(
        label="Sort by",
        fields={
            "pledge__date": "date",
            "pledge__donor__name": "donor",
            "category__position": "category",
            "quantity": "quantity",
            "quantity_delivered": "delivered",
            "value_eur": "value",
            "status": "status",
        },
    )

    class Meta:
        model = LineItem
        fields = []


class DeliveryFilter(RecordFilterSet):
    """The deliveries table: the line item filters, and the date is the delivery's."""

    line_item_path = "line_item__"
    date_path = "date"

    sort = NullsLastOrderingFilter(
        label="Sort by",
        fields={
            "date": "date",
            "line_item__pledge__donor__name": "donor",
            "line_item__category__position": "category",
            "quantity": "quantity",
            "line_item__value_eur": "value",
        },
    )

    class Meta:
        model = Delivery
        fields = []


def filter_line_items(data):
    """The pledges page's filter set over the public line items, newest pledge first; `.qs` is the result."""
    queryset = LineItem.objects.public().order_by("-pledge__date", "-pk")
    return LineItemFilter(data, queryset=queryset)


def filter_deliveries(data):
    """The deliveries page's filter set over the public deliveries, newest first; `.qs` is the result."""
    queryset = Delivery.objects.public().order_by("-date", "-pk")
    return DeliveryFilter(data, queryset=queryset)


class PageForm(forms.Form):
    """The page number of a table; an invalid one shows page 1 with the error beside the pager."""

    page = forms.IntegerField(min_value=1, max_value=10**9, required=False)
