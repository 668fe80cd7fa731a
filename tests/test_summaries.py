"""The dashboards' summary cells add up to exactly what the live aggregates count, after any edit."""

import datetime
import importlib
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Count, Q
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pledges import charts, formatting, releases, synthetic
from pledges.figures import lags, reads, upkeep
from pledges.models import (
    Category,
    CountedDelivery,
    Delivery,
    Donor,
    DonorGroup,
    LineItem,
    Meeting,
    MeetingSummary,
    MonthlySummary,
    Pledge,
    System,
    SystemSummary,
)

from . import factories, records

CENT = Decimal("0.01")


def publish_everything():
    """Issue 5's review states, where present: the facts created here are published."""
    for model in (Pledge, LineItem, Delivery):
        if any(field.name == "publication" for field in model._meta.fields):
            model.objects.update(publication="published")


def monthly(rows):
    """{(month, kind): total} with totals to the cent: shares of a delivery's value are not whole cents."""
    return {(month, kind): None if total is None else Decimal(str(total)).quantize(CENT) for month, kind, total in rows}


def assert_summaries_match_live(**filters):
    live = LineItem.objects.public().editorial().filter(**{f"pledge__{key}": value for key, value in filters.items()})
    cells = MonthlySummary.objects.filter(**filters)
    assert cells.totals() == live.totals()
    for fields in (
        ["pledge__donor_id", "pledge__donor__slug", "pledge__donor__name"],
        ["category__slug", "category__name", "category__position"],
    ):
        ordered = [*fields]
        assert list(cells.totals_by(*fields).order_by(*ordered)) == list(live.totals_by(*fields).order_by(*ordered))
    for measure in ("value", "units"):
        assert monthly(cells.monthly_pledged_and_delivered(measure)) == monthly(
            live.monthly_pledged_and_delivered(measure)
        )


def assert_meeting_cells_match_live():
    live = LineItem.objects.public().editorial().filter(pledge__meeting__isnull=False)
    cells = MeetingSummary.objects.all()
    field = ["pledge__meeting_id"]
    assert list(cells.totals_by(*field).order_by(*field)) == list(live.totals_by(*field).order_by(*field))
    for meeting in Meeting.objects.filter(pledges__isnull=False).distinct():
        of_meeting, cells_of_meeting = live.filter(pledge__meeting=meeting), cells.filter(meeting=meeting)
        assert cells_of_meeting.totals() == of_meeting.totals()
        by_category = ["category__slug", "category__name", "category__position"]
        assert list(cells_of_meeting.totals_by(*by_category).order_by(*by_category)) == list(
            of_meeting.totals_by(*by_category).order_by(*by_category)
        )
        assert monthly(cells_of_meeting.monthly_pledged_and_delivered()) == monthly(
            of_meeting.monthly_pledged_and_delivered()
        )


def assert_system_cells_match_live():
    live = LineItem.objects.public().editorial().filter(system__isnull=False)
    cells = SystemSummary.objects.all()
    by_system = ["system__slug", "system__name"]
    assert list(cells.totals_by(*by_system).order_by(*by_system)) == list(
        live.totals_by(*by_system).order_by(*by_system)
    )
    by_donor = [*by_system, "pledge__donor_id", "pledge__donor__slug", "pledge__donor__name"]
    assert list(cells.totals_by(*by_donor).order_by(*by_donor)) == list(live.totals_by(*by_donor).order_by(*by_donor))
    # each system's months: four queries a system, so of the demo record's hundred systems the twenty with the most
    # line items
    systems = System.objects.filter(line_items__in=live).annotate(items=Count("line_items")).order_by("-items", "pk")
    assert systems
    for system in systems[:20]:
        of_system, cells_of_system = live.filter(system=system), cells.filter(system=system)
        for measure in ("value", "units"):
            assert monthly(cells_of_system.monthly_pledged_and_delivered(measure)) == monthly(
                of_system.monthly_pledged_and_delivered(measure)
            )


def assert_delivery_counts_match_live():
    """The deliveries page's totals and months, from the cells, are the live ones; and there are some."""
    live = Delivery.objects.public().editorial()
    cells = MonthlySummary.objects.all()
    assert cells.delivery_totals() == live.delivery_totals()
    assert cells.delivery_totals()["deliveries"] > 0
    assert list(cells.monthly_counts()) == list(live.monthly_counts())


def assert_lags_match_live():
    """Every scope's percentiles, read from the counts, are the live ones; and there is something to compare."""
    live = Delivery.objects.public().editorial()
    assert lags.percentiles("all") == live.lag_percentiles()
    assert lags.percentiles("all")[None]["deliveries"] > 0
    assert lags.percentiles("donor", by="donor") == live.lag_percentiles(by="line_item__pledge__donor_id")
    assert lags.percentiles("category", by="category") == live.lag_percentiles(by="line_item__category_id")
    # the counts per donor and category add up to any selection of donors and categories, grouped either way
    germany, tanks = Donor.objects.get(code="DE"), Category.objects.get(slug="tanks")
    assert lags.percentiles("pair", by="category", donor=germany) == live.filter(
        line_item__pledge__donor=germany
    ).lag_percentiles(by="line_item__category_id")
    assert lags.percentiles("pair", by="donor", category=tanks) == live.filter(
        line_item__category=tanks
    ).lag_percentiles(by="line_item__pledge__donor_id")
    assert lags.percentiles("pair") == lags.percentiles("all")
    by_meeting = live.lag_percentiles(by="line_item__pledge__meeting_id")
    by_meeting.pop(None, None)
    assert by_meeting
    assert lags.percentiles("meeting", by="meeting") == by_meeting
    some_meeting = next(iter(by_meeting))
    assert lags.percentiles("meeting", meeting=some_meeting)[None] == by_meeting[some_meeting]
    of_meeting = live.filter(line_item__pledge__meeting=some_meeting)
    assert lags.counted_percentiles(by="donor", meeting=some_meeting) == of_meeting.lag_percentiles(
        by="line_item__pledge__donor_id"
    )
    systems = System.objects.filter(line_items__deliveries__isnull=False).distinct()
    assert systems
    for system in systems:
        assert lags.counted_percentiles(system=system) == live.filter(line_item__system=system).lag_percentiles()


def every_counted_delivery():
    """Every column of every counted delivery but its id, in order."""
    fields = [field.attname for field in CountedDelivery._meta.concrete_fields if field.name != "id"]
    return sorted(CountedDelivery.objects.values_list(*fields))


@pytest.fixture
def grown_record(seed_record):
    records.grow(3)
    publish_everything()
    upkeep.rebuild()


def test_rebuilt_summaries_match_the_live_aggregates(grown_record):
    assert MonthlySummary.objects.exists()
    assert_summaries_match_live()
    assert_meeting_cells_match_live()
    assert_system_cells_match_live()
    assert_delivery_counts_match_live()
    assert_lags_match_live()


def test_lag_percentiles_from_counts_interpolate_as_the_live_ones(seed_record):
    """Ties, an even count and a lag 'on or before' (left out) give the same figures from counts as live."""
    publish_everything()
    donor = factories.donor("ZZ", name="Zedland", kind="coalition")
    pledge = factories.pledge(donor, date=datetime.date(2024, 1, 1))
    item = factories.line_item(pledge, quantity=100)
    for days in (10, 10, 10, 40, 95, 300):
        factories.delivery(item, quantity=1, date=pledge.date + datetime.timedelta(days=days))
    bounded = factories.delivery(item, quantity=1, date=datetime.date(2025, 1, 1))
    Delivery.objects.filter(pk=bounded.pk).update(date_precision="on_or_before")
    publish_everything()
    upkeep.rebuild()
    figures = lags.percentiles("donor", donor=donor)[None]
    assert figures == {"deliveries": 6, "median_days": Decimal("25"), "p90_days": Decimal("197.5")}
    assert figures == Delivery.objects.filter(line_item=item).lag_percentiles()[None]


def test_edits_are_reflected_in_the_affected_cells_only(grown_record):
    item = LineItem.objects.filter(quantity__isnull=False, deliveries__isnull=False).first()
    other = LineItem.objects.exclude(pk=item.pk).filter(deliveries__isnull=False).first()
    pledge = Pledge.objects.exclude(pk=item.pledge_id).editorial().first()
    cancelled = LineItem.objects.exclude(pk__in=[item.pk, other.pk]).first()
    involved = {item.pledge.donor_id, other.pledge.donor_id, pledge.donor_id, cancelled.pledge.donor_id}
    untouched = set(MonthlySummary.objects.exclude(donor__in=involved).values_list("pk", flat=True))

    item.quantity += 5
    item.value_reported = Decimal("12345678.90")
    item.save()
    delivery = item.deliveries.first()
    delivery.date = delivery.date + datetime.timedelta(days=70)
    delivery.save()
    factories.delivery(item, quantity=1, date=delivery.date)
    other.deliveries.last().delete()
    pledge.date = pledge.date - datetime.timedelta(days=400)
    pledge.donor = item.pledge.donor
    pledge.meeting = Meeting.objects.exclude(pk=pledge.meeting_id).first()
    pledge.save()
    cancelled.stage = LineItem.Stage.CANCELLED
    cancelled.save()
    publish_everything()  # the new delivery, whose cells are already marked

    upkeep.flush_pending()  # what the commit does (on_commit), run here inside the test's transaction

    assert_summaries_match_live()
    assert_summaries_match_live(donor=item.pledge.donor_id)
    assert_meeting_cells_match_live()
    assert_system_cells_match_live()
    assert_delivery_counts_match_live()
    assert_lags_match_live()
    # the cells of other donors were left alone: the same rows, not a rebuild
    assert untouched
    assert untouched <= set(MonthlySummary.objects.values_list("pk", flat=True))


def test_a_commit_refreshes_the_cells_without_a_rebuild(seed_record, django_capture_on_commit_callbacks):
    publish_everything()
    upkeep.rebuild()
    germany = factories.donor("ZZ", name="Zedland", kind="coalition")
    with django_capture_on_commit_callbacks(execute=True):
        pledge = factories.pledge(germany, date=datetime.date(2024, 5, 3))
        item = factories.line_item(pledge, quantity=4, value_reported="400")
        factories.delivery(item, quantity=1, date=datetime.date(2024, 6, 1))
        publish_everything()
        for fact in (pledge, item, *item.deliveries.all()):
            fact.refresh_from_db()
            fact.save()
    assert MonthlySummary.objects.filter(donor=germany).totals()["value_pledged"] == Decimal("400.00")
    assert_summaries_match_live()


def test_the_overview_shows_the_live_figures_from_the_summaries(client, grown_record):
    response = client.get(reverse("pledges:overview"))
    live = LineItem.objects.public().editorial()
    assert response.context["totals"]["value_pledged"] == live.totals()["value_pledged"]
    assert response.context["totals"]["line_items"] == live.totals()["line_items"]


def test_figures_grouped_by_a_field_the_cells_do_not_hold_come_from_the_live_line_items(grown_record):
    # a new chart keyed by such a field (ARCHITECTURE.md, "How to add a chart") needs no change to the summaries
    live = LineItem.objects.public().editorial()
    expected = list(live.totals_by("funding_mode").order_by("funding_mode"))
    assert len(expected) > 1
    assert list(reads.figures(reads.PUBLIC).totals_by("funding_mode").order_by("funding_mode")) == expected
    germany = Donor.objects.get(code="DE")
    by_donor = reads.figures(reads.PUBLIC, donor=germany).totals_by("funding_mode").order_by("funding_mode")
    assert list(by_donor) == list(live.filter(pledge__donor=germany).totals_by("funding_mode").order_by("funding_mode"))
    # a release keeps the cells' keys only: no live figures pass for the release's
    release = releases.cut(None, datetime.date(2024, 1, 31))
    assert list(reads.figures(reads.Reading(release=release)).totals_by("funding_mode")) == []


def test_generate_demo_data_keeps_every_invariant_and_says_synthetic(client, db):
    call_command("generate_demo_data", "--line-items", "400", verbosity=0)
    assert synthetic.is_present()
    assert LineItem.objects.count() == 400
    assert Delivery.objects.count() > 400
    # the delivered totals the triggers keep were set for the whole load
    for item in LineItem.objects.filter(delivery_count__gt=0)[:50]:
        delivered = item.deliveries.all()
        assert item.delivery_count == delivered.count()
        assert item.quantity_delivered == sum(d.quantity or 0 for d in delivered)
    # and the triggers are back: over-delivery is refused
    item = LineItem.objects.filter(quantity__isnull=False, over_delivery_confirmed=False).exclude(stage="cancelled")
    item = item.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.delivery(item, quantity=item.quantity + 1, date=item.pledge.date + datetime.timedelta(days=1))
    assert_summaries_match_live()
    assert_meeting_cells_match_live()
    assert_system_cells_match_live()
    assert_delivery_counts_match_live()
    assert_lags_match_live()
    # a pledge made at a meeting is dated on the meeting's first day
    at_meetings = Pledge.objects.filter(meeting__isnull=False)
    assert at_meetings.exists()
    assert not at_meetings.exclude(date=models.F("meeting__starts_on")).exists()
    assert "synthetic data" in client.get(reverse("pledges:overview")).content.decode()

    call_command("generate_demo_data", "--remove", verbosity=0)
    assert not synthetic.is_present()
    assert not LineItem.objects.filter(pledge__dataset_key__startswith="synthetic:").exists()
    assert "synthetic data" not in client.get(reverse("pledges:overview")).content.decode()


def _aggregates_line_items(queries):
    """The queries that add up line items or deliveries (SUM, COUNT or a percentile over them), not cells."""
    return [
        query["sql"]
        for query in queries
        if ('FROM "pledges_lineitem"' in query["sql"] or 'FROM "pledges_delivery"' in query["sql"])
        and any(word in query["sql"] for word in ("SUM(", "COUNT(", "percentile", "ROW_NUMBER"))
    ]


def listed(value):
    return [value] if isinstance(value, str) else value


# filters the summaries' keys answer: donors, a donor group, categories, and both
BY_CELL_KEYS = [
    {"donor": "de"},
    {"donor": ["de", "pl"]},
    {"donor_group": "seed-group"},
    {"category": "tanks"},
    {"category": ["tanks", "ammunition"], "donor": "de"},
    {"donor": "de", "dataset": "aidtracker", "sort": "-value"},
    {"meeting": "udcg-100"},
    {"meeting": ["udcg-100", "udcg-101"], "donor": "de"},
    {"system": "leopard-2a6"},
    {"system": "leopard-2a6", "category": "tanks", "donor": ["de", "dk"]},
]


@pytest.mark.parametrize("query", BY_CELL_KEYS, ids=lambda query: "&".join(f"{k}={v}" for k, v in query.items()))
def test_pages_filtered_by_the_summaries_keys_read_the_summaries_and_show_the_live_figures(client, grown_record, query):
    group = DonorGroup.objects.create(slug="seed-group", name="Seed group")
    members = Donor.objects.filter(code__in=["DE", "GB"])
    for member in members:
        member.groups.add(group)
    chosen = LineItem.objects.public().editorial()
    if "donor" in query:
        chosen = chosen.filter(pledge__donor__slug__in=listed(query["donor"]))
    if "donor_group" in query:
        chosen = chosen.filter(pledge__donor__in=members)
    if "category" in query:
        chosen = chosen.filter(category__slug__in=listed(query["category"]))
    if "meeting" in query:
        chosen = chosen.filter(pledge__meeting__slug__in=listed(query["meeting"]))
    if "system" in query:
        chosen = chosen.filter(system__slug__in=listed(query["system"]))
    assert chosen.exists()
    deliveries = Delivery.objects.public().filter(line_item__in=chosen)

    with CaptureQueriesContext(connection) as queries:
        pledges = client.get(reverse("pledges:line-item-list"), query).context
        delivery_page = client.get(reverse("pledges:delivery-list"), query).context
        gap = client.get(reverse("pledges:gap"), query).context
    assert _aggregates_line_items(queries.captured_queries) == []

    assert pledges["totals"] == charts.figures(chosen.totals())
    assert pledges["page"].paginator.count == chosen.count()
    assert delivery_page["totals"] == deliveries.delivery_totals()
    assert delivery_page["page"].paginator.count == deliveries.count()
    assert delivery_page["lag"] == deliveries.lag_percentiles().get(None)
    assert gap["totals"] == charts.figures(chosen.totals())
    assert gap["lag"] == deliveries.lag_percentiles().get(None)
    # each donor's and each category's lags, in the gap's tables
    for chart, model, path in (
        ("by_donor", Donor, "line_item__pledge__donor_id"),
        ("by_category", Category, "line_item__category_id"),
    ):
        live = deliveries.lag_percentiles(by=path)
        ids = dict(model.objects.values_list("name", "pk"))
        expected = [formatting.days(live.get(ids[label], {}).get("p90_days")) for label in gap[chart].labels]
        assert dict(gap[chart].extra_columns)["90th percentile lag"] == expected


def test_pages_filtered_by_more_than_the_summaries_keys_add_up_the_live_rows(client, grown_record):
    chosen = LineItem.objects.public().editorial().filter(pledge__donor__code="DE", status="announced")
    with CaptureQueriesContext(connection) as queries:
        totals = client.get(reverse("pledges:line-item-list"), {"donor": "de", "status": "announced"}).context["totals"]
    assert _aggregates_line_items(queries.captured_queries)
    assert totals == charts.figures(chosen.totals())
    # no cell holds a meeting and a system together
    chosen = LineItem.objects.public().editorial().filter(pledge__meeting__slug="udcg-100", system__slug="leopard-2a6")
    with CaptureQueriesContext(connection) as queries:
        totals = client.get(reverse("pledges:gap"), {"meeting": "udcg-100", "system": "leopard-2a6"}).context["totals"]
    assert _aggregates_line_items(queries.captured_queries)
    assert totals == charts.figures(chosen.totals())


def test_a_cancelled_line_items_deliveries_stay_on_the_deliveries_page_but_leave_the_delivered_value(grown_record):
    item = LineItem.objects.filter(deliveries__isnull=False, value_eur__isnull=False).exclude(stage="cancelled")
    item = item.first()
    delivered_before = MonthlySummary.objects.totals()["value_delivered"]
    counted_before = MonthlySummary.objects.delivery_totals()["deliveries"]
    item.stage = LineItem.Stage.CANCELLED
    item.save()
    upkeep.flush_pending()
    assert MonthlySummary.objects.delivery_totals()["deliveries"] == counted_before
    assert MonthlySummary.objects.totals()["value_delivered"] < delivered_before
    assert_delivery_counts_match_live()
    assert_summaries_match_live()
    assert_system_cells_match_live()


def test_an_edit_recomputes_only_the_months_its_line_item_counts_in(grown_record):
    item = LineItem.objects.filter(deliveries__isnull=False, value_eur__isnull=False).exclude(stage="cancelled")
    item = item.first()
    pair = {"donor": item.pledge.donor_id, "category": item.category_id}
    months = {item.pledge.date.replace(day=1)} | {d.date.replace(day=1) for d in item.deliveries.all()}
    elsewhere = MonthlySummary.objects.filter(**pair, month__isnull=False).exclude(month__in=months)
    kept = set(elsewhere.values_list("pk", flat=True))
    assert kept  # the pair has cells in other months, to be left alone
    # its months, and its cell without a month (their sum, which the totals read)
    recomputed = set(
        MonthlySummary.objects.filter(Q(month__in=months) | Q(month=None), **pair).values_list("pk", flat=True)
    )
    assert len(recomputed) == len(months) + 1

    item.value_reported += Decimal("1000")
    item.save()
    upkeep.flush_pending()

    assert set(elsewhere.values_list("pk", flat=True)) == kept
    assert not recomputed & set(MonthlySummary.objects.values_list("pk", flat=True))  # rewritten, new rows
    assert_summaries_match_live()
    assert_summaries_match_live(donor=item.pledge.donor_id)
    assert_system_cells_match_live()
    assert_meeting_cells_match_live()


def counted_rows(**filters):
    """{pk: (line item, month, value, units, lag)} of the counted deliveries: what each delivery counts for."""
    rows = CountedDelivery.objects.filter(**filters).values_list(
        "pk", "line_item", "month", "value", "units", "lag_days"
    )
    return {pk: rest for pk, *rest in rows}


def test_marks_made_in_a_rolled_back_savepoint_leave_with_it(grown_record, django_assert_num_queries):
    """A transaction's marks are kept in its own on-commit callback: a savepoint's rollback drops what it marked."""
    item = LineItem.objects.editorial().filter(quantity__isnull=False).first()
    with transaction.atomic():
        item.quantity += 1
        item.save()
        transaction.set_rollback(True)
    with django_assert_num_queries(0):  # nothing left to recompute
        upkeep.flush_pending()
    item.refresh_from_db()
    item.save()
    with CaptureQueriesContext(connection) as recomputed:  # a change that stands is recomputed
        upkeep.flush_pending()
    assert len(recomputed) > 0
    assert_summaries_match_live()


def test_an_edit_rewrites_the_counted_deliveries_of_its_line_item_only(grown_record):
    item = LineItem.objects.filter(deliveries__isnull=False, value_eur__isnull=False, quantity__isnull=False)
    item = item.exclude(stage="cancelled").first()
    others = counted_rows()
    mine = {pk: row for pk, row in others.items() if row[0] == item.pk}
    assert mine
    for pk in mine:
        others.pop(pk)

    item.value_reported *= 2
    item.save()
    upkeep.flush_pending()

    assert others.items() <= counted_rows().items()  # every other delivery's row left as it was
    rewritten = counted_rows(line_item=item)
    assert not rewritten.keys() & mine.keys()
    assert sorted(row[2] * 2 for row in mine.values()) == sorted(row[2] for row in rewritten.values())
    assert_summaries_match_live()
    assert_lags_match_live()


def test_imported_facts_count_in_no_cell_and_refresh_nothing(grown_record, django_capture_on_commit_callbacks):
    from pledges.importers.runs import dataset_for

    dataset = dataset_for("sipri")
    cells = list(MonthlySummary.objects.order_by("pk").values_list())
    with django_capture_on_commit_callbacks() as callbacks:
        pledge = factories.pledge(Pledge.objects.first().donor, dataset=dataset, dataset_key="row-1")
        item = factories.line_item(pledge, quantity=4, value_reported="400")
        factories.delivery(item, quantity=2, date=pledge.date + datetime.timedelta(days=30))
    assert callbacks == []  # no refresh after the commit
    upkeep.flush_pending()
    assert list(MonthlySummary.objects.order_by("pk").values_list()) == cells
    assert not CountedDelivery.objects.filter(line_item=item).exists()
    assert_summaries_match_live()


def test_a_meeting_whose_published_pledges_count_in_cells_cannot_be_deleted(grown_record):
    """Deleting it would take the meeting from published facts without review (issue 15): refused, and its
    counted deliveries, cells and lags stay as they were."""
    meeting = Meeting.objects.filter(pledges__line_items__deliveries__isnull=False).distinct().first()
    counted_at_meeting = set(CountedDelivery.objects.filter(meeting=meeting.pk).values_list("pk", flat=True))
    cells = set(MeetingSummary.objects.filter(meeting=meeting).values_list("pk", flat=True))
    assert counted_at_meeting and cells
    with pytest.raises(models.ProtectedError), transaction.atomic():
        meeting.delete()
    upkeep.flush_pending()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert set(CountedDelivery.objects.filter(meeting=meeting.pk).values_list("pk", flat=True)) == counted_at_meeting
    assert set(MeetingSummary.objects.filter(meeting=meeting).values_list("pk", flat=True)) == cells
    assert_lags_match_live()
    assert_meeting_cells_match_live()


def test_migration_0023_counts_each_delivery_as_the_upkeep_does(grown_record):
    """The migration that gave counted deliveries their delivery and date recomputes the kept rows with its own SQL:
    the same rows as the upkeep's, on either engine."""
    migration = importlib.import_module("pledges.migrations.0023_counted_deliveries_keep_their_delivery_and_date")
    Delivery.objects.filter(pk=Delivery.objects.order_by("pk").first().pk).update(date_precision="on_or_before")
    upkeep.rebuild()
    kept = every_counted_delivery()
    assert len(kept) == Delivery.objects.public().editorial().count() > 0
    assert any(row[-1] is None for row in kept)  # a lag left unknown by an "on or before" date
    CountedDelivery.objects.update(value=None, units=None, lag_days=None)
    migration.recount(None, SimpleNamespace(connection=connection))
    assert every_counted_delivery() == kept


def test_a_systems_latest_deliveries_are_its_counted_ones_and_a_preview_adds_its_drafts(
    client, grown_record, member_of
):
    system = System.objects.filter(line_items__deliveries__isnull=False).first()
    live = Delivery.objects.public().editorial().filter(line_item__system=system).order_by("-date", "-pk")
    url = reverse("pledges:system-detail", args=[system.slug])
    assert [delivery.pk for delivery in client.get(url).context["deliveries"]] == [d.pk for d in live[:100]]
    draft = factories.delivery(live.last().line_item, quantity=1, date=datetime.date(2024, 12, 1), publication="draft")
    assert draft.pk not in [delivery.pk for delivery in client.get(url).context["deliveries"]]
    client.force_login(member_of("Editor"))
    previewed = client.get(url, {"preview": "1"}).context["deliveries"]
    assert previewed[0].pk == draft.pk
