"""Editors' flows through the admin: adding and changing records, and errors beside the field."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from pledges import review
from pledges.models import Delivery, Donor, LineItem, Pledge, PledgeCitation
from tests import factories


def inline(prefix, rows, initial=0):
    """POST data for an inline formset with `rows` (dicts of field values)."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{field}": value for field, value in row.items()})
    return data


def line_item_row(**fields):
    row = {
        "category": factories.category("tanks").pk,
        "quantity": "18",
        "unit": "units",
        "stage": "announced",
        "value_reported": "",
        "currency": "",
        "value_basis": "unknown",
        "funding_mode": "stocks",
    }
    row.update(fields)
    return row


@pytest.fixture
def germany(db):
    return factories.donor("DE")


def add_pledge(client, donor, line_items, **fields):
    source = factories.source()
    data = {"donor": donor.pk, "date": "2023-01-25", "date_precision": "day", "title": "Leopard 2A6", "notes": ""}
    data.update(fields)
    data.update(inline("citations", [{"source": source.pk, "quote": "Germany will send 14 Leopard 2A6."}]))
    data.update(inline("line_items", line_items))
    return client.post(reverse("admin:pledges_pledge_add"), data)


def errors_of(response):
    """Field errors of the main form and of every inline form, keyed by field name."""
    found = dict(response.context["adminform"].form.errors)
    for formset in response.context["inline_admin_formsets"]:
        for form in formset.formset.forms:
            found.update(form.errors)
        if formset.formset.non_form_errors():
            found["__formset__"] = formset.formset.non_form_errors()
    return found


def test_an_editor_adds_a_pledge_with_a_line_item_and_a_source(editor_client, germany):
    response = add_pledge(
        editor_client,
        germany,
        [line_item_row(quantity="14", value_reported="2530000000", currency="USD", value_basis="reported")],
    )
    assert response.status_code == 302, errors_of(response)
    pledge = Pledge.objects.get()
    item = pledge.line_items.get()
    assert (pledge.donor, item.quantity, item.currency) == (germany, 14, "USD")
    assert item.value_eur is not None and item.eur_rate_date == datetime.date(2023, 1, 25)
    assert PledgeCitation.objects.get().quote == "Germany will send 14 Leopard 2A6."


def test_a_value_without_a_currency_is_an_error_beside_the_currency(editor_client, germany):
    response = add_pledge(editor_client, germany, [line_item_row(value_reported="1000", value_basis="reported")])
    assert response.status_code == 200
    assert "currency" in errors_of(response)
    assert not Pledge.objects.exists() and not LineItem.objects.exists()


def test_an_unknown_value_with_a_reported_basis_is_an_error(editor_client, germany):
    response = add_pledge(editor_client, germany, [line_item_row(value_basis="reported")])
    assert "value_basis" in errors_of(response)
    assert not Pledge.objects.exists()


def test_a_zero_quantity_is_an_error_beside_the_quantity(editor_client, germany):
    response = add_pledge(editor_client, germany, [line_item_row(quantity="0")])
    assert "quantity" in errors_of(response)
    assert not Pledge.objects.exists()


def test_a_state_with_a_made_up_code_is_an_error_beside_the_code(editor_client):
    data = {"code": "XX", "name": "Nowhere", "slug": "nowhere", "kind": "state"}
    response = editor_client.post(reverse("admin:pledges_donor_add"), data)
    assert "code" in errors_of(response)
    assert not Donor.objects.exists()


@pytest.fixture
def leopards(db, germany):
    pledge = factories.pledge(germany, date=datetime.date(2023, 1, 25), title="Leopard 2A6")
    return factories.line_item(pledge, quantity=18)


def post_deliveries(client, item, rows, **item_fields):
    data = {
        "pledge": item.pledge_id,
        "category": item.category_id,
        "description": "",
        "quantity": str(item.quantity),
        "unit": "units",
        "stage": "committed",
        "value_reported": "",
        "currency": "",
        "value_basis": "unknown",
        "funding_mode": "stocks",
        "loaded_at": timezone.now().isoformat(),
    }
    data.update(item_fields)
    data.update(inline("citations", []))
    data.update(inline("deliveries", rows))
    return client.post(reverse("admin:pledges_lineitem_change", args=[item.pk]), data)


def test_an_editor_records_deliveries_and_the_status_follows_once_published(editor_client, leopards):
    rows = [
        {"date": "2023-03-27", "date_precision": "day", "quantity": "6", "notes": ""},
        {"date": "2023-04-01", "date_precision": "month", "quantity": "12", "notes": ""},
    ]
    response = post_deliveries(editor_client, leopards, rows, stage="announced", funding_mode="unknown")
    assert response.status_code == 302, errors_of(response)
    leopards.refresh_from_db()
    # the editor's deliveries are drafts: the public figures wait for a reviewer
    assert (leopards.quantity_delivered, leopards.status) == (0, "announced")
    for delivery in Delivery.objects.all():
        review.publish(factories.cite(delivery), None)
    leopards.refresh_from_db()
    assert (leopards.quantity_delivered, leopards.status) == (18, "delivered")


def test_deliveries_above_the_pledge_are_an_error_and_nothing_is_saved(editor_client, leopards):
    rows = [
        {"date": "2023-03-27", "date_precision": "day", "quantity": "10", "notes": ""},
        {"date": "2023-04-27", "date_precision": "day", "quantity": "10", "notes": ""},
    ]
    response = post_deliveries(editor_client, leopards, rows, description="changed")
    assert "more than the 18 pledged" in str(errors_of(response)["__formset__"])
    leopards.refresh_from_db()
    assert (leopards.description, leopards.stage) == ("", "announced")
    assert not Delivery.objects.exists()


def test_a_confirmed_over_delivery_saves(editor_client, leopards):
    rows = [{"date": "2023-03-27", "date_precision": "day", "quantity": "20", "notes": ""}]
    response = post_deliveries(editor_client, leopards, rows, over_delivery_confirmed="on")
    assert response.status_code == 302, errors_of(response)
    assert Delivery.objects.get().quantity == 20


def test_a_delivery_before_its_pledge_is_an_error_beside_the_date(editor_client, leopards):
    rows = [{"date": "2022-12-01", "date_precision": "day", "quantity": "6", "notes": ""}]
    response = post_deliveries(editor_client, leopards, rows)
    assert "date" in errors_of(response)
    assert not Delivery.objects.exists()


def test_redating_a_pledge_after_its_deliveries_is_an_error_beside_the_date(editor_client, leopards):
    factories.delivery(leopards, quantity=6, date=datetime.date(2023, 3, 27))
    pledge = leopards.pledge
    data = {"donor": pledge.donor_id, "date": "2023-05-01", "date_precision": "day", "title": "x", "notes": ""}
    data["loaded_at"] = timezone.now().isoformat()
    data.update(inline("citations", []))
    data.update(
        inline(
            "line_items",
            [line_item_row(id=leopards.pk, pledge=pledge.pk, quantity="18")],
            initial=1,
        )
    )
    response = editor_client.post(reverse("admin:pledges_pledge_change", args=[pledge.pk]), data)
    assert "date" in errors_of(response)
    pledge.refresh_from_db()
    assert (pledge.date, pledge.title) == (datetime.date(2023, 1, 25), "Leopard 2A6")


def test_lowering_a_quantity_below_what_was_delivered_is_an_error(editor_client, leopards):
    factories.delivery(leopards, quantity=10)
    response = post_deliveries(editor_client, leopards, [], quantity="8")
    assert "quantity" in errors_of(response)
    leopards.refresh_from_db()
    assert leopards.quantity == 18


@pytest.mark.parametrize("model", ["pledge", "lineitem", "donor", "meeting", "delivery"])
def test_list_pages_make_a_fixed_number_of_queries(editor_client, seed_record, django_assert_max_num_queries, model):
    # session, user, groups/permissions (x2), count, filtered count, rows, plus list filters' choices
    with django_assert_max_num_queries(12):
        response = editor_client.get(reverse(f"admin:pledges_{model}_changelist"))
    assert response.status_code == 200


def test_the_pledge_list_shows_totals(editor_client, seed_record):
    pledge = factories.pledge(Donor.objects.get(code="CA"), title="155 mm ammunition")
    factories.line_item(pledge, quantity=21000, category_slug="ammunition", value_reported="2400000")
    response = editor_client.get(reverse("admin:pledges_pledge_changelist"), {"q": "155 mm"})
    assert "€2,400,000" in response.content.decode()


def test_deliveries_without_a_number_read_as_not_stated_never_as_zero(editor_client, leopards):
    factories.delivery(leopards, quantity=None)
    unstated = "not stated: the deliveries recorded give no number"
    item_page = editor_client.get(reverse("admin:pledges_lineitem_change", args=[leopards.pk])).content.decode()
    assert unstated in item_page
    pledges = editor_client.get(reverse("admin:pledges_pledge_changelist")).content.decode()
    assert unstated in pledges and "0 of 18" not in pledges
    factories.delivery(leopards, quantity=6, date=datetime.date(2023, 4, 3))
    pledges = editor_client.get(reverse("admin:pledges_pledge_changelist")).content.decode()
    assert "6 of 18 delivered" in pledges


def test_analysts_can_read_but_not_change(client, django_user_model, seed_record):
    from django.contrib.auth.models import Group

    analyst = django_user_model.objects.create_user("analyst", password="x-password-123", is_staff=True)
    analyst.groups.add(Group.objects.get(name="Analyst"))
    client.force_login(analyst)
    pledge = Pledge.objects.first()
    assert client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk])).status_code == 200
    assert client.get(reverse("admin:pledges_pledge_add")).status_code == 403
    assert client.post(reverse("admin:pledges_pledge_delete", args=[pledge.pk]), {"post": "yes"}).status_code == 403
    assert Pledge.objects.filter(pk=pledge.pk).exists()


def test_the_pledge_page_shows_each_line_items_deliveries_and_status(editor_client, seed_record):
    pledge = Pledge.objects.get(donor__code="SK")
    item = pledge.line_items.get()
    page = editor_client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk])).content.decode()
    assert "1 recorded, 0 units counted, status partially delivered" in page
    assert reverse("admin:pledges_lineitem_change", args=[item.pk]) in page


def test_an_unquoted_currency_explains_why_the_eur_value_is_unknown(editor_client, germany):
    item = factories.line_item(factories.pledge(germany), value_reported="5000000", currency="UAH")
    page = editor_client.get(reverse("admin:pledges_lineitem_change", args=[item.pk])).content.decode()
    assert "unknown: the ECB publishes no reference rate for UAH" in page


def add_delivery(client, item, quantity, **fields):
    """The standalone "Add delivery" form."""
    data = {"line_item": item.pk, "date": "2023-03-27", "date_precision": "day", "quantity": str(quantity)}
    data.update({"notes": "", "loaded_at": timezone.now().isoformat()}, **fields)
    data.update(inline("citations", []))
    return client.post(reverse("admin:pledges_delivery_add"), data)


def test_the_delivery_form_refuses_an_over_delivery_beside_the_quantity(editor_client, leopards):
    factories.delivery(leopards, quantity=10)
    factories.delivery(leopards, quantity=4, publication="draft")  # drafts count: they will be published
    response = add_delivery(editor_client, leopards, 5)
    assert response.status_code == 200
    assert "that makes 19, more than the 18 pledged" in " ".join(errors_of(response)["quantity"])
    assert Delivery.objects.count() == 2
    leopards.refresh_from_db()
    assert leopards.quantity_delivered == 10


def test_the_delivery_form_saves_within_the_pledge_or_when_confirmed(editor_client, leopards):
    factories.delivery(leopards, quantity=10, publication="retracted")  # retracted units count no more
    assert add_delivery(editor_client, leopards, 18).status_code == 302
    LineItem.objects.filter(pk=leopards.pk).update(over_delivery_confirmed=True)
    assert add_delivery(editor_client, leopards, 7, date="2023-04-27").status_code == 302
    assert sorted(Delivery.objects.values_list("quantity", flat=True)) == [7, 10, 18]


def test_an_announcement_dated_in_the_future_is_an_error_beside_the_date(editor_client, germany):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = add_pledge(editor_client, germany, [line_item_row()], date=tomorrow.isoformat())
    assert "is in the future" in " ".join(errors_of(response)["date"])
    assert not Pledge.objects.exists() and not LineItem.objects.exists()
    response = add_pledge(editor_client, germany, [line_item_row()], date=timezone.localdate().isoformat())
    assert response.status_code == 302, errors_of(response)


def test_a_delivery_dated_in_the_future_is_an_error_beside_the_date(editor_client, leopards):
    in_2031 = datetime.date(2031, 1, 1).isoformat()
    response = add_delivery(editor_client, leopards, 6, date=in_2031)
    assert "1 Jan 2031 is in the future" in " ".join(errors_of(response)["date"])
    response = post_deliveries(editor_client, leopards, [{"date": in_2031, "date_precision": "day", "quantity": "6"}])
    assert "date" in errors_of(response)
    assert not Delivery.objects.exists()


def test_a_date_comes_back_in_the_form_it_was_typed(editor_client, germany):
    pledge = factories.pledge(germany, date=datetime.date(2023, 4, 21))
    page = editor_client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk])).content.decode()
    assert 'value="2023-04-21"' in page and "21/04/2023" not in page


def test_the_delivery_forms_line_item_picker_names_donor_quantity_system_and_pledge_date(editor_client, leopards):
    factories.line_item(factories.pledge(factories.donor("PL"), date=datetime.date(2023, 2, 24)), quantity=14)
    query = {"app_label": "pledges", "model_name": "delivery", "field_name": "line_item", "term": ""}
    answer = editor_client.get("/admin/autocomplete/", query).json()
    # two tank line items no longer read "14 × Tanks" twice: each says whose and when
    assert sorted(result["text"] for result in answer["results"]) == [
        "Germany · 18 × Tanks · 25 Jan 2023",
        "Poland · 14 × Tanks · 24 Feb 2023",
    ]
