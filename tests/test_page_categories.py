import datetime
from decimal import Decimal

from django.urls import reverse

from . import factories


def test_category_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 the category, 2 totals, 3 by donor, 4 by month, 5 latest deliveries, 6 their sources,
    # 7 lag percentiles, 8 its systems, 9 "data as of", 10 the record's version (summary_cache)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("pledges:category-detail", args=["tanks"]))
    assert response.status_code == 200


def test_system_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 the system and its category, 2 totals, 3 by donor, 4 by month, 5 latest deliveries,
    # 6 their sources, 7 lag percentiles, 8 "data as of", 9 the record's version (summary_cache)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("pledges:system-detail", args=["mig-29"]))
    assert response.status_code == 200


def test_category_page_shows_who_pledged_it_and_how_many_arrived_when(client, db):
    leopard = factories.system("Leopard 2A6")
    for code, quantity, delivered in [("DE", 18, 18), ("PL", 14, 4)]:
        item = factories.line_item(
            factories.pledge(factories.donor(code), date=datetime.date(2023, 1, 25)), quantity=quantity, system=leopard
        )
        factories.delivery(item, quantity=delivered, date=datetime.date(2023, 3, 27))

    response = client.get(reverse("pledges:category-detail", args=["tanks"]))

    who = response.context["by_donor"]
    assert who.measure == "units"
    assert who.labels == ["Germany", "Poland"]
    assert [s.values for s in who.series] == [[18, 14], [18, 4]]
    when = response.context["monthly"]
    assert when.series[1].values == [0, 0, 0, 22]
    assert "22 of 32 delivered" in response.content.decode()
    assert [row["system__name"] for row in response.context["systems"]] == ["Leopard 2A6"]


def test_a_category_whose_units_cannot_be_added_is_measured_in_euros(client, db):
    factories.line_item(
        factories.pledge(factories.donor("DE")), quantity=None, category_slug="funding", value_reported="5000000"
    )
    response = client.get(reverse("pledges:category-detail", args=["funding"]))
    assert response.context["by_donor"].measure == "value"
    assert "€5 million" in response.content.decode()


def test_a_countable_category_whose_sources_give_only_values_is_charted_in_euros(client, db):
    for code in ("NO", "CA"):
        factories.line_item(
            factories.pledge(factories.donor(code)), quantity=None, category_slug="ammunition", value_reported="5000000"
        )
    response = client.get(reverse("pledges:category-detail", args=["ammunition"]))
    who = response.context["by_donor"]
    assert who.measure == "value"
    assert not who.is_empty
    assert "No source states how many were pledged, so it is measured in euros." in response.content.decode()


def test_an_unknown_category_or_system_is_a_404(client, db):
    assert client.get(reverse("pledges:category-detail", args=["spaceships"])).status_code == 404
    assert client.get(reverse("pledges:system-detail", args=["death-star"])).status_code == 404


def test_system_page_lists_its_own_deliveries_latest_first_with_their_lag(client, db):
    leopard, gepard = factories.system("Leopard 2A6"), factories.system("Gepard", category_slug="air-defence")
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 25))
    tanks, guns = factories.line_item(pledge, quantity=30, system=leopard), factories.line_item(pledge, system=gepard)
    for day in (datetime.date(2023, 3, 27), datetime.date(2023, 6, 1), datetime.date(2023, 2, 10)):
        factories.delivery(tanks, quantity=5, date=day)
    factories.delivery(guns, quantity=2, date=datetime.date(2023, 7, 1))  # later, but another system's

    response = client.get(reverse("pledges:system-detail", args=["leopard-2a6"]))

    assert [delivery.date.isoformat() for delivery in response.context["deliveries"]] == [
        "2023-06-01",
        "2023-03-27",
        "2023-02-10",
    ]
    assert response.context["lag"] == {"deliveries": 3, "median_days": Decimal("61"), "p90_days": Decimal("113.8")}
