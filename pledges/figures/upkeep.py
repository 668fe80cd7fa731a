"""Keeping the figures' tables (pledges/figures/models.py) current with the record.

Cells are kept current incrementally: saving or deleting a pledge, line item or delivery marks its
line items, and the cells they count in: (donor, category, month) for the month of their pledge and
of each of their deliveries. Once the transaction commits (`flush_pending`), the counted deliveries
of those line items are rewritten, only the marked cells recomputed, and the lag counts changed by
the difference. `rebuild()` (the `rebuild_summaries` command) recomputes everything, for bulk loads
that bypass model signals; `snapshot()` keeps a release's copy.
"""

import datetime

from django.db import connection, transaction
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, TruncMonth
from django.db.models.signals import post_delete, post_save, pre_save

from ..models import (
    Category,
    Dataset,
    Delivery,
    DeliveryCitation,
    Donor,
    LineItem,
    LineItemCitation,
    Meeting,
    MeetingCitation,
    Pledge,
    PledgeCitation,
    Source,
    System,
    SystemAlias,
)
from ..querysets import _totals_aggregates
from . import cache, counted, lags
from .models import (
    CELLS,
    COUNTS,
    DELIVERED_FIELDS,
    PLEDGED_FIELDS,
    CountedDelivery,
    LagCount,
    MeetingSummary,
    MonthlySummary,
)
from .sql import analyze, insert_select

SUMMARY_LOCK = 7_202_402  # the advisory lock key of refresh() and rebuild()


def _month(day):
    return day.replace(day=1)


def _next_month(month):
    return (month + datetime.timedelta(days=32)).replace(day=1)


def _in_cells(keys, donor="donor_id", category="category_id", date="month"):
    """Q for rows dated in the months of these (donor_id, category_id, month) cell keys; everything when None."""
    if keys is None:
        return Q()
    by_pair = {}
    for donor_id, category_id, month in keys:
        by_pair.setdefault((donor_id, category_id), set()).add(month)
    condition = Q(pk__in=[])
    for (donor_id, category_id), months in by_pair.items():
        dated = Q(pk__in=[])
        for month in sorted(months):
            dated |= Q(**{f"{date}__gte": month, f"{date}__lt": _next_month(month)})
        condition |= Q(**{donor: donor_id, category: category_id}) & dated
    return condition


PARTS = "summary_parts"  # the temporary table _write() adds the cells of every kind up from
PART_KEYS = ["donor", "category", "meeting", "system", "month"]


def _nulls(names):
    """Typed nulls for these figures, where one side of the UNION in _write() has none."""
    return {name: Cast(Value(None), MonthlySummary._meta.get_field(name).clone()) for name in names}


def _pledged(keys):
    """The figures of the public line items pledged in the cells of these keys (all when None), per PART_KEYS."""
    in_cells = _in_cells(keys, "pledge__donor_id", "category_id", "pledge__date")
    items = LineItem.objects.public().editorial().filter(in_cells).order_by()
    parts = items.values(
        donor_part=F("pledge__donor_id"),
        category_part=F("category_id"),
        meeting_part=F("pledge__meeting_id"),
        system_part=F("system_id"),
        month_part=TruncMonth("pledge__date"),
    )
    return parts.annotate(**_totals_aggregates(), **_nulls(DELIVERED_FIELDS))


def _delivered(keys):
    """The figures of the public deliveries dated in the cells of these keys (all when None), per PART_KEYS."""
    rows = CountedDelivery.objects.filter(_in_cells(keys)).order_by()
    parts = rows.values(**{f"{key}_part": F(key) for key in PART_KEYS})
    return parts.annotate(
        **_nulls(PLEDGED_FIELDS),
        value_delivered_in_month=Sum("value"),
        units_delivered_in_month=Sum("units"),
        deliveries_in_month=Count("pk"),
        delivery_units_in_month=Sum("countable_units"),
        deliveries_without_quantity_in_month=Count("pk", filter=Q(quantity_unknown=True)),
    )


def _write(keys):
    """Recompute the cells of every kind with these (donor_id, category_id, month) keys (all when None).

    The pledged and delivered figures are read once, per donor, category, meeting, system and month,
    into a temporary table; each kind of cell adds them up from it with a DELETE and an INSERT … SELECT.
    """
    figures = PLEDGED_FIELDS + DELIVERED_FIELDS
    group = [f"{key}_part" for key in PART_KEYS]
    sides = [side(keys).values_list(*group, *figures) for side in (_pledged, _delivered)]
    union, params = sides[0].union(sides[1], all=True).query.sql_with_params()
    sums = [f"COALESCE(SUM({name}), 0)" if name in COUNTS else f"SUM({name})" for name in figures]
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMPORARY TABLE {PARTS} AS {union}", params)
        for model in CELLS:
            model.objects.filter(_in_cells(keys)).delete()
            keyed = [*_keys(model), "month"]
            cell = ", ".join(f"{key}_part" for key in keyed)
            where = f"WHERE {model.key}_part IS NOT NULL" if model.key else ""
            sql = f"SELECT {cell}, {', '.join(sums)} FROM {PARTS} {where} GROUP BY {cell}"
            insert_select(model, [*keyed, *figures], sql, [])
            _add_up_months(model, keys)
        cursor.execute(f"DROP TABLE {PARTS}")


def _keys(model):
    """What a cell of `model` is keyed by besides its month: its month cells and its month-less sum alike."""
    return ["donor", "category", *([model.key] if model.key else [])]


def _add_up_months(model, keys):
    """Rewrite the cells without a month (figures/models.py) of the (donor, category) pairs of these keys (all when
    None) as the sums of their month cells: one DELETE, one INSERT … SELECT over the pairs' month cells."""
    pairs = Q() if keys is None else Q(pk__in=[])
    for donor_id, category_id in {(donor_id, category_id) for donor_id, category_id, _ in keys or ()}:
        pairs |= Q(donor_id=donor_id, category_id=category_id)
    model.objects.filter(pairs, month=None).delete()
    keyed = _keys(model)
    figures = PLEDGED_FIELDS + DELIVERED_FIELDS
    sums = {f"sum_{name}": Coalesce(Sum(name), 0) if name in COUNTS else Sum(name) for name in figures}
    months = model.objects.filter(pairs, month__isnull=False).order_by().values(*keyed).annotate(**sums)
    insert_select(model, [*keyed, *figures], *months.values_list(*keyed, *sums).query.sql_with_params())


def _lock():
    """Let one refresh run at a time: lag counts change by the difference between counted deliveries' old and
    new rows, which another refresh must not be rewriting meanwhile.

    A transaction-level advisory lock on PostgreSQL; SQLite runs one writing transaction at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SUMMARY_LOCK])


def rebuild():
    """Recompute every counted delivery, cell and lag count. Returns the number of monthly cells."""
    with transaction.atomic():
        _lock()
        counted.rebuild()
        _write(None)
        lags.rebuild()
        analyze(CountedDelivery, *CELLS, LagCount)
        cache.bump()
    if (pending := _pending()) is not None:  # everything was recomputed: nothing left to refresh
        pending.done = True
    return MonthlySummary.objects.filter(month__isnull=False).count()


def refresh(keys, line_item_ids):
    """Recompute the cells of these (donor_id, category_id, month) keys, the counted deliveries of these line
    items, and the lag counts by as much as those changed."""
    keys = {key for key in keys if None not in key}
    if not keys:  # a marked line item brings its pledge's cell: nothing was marked
        return 0
    with transaction.atomic():
        _lock()
        lag_changes = counted.replace(line_item_ids)
        _write(keys)
        lags.change(lag_changes)
        cache.bump()
    return len(keys)


def snapshot(release):
    """Keep a copy of the live cells and of the lag counts the pages read, as of `release` (releases.cut).

    Copied by INSERT … SELECT, so the values never pass through Python (SQLite's decimals would round).
    """
    flush_pending()
    kept = {
        MonthlySummary: MonthlySummary.objects.all(),
        MeetingSummary: MeetingSummary.objects.all(),
        # the per-pair counts serve the filtered pages only, which are read live
        LagCount: LagCount.objects.exclude(scope=LagCount.Scope.PAIR),
    }
    for model, rows in kept.items():
        fields = [field.name for field in model._meta.concrete_fields if field.name not in ("id", "release")]
        select = rows.order_by().annotate(copy_of=Value(release.pk)).values_list("copy_of", *fields)
        insert_select(model, ["release", *fields], *select.query.sql_with_params())
    cache.bump()


# --- Incremental upkeep -------------------------------------------------------------------------


class _Refresh:
    """What one transaction marked (cell keys, line item ids), recomputed when it commits: its on_commit callback.

    Kept in the transaction's own list of callbacks rather than beside it, so a savepoint's rollback drops the
    marks made in it with the callback, and a new transaction starts with none.
    """

    def __init__(self):
        self.cells, self.line_items, self.done = set(), set(), False

    def __call__(self):
        if not self.done:  # run early by flush_pending, or made needless by a rebuild: not again at the commit
            self.done = True
            refresh(self.cells, self.line_items)


def _pending():
    """The open transaction's _Refresh that has not run yet; None outside a transaction or before its first mark."""
    if not connection.in_atomic_block:
        return None
    callbacks = (callback for _, callback, _ in connection.run_on_commit if isinstance(callback, _Refresh))
    return next((callback for callback in callbacks if not callback.done), None)


def mark(cells, line_items):
    """Note (donor_id, category_id, month) cells, and line items whose deliveries count anew, to recompute once the
    transaction commits (at once outside a transaction)."""
    pending = _pending()
    if pending is None:
        pending = _Refresh()
        pending.cells.update(cells)
        pending.line_items.update(line_items)
        transaction.on_commit(pending)
    else:
        pending.cells.update(cells)
        pending.line_items.update(line_items)


def flush_pending():
    """Recompute now what the open transaction marked, as its commit would; no query when nothing is pending.

    For reads inside the transaction that changed the record (tests never commit), and a release's snapshot.
    """
    if (pending := _pending()) is not None:
        pending()


# --- The receivers that mark what changed -------------------------------------------------------


def _mark_line_items(extra_month=None, **filters):
    """Mark these line items of AidTracker's record (imported ones count in no cell) and the cells they count
    in: their pledge's month, their deliveries' months, and `extra_month` (a deleted delivery's). Two queries.
    """
    items = LineItem.objects.filter(**filters).editorial()
    pledged = list(items.values_list("pk", "pledge__donor_id", "category_id", "pledge__date"))
    delivered = Delivery.objects.filter(line_item__in=items.values("pk")).values_list(
        "line_item__pledge__donor_id", "line_item__category_id", "date"
    )
    cells = {(donor_id, category_id, _month(day)) for _, donor_id, category_id, day in pledged}
    cells |= {(donor_id, category_id, _month(day)) for donor_id, category_id, day in delivered}
    if extra_month:
        cells |= {(donor_id, category_id, _month(extra_month)) for _, donor_id, category_id, _ in pledged}
    mark(cells, {pk for pk, *_ in pledged})


def _imported(line_item):
    """Whether a line item whose pledge is loaded (as an importer's is) comes from a dataset: no query."""
    return LineItem.pledge.is_cached(line_item) and line_item.pledge.dataset_id is not None


def _pledge_before(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        _mark_line_items(pledge_id=instance.pk)


def _pledge_after(sender, instance, raw=False, **kwargs):
    if instance.dataset_id is None:
        _mark_line_items(pledge_id=instance.pk)


def _line_item_before(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        _mark_line_items(pk=instance.pk)


def _line_item_after(sender, instance, **kwargs):
    if not _imported(instance):
        _mark_line_items(pk=instance.pk)


def _line_item_deleted(sender, instance, **kwargs):
    pledge = Pledge.objects.editorial().filter(pk=instance.pledge_id).values_list("donor_id", "date").first()
    if pledge:  # deleted with its pledge: no cell counts it any more (its deliveries marked theirs)
        mark({(pledge[0], instance.category_id, _month(pledge[1]))}, {instance.pk})


def _delivery_before(sender, instance, raw=False, **kwargs):
    if instance.pk and not raw:
        _mark_line_items(deliveries__pk=instance.pk)


def _delivery_after(sender, instance, **kwargs):
    if not (Delivery.line_item.is_cached(instance) and _imported(instance.line_item)):
        _mark_line_items(pk=instance.line_item_id)


def _delivery_deleted(sender, instance, **kwargs):
    # its line item's other months too: the value of its later deliveries moves up
    _mark_line_items(extra_month=instance.date, pk=instance.line_item_id)


def _changed(sender, using, **kwargs):
    cache.bump(using)


# what pages read beside the figures (names, slugs, sources, quotes, datasets): a change is a new version too
_READ_BESIDE = (Donor, Category, System, SystemAlias, Meeting, Source, Dataset)
_CITATIONS = (MeetingCitation, PledgeCitation, LineItemCitation, DeliveryCitation)

# every receiver of the figures' upkeep, as (signal, sender, receiver); connect() connects them at start-up
RECEIVERS = [
    (pre_save, Pledge, _pledge_before),
    (post_save, Pledge, _pledge_after),
    (pre_save, LineItem, _line_item_before),
    (post_save, LineItem, _line_item_after),
    (post_delete, LineItem, _line_item_deleted),
    (pre_save, Delivery, _delivery_before),
    (post_save, Delivery, _delivery_after),
    (post_delete, Delivery, _delivery_deleted),
    *[(signal, model, _changed) for model in (*_READ_BESIDE, *_CITATIONS) for signal in (post_save, post_delete)],
]


def connect():
    """Connect RECEIVERS (PledgesConfig.ready)."""
    for signal, sender, receiver in RECEIVERS:
        signal.connect(receiver, sender=sender, weak=False)
