"""Every invariant of the record is refused by the database itself, whatever writes to it.

These tests go around the forms (objects.create, queryset.update) on purpose, and
run on SQLite and PostgreSQL alike (`.ci/run` runs the suite on PostgreSQL).
"""

import datetime
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction

from pledges.models import Delivery, Donor, LineItem, Meeting, Source
from tests import factories


def stored():
    """Every row of every table of the app, as stored (the tests here hold a handful)."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values_list())
        for model in apps.get_app_config("pledges").get_models()
    }


def assert_refused(constraint, action):
    """Run `action`; the database must refuse it naming `constraint`, and keep nothing: every row as it was."""
    before = stored()
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        action()
    assert constraint in str(error.value)
    assert stored() == before


@pytest.fixture
def item(db):
    return factories.line_item(quantity=18)


def test_a_state_needs_an_iso_3166_code(db):
    assert_refused("donor_state_code_is_iso_3166", lambda: Donor.objects.create(code="XX", name="Nowhere", slug="xx"))
    Donor.objects.create(code="EPF", name="European Peace Facility", slug="epf", kind=Donor.Kind.MULTILATERAL)
    assert not Donor.objects.filter(code="XX").exists()


def test_a_source_needs_a_url_or_an_archive_reference(db):
    assert_refused("source_is_findable", lambda: Source.objects.create(title="Rumour", kind="media"))
    assert not Source.objects.filter(title="Rumour").exists()


def test_a_meeting_cannot_end_before_it_starts(db):
    assert_refused(
        "meeting_ends_after_start",
        lambda: factories.meeting(starts_on=datetime.date(2023, 2, 14), ends_on=datetime.date(2023, 2, 13)),
    )
    assert not Meeting.objects.exists()


def test_only_contact_group_meetings_are_numbered(db):
    assert_refused(
        "meeting_number_only_for_contact_group",
        lambda: Meeting.objects.create(
            kind="summit", number=3, name="Summit", slug="summit", starts_on=datetime.date(2023, 7, 11), place="Vilnius"
        ),
    )
    assert not Meeting.objects.filter(slug="summit").exists()


def test_a_contact_group_number_is_used_once(db):
    factories.meeting(number=11)
    # SQLite names the columns of a unique constraint, PostgreSQL its name
    assert_refused("number", lambda: factories.meeting(number=11, slug="other"))
    assert list(Meeting.objects.values_list("number", flat=True)) == [11]


@pytest.mark.parametrize("quantity", [0, -3])
def test_a_pledged_quantity_is_positive_or_unknown(item, quantity):
    # a negative number breaks several constraints at once, and each engine names a different one
    constraint = "lineitem_quantity_positive" if quantity == 0 else ""
    assert_refused(constraint, lambda: LineItem.objects.filter(pk=item.pk).update(quantity=quantity))
    item.refresh_from_db()
    assert item.quantity == 18


def test_a_value_is_never_negative(item):
    assert_refused(
        "lineitem_value_not_negative",
        lambda: LineItem.objects.filter(pk=item.pk).update(
            value_reported=Decimal("-1"), currency="EUR", value_basis="reported"
        ),
    )
    item.refresh_from_db()
    assert item.value_reported is None


def test_a_currency_is_an_iso_4217_code(item):
    assert_refused(
        "lineitem_currency_is_iso_4217",
        lambda: LineItem.objects.filter(pk=item.pk).update(
            value_reported=Decimal("10"), currency="XYZ", value_basis="reported"
        ),
    )


def test_a_value_comes_with_its_currency(item):
    assert_refused(
        "lineitem_currency_with_value",
        lambda: LineItem.objects.filter(pk=item.pk).update(value_reported=Decimal("10"), value_basis="reported"),
    )


def test_a_value_says_how_it_was_obtained(item):
    assert_refused(
        "lineitem_value_basis_with_value",
        lambda: LineItem.objects.filter(pk=item.pk).update(value_reported=Decimal("10"), currency="EUR"),
    )


def test_a_eur_value_comes_with_its_rate_and_rate_date(item):
    assert_refused(
        "lineitem_eur_conversion_complete",
        lambda: LineItem.objects.filter(pk=item.pk).update(value_eur=Decimal("10")),
    )


def test_deliveries_cannot_exceed_the_pledged_quantity(item):
    factories.delivery(item, quantity=10)
    assert_refused("lineitem_delivered_within_pledged", lambda: factories.delivery(item, quantity=9))
    item.refresh_from_db()
    assert (item.quantity_delivered, item.delivery_count) == (10, 1)


def test_raising_a_delivery_above_the_pledge_is_refused(item):
    delivery = factories.delivery(item, quantity=10)
    assert_refused(
        "lineitem_delivered_within_pledged", lambda: Delivery.objects.filter(pk=delivery.pk).update(quantity=19)
    )


def test_lowering_the_pledge_below_its_deliveries_is_refused(item):
    factories.delivery(item, quantity=10)
    assert_refused("lineitem_delivered_within_pledged", lambda: LineItem.objects.filter(pk=item.pk).update(quantity=9))


def test_a_confirmed_over_delivery_is_accepted(item):
    LineItem.objects.filter(pk=item.pk).update(over_delivery_confirmed=True)
    factories.delivery(item, quantity=20)
    item.refresh_from_db()
    assert item.quantity_delivered == 20
    assert item.status == LineItem.Status.DELIVERED


def test_a_delivery_quantity_is_positive_or_unknown(item):
    assert_refused("delivery_quantity_positive", lambda: factories.delivery(item, quantity=0))


def test_a_delivery_cannot_come_before_its_pledge(item):
    # the pledge is dated 14 Feb 2023
    assert_refused("delivery_not_before_pledge", lambda: factories.delivery(item, date=datetime.date(2023, 2, 13)))
    assert not Delivery.objects.exists()


def test_a_delivery_in_the_pledge_month_is_not_before_it(item):
    factories.delivery(item, date=datetime.date(2023, 2, 1), date_precision="month")
    assert Delivery.objects.count() == 1


def test_redating_a_pledge_after_its_deliveries_is_refused(item):
    factories.delivery(item, date=datetime.date(2023, 3, 1))
    pledge = item.pledge
    assert_refused(
        "delivery_not_before_pledge",
        lambda: type(pledge).objects.filter(pk=pledge.pk).update(date=datetime.date(2023, 4, 1)),
    )


def test_an_on_or_before_pledge_has_no_earliest_date(item):
    factories.delivery(item, date=datetime.date(2023, 3, 1))
    type(item.pledge).objects.filter(pk=item.pledge_id).update(
        date=datetime.date(2023, 4, 1), date_precision="on_or_before"
    )
    item.pledge.refresh_from_db()
    assert item.pledge.date_precision == "on_or_before"


def test_moving_a_line_item_to_a_later_pledge_is_refused(item):
    factories.delivery(item, date=datetime.date(2023, 3, 1))
    later = factories.pledge(donor_obj=item.pledge.donor, date=datetime.date(2023, 6, 1))
    assert_refused("delivery_not_before_pledge", lambda: LineItem.objects.filter(pk=item.pk).update(pledge=later))


def test_status_follows_the_deliveries(item):
    assert item.status == LineItem.Status.ANNOUNCED
    first = factories.delivery(item, quantity=6)
    item.refresh_from_db()
    assert item.status == LineItem.Status.PARTIALLY_DELIVERED
    factories.delivery(item, quantity=12)
    item.refresh_from_db()
    assert (item.status, item.quantity_delivered) == (LineItem.Status.DELIVERED, 18)
    first.delete()
    item.refresh_from_db()
    assert (item.status, item.quantity_delivered, item.delivery_count) == ("partially_delivered", 12, 1)


def test_a_cancelled_line_item_stays_cancelled(item):
    factories.delivery(item, quantity=6)
    LineItem.objects.filter(pk=item.pk).update(stage="cancelled")
    item.refresh_from_db()
    assert item.status == LineItem.Status.CANCELLED


def test_a_stale_line_item_save_keeps_the_delivered_count(item):
    stale = LineItem.objects.get(pk=item.pk)
    factories.delivery(item, quantity=6)
    stale.description = "Edited meanwhile"
    stale.save()
    item.refresh_from_db()
    assert (item.description, item.quantity_delivered) == ("Edited meanwhile", 6)


def test_delivered_value_is_pro_rata_and_exact(db):
    item = factories.line_item(quantity=4, value_reported="9500")
    factories.delivery(item, quantity=3)
    item.refresh_from_db()
    assert item.value_eur_delivered == Decimal("7125.00")


def test_delivered_value_is_unknown_when_the_pledged_quantity_is(db):
    item = factories.line_item(quantity=None, value_reported="9500")
    assert LineItem.objects.get(pk=item.pk).value_eur_delivered == 0
    factories.delivery(item, quantity=3)
    assert LineItem.objects.get(pk=item.pk).value_eur_delivered is None
