import datetime

from django.urls import reverse

from pledges.models import Delivery

from . import factories

URL = reverse("pledges:delivery-list")


def test_deliveries_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1-5 the donor, donor group, category, system and meeting choices, 6 row count, 7 the page of rows,
    # 8 their sources, 9 totals, 10 by month, 11 lag percentiles, 12 "data as of", 13 the version
    with django_assert_max_num_queries(13):
        response = client.get(URL, {"category": "tanks", "sort": "-date"})
    assert response.status_code == 200


def test_the_unfiltered_deliveries_page_counts_from_the_summaries(client, record, django_assert_max_num_queries):
    # 1-5 the filter choices, 6 totals (the summary cells; their count is the pager's), 7 the page of rows,
    # 8 their sources, 9 by month, 10 lag percentiles, 11 "data as of", 12 the record's version (summary_cache)
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    live = Delivery.objects.public().editorial()
    assert response.context["totals"] == live.delivery_totals()
    assert response.context["page"].paginator.count == live.count() > 0


def test_deliveries_are_filtered_by_their_own_date_and_their_line_item(client, db):
    tanks = factories.line_item(factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 1)))
    shells = factories.line_item(
        factories.pledge(factories.donor("PL"), date=datetime.date(2023, 1, 1)), category_slug="ammunition"
    )
    factories.delivery(tanks, quantity=6, date=datetime.date(2023, 3, 27))
    factories.delivery(shells, quantity=None, date=datetime.date(2023, 6, 1))

    def donors(response):
        return [d.line_item.pledge.donor.code for d in response.context["page"].object_list]

    assert donors(client.get(URL, {"date_after": "2023-04-01"})) == ["PL"]
    assert donors(client.get(URL, {"category": "tanks"})) == ["DE"]
    assert donors(client.get(URL, {"donor": "pl"})) == ["PL"]

    response = client.get(URL)  # rendered once: a second request would get the cached page
    assert donors(response) == ["PL", "DE"]
    assert response.context["totals"] == {"deliveries": 2, "units": 6, "without_quantity": 1}
    chart = response.context["monthly"]
    assert chart.series[0].values == [1, 1]
    assert chart.series[1].values == [6, None]
    assert "6 of 18 delivered" in response.content.decode()


def test_each_delivery_links_its_sources(client, seed_record):
    page = client.get(URL).content.decode()
    assert "AidTracker seed archive, file 003_7a5daf0824b05627.txt" in page


def test_an_invalid_date_is_shown_beside_the_field(client, seed_record):
    response = client.get(URL, {"date_before": "2023-02-30"})
    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()


def test_a_selection_without_deliveries_says_none_arrived_rather_than_unknown(client, db):
    factories.line_item(factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 1)))
    page = client.get(URL, {"donor": "de"}).content.decode()
    assert "<dt>Deliveries</dt><dd>0</dd>" in page
    assert "<dt>Units delivered</dt><dd>0</dd>" in page
