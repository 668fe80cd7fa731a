"""Bad input never half-saves: one invalid row in a form leaves every related row as it was,
history included. The tests read the rows back, not only the message."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.models import Delivery, LineItem, Pledge, PledgeCitation
from tests import factories
from tests.test_admin import errors_of, inline, line_item_row, post_deliveries


@pytest.fixture
def item(db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 25), title="Leopard 2A6")
    return factories.line_item(pledge, quantity=18, description="Tanks")


def snapshot():
    """Every row an admin save could touch, and how many versions the history holds."""
    return {
        "pledges": list(Pledge.objects.values()),
        "items": list(LineItem.objects.values()),
        "deliveries": list(Delivery.objects.values()),
        "citations": list(PledgeCitation.objects.values()),
        "versions": (Pledge.history.count(), LineItem.history.count(), Delivery.history.count()),
    }


def test_an_invalid_new_line_item_keeps_the_pledge_and_its_other_items(editor_client, item):
    before = snapshot()
    pledge = item.pledge
    source = factories.source()
    data = {"donor": pledge.donor_id, "date": "2023-01-26", "date_precision": "day", "title": "Renamed", "notes": ""}
    data["loaded_at"] = timezone.now().isoformat()
    data.update(inline("citations", [{"source": source.pk, "quote": "Fourteen tanks."}]))
    rows = [
        line_item_row(id=item.pk, pledge=pledge.pk, quantity="20", description="More tanks"),
        line_item_row(quantity="0"),  # invalid: a quantity is positive or unknown
    ]
    data.update(inline("line_items", rows, initial=1))
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert response.status_code == 200 and "quantity" in errors_of(response)
    assert snapshot() == before


def test_one_delivery_before_its_pledge_saves_none_of_them(editor_client, item):
    before = snapshot()
    rows = [
        {"date": "2023-03-27", "date_precision": "day", "quantity": "6", "notes": ""},
        {"date": "2022-12-01", "date_precision": "day", "quantity": "6", "notes": ""},  # before the pledge
    ]
    response = post_deliveries(editor_client, item, rows, description="Changed too")
    assert response.status_code == 200 and "date" in errors_of(response)
    assert snapshot() == before
