from decimal import Decimal

import pytest

from pledges import formatting


@pytest.mark.parametrize(
    "value, text",
    [
        (None, "unknown"),
        (Decimal("2400000000"), "€2.4 billion"),
        (Decimal("1000000000.00"), "€1 billion"),
        (Decimal("999999999"), "€1 billion"),
        (Decimal("350000000"), "€350 million"),
        (Decimal("1500000"), "€1.5 million"),
        (Decimal("123456789012"), "€123 billion"),
        (Decimal("12500.40"), "€12,500"),
        (Decimal("0"), "€0"),
    ],
)
def test_money_reads_without_false_precision(value, text):
    assert formatting.eur(value) == text


def test_unknown_is_never_shown_as_zero():
    assert formatting.units(None) == "unknown"
    assert formatting.percent(None) == "unknown"
    assert formatting.days(None) == "unknown"
    assert formatting.delivered_of(None, 31) == "unknown"
    assert formatting.ratio(5, None) is None
    assert formatting.ratio(5, 0) is None


def test_delivered_counts_and_shares_read_as_sentences():
    assert formatting.delivered_of(18, 31) == "18 of 31 delivered"
    assert formatting.delivered_of(3, None) == "3 delivered of an unstated number"
    assert formatting.percent(formatting.ratio(18, 31)) == "58%"
    assert formatting.percent(Decimal("0.001")) == "<1%"
    assert formatting.percent(Decimal("0.999")) == ">99%"
    assert formatting.days(Decimal("52.50")) == "52.5 days"
    assert formatting.days(1) == "1 day"
    assert formatting.count(1, "line item") == "1 line item"
    assert formatting.count(1200, "line item") == "1,200 line items"


def test_the_lag_sentence_counts_its_deliveries_with_thousands_separated():
    from django.template.loader import render_to_string

    lag = {"deliveries": 1829332, "median_days": Decimal("106"), "p90_days": Decimal("248")}
    text = " ".join(render_to_string("pledges/_lag.html", {"lag": lag}).split())
    assert "median 106 days" in text.replace("<strong>", "").replace("</strong>", "")
    assert "over 1,829,332 deliveries." in text


def test_items_lacking_a_figure_are_counted_in_one_sentence():
    assert formatting.without(9, "a value", of=11) == "9 of 11 line items without a value"
    assert formatting.without(0, "a value", of=1) == "0 of 1 line item without a value"
    assert formatting.without(1, "a value in EUR") == "1 line item without a value in EUR"
    assert formatting.without(0, "a value in EUR") == ""


def test_a_value_as_reported_keeps_its_currency_and_loses_its_false_precision():
    assert formatting.money(Decimal("30000000.00"), "CAD") == "CAD 30 million"
    assert formatting.money(Decimal("1200000000"), "USD") == "$1.2 billion"
    assert formatting.money(Decimal("12500.00"), "NOK") == "NOK 12,500"
    assert formatting.money(None, "GBP") == "unknown"
