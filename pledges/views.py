"""The analysts' pages: function views that build one ctx dict and render it.

Every figure is aggregated by the database, one query per table or chart, and the number of queries
a page makes does not depend on the amount of data (tests/test_page_*.py assert it). Views call
list(); templates only format. Public data is read through the public()/for_public_list()
entry points of the querysets only. Pages without filters count AidTracker's own record
(editorial()), as the filtered pages do by default: the imported trackers overlap with it.
A page, and the summaries it reads, are kept in the cache until the record changes
(pledges/figures/cache.py): the query counts above are those of the first request after a change.

The pledges and deliveries pages are built in two steps, so the exports can reuse the first:
filters.filter_line_items(request.GET) gives the filtered queryset, the view renders it.
"""

import contextvars
import functools

from django.db.models import Count, F, Prefetch
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode

from . import charts, export_views, exports, formatting, querysets, releases
from .figures import cache, lags, upkeep
from .filters import filter_deliveries, filter_line_items, paginate
from .models import (
    Category,
    Delivery,
    Donor,
    LineItem,
    Meeting,
    MeetingCitation,
    MeetingSummary,
    MonthlySummary,
    Pledge,
    PledgeCitation,
    System,
    SystemSummary,
)

TOP_DONORS = 10
LATEST = 8
DETAIL_ROWS = 100  # open line items or deliveries listed on a detail page; the full list is one link away


# pages whose own rows are their export; their charts' series are a second download (?_series=1)
TABLE_PAGES = {"line-item-list", "delivery-list", "donor-list", "meeting-list"}


def _export_name(request):
    match = request.resolver_match
    return "-".join(["aidtracker", match.url_name.removesuffix("-export"), *match.kwargs.get("slug", "").split()])


def _render(request, template, ctx, format=None):
    """The page, or with `format` ("csv" or "json") the same figures as a download."""
    if format:
        return export_views.page_export(request, ctx, format, _export_name(request))
    # when the public record last changed, and whether it holds synthetic data: one query
    ctx["data_as_of"], ctx["synthetic_data"] = upkeep.record_status()
    if release := reading_release.get():
        ctx["release"], ctx["data_as_of"] = release, release.cut_at
    has_charts = any(isinstance(value, charts.Chart) for value in ctx.values())
    ctx["export_links"] = export_views.export_links(
        request, series=has_charts and request.resolver_match.url_name in TABLE_PAGES
    )
    return render(request, template, ctx)


# the line item paths of the summaries' keys
LIVE_PATHS = {"donor": "pledge__donor", "category": "category", "meeting": "pledge__meeting", "system": "system"}
# query parameters that change neither the rows nor the figures of a page
PRESENTATION = {"page", "sort", "_series", "_all", "bom", "preview", "release"}
# the release a page is being read as of (?release=N): set by @readable_as_of_release for one request
reading_release = contextvars.ContextVar("reading_release", default=None)


def _live(key):
    """A filter on the summaries' keys ("donor", "meeting__isnull") as the same filter on line items."""
    field, _, lookup = key.partition("__")
    return LIVE_PATHS[field] + (f"__{lookup}" if lookup else "")


def _filtered(request):
    """Whether the query string filters the record (unfiltered pages read the summaries)."""
    return bool(set(request.GET) - PRESENTATION)


def readable_as_of_release(view):
    """A page whose figures come from the summaries, read as of a release with ?release=N: from its copies.

    A release keeps the summaries as they were when it was cut (summaries.snapshot), so the page's
    figures, charts and exports are the release's, whatever was edited since. Lists of single rows
    are left out: /pledges/?release=N and /deliveries/?release=N list them. A wrong number is a 404
    (a 400 for an export); filters cannot be combined with a release here.
    """

    @functools.wraps(view)
    def wrapper(request, *args, format=None, **kwargs):
        if "release" not in request.GET:
            return view(request, *args, format=format, **kwargs)
        try:
            release = releases.requested(request)
        except releases.BadRelease as error:
            if format:
                return export_views.bad_request(request, format, {"release": [str(error)]})
            raise Http404(str(error)) from error
        if _filtered(request):
            reason = "This page is read as of a release unfiltered; /pledges/ and /deliveries/ filter a release."
            return _refused(request, format, reason)
        token = reading_release.set(release)
        try:
            return view(request, *args, format=format, **kwargs)
        finally:
            reading_release.reset(token)

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


def _rows(queryset, cached=False):
    """A page's list of single rows, or none when the page is read as of a release (see readable_as_of_release).

    `cached`: from the cache until the record changes (pledges/figures/cache.py), for lists slow to find.
    """
    if reading_release.get():
        return []
    if cached:
        return cache.read_rows(queryset)
    return list(queryset)


def _dashboard_figures(**filters):
    """What an unfiltered dashboard aggregates: the summary cells (pledges/figures/upkeep.py) of the public record.

    Same totals(), totals_by() and monthly_pledged_and_delivered() as the live line items, in a few
    milliseconds at a million line items. A staff preview of drafts reads the live line items: the
    summaries hold published facts only. `filters` are on "donor", "category", "meeting" (the
    meetings' cells) or "system" (the systems' cells), with lookups ("meeting__isnull").
    """
    upkeep.flush_pending()  # edits of this thread's open transaction (none outside tests): no query
    keys = {key.partition("__")[0] for key in filters}
    cells = MeetingSummary if "meeting" in keys else SystemSummary if "system" in keys else MonthlySummary
    if release := reading_release.get():
        return cells.objects.as_of(release).filter(**filters)
    if querysets.previewing.get():
        return LineItem.objects.public().editorial().filter(**{_live(key): value for key, value in filters.items()})
    return cells.objects.filter(**filters)


def _dashboard_lags(scope, by=None, **filters):
    """Lag percentiles of an unfiltered page's deliveries, from the lag counts (pledges/figures/lags.py): one query.

    `scope` is a LagCount scope ("donor", "category", "meeting", "all"), `by` one of those to group
    by, `filters` keys of that scope (donor=…); or "system" with system=…, counted from the system's counted
    deliveries (the lag counts stop at categories). A staff preview of drafts computes them live.
    """
    upkeep.flush_pending()
    if release := reading_release.get():
        return lags.percentiles(scope, by=by, release=release, **filters)
    if querysets.previewing.get():
        live = {f"line_item__{_live(key)}": value for key, value in filters.items()}
        deliveries = Delivery.objects.public().editorial().filter(**live)
        return deliveries.lag_percentiles(by=f"line_item__{_live(by)}_id" if by else None)
    if scope == "system":
        return lags.system_percentiles(filters["system"])
    return lags.percentiles(scope, by=by, **filters)


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


@cache.cached_page
@readable_as_of_release
def overview(request, format=None):
    items = _dashboard_figures()
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
        "meetings": _rows(Meeting.objects.public().with_editorial_pledge_count().order_by("-starts_on")[:LATEST]),  # 5
        "pledges": _rows(  # 6 latest pledges, 7 their sources
            Pledge.objects.public()
            .editorial()
            .select_related("donor", "meeting")
            .prefetch_related(Prefetch("citations", queryset=PledgeCitation.objects.select_related("source")))
            .order_by("-date", "-pk")[:LATEST]
        ),
        "pledges_url": _table_url("line-item-list"),
    }
    return _render(request, "pledges/overview.html", ctx, format)


@cache.cached_page
@readable_as_of_release
def donor_list(request, format=None):
    items = _dashboard_figures()
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
    return _render(request, "pledges/donor_list.html", ctx, format)


@cache.cached_page
@readable_as_of_release
def donor_detail(request, slug, format=None):
    donor = get_object_or_404(Donor.objects.public().prefetch_related("groups"), slug=slug)  # 1 donor, 2 groups
    items = LineItem.objects.public().editorial().filter(pledge__donor=donor)
    figures = _dashboard_figures(donor=donor)
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
        "meetings": _rows(  # 6 the meetings where it pledged, with its pledges there
            Meeting.objects.public()
            .filter(pledges__donor=donor, pledges__dataset__isnull=True)
            .annotate(donor_pledges=Count("pledges"))
            .order_by("-starts_on")
        ),
        "open_items": _rows(  # 7 open line items, 8-9 their sources
            items.open().for_public_list().order_by("-pledge__date", "-pk")[:DETAIL_ROWS]
        ),
        "lag": _dashboard_lags("donor", donor=donor).get(None),  # 10
        "open_url": _table_url("line-item-list", **open_filter),
        "pledges_url": _table_url("line-item-list", donor=donor.slug),
        "deliveries_url": _table_url("delivery-list", donor=donor.slug),
        "detail_rows": DETAIL_ROWS,
    }
    return _render(request, "pledges/donor_detail.html", ctx, format)


def _breakdown(request, subject, kind, items, deliveries, filters, lag):
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
        # 4 the latest, 5 their sources: kept in the cache until the record changes (a rare system's are slow to find)
        "deliveries": _rows(
            deliveries.for_public_list().latest_first(sparse=kind == "system")[:DETAIL_ROWS], cached=True
        ),
        "lag": lag,
        "pledges_url": _table_url("line-item-list", **filters),
        "deliveries_url": _table_url("delivery-list", **filters),
        "detail_rows": DETAIL_ROWS,
    }
    return ctx


@cache.cached_page
@readable_as_of_release
def category_detail(request, slug, format=None):
    category = get_object_or_404(Category.objects.all(), slug=slug)  # 1
    deliveries = Delivery.objects.public().editorial().filter(line_item__category=category)
    figures = _dashboard_figures(category=category)
    lag = _dashboard_lags("category", category=category).get(None)  # 6
    ctx = _breakdown(request, category, "category", figures, deliveries, {"category": category.slug}, lag)
    systems = _dashboard_figures(category=category, system__isnull=False).totals_by("system__slug", "system__name")
    ctx["systems"] = [charts.figures(row) for row in _rows(systems.order_by("system__name"))]  # 7 its systems
    return _render(request, "pledges/breakdown.html", ctx, format)


@cache.cached_page
@live_only
def system_detail(request, slug, format=None):
    system = get_object_or_404(System.objects.select_related("category"), slug=slug)  # 1
    deliveries = Delivery.objects.public().editorial().filter(line_item__system=system)
    lag = _dashboard_lags("system", system=system).get(None)
    ctx = _breakdown(
        request, system, "system", _dashboard_figures(system=system), deliveries, {"system": system.slug}, lag
    )
    return _render(request, "pledges/breakdown.html", ctx, format)


@cache.cached_page
@readable_as_of_release
def meeting_list(request, format=None):
    meetings = list(Meeting.objects.public().with_editorial_pledge_count().order_by("-starts_on"))  # 1
    totals = {
        row["pledge__meeting_id"]: charts.figures(row)
        for row in _dashboard_figures(meeting__isnull=False).totals_by("pledge__meeting_id")
    }  # 2 totals per meeting
    lags_by_meeting = _dashboard_lags("meeting", by="meeting")  # 3 lags per meeting
    rows = [(meeting, totals.get(meeting.pk), lags_by_meeting.get(meeting.pk)) for meeting in meetings]
    table = [_meeting_row(meeting, figures) for meeting, figures, _ in rows]
    return _render(
        request, "pledges/meeting_list.html", {"rows": rows, "table": (exports.MEETING_TOTALS, table)}, format
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


@cache.cached_page
@readable_as_of_release
def meeting_detail(request, slug, format=None):
    meeting = get_object_or_404(  # 1 the meeting, 2 its sources
        Meeting.objects.public().prefetch_related(
            Prefetch("citations", queryset=MeetingCitation.objects.select_related("source"))
        ),
        slug=slug,
    )
    items = LineItem.objects.public().editorial().filter(pledge__meeting=meeting)
    figures = _dashboard_figures(meeting=meeting)
    totals = charts.figures(figures.totals())  # 3
    ctx = {
        "meeting": meeting,
        "totals": totals,
        "items": _rows(  # 4 what was announced, with the first delivery; 5-6 sources
            items.for_public_list().with_first_delivery().order_by("pledge__donor__name", "pk")[:DETAIL_ROWS]
        ),
        # 7 totals by category, 8 pledged and delivered by month
        **_category_and_monthly(
            "meeting",
            figures,
            totals,
            "Announced and delivered since, by category (EUR)",
            "Delivered since the meeting (EUR, cumulative)",
        ),
        "lag": _dashboard_lags("meeting", meeting=meeting).get(None),  # 9
        "pledges_url": _table_url("line-item-list", meeting=meeting.slug),
        "deliveries_url": _table_url("delivery-list", meeting=meeting.slug),
        "detail_rows": DETAIL_ROWS,
    }
    return _render(request, "pledges/meeting_detail.html", ctx, format)


@cache.cached_page
def line_item_list(request, format=None):
    if "release" in request.GET:
        return releases.as_of_release(request, "line_items", format)  # the release's copies, not the live record
    filterset = filter_line_items(request.GET)  # 1-5 the choices of the donor, group, category, system, meeting lists
    if format and request.GET.get("_series") != "1":
        return export_views.table_export(request, exports.LINE_ITEMS, filterset, format, "aidtracker-pledges")
    items = filterset.qs
    # unfiltered, the figures are the dashboards' (AidTracker's record): read from the summaries
    figures = items if _filtered(request) else _dashboard_figures()
    totals = charts.figures(figures.totals())  # 6
    # 7 count (unless the summaries' total is the count), 8 rows, 9-10 sources
    count = None if _filtered(request) else totals["line_items"]
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
    return _render(request, "pledges/line_item_list.html", ctx, format)


@cache.cached_page
def delivery_list(request, format=None):
    if "release" in request.GET:
        return releases.as_of_release(request, "deliveries", format)
    filterset = filter_deliveries(request.GET)  # 1-5 the choices of the filter lists
    if format and request.GET.get("_series") != "1":
        return export_views.table_export(request, exports.DELIVERIES, filterset, format, "aidtracker-deliveries")
    deliveries = filterset.qs
    # unfiltered, the figures are AidTracker's whole record: the summary cells count its deliveries
    summarised = not _filtered(request) and not querysets.previewing.get()
    figures = _dashboard_figures() if summarised else deliveries
    totals = figures.delivery_totals()  # 6
    # 7 count (unless the summaries' total is the count), 8 rows, 9 sources
    page, page_error = paginate(request, deliveries.for_public_list(), totals["deliveries"] if summarised else None)
    ctx = {
        "filterset": filterset,
        "page": page,
        "page_error": page_error,
        "totals": totals,
        "monthly": charts.deliveries_by_month(  # 10
            "deliveries-monthly", "Deliveries per month", list(figures.monthly_counts())
        ),
        "lag": (_dashboard_lags("all") if not _filtered(request) else deliveries.lag_percentiles()).get(None),  # 11
    }
    return _render(request, "pledges/delivery_list.html", ctx, format)


@cache.cached_page
@readable_as_of_release
def gap(request, format=None):
    filterset = filter_line_items(request.GET)  # 1-5 the filter lists
    if _filtered(request):
        items = filterset.qs
        deliveries = Delivery.objects.public().filter(line_item__in=items.order_by().values("pk"))
        donor_lags = deliveries.lag_percentiles(by="line_item__pledge__donor_id")  # 6
        category_lags = deliveries.lag_percentiles(by="line_item__category_id")  # 7
        lag = deliveries.lag_percentiles().get(None)  # 8
    else:  # the whole record: its summaries
        items = _dashboard_figures()
        donor_lags, category_lags = _dashboard_lags("donor", by="donor"), _dashboard_lags("category", by="category")
        lag = _dashboard_lags("all").get(None)
    by_donor = [
        row
        for row in _by_donor(items)  # 9
        if row["value_pledged"] is not None or row["units_pledged"] is not None
    ]
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
    return _render(request, "pledges/gap.html", ctx, format)
