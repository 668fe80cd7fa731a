"""The filters of the record's tables, charts and exports. Everything lives in the query string.

One FilterSet feeds a page's table, its charts and its CSV/JSON export, so they cannot drift apart:
build it with filter_line_items() or filter_deliveries() and read `.qs`. The filters and sorts read
their fields through a field map (`Fields`), one per model: a line item's, a delivery's (its line
item's fields one relation further, its own date and quantity) and a release's copy (ReleaseRow), so
the same FilterSet filters the live record and a release alike. To add a filter to every page, declare
it on RecordFilterSet and name its field in each map.

A value that fails validation (a date "2023-13-45", a donor that does not exist) leaves that filter
unapplied and puts its error on the form, beside the field; the other filters still apply.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db.models import F, Q
from django.http import Http404
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from . import params
from .importers import FORMATS
from .models import Category, Delivery, Donor, DonorGroup, LineItem, Meeting, ReleaseRow, System

MAX_VALUE_DIGITS = 16
PER_PAGE = 50  # rows of a table page

# Which records a page counts: AidTracker's own (editorial) record and the imported trackers.
# Static choices (each tracker imports into one dataset of a fixed slug), so the list costs no query.
EDITORIAL_SOURCE = "aidtracker"
SOURCE_CHOICES = [
    (EDITORIAL_SOURCE, "AidTracker record"),
    *((module.DATASET["slug"], module.DATASET["short_name"]) for module in FORMATS.values()),
]


@dataclass(frozen=True)
class Fields:
    """Where one model holds what the filters and sorts read.

    `lookups`: by name, the lookup of each field. Three filters need more than a lookup: `search`
    (a word -> the Q of the records that have it), `in_groups` (slugs of donor groups -> the Q of
    the records of their donors) and `editorial` (the Q of AidTracker's own record: no imported
    dataset). `searched`: the texts a search reads, on the live models (releases.cut() copies them).
    """

    lookups: dict
    search: Callable
    in_groups: Callable
    editorial: Q
    searched: tuple = ()


SEARCHED = ("description", "system__name", "category__name", "pledge__title", "pledge__donor__name")


def _live_fields(path, **own):
    """The fields of a line item, from a model that reaches it by `path`; `own`: the model's own lookups."""
    searched = tuple(f"{path}{lookup}" for lookup in SEARCHED)
    lookups = {
        "id": "pk",
        "date": f"{path}pledge__date",
        "donor": f"{path}pledge__donor__slug",
        "donor_id": f"{path}pledge__donor_id",  # releases.cut() copies the donor's groups by it
        "donor_name": f"{path}pledge__donor__name",
        "category": f"{path}category__slug",
        "category_id": f"{path}category_id",
        "category_position": f"{path}category__position",
        "system": f"{path}system__slug",
        "system_id": f"{path}system_id",
        "meeting": f"{path}pledge__meeting__slug",
        "meeting_id": f"{path}pledge__meeting_id",
        "dataset": f"{path}pledge__dataset__slug",
        "status": f"{path}status",
        "value": f"{path}value_eur",
        "quantity": f"{path}quantity",
        "quantity_delivered": f"{path}quantity_delivered",
        **own,
    }

    def in_groups(slugs):
        # a subquery, not a join: a donor in two chosen groups must not count twice
        return Q(**{f"{path}pledge__donor__in": Donor.objects.filter(groups__slug__in=slugs).values("pk")})

    return Fields(
        lookups=lookups,
        search=lambda word: reduce(or_, (Q(**{f"{lookup}__icontains": word}) for lookup in searched)),
        in_groups=in_groups,
        editorial=Q(**{f"{path}pledge__dataset__isnull": True}),
        searched=searched,
    )


FIELDS = {
    LineItem: _live_fields(""),
    Delivery: _live_fields("line_item__", date="date", quantity="quantity"),  # the delivery's own
    # a release's copies (releases.cut() fills them from the live lookups of the same names)
    ReleaseRow: Fields(
        lookups={
            "id": "object_id",
            "date": "date",
            "donor": "donor_slug",
            "donor_name": "donor_name",
            "category": "category_slug",
            "category_position": "category_position",
            "system": "system_slug",
            "meeting": "meeting_slug",
            "dataset": "dataset_slug",
            "status": "status",
            "value": "value_eur",
            "quantity": "quantity",
            "quantity_delivered": "quantity_delivered",
        },
        search=lambda word: Q(search_text__contains=word.lower()),  # the cut lowercases the searched texts
        in_groups=lambda slugs: reduce(or_, (Q(donor_groups__contains=f"|{slug}|") for slug in slugs)),
        editorial=Q(dataset_slug=""),  # the cut writes "" for no dataset
    ),
}


class DigitsDecimalField(forms.DecimalField):
    """A decimal written with the digits 0-9, as every number of the query string is (pledges/params.py):
    Decimal() alone also reads "٣" and "１２"."""

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise ValidationError("Enter a number with the digits 0-9.", code="invalid")
        return super().to_python(value)


class DigitsNumberFilter(django_filters.NumberFilter):
    field_class = DigitsDecimalField


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Sorts unknown figures after known ones in either direction, then by id for stable pages.

    `fields` maps the names of the FilterSet's field map to the parameters (?sort=donor).
    """

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        lookups = self.parent.field_map.lookups
        ordering = []
        for param in value:
            if param in django_filters.constants.EMPTY_VALUES:
                continue
            descending = param.startswith("-")
            field = F(lookups[self.param_map[param.lstrip("-")]])
            ordering.append(field.desc(nulls_last=True) if descending else field.asc(nulls_last=True))
        return qs.order_by(*ordering, f"-{lookups['id']}")


class Checkboxes(forms.CheckboxSelectMultiple):
    """Django's checkboxes, the same markup written in Python: its template for each option cost about a
    millisecond, and a filter form lists every donor, system and meeting (at 1M line items' 300 systems, 0.4 s of
    a table page's first request after a change went into rendering its filters).

    The ticked choices come first, so Germany ticked among sixty donors is in sight without a script; each keeps
    the id of its place in the list.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(choice) for choice in value or ()}
        base = self.build_attrs(self.attrs, attrs).get("id")
        ticked_first = sorted(enumerate(self.choices), key=lambda option: str(option[1][0]) not in chosen)
        options = format_html_join(
            "",
            '<div><label{}><input type="checkbox" name="{}" value="{}"{}{}> {}</label></div>',
            (
                (
                    format_html(' for="{}_{}"', base, index) if base else "",
                    name,
                    choice,
                    format_html(' id="{}_{}"', base, index) if base else "",
                    mark_safe(" checked") if str(choice) in chosen else "",
                    label,
                )
                for index, (choice, label) in ticked_first
            ),
        )
        return format_html("<div{}>{}</div>", format_html(' id="{}"', base) if base else "", options)


CHECKBOXES = Checkboxes


def _choices(queryset, *order):
    """(slug, name) pairs read once, in the view, so rendering the form costs no query; and {slug: id}."""
    rows = list(queryset.order_by(*order).values_list("slug", "name", "pk"))
    return [(slug, name) for slug, name, _ in rows], {slug: pk for slug, _, pk in rows}


class RecordFilterSet(django_filters.FilterSet):
    """Filters on line items, for any model of FIELDS: the queryset's model picks the field map."""

    q = django_filters.CharFilter(
        method="filter_text", label="Search", max_length=200, help_text="Words in the item, system, donor or pledge."
    )
    # checkboxes, not a multiple <select>: no Ctrl-click, no script, and each choice stays a ?donor=… in the URL
    donor = django_filters.MultipleChoiceFilter(method="filter_donor", label="Donor", widget=CHECKBOXES)
    donor_group = django_filters.MultipleChoiceFilter(
        method="filter_donor_group", label="Donor group", widget=CHECKBOXES
    )
    category = django_filters.MultipleChoiceFilter(method="filter_category", label="Category", widget=CHECKBOXES)
    system = django_filters.MultipleChoiceFilter(method="filter_system", label="System", widget=CHECKBOXES)
    meeting = django_filters.MultipleChoiceFilter(method="filter_meeting", label="Meeting", widget=CHECKBOXES)
    status = django_filters.MultipleChoiceFilter(
        method="filter_status", label="Status", choices=LineItem.Status.choices, widget=CHECKBOXES
    )
    date = django_filters.DateFromToRangeFilter(
        method="filter_date",
        label="Date from / to",
        widget=django_filters.widgets.DateRangeWidget(attrs={"placeholder": "YYYY-MM-DD", "inputmode": "numeric"}),
    )
    value_min = DigitsNumberFilter(
        method="filter_value_min",
        label="Value from (EUR)",
        min_value=0,
        max_digits=MAX_VALUE_DIGITS,
        decimal_places=2,
    )
    value_max = DigitsNumberFilter(
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
        widget=CHECKBOXES,
        help_text="AidTracker's record alone unless you choose others. The trackers overlap: adding them up "
        "counts the same aid more than once.",
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        # one query per list, here rather than while the template renders the select; the ids of the chosen
        # ones are then known without another (summary_filters)
        lists = {
            "donor": (Donor.objects.public(), "name"),
            "donor_group": (DonorGroup.objects.all(), "name"),
            "category": (Category.objects.all(), "position", "name"),
            "system": (System.objects.all(), "name"),
            "meeting": (Meeting.objects.public(), "-starts_on", "name"),
        }
        self.ids = {}
        for name, (rows, *order) in lists.items():
            self.filters[name].extra["choices"], self.ids[name] = _choices(rows, *order)

    @property
    def field_map(self):
        return FIELDS[self.queryset.model]

    def _in(self, name, value):
        lookups = self.field_map.lookups
        if f"{name}_id" in lookups:  # the live record: by id, so that one chosen key can lead an index read in order
            return Q(**{f"{lookups[name + '_id']}__in": [self.ids[name][slug] for slug in value]})
        return Q(**{f"{lookups[name]}__in": value})

    def filter_text(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(self.field_map.search(word))
        return queryset

    def filter_donor(self, queryset, name, value):
        return queryset.filter(self._in("donor", value))

    def filter_donor_group(self, queryset, name, value):
        return queryset.filter(self.field_map.in_groups(value))

    def filter_category(self, queryset, name, value):
        return queryset.filter(self._in("category", value))

    def filter_system(self, queryset, name, value):
        return queryset.filter(self._in("system", value))

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(self._in("meeting", value))

    def filter_status(self, queryset, name, value):
        return queryset.filter(self._in("status", value))

    def filter_date(self, queryset, name, value):
        date = self.field_map.lookups["date"]
        if value.start is not None:
            queryset = queryset.filter(**{f"{date}__gte": value.start})
        if value.stop is not None:
            queryset = queryset.filter(**{f"{date}__lte": value.stop})
        return queryset

    def filter_value_min(self, queryset, name, value):
        return queryset.filter(**{f"{self.field_map.lookups['value']}__gte": value})

    def filter_value_max(self, queryset, name, value):
        return queryset.filter(**{f"{self.field_map.lookups['value']}__lte": value})

    def filter_dataset(self, queryset, name, value):
        chosen = self._in("dataset", [slug for slug in value if slug != EDITORIAL_SOURCE])
        if EDITORIAL_SOURCE in value:
            chosen |= self.field_map.editorial
        return queryset.filter(chosen)

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("dataset"):
            # imported trackers only when asked for: by default a page counts AidTracker's own record
            queryset = queryset.filter(self.field_map.editorial)
        return queryset

    def summary_filters(self):
        """This selection as filters on the summary cells' keys (figures.reads.figures()), or None when the cells
        cannot answer it: a filter on anything but donors, donor groups, categories and meetings or systems (a
        search, a date, a value, a status; meetings and systems together, which no cell holds), an imported
        tracker, or a value that failed validation. The cells count AidTracker's public record, as this filter set
        does by default."""
        if self.has_errors:
            return None
        chosen = self._chosen()
        held = {"donor", "donor_group", "category", "meeting", "system", "dataset"}
        if set(chosen) - held or {"meeting", "system"} <= set(chosen):
            return None
        if chosen.get("dataset", [EDITORIAL_SOURCE]) != [EDITORIAL_SOURCE]:  # imported trackers count in no cell
            return None
        # by id, not by slug through a join: one chosen donor is then the leading column of an index, read in order
        # (figures.reads.deliveries_latest_first)
        cells = {
            f"{key}__pk__in": [self.ids[key][slug] for slug in chosen[key]]
            for key in ("donor", "category", "meeting", "system")
            if key in chosen
        }
        if "donor_group" in chosen:  # a subquery, as filter_donor_group's: a donor in two groups counts once
            cells["donor__in"] = Donor.objects.filter(groups__slug__in=chosen["donor_group"]).values("pk")
        return cells

    @property
    def has_errors(self):
        return self.is_bound and bool(self.errors)

    def _chosen(self):
        """{name: value} of the valid filters applied, the sort order aside."""
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name != "sort" and value not in django_filters.constants.EMPTY_VALUES and value != slice(None, None)
        }

    @property
    def is_filtered(self):
        """Whether any valid filter (not the sort order) is applied."""
        return self.is_bound and not self.errors.get("__all__") and bool(self._chosen())


class LineItemFilter(RecordFilterSet):
    """The pledges table: line items, dated by their pledge (or a release's copies of them)."""

    sort = NullsLastOrderingFilter(
        label="Sort by",
        fields={
            "date": "date",
            "donor_name": "donor",
            "category_position": "category",
            "quantity": "quantity",
            "quantity_delivered": "delivered",
            "value": "value",
            "status": "status",
        },
    )

    class Meta:
        model = LineItem
        fields = []


class DeliveryFilter(RecordFilterSet):
    """The deliveries table: the line item filters, and the date is the delivery's (or a release's copies)."""

    sort = NullsLastOrderingFilter(
        label="Sort by",
        fields={
            "date": "date",
            "donor_name": "donor",
            "category_position": "category",
            "quantity": "quantity",
            "value": "value",  # the line item's
        },
    )

    class Meta:
        model = Delivery
        fields = []


def _parameters(filterset_class):
    """The query parameters a FilterSet reads: its filters' names, a range's with its suffixes (date_after)."""
    names = set()
    for name, declared in filterset_class.base_filters.items():
        widget = declared.extra.get("widget") or declared.field_class.widget
        suffixes = getattr(widget, "suffixes", None)
        names |= {f"{name}_{suffix}" for suffix in suffixes} if suffixes else {name}
    return frozenset(names)


# what the tables' filters and sorts read from the query string (the same for both tables)
PARAMETERS = _parameters(LineItemFilter) | _parameters(DeliveryFilter)


def filter_line_items(data, preview=False):
    """The pledges page's filter set over the public line items (drafts too in a preview), newest pledge first;
    `.qs` is the result."""
    queryset = LineItem.objects.public(preview).order_by("-pledge__date", "-pk")
    return LineItemFilter(data, queryset=queryset)


def filter_deliveries(data, preview=False):
    """The deliveries page's filter set over the public deliveries (drafts too in a preview), newest first; `.qs` is
    the result."""
    queryset = Delivery.objects.public(preview).order_by("-date", "-pk")
    return DeliveryFilter(data, queryset=queryset)


def paginate(request, queryset, count=None):
    """The requested page of `queryset` (a count, unless `count` is known, and a slice) and the error of a
    ?page= that is not a page number (page 1 is shown, with the error beside the pager), or "".

    A page past the last one is a 404: a link to it was never given, and an empty table would pass for a
    filter that matched nothing.
    """
    try:
        number, error = params.whole_number(request.GET, "page", default=1), ""
    except params.BadNumber as bad:
        number, error = 1, str(bad)
    paginator = Paginator(queryset, PER_PAGE)
    if count is not None:
        paginator.count = count  # a cached property: a count known already, not a count of every row
    try:
        page = paginator.page(number)
    except EmptyPage as empty:
        raise Http404(f"There is no page {number}: the last is {paginator.num_pages}.") from empty
    page.object_list = list(page.object_list)
    return page, error
