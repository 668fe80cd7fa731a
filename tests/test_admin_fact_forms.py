"""One fact, one form, one save (issue 17): a pledge with its line items, its new source and the quote; a
delivery with its source; a title the line items give; refusals beside the field that store nothing."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges.models import (
    Delivery,
    DeliveryCitation,
    LineItem,
    Pledge,
    PledgeCitation,
    Publication,
    Source,
)
from tests import factories
from tests.test_admin import errors_of, inline, line_item_row

QUOTE = "Canada will donate 21,000 rounds of 155 mm ammunition, worth CAD 30 million."
NEW_SOURCE = {
    "new_title": "Canada pledges artillery rounds at Ramstein",
    "new_publisher": "Reuters",
    "new_url": "https://example.org/news/canada-rounds",
    "new_published_on": "2023-04-21",
    "new_kind": "media",
}


@pytest.fixture
def canada(db):
    return factories.donor("CA", "Canada")


@pytest.fixture
def ramstein(db):
    return factories.meeting(11, datetime.date(2023, 4, 21))


def stored():
    """What a refused form must leave as it was."""
    models = (Pledge, LineItem, Source, PledgeCitation, Delivery, DeliveryCitation)
    return {model.__name__: model.objects.count() for model in models}


def post_pledge(client, donor, meeting, line_items, citation, **fields):
    data = {"donor": donor.pk, "meeting": meeting.pk if meeting else "", "date": "", "date_precision": "day"}
    data.update({"title": "", "notes": "", **fields})
    data.update(inline("line_items", line_items))
    data.update(inline("citations", [citation]))
    return client.post(reverse("admin:pledges_pledge_add"), data)


def rounds(**fields):
    row = line_item_row(
        category=factories.category("ammunition").pk,
        description="155 mm rounds",
        quantity="21000",
        value_reported="30000000",
        currency="CAD",
        value_basis="reported",
        funding_mode="unknown",
    )
    return {**row, **fields}


def test_the_canada_fact_is_entered_with_its_new_source_and_quote_in_one_save(editor_client, canada, ramstein):
    response = post_pledge(editor_client, canada, ramstein, [rounds()], {**NEW_SOURCE, "quote": QUOTE})
    assert response.status_code == 302, errors_of(response)
    pledge = Pledge.objects.get()
    # no title typed: the line item names the pledge; no date typed: the meeting's day
    assert (pledge.title, pledge.date, pledge.meeting) == ("21,000 × 155 mm rounds", ramstein.starts_on, ramstein)
    item = pledge.line_items.get()
    assert (item.quantity, item.value_reported, item.currency) == (21000, Decimal("30000000.00"), "CAD")
    assert item.value_eur == Decimal("20189783.97") and item.eur_rate_date == datetime.date(2023, 4, 21)
    source = Source.objects.get()
    assert (source.title, source.publisher, source.url, source.published_on, source.kind) == (
        NEW_SOURCE["new_title"],
        "Reuters",
        NEW_SOURCE["new_url"],
        datetime.date(2023, 4, 21),
        "media",
    )
    assert PledgeCitation.objects.get().quote == QUOTE and PledgeCitation.objects.get().source == source
    # what an editor saves is a draft for review, the new source has its history
    assert {pledge.publication, item.publication} == {Publication.DRAFT}
    assert pledge.history.count() == 1 and source.history.count() == 1


def test_a_pledge_of_several_line_items_is_named_after_them_in_their_order(editor_client, canada, ramstein):
    source = factories.source()
    tanks = line_item_row(system=factories.system("Leopard 2A6").pk, quantity="14")
    recovery = line_item_row(description="Bergepanzer 3", quantity="4")
    ammunition = line_item_row(category=factories.category("ammunition").pk, quantity="")
    citation = {"source": source.pk, "quote": "Tanks, recovery vehicles and ammunition."}
    response = post_pledge(editor_client, canada, ramstein, [tanks, recovery, ammunition], citation)
    assert response.status_code == 302, errors_of(response)
    assert Pledge.objects.get().title == "14 × Leopard 2A6, 4 × Bergepanzer 3 and Ammunition"


def test_a_title_typed_by_the_editor_is_kept(editor_client, canada, ramstein):
    citation = {"source": factories.source().pk, "quote": QUOTE}
    response = post_pledge(editor_client, canada, ramstein, [rounds()], citation, title="Ramstein ammunition")
    assert response.status_code == 302, errors_of(response)
    assert Pledge.objects.get().title == "Ramstein ammunition"


@pytest.mark.parametrize(
    "line_items, citation, fields, field, message",
    [
        ([rounds], {**NEW_SOURCE, "quote": ""}, {}, "quote", "Quote the passage of the source"),
        ([rounds], {**NEW_SOURCE, "new_url": "", "quote": QUOTE}, {}, "new_url", "Give the new source's address"),
        ([rounds], {**NEW_SOURCE, "new_title": "", "quote": QUOTE}, {}, "new_title", "Give the new source's title"),
        ([rounds], {"quote": QUOTE}, {}, "source", "Pick the source of the quote"),
        ([], {**NEW_SOURCE, "quote": QUOTE}, {}, "__formset__", "Give the pledge a title, or a line item"),
        ([rounds], {**NEW_SOURCE, "quote": QUOTE}, {"meeting": None}, "date", "or the meeting it was made at"),
        ([lambda: rounds(value_reported="-5")], {**NEW_SOURCE, "quote": QUOTE}, {}, "value_reported", "greater"),
    ],
    ids=["no quote", "no address", "no title", "no source", "nothing to name it", "no date", "negative value"],
)
def test_a_refused_pledge_says_why_beside_the_field_and_stores_nothing(
    editor_client, canada, ramstein, line_items, citation, fields, field, message
):
    before = stored()
    meeting = fields.pop("meeting", ramstein)
    response = post_pledge(editor_client, canada, meeting, [make() for make in line_items], citation, **fields)
    assert response.status_code == 200
    assert message in " ".join(errors_of(response)[field])
    assert stored() == before


def test_a_new_source_already_on_record_is_refused_beside_its_address(editor_client, canada, ramstein):
    factories.source(url=NEW_SOURCE["new_url"])
    before = stored()
    response = post_pledge(editor_client, canada, ramstein, [rounds()], {**NEW_SOURCE, "quote": QUOTE})
    assert "is on record" in " ".join(errors_of(response)["new_url"])
    assert stored() == before


def test_a_source_on_record_and_a_new_one_in_the_same_row_is_refused(editor_client, canada, ramstein):
    citation = {**NEW_SOURCE, "source": factories.source().pk, "quote": QUOTE}
    before = stored()
    response = post_pledge(editor_client, canada, ramstein, [rounds()], citation)
    assert "not both" in " ".join(errors_of(response)["source"])
    assert stored() == before


def test_the_add_pages_show_a_line_item_and_a_citation_to_fill_in(editor_client, db):
    page = editor_client.get(reverse("admin:pledges_pledge_add")).content.decode()
    assert 'name="line_items-TOTAL_FORMS" value="1"' in page and 'name="citations-TOTAL_FORMS" value="1"' in page
    assert 'name="citations-0-new_title"' in page
    page = editor_client.get(reverse("admin:pledges_delivery_add")).content.decode()
    assert 'name="citations-TOTAL_FORMS" value="1"' in page and 'name="citations-0-new_url"' in page


def add_delivery(client, item, citation):
    data = {"line_item": item.pk, "date": "2023-06-01", "date_precision": "month", "quantity": "6", "notes": ""}
    data.update({"loaded_at": timezone.now().isoformat(), **inline("citations", [citation])})
    return client.post(reverse("admin:pledges_delivery_add"), data)


def test_a_delivery_is_entered_with_its_new_source_and_quote_in_one_save(editor_client, canada):
    item = factories.line_item(factories.pledge(canada, date=datetime.date(2023, 4, 21)), quantity=21000)
    response = add_delivery(editor_client, item, {**NEW_SOURCE, "quote": "The first 6 rounds arrived."})
    assert response.status_code == 302, errors_of(response)
    citation = DeliveryCitation.objects.get()
    assert (citation.delivery.quantity, citation.quote) == (6, "The first 6 rounds arrived.")
    assert citation.source.url == NEW_SOURCE["new_url"] and citation.delivery.publication == Publication.DRAFT


def test_a_delivery_whose_new_source_has_no_quote_stores_nothing(editor_client, canada):
    item = factories.line_item(factories.pledge(canada, date=datetime.date(2023, 4, 21)), quantity=21000)
    before = stored()
    response = add_delivery(editor_client, item, {**NEW_SOURCE, "quote": " "})
    assert "Quote the passage" in " ".join(errors_of(response)["quote"])
    assert stored() == before
