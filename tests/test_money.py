import datetime
from decimal import Decimal

import pytest
from django.db import connection

from pledges import money
from pledges.models import LineItem
from tests import factories

D = datetime.date


def test_the_rate_reproduces_the_reuters_footnote():
    # seed 004: "($1 = 0.9489 euros)" on 28 September 2023
    conversion = money.to_eur(Decimal("1"), "USD", D(2023, 9, 28))
    assert conversion.rate.quantize(Decimal("0.0001")) == Decimal("0.9489")
    assert conversion.rate_date == D(2023, 9, 28)


def test_2_53_billion_dollars_are_2_4_billion_euros_that_day():
    conversion = money.to_eur(Decimal("2530000000"), "USD", D(2023, 9, 28))
    assert conversion.value_eur == Decimal("2400607268.24")  # 2,530,000,000 / 1.0539


def test_a_weekend_takes_the_last_published_rate():
    saturday = money.to_eur(Decimal("100"), "USD", D(2023, 9, 30))
    friday = money.to_eur(Decimal("100"), "USD", D(2023, 9, 29))
    assert saturday == money.Conversion(friday.value_eur, friday.rate, D(2023, 9, 29))


def test_a_currency_the_ecb_does_not_quote_has_no_rate():
    with pytest.raises(money.NoRate, match="UAH"):
        money.to_eur(Decimal("100"), "UAH", D(2023, 9, 28))


def test_a_day_beyond_the_bundled_rates_has_no_rate():
    with pytest.raises(money.NoRate, match="bundled rates cover"):
        money.to_eur(Decimal("100"), "USD", D(2031, 1, 1))


def test_euros_convert_at_one():
    assert money.to_eur(Decimal("2.4E9"), "EUR", D(2023, 9, 28)).value_eur == Decimal("2400000000.00")


def test_a_line_item_stores_its_eur_value_with_rate_and_date(db):
    pledge = factories.pledge(date=D(2023, 2, 14))
    item = factories.line_item(pledge, value_reported="1000000", currency="USD")
    item.refresh_from_db()
    assert item.value_eur == Decimal("929454.41")  # EUR/USD 1.0759 on 14 Feb 2023
    assert item.eur_rate_date == D(2023, 2, 14)
    assert item.eur_rate == Decimal("0.9294544103")


def test_an_unquoted_currency_keeps_the_reported_value_and_an_unknown_eur_value(db):
    item = factories.line_item(value_reported="5000000", currency="UAH")
    item.refresh_from_db()
    assert (item.value_reported, item.currency) == (Decimal("5000000.00"), "UAH")
    assert (item.value_eur, item.eur_rate, item.eur_rate_date) == (None, None, None)


def test_redating_a_pledge_converts_its_values_again(db):
    pledge = factories.pledge(date=D(2023, 2, 14))
    item = factories.line_item(pledge, value_reported="1000000", currency="USD")
    pledge.date = D(2023, 9, 28)
    pledge.save()
    item.refresh_from_db()
    assert (item.value_eur, item.eur_rate_date) == (Decimal("948856.63"), D(2023, 9, 28))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite stores decimals as floats (TOOLCHAIN.md)")
def test_large_values_keep_every_cent_on_postgresql(db):
    item = factories.line_item(value_reported="10000000000000.01", currency="EUR")
    assert LineItem.objects.get(pk=item.pk).value_eur == Decimal("10000000000000.01")


def test_sums_of_values_are_decimals(db):
    pledge = factories.pledge(date=D(2023, 2, 14))
    for value in ("0.10", "0.20", "0.30"):
        factories.line_item(pledge, value_reported=value)
    total = type(pledge).objects.with_totals().get(pk=pledge.pk).value_eur
    assert isinstance(total, Decimal) and total == Decimal("0.60")
