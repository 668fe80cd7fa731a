"""The analysts' pages: function views that build one ctx dict and render it.

Every figure is aggregated by the database, one query per table or chart, and the number of queries
a page makes does not depend on the amount of data (tests/test_page_*.py assert it). Views call
list(); templates only format. Public data is read through the public()/for_public_list()
entry points of the querysets only. Pages without filters count AidTracker's own record
(editorial()), as the filtered pages do by default: the imported trackers overlap with it.
Every figure comes through the front door of pledges/figures/ (reads.py): a view passes it the
`reading` its decorators build (live or as of a release, preview or not, the cached page's version)
and gets what the page shows. A page, and the summaries it reads, are kept in the cache until the
record changes: the query counts above are those of the first request after a change.

The pledges and deliveries pages are built in two steps, so the exports can reuse the first:
filters.filter_line_items(request.GET, reading.preview) gives the filtered queryset, the view renders it.
"""

import dataclasses
import functools

from django.db.models import Count, F, Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from . import charts, export_views, exports, formatting, params, releases
from .figures import reads
from .filters import PARAMETERS, filter_deliveries, filter_line_items, paginate
from .models import (
    Category,
    Delivery,
    Donor,
    LineItem,
    Meeting,
    MeetingCitation,
    Pledge,
    PledgeCitation,
    System,
)

TOP_DONORS = 10
LATEST = 8
DETAIL_ROWS = 100  # open line items or deliveries listed on a detail page; the full list is one link away


# pages whose own rows are their export; their charts' series are a second download (?_series=1)
TABLE_PAGES = {"line-item-list", "delivery-list", "donor-list", "meeting-list"}


def _export_name(request):
    match = request.resolver_match
    return "-".join(["aidtracker", match.url_name.removesuffix("-export"), *match.kwargs.get("slug", "").split()])


def _render(request, reading, template, ctx, format=None):
    """The page, or with `format` ("csv" or "json") the same figures as a download."""
    if format:
        return export_views.page_export(request, ctx, format, _export_name(request))
    # when the public record last changed, and whether it holds synthetic data: one query
    ctx["data_as_of"], ctx["synthetic_data"] = reads.record_status(reading.preview)
    if release := reading.release:
        ctx["release"], ctx["data_as_of"] = release, release.cut_at
    has_charts = any(isinstance(value, charts.Chart) for value in ctx.values())
    ctx["export_links"] = export_views.export_links(
        request, series=has_charts and request.resolver_match.url_name in TABLE_PAGES
    )
    return render(request, template, ctx)


# the query parameters that filter the record (the tables' sort only orders it)
FILTERS = PARAMETERS - {"sort"}
# The query parameters each page reads (params.reads): any other is ignored, as if absent. Every page
# reads staff's ?preview=1, its CSV's ?bom=1 and ?_chart=ID (one chart's own CSV); a dashboard,
# ?release=N, refused with a filter (readable_as_of_release), and ?_series=1 on its export; a table,
# its filters, sort, page and ?_all=1.
EVERY_PAGE = {"preview", "bom", "_chart"}
AS_OF_RELEASE = {*EVERY_PAGE, "release", "_series", *PARAMETERS}
TABLE = {*AS_OF_RELEASE, "page", "_all"}


def _filtered(request):
    """Whether the query string filters the record (unfiltered pages read the summaries)."""
    return bool(FILTERS & set(request.GET))


def readable_as_of_release(view):
    """A page whose figures come from the summaries, read as of a release with ?release=N: from its copies.

    A release keeps the summaries as they were when it was cut (figures.upkeep.snapshot), so the page's
    figures, charts and exports are the release's, whatever was edited since. Lists of single rows
    are left out: /pledges/?release=N and /deliveries/?release=N list them. A wrong number is a 404
    (a 400 for an export); filters cannot be combined with a release here. The view's `reading` says which.
    """

    @functools.wraps(view)
    def wrapper(request, *args, reading, format=None, **kwargs):
        if "release" not in request.GET:
            return view(request, *args, reading=reading, format=format, **kwargs)
        try:
            release = releases.requested(request)
        except releases.BadRelease as error:
            if format:
                return export_views.bad_request(request, format, {"release": [str(error)]})
            raise Http404(str(error)) from error
        if _filtered(request):
            reason = "This page is read as of a release unfiltered; /pledges/ and /deliveries/ filter a release."
            return _refused(request, format, reason)
        return view(request, *args, reading=dataclasses.replace(reading, release=release), format=format, **kwargs)

    return wrapper


def live_only(view):
    """A page computed from the live record only: ?release=N is refused with the reason, never ignored."""

    @functools.wraps(view)
    def wrapper(request, *args, format=None, **kwargs):
        if "release" in request.GET:
            reason = "This page is computed from the live record and cannot be read as of a release."
            return _refused(request, format, reason)
        return view(request, *args, format=format, **kwargs)

    return wrapper


def _refused(request, format, reason):
    """A 400 that says why ?release= cannot be read here: in the export's format, or as plain text."""
    if format:
        return export_views.bad_request(request, format, {"release": [reason]})
    return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")


def _table_url(name, **filters):
    """A link to the pledges or deliveries table with these filters: where a chart's numbers come from."""
    query = urlencode({key: value for key, value in filters.items() if value}, doseq=True)
    return reverse(f"pledges:{name}") + (f"?{query}" if query else "")


def _donor_link(row):
    return reverse("pledges:donor-detail", args=[row["pledge__donor__slug"]])


def _category_link(row):
    return reverse("pledges:category-detail", args=[row["category__slug"]])


def _by_category(items):
    rows = items.totals_by("category__slug", "category__name", "category__position")
    return list(rows.order_by("category__position"))


def _by_donor(items, limit=None):
    rows = items.totals_by(
        "pledge__donor_id", "pledge__donor__code", "pledge__donor__slug", "pledge__donor__name"
    ).order_by(F("value_pledged").desc(nulls_last=True), "pledge__donor__name")
    return list(rows[:limit] if limit else rows)


def _without_value(totals):
    return formatting.without(totals["without_value"], "a value in EUR")


def _category_and_monthly(prefix, figures, totals, category_title, monthly_title):
    """The pair of charts most pages show: pledged vs delivered by category, and cumulative by month.

    Two queries: totals by category, then pledged and delivered by month.
    """
    return {
        "by_category": charts.pledged_vs_delivered(
            f"{prefix}-categories",
            category_title,
            _by_category(figures),
            "category__name",
            link=_category_link,
            label_heading="Category",
        ),
        "monthly": charts.cumulative(
            f"{prefix}-monthly",
            monthly_title,
            list(figures.monthly_pledged_and_delivered("value")),
            missing=_without_value(totals),
        ),
    }


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def overview(request, reading, format=None):
    items = reads.figures(reading)
    totals = charts.figures(items.totals())  # 1 headline totals
    ctx = {
        "totals": totals,
        # 2 totals by category, 3 pledged and delivered by month
        **_category_and_monthly(
            "overview",
            items,
            totals,
            "Pledged and delivered by category (EUR)",
            "Pledged and delivered over time (EUR, cumulative)",
        ),
        "top_donors": charts.pledged_vs_delivered(  # 4 totals by donor, top ten
            "overview-donors",
            f"Top {TOP_DONORS} donors by pledged value (EUR)",
            _by_donor(items, TOP_DONORS),
            "pledge__donor__name",
            link=_donor_link,
            label_heading="Donor",
        ),
        "meetings": reads.rows(  # 5
            reading, Meeting.objects.public().with_editorial_pledge_count().order_by("-starts_on")[:LATEST]
        ),
        "pledges": reads.rows(  # 6 latest pledges, 7 their sources
            reading,
            Pledge.objects.public(reading.preview)
            .editorial()
            .select_related("donor", "meeting")
            .prefetch_related(Prefetch("citations", queryset=PledgeCitation.objects.select_related("source")))
            .order_by("-date", "-pk")[:LATEST],
        ),
        "pledges_url": _table_url("line-item-list"),
    }
    return _render(request, reading, "pledges/overview.html", ctx, format)


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def donor_list(request, reading, format=None):
    items = reads.figures(reading)
    rows = [charts.figures(row) for row in _by_donor(items)]  # 1 totals by donor
    ctx = {
        "rows": rows,
        "chart": charts.pledged_vs_delivered(
            "donors-chart",
            "Pledged and delivered by donor (EUR)",
            rows[:20],
            "pledge__donor__name",
            link=_donor_link,
            label_heading="Donor",
        ),
        "totals": charts.figures(items.totals()),  # 2 totals over all donors
        "table": (exports.DONOR_TOTALS, rows),
    }
    return _render(request, reading, "pledges/donor_list.html", ctx, format)


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def donor_detail(request, slug, reading, format=None):
    donor = get_object_or_404(Donor.objects.public().prefetch_related("groups"), slug=slug)  # 1 donor, 2 groups
    items = LineItem.objects.public(reading.preview).editorial().filter(pledge__donor=donor)
    figures = reads.figures(reading, donor=donor)
    totals = charts.figures(figures.totals())  # 3
    open_filter = {"donor": donor.slug, "status": ["announced", "committed", "partially_delivered"]}
    ctx = {
        "donor": donor,
        "totals": totals,
        # 4 totals by category, 5 pledged and delivered by month
        **_category_and_monthly(
            "donor",
            figures,
            totals,
            f"{donor.name}: pledged and delivered by category (EUR)",
            f"{donor.name}: pledged and delivered over time (EUR, cumulative)",
        ),
        "meetings": reads.rows(  # 6 the meetings where it pledged, with its pledges there
            reading,
            Meeting.objects.public()
            .filter(pledges__donor=donor, pledges__dataset__isnull=True)
            .annotate(donor_pledges=Count("pledges"))
            .order_by("-starts_on"),
        ),
        "open_items": reads.rows(  # 7 open line items, 8-9 their sources
            reading,
            items.open().for_public_list().order_by("-pledge__date", "-pk")[:DETAIL_ROWS],
        ),
        "lag": reads.lag_percentiles(reading, donor=donor).get(None),  # 10
        "open_url": _table_url("line-item-list", **open_filter),
        "pledges_url": _table_url("line-item-list", donor=donor.slug),
        "deliveries_url": _table_url("delivery-list", donor=donor.slug),
        "detail_rows": DETAIL_ROWS,
    }
    return _render(request, reading, "pledges/donor_detail.html", ctx, format)


def _breakdown(reading, subject, kind, items, deliveries, filters, lag):
    """The category and system pages: who pledged it, how much arrived, when (`items`: their summary cells)."""
    totals = charts.figures(items.totals())  # 1
    countable = subject.is_countable if kind == "category" else subject.category.is_countable
    # units where the sources count them; euros where units cannot be added up or no source counts them
    measure = "units" if countable and totals["units_pledged"] is not None else "value"
    measure_name = "units" if measure == "units" else "EUR"
    ctx = {
        "subject": subject,
        "kind": kind,
        "countable": countable,
        "measure": measure,
        "totals": totals,
        "by_donor": charts.pledged_vs_delivered(  # 2 who pledged it
            f"{kind}-donors",
            f"Who pledged {subject.name} ({measure_name})",
            _by_donor(items),
            "pledge__donor__name",
            link=_donor_link,
            measure=measure,
            label_heading="Donor",
        ),
        "monthly": charts.cumulative(  # 3 how much arrived, when
            f"{kind}-monthly",
            f"{subject.name}: pledged and delivered over time ({measure_name}, cumulative)",
            list(items.monthly_pledged_and_delivered(measure)),
            measure=measure,
            missing=(
                formatting.without(totals["countable_without_quantity"], "a stated quantity")
                if measure == "units"
                else _without_value(totals)
            ),
        ),
        # 4 the latest (through the counted deliveries' (category or system, date) index), 5 their sources
        "deliveries": reads.rows(
            reading, reads.deliveries_latest_first(reading, deliveries, **{kind: subject})[:DETAIL_ROWS], cached=True
        ),
        "lag": lag,
        "pledges_url": _table_url("line-item-list", **filters),
        "deliveries_url": _table_url("delivery-list", **filters),
        "detail_rows": DETAIL_ROWS,
    }
    return ctx


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def category_detail(request, slug, reading, format=None):
    category = get_object_or_404(Category.objects.all(), slug=slug)  # 1
    deliveries = Delivery.objects.public(reading.preview).editorial().filter(line_item__category=category)
    figures = reads.figures(reading, category=category)
    lag = reads.lag_percentiles(reading, category=category).get(None)  # 6
    ctx = _breakdown(reading, category, "category", figures, deliveries, {"category": category.slug}, lag)
    systems = reads.figures(reading, category=category, system__isnull=False).totals_by("system__slug", "system__name")
    # 7 its systems
    ctx["systems"] = [charts.figures(row) for row in reads.rows(reading, systems.order_by("system__name"))]
    return _render(request, reading, "pledges/breakdown.html", ctx, format)


@params.reads({*EVERY_PAGE, "release"})
@reads.cached_page
@live_only
def system_detail(request, slug, reading, format=None):
    system = get_object_or_404(System.objects.select_related("category"), slug=slug)  # 1
    deliveries = Delivery.objects.public(reading.preview).editorial().filter(line_item__system=system)
    lag = reads.lag_percentiles(reading, system=system).get(None)
    ctx = _breakdown(
        reading, system, "system", reads.figures(reading, system=system), deliveries, {"system": system.slug}, lag
    )
    return _render(request, reading, "pledges/breakdown.html", ctx, format)


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def meeting_list(request, reading, format=None):
    meetings = list(Meeting.objects.public().with_editorial_pledge_count().order_by("-starts_on"))  # 1
    totals = {
        row["pledge__meeting_id"]: charts.figures(row)
        for row in reads.figures(reading, meeting__isnull=False).totals_by("pledge__meeting_id")
    }  # 2 totals per meeting
    lags_by_meeting = reads.lag_percentiles(reading, by="meeting")  # 3 lags per meeting
    rows = [(meeting, totals.get(meeting.pk), lags_by_meeting.get(meeting.pk)) for meeting in meetings]
    table = [_meeting_row(meeting, figures) for meeting, figures, _ in rows]
    return _render(
        request, reading, "pledges/meeting_list.html", {"rows": rows, "table": (exports.MEETING_TOTALS, table)}, format
    )


def _meeting_row(meeting, figures):
    """A meeting and its totals as one row of the meeting_totals export."""
    fields = ("kind", "number", "starts_on", "ends_on", "place")
    return {
        "meeting_slug": meeting.slug,
        "meeting_name": meeting.name,
        **{field: getattr(meeting, field) for field in fields},
        **(figures or {"line_items": 0}),
    }


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def meeting_detail(request, slug, reading, format=None):
    meeting = get_object_or_404(  # 1 the meeting, 2 its sources
        Meeting.objects.public().prefetch_related(
            Prefetch("citations", queryset=MeetingCitation.objects.select_related("source"))
        ),
        slug=slug,
    )
    items = LineItem.objects.public(reading.preview).editorial().filter(pledge__meeting=meeting)
    figures = reads.figures(reading, meeting=meeting)
    totals = charts.figures(figures.totals())  # 3
    ctx = {
        "meeting": meeting,
        "totals": totals,
        "items": reads.rows(  # 4 what was announced, with the first delivery; 5-6 sources
            reading,
            items.for_public_list().with_first_delivery().order_by("pledge__donor__name", "pk")[:DETAIL_ROWS],
        ),
        # 7 totals by category, 8 pledged and delivered by month
        **_category_and_monthly(
            "meeting",
            figures,
            totals,
            "Announced and delivered since, by category (EUR)",
            "Delivered since the meeting (EUR, cumulative)",
        ),
        "lag": reads.lag_percentiles(reading, meeting=meeting).get(None),  # 9
        "pledges_url": _table_url("line-item-list", meeting=meeting.slug),
        "deliveries_url": _table_url("delivery-list", meeting=meeting.slug),
        "detail_rows": DETAIL_ROWS,
    }
    return _render(request, reading, "pledges/meeting_detail.html", ctx, format)


@params.reads(TABLE)
@reads.cached_page
def line_item_list(request, reading, format=None):
    if "release" in request.GET:
        return releases.as_of_release(request, "line_items", format)  # the release's copies, not the live record
    filterset = filter_line_items(
        request.GET, reading.preview
    )  # 1-5 the choices of the donor, group, category, system, meeting lists
    if format and request.GET.get("_series") != "1":
        return export_views.table_export(request, exports.LINE_ITEMS, filterset, format, "aidtracker-pledges")
    items = filterset.qs
    # the figures are the summaries' unless the page's filters are on more than their keys
    cells = filterset.summary_filters()
    figures = items if cells is None else reads.figures(reading, **cells)
    totals = charts.figures(figures.totals())  # 6
    # 7 count (unless the summaries' total is the count), 8 rows, 9-10 sources
    count = None if cells is None else totals["line_items"]
    page, page_error = paginate(request, items.for_public_list(), count)
    ctx = {
        "filterset": filterset,
        "page": page,
        "page_error": page_error,
        "totals": totals,
        # 11 totals by category, 12 pledged and delivered by month
        **_category_and_monthly(
            "pledges",
            figures,
            totals,
            "Pledged and delivered by category (EUR)",
            "Pledged and delivered over time (EUR, cumulative)",
        ),
    }
    return _render(request, reading, "pledges/line_item_list.html", ctx, format)


@params.reads(TABLE)
@reads.cached_page
def delivery_list(request, reading, format=None):
    if "release" in request.GET:
        return releases.as_of_release(request, "deliveries", format)
    filterset = filter_deliveries(request.GET, reading.preview)  # 1-5 the choices of the filter lists
    if format and request.GET.get("_series") != "1":
        return export_views.table_export(request, exports.DELIVERIES, filterset, format, "aidtracker-deliveries")
    deliveries = filterset.qs
    # the summary cells count the deliveries, unless the page's filters are on more than their keys
    cells = filterset.summary_filters()
    figures, summarised = reads.delivery_figures(reading, deliveries, cells)
    totals = figures.delivery_totals()  # 6
    # 7 count (unless the summaries' total is the count), 8 rows, 9 sources; latest first (the default order)
    # through the counted deliveries' indexes when the filters are on their keys
    if summarised and filterset.form.cleaned_data.get("sort") in (None, [], ["-date"]):
        listed = reads.deliveries_latest_first(reading, deliveries, **cells)
    else:
        listed = deliveries.for_public_list()
    page, page_error = paginate(request, listed, totals["deliveries"] if summarised else None)
    ctx = {
        "filterset": filterset,
        "page": page,
        "page_error": page_error,
        "totals": totals,
        "monthly": charts.deliveries_by_month(  # 10
            "deliveries-monthly", "Deliveries per month", list(figures.monthly_counts())
        ),
        "lag": (deliveries.lag_percentiles() if cells is None else reads.lag_percentiles(reading, **cells)).get(
            None
        ),  # 11
    }
    return _render(request, reading, "pledges/delivery_list.html", ctx, format)


@params.reads(AS_OF_RELEASE)
@reads.cached_page
@readable_as_of_release
def gap(request, reading, format=None):
    filterset = filter_line_items(request.GET, reading.preview)  # 1-5 the filter lists
    cells = filterset.summary_filters()
    if cells is None:  # filters on more than the summaries' keys: the matching line items, live
        items = filterset.qs
        deliveries = Delivery.objects.public(reading.preview).filter(line_item__in=items.order_by().values("pk"))
        donor_lags = deliveries.lag_percentiles(by="line_item__pledge__donor_id")  # 6
        category_lags = deliveries.lag_percentiles(by="line_item__category_id")  # 7
        lag = deliveries.lag_percentiles().get(None)  # 8
    else:  # the whole record, or the donors, groups, categories, a meeting or a system chosen: the summaries
        items = reads.figures(reading, **cells)
        donor_lags = reads.lag_percentiles(reading, by="donor", **cells)
        category_lags = reads.lag_percentiles(reading, by="category", **cells)
        lag = reads.lag_percentiles(reading, **cells).get(None)
    by_donor = _by_donor(items)  # 9
    by_category = list(  # 10
        items.totals_by("category_id", "category__slug", "category__name", "category__position").order_by(
            "category__position"
        )
    )
    ctx = {
        "filterset": filterset,
        "totals": charts.figures(items.totals()),  # 11
        "lag": lag,
        "pledges_url": _table_url("line-item-list") + (f"?{request.GET.urlencode()}" if request.GET else ""),
        "by_donor": charts.gap(
            "gap-donors",
            "Pledged value delivered and not (yet) delivered, by donor (EUR)",
            by_donor,
            "pledge__donor__name",
            link=_donor_link,
            label_heading="Donor",
            lags=donor_lags,
            lag_key="pledge__donor_id",
            known_only=True,
        ),
        "by_category": charts.gap(
            "gap-categories",
            "Pledged value delivered and not (yet) delivered, by category (EUR)",
            by_category,
            "category__name",
            link=_category_link,
            label_heading="Category",
            lags=category_lags,
            lag_key="category_id",
        ),
    }
    return _render(request, reading, "pledges/gap.html", ctx, format)
