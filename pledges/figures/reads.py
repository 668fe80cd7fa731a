"""The front door of the figures: what a page shows, read the way the page is being read.

A page is read live or as of a release (?release=N), by the public or by a staff member previewing
drafts (?preview=1, pledges/review.py), and, for a visitor who is not logged in, kept whole in the
cache under the version it looked up once for all its reads (`cached_page`). A `Reading` carries
those three from the view to every read here, and each read picks its source: a release's copies of
the summaries, the live summaries, or, in a preview (the summaries count published facts only), the
live line items and deliveries. Views ask these functions for figures; they do not choose the source.
"""

import dataclasses
import datetime
import functools
import zlib

from django.db import connections, router
from django.http import HttpResponse
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware

from ..models import Delivery, LineItem, Pledge, Release, Source
from ..synthetic import SYNTHETIC_MARKER
from . import cache, lags, upkeep
from .cache import SummaryVersion
from .models import CountedDelivery, MeetingSummary, MonthlySummary, SystemSummary

# the line item paths of the summaries' keys
LIVE_PATHS = {"donor": "pledge__donor", "category": "category", "meeting": "pledge__meeting", "system": "system"}


@dataclasses.dataclass(frozen=True)
class Reading:
    """How a page reads the figures (see above); the default is the live record as the public sees it."""

    preview: bool = False  # a staff member's preview: drafts beside published facts (request.preview)
    release: Release | None = None  # as of this release (?release=N); None: the live record
    page_version: tuple | None = None  # the (database alias, token) a cached page looked up for all its reads


PUBLIC = Reading()  # the live record as the public sees it, each read looking the cache's version up


def cached_page(view):
    """A public page kept in the cache until the record changes, for visitors who are not logged in.

    Its HTML depends on its address only (no page shows who is reading), so one copy serves every
    anonymous visitor: a request checks the version and reads the cache, nothing else. The address is
    the path and request.GET, which params.reads has cut down to the parameters the page reads, so noise
    in the query string gets no entry of its own. Rendering one reads the version once for all its
    reads. A HEAD reads the same copy as a GET (the server sends no body). Staff (who may preview
    drafts), exports (streamed) and anything but a 200 are never kept. The view is called with
    `reading`, a Reading to pass to every read.
    """

    @functools.wraps(view)
    def wrapper(request, *args, format=None, **kwargs):
        if format or request.method not in ("GET", "HEAD") or request.user.is_authenticated:
            return view(request, *args, format=format, reading=Reading(preview=request.preview), **kwargs)

        upkeep.flush_pending()  # the open transaction's edits (none outside tests) first: no query
        using = router.db_for_read(SummaryVersion)
        reading = Reading(page_version=(using, cache.token(using)))

        def render():
            response = view(request, *args, reading=reading, **kwargs)
            return response.status_code, response["Content-Type"], zlib.compress(response.content, 1)

        status, content_type, content = cache.read(
            using,
            ("page", request.path, request.GET.urlencode()),
            render,
            keep=lambda page: page[0] == 200,
            page_version=reading.page_version,
        )
        return HttpResponse(zlib.decompress(content), status=status, content_type=content_type)

    return wrapper


def _live(key):
    """A filter on the summaries' keys ("donor", "meeting__isnull") as the same filter on line items."""
    field, _, lookup = key.partition("__")
    return LIVE_PATHS[field] + (f"__{lookup}" if lookup else "")


class Figures:
    """What an unfiltered page aggregates, read as `reading` says (see figures()).

    The same totals(), totals_by(), monthly_pledged_and_delivered(), delivery_totals() and monthly_counts()
    as the live line items and deliveries give: from the summary cells (pledges/figures/models.py), in a few
    milliseconds at a million line items, or, in a staff preview of drafts (the cells hold published facts
    only), from the live line items. Grouped by a line item field the cells do not hold (FIELD_NAMES), the
    figures are the live line items' (no cell ever raises for a field it lacks); a page read as of a release
    has none of those: its copies hold the cells' keys only.
    """

    def __init__(self, reading, filters):
        self.reading, self.filters = reading, filters
        keys = {key.partition("__")[0] for key in filters}
        self.cell = MeetingSummary if "meeting" in keys else SystemSummary if "system" in keys else MonthlySummary

    def _cells(self):
        cells = self.cell.objects.as_of(self.reading.release) if self.reading.release else self.cell.objects
        return cells.filter(**self.filters).under(self.reading.page_version)

    def _live(self):
        items = LineItem.objects.public(self.reading.preview).editorial()
        if self.reading.release:  # the live record is not the release's
            items = items.none()
        return items.filter(**{_live(key): value for key, value in self.filters.items()})

    def _source(self, fields=()):
        held = all(self.cell.holds(name) for name in fields)
        if held and (self.reading.release or not self.reading.preview):  # a release's copies even in a preview
            return self._cells()
        return self._live()

    def totals(self):
        return self._source().totals()

    def totals_by(self, *fields):
        return self._source(fields).totals_by(*fields)

    def monthly_pledged_and_delivered(self, measure="value"):
        return self._source().monthly_pledged_and_delivered(measure)

    def delivery_totals(self):
        return self._cells().delivery_totals()

    def monthly_counts(self):
        return self._cells().monthly_counts()


def figures(reading, **filters):
    """The figures an unfiltered page aggregates (Figures), read as `reading` says. `filters` are on "donor",
    "category", "meeting" (the meetings' cells) or "system" (the systems' cells), with lookups ("meeting__isnull").
    """
    upkeep.flush_pending()  # the open transaction's edits (none outside tests): no query
    return Figures(reading, filters)


def delivery_figures(reading, deliveries, cells):
    """The deliveries page's delivery_totals() and monthly_counts(): the summary cells of `cells`, filters on their
    keys (RecordFilterSet.summary_filters: {} for the whole record), or the page's own `deliveries` when the cells
    cannot answer its filters (`cells` None) or a preview shows drafts. Returns them and whether they are the
    cells (whose count of deliveries is then the page's row count)."""
    if cells is None or reading.preview:
        return deliveries, False
    return figures(reading, **cells), True


def lag_percentiles(reading, by=None, **filters):
    """Lag percentiles per `by` ("donor", "category", "meeting" or None) of the deliveries `filters` select, on the
    summaries' keys (donor=…, category__pk__in=…, as RecordFilterSet.summary_filters gives them): one query.

    From the smallest scope of lag counts (pledges/figures/lags.py) that holds the keys filtered and grouped by:
    the whole record's, a donor's, a category's, a meeting's, or the counts per donor and category; the counts
    stop there, so a system's, or a meeting's by donor or category, come from the counted deliveries. A release's
    are its copies of the counts; a staff preview of drafts computes them live.
    """
    upkeep.flush_pending()
    keys = {key.partition("__")[0] for key in filters} | ({by} if by else set())
    if keys <= {"donor", "category"}:
        scope = "all" if not keys else "pair" if len(keys) > 1 else next(iter(keys))
    else:
        scope = "meeting" if keys == {"meeting"} else None
    if reading.release:
        return lags.percentiles(scope, by=by, release=reading.release, page_version=reading.page_version, **filters)
    if reading.preview:
        live = {f"line_item__{_live(key)}": value for key, value in filters.items()}
        deliveries = Delivery.objects.public(preview=True).editorial().filter(**live)
        return deliveries.lag_percentiles(by=f"line_item__{_live(by)}_id" if by else None)
    if scope is None:
        return lags.counted_percentiles(by=by, page_version=reading.page_version, **filters)
    return lags.percentiles(scope, by=by, page_version=reading.page_version, **filters)


def rows(reading, queryset, cached=False):
    """A page's list of single rows, or none when the page is read as of a release (its copies keep figures only).

    `cached`: from the cache until the record changes (pledges/figures/cache.py), for lists slow to find.
    """
    if reading.release:
        return []
    if cached:
        return cache.read_rows(queryset, reading.page_version)
    return list(queryset)


class _LatestCounted:
    """Deliveries latest first, with what a row shows, sliced as a Paginator slices: each slice's ids are read first
    from the counted deliveries (their (key, date) indexes), then those deliveries. A slice is a queryset."""

    def __init__(self, listed, counted):
        self.listed, self.counted = listed, counted

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("deliveries are read a page at a time")
        return self.listed.filter(pk__in=self.counted[index])


def deliveries_latest_first(reading, deliveries, **cells):
    """A page's public `deliveries` (AidTracker's record; those `cells` select: filters on the counted deliveries'
    keys, as RecordFilterSet.summary_filters gives them), latest first by date then id, with what a row shows: a
    queryset, or a sequence a Paginator or a slice reads a page of.

    Selected by a key (one donor, category, meeting or system), a page's ids are the first rows of the counted
    deliveries' (key, date) index, where the live query sorts every selected delivery or walks all deliveries by
    date until it has a page (at 1M line items: a meeting's first page 22 s, a small donor's 0.3 s). Unselected,
    the deliveries' own date index serves; a preview, which shows drafts, reads them live.
    """
    listed = deliveries.for_public_list().latest_first()
    if reading.preview or not cells:
        return listed
    counted = CountedDelivery.objects.filter(**cells).order_by("-date", "-delivery").values("delivery")
    return _LatestCounted(listed, counted)


def record_status(preview=False):
    """When the public record (with drafts in a preview) last changed, and whether it holds synthetic data: one
    query."""
    latest = Pledge.objects.public(preview).order_by("-updated_at").values("updated_at")[:1]
    marker = Source.objects.filter(archive_ref=SYNTHETIC_MARKER).values("pk")[:1]
    latest_sql, latest_params = latest.query.sql_with_params()
    marker_sql, marker_params = marker.query.sql_with_params()
    with connections[latest.db].cursor() as cursor:
        cursor.execute(f"SELECT ({latest_sql}), EXISTS ({marker_sql})", (*latest_params, *marker_params))
        data_as_of, synthetic = cursor.fetchone()
    if isinstance(data_as_of, str):  # SQLite hands raw values back as text
        data_as_of = parse_datetime(data_as_of)
    if data_as_of is not None and is_naive(data_as_of):
        data_as_of = make_aware(data_as_of, timezone=datetime.UTC)
    return data_as_of, bool(synthetic)


def synthetic_data(request):
    """Context processor: `synthetic_data` for pages that do not set it; queried only if a template asks."""
    return {"synthetic_data": lambda: record_status()[1]}
