import datetime
import statistics
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from pledges.models import Delivery

from . import factories

URL = reverse("pledges:gap")


def test_gap_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1-5 the filter choices, 6 lags by donor, 7 lags by category, 8 totals by donor, 9 totals by category,
    # 10 totals, 11 overall lag, 12 "data as of", 13 the record's version (pledges/figures/cache.py)
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"donor_group": "nato"})
    assert response.status_code == 200


def test_the_unfiltered_gap_page_makes_as_few_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1-5 the filter choices, 6-8 lags by donor, by category and overall (the lag counts), 9 totals by donor,
    # 10 by category, 11 totals (the summary cells), 12 "data as of", 13 the record's version (summary_cache)
    with django_assert_max_num_queries(13):
        response = client.get(URL)
    assert response.context["lag"] == Delivery.objects.public().editorial().lag_percentiles().get(None)


@pytest.fixture
def deliveries_with_lags(db):
    """Deliveries 3, 10, 10, 40, 95, 200 and 365 days after a pledge, and one only 'on or before'."""
    germany = factories.donor("DE")
    pledge = factories.pledge(germany, date=datetime.date(2023, 1, 1))
    item = factories.line_item(pledge, quantity=100, value_reported="1000")
    for days in [3, 10, 10, 40, 95, 200, 365]:
        factories.delivery(item, quantity=1, date=pledge.date + datetime.timedelta(days=days))
    factories.delivery(item, quantity=1, date=datetime.date(2023, 6, 1), date_precision="on_or_before")
    return [3, 10, 10, 40, 95, 200, 365]


def test_lag_percentiles_match_linear_interpolation(deliveries_with_lags):
    lag = Delivery.objects.lag_percentiles()[None]
    deciles = statistics.quantiles(deliveries_with_lags, n=10, method="inclusive")
    assert lag["deliveries"] == 7
    assert lag["median_days"] == Decimal(str(statistics.median(deliveries_with_lags)))
    assert float(lag["p90_days"]) == pytest.approx(deciles[8])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="percentile_cont is PostgreSQL's")
def test_lag_percentiles_agree_with_postgresql_percentile_cont(deliveries_with_lags):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d.date - p.date),"
            " percentile_cont(0.9) WITHIN GROUP (ORDER BY d.date - p.date)"
            " FROM pledges_delivery d JOIN pledges_lineitem li ON li.id = d.line_item_id"
            " JOIN pledges_pledge p ON p.id = li.pledge_id WHERE d.date_precision <> 'on_or_before'"
        )
        median, p90 = cursor.fetchone()
    lag = Delivery.objects.lag_percentiles()[None]
    assert float(lag["median_days"]) == pytest.approx(median)
    assert float(lag["p90_days"]) == pytest.approx(p90)


def test_lag_percentiles_per_group_in_one_query(deliveries_with_lags, django_assert_num_queries):
    poland = factories.donor("PL")
    item = factories.line_item(factories.pledge(poland, date=datetime.date(2023, 1, 1)), quantity=5)
    factories.delivery(item, quantity=1, date=datetime.date(2023, 1, 31))
    with django_assert_num_queries(1):
        lags = Delivery.objects.lag_percentiles(by="line_item__pledge__donor__code")
    assert lags["PL"] == {"deliveries": 1, "median_days": Decimal(30), "p90_days": Decimal(30)}
    assert lags["DE"]["median_days"] == Decimal(40)


def test_gap_page_shows_what_is_not_yet_delivered_by_donor_and_category(client, deliveries_with_lags):
    response = client.get(URL)
    chart = response.context["by_donor"]
    assert chart.labels == ["Germany"]
    delivered, undelivered = (series.values[0] for series in chart.series)
    assert delivered == Decimal("80.00")
    assert undelivered == Decimal("920.00")
    page = response.content.decode()
    assert "median <strong>40 days</strong>" in page
    assert response.context["by_category"].labels == ["Tanks"]


def test_no_lag_is_unknown_not_zero(client, seed_record):
    page = client.get(URL).content.decode()
    assert "median <strong>unknown</strong>" in page


def test_items_without_a_value_count_as_items_whose_delivered_value_is_unknown(client, db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 1))
    factories.line_item(pledge, quantity=4, value_reported="400")
    delivered_unvalued = factories.line_item(pledge, quantity=2)
    factories.delivery(delivered_unvalued, quantity=1, date=datetime.date(2023, 2, 1))

    response = client.get(URL)

    heading, cells = response.context["by_donor"].extra_columns[2]
    assert heading == "Items whose delivered value is unknown"
    assert cells == ["1"]
    assert "Not in this chart: 1 line item without a known delivered value." in response.content.decode()


def test_an_empty_donor_chart_says_which_line_items_it_lacks(client, seed_record):
    """The seed record states no value: both charts are empty and both say why, in the same sentence."""
    response = client.get(URL)
    page = response.content.decode()
    assert page.count("No figures to chart: 9 line items without a known delivered value.") == 2
    assert "No figures to chart.<" not in page
    # a donor the record knows no value or number of units of stays out of the table
    assert response.context["by_donor"].table == []
