"""Every change to the record is kept: who, when, the values before and after, and why; the admin
shows each record's history as a diff. Runs on SQLite and PostgreSQL (generated columns included)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.models import Delivery, LineItem, Meeting, PledgeCitation, Source
from tests import factories


@pytest.fixture
def item(db):
    return factories.line_item(quantity=18, value_reported="100000000")


def test_a_line_item_keeps_its_versions_without_the_generated_columns(item):
    factories.delivery(item, quantity=6)
    item.refresh_from_db()
    item.quantity = 20
    item._change_reason = "Ministry raised the figure"
    item.save()
    first, second = item.history.order_by("history_date")
    assert (first.quantity, second.quantity) == (18, 20)
    assert second.history_change_reason == "Ministry raised the figure"
    assert second.value_eur == Decimal("100000000.00")
    # status and the delivered figures follow from the deliveries: not copied into the history
    fields = {field.name for field in LineItem.history.model._meta.fields}
    assert {"status", "value_eur_delivered", "quantity_delivered", "delivery_count"}.isdisjoint(fields)
    delta = second.diff_against(first)
    assert [(change.field, change.old, change.new) for change in delta.changes] == [("quantity", 18, 20)]


def test_deliveries_meetings_sources_and_citations_are_kept(item):
    delivery = factories.delivery(item)
    delivery.delete()
    meeting = factories.meeting()
    source = factories.source()
    PledgeCitation.objects.create(pledge=item.pledge, source=source, quote="18 tanks")
    assert [r.history_type for r in Delivery.history.order_by("history_date")] == ["+", "-"]
    assert Meeting.history.get().slug == meeting.slug
    assert Source.history.get().title == source.title
    assert PledgeCitation.history.get().quote == "18 tanks"


def test_the_admin_records_who_changed_what_and_why(editor_client, editor):
    from tests.test_admin import post_deliveries

    item = factories.line_item(quantity=18, publication="draft")
    response = post_deliveries(editor_client, item, [], description="Leopard 2A6", change_reason="New source")
    assert response.status_code == 302
    latest = item.history.first()
    assert (latest.history_user, latest.history_change_reason, latest.description) == (
        editor,
        "New source",
        "Leopard 2A6",
    )


def test_the_history_page_shows_each_change_as_a_diff(editor_client, item):
    item.description = "Leopard 2A6 tanks"
    item._change_reason = "Named the system"
    item.save()
    page = editor_client.get(reverse("admin:pledges_lineitem_history", args=[item.pk])).content.decode()
    assert "Named the system" in page
    assert "Description:" in page and "Leopard 2A6 tanks" in page


def test_history_pages_need_the_right_to_view(client, item):
    response = client.get(reverse("admin:pledges_lineitem_history", args=[item.pk]))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_history_keeps_the_pledge_date_change_and_its_reconversion(item):
    pledge = item.pledge
    pledge.date = datetime.date(2023, 3, 1)
    pledge.save()
    # the pledge's new date reconverts its valued line items: both changes are versions
    assert pledge.history.count() == 2
    assert item.history.count() == 2
    assert item.history.first().history_date <= timezone.now()


def test_a_line_items_co_funders_are_in_its_history(item):
    from pledges.models import Donor

    denmark = Donor.objects.create(code="DK", name="Denmark", slug="dk")
    item.co_funders.set([denmark])
    latest = item.history.first()
    assert [row.donor_id for row in latest.co_funders.all()] == [denmark.pk]
    delta = latest.diff_against(latest.prev_record)
    assert "co_funders" in delta.changed_fields
