import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from . import factories

URL = reverse("pledges:overview")


def chart_data(response, chart_id):
    """The series a chart draws, as the browser reads them from json_script."""
    html = response.content.decode()
    start = html.index(f'<script id="{chart_id}-data" type="application/json">') + len(
        f'<script id="{chart_id}-data" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_overview_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 headline totals, 2 pledged and delivered by month (one UNION ALL), 3 totals by category,
    # 4 top donors, 5 latest meetings with their pledge counts, 6 latest pledges, 7 their sources,
    # 8 "data as of", 9 the record's version (summary_cache)
    with django_assert_max_num_queries(9):
        response = client.get(URL)
    assert response.status_code == 200


def test_overview_states_the_seed_totals_and_what_is_unknown(client, seed_record):
    response = client.get(URL)
    totals = response.context["totals"]
    assert totals["line_items"] == 9
    # the articles give no value for any pledge to Ukraine: unknown, not €0
    assert totals["value_pledged"] is None
    assert totals["without_quantity"] == 8
    assert totals["without_value"] == 9
    assert totals["units_pledged"] is None
    page = response.content.decode()
    assert "Pledged value</dt><dd>unknown" in page
    assert "9 of 9 line items without a value" in page
    # no countable line item states a quantity: the unit totals are unknown, not zero
    assert "Units pledged</dt><dd>unknown" in page
    # deliveries are recorded whose number no source states: not stated, never 0
    assert "Units delivered</dt><dd>not stated" in page
    assert "Line items with deliveries</dt><dd>5 of 9" in page
    assert "unknown (unknown)" not in page


def test_cumulative_chart_adds_up_months_to_the_totals(client, db):
    germany = factories.donor("DE")
    pledge = factories.pledge(germany, date=datetime.date(2023, 1, 10))
    item = factories.line_item(pledge, quantity=3, value_reported="1000000")
    factories.delivery(item, quantity=1, date=datetime.date(2023, 2, 1))
    factories.delivery(item, quantity=2, date=datetime.date(2023, 4, 15))

    data = chart_data(client.get(URL), "overview-monthly")

    # the lines start from zero the month before the first pledge
    assert data["labels"] == ["2022-12-01", "2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01"]
    pledged, delivered = (dataset["data"] for dataset in data["datasets"])
    assert pledged == [0] + [1000000.0] * 4
    assert delivered[:2] == [0, 0]
    assert delivered[2] == pytest.approx(333333.33, abs=0.01)
    assert delivered[3] == pytest.approx(333333.33, abs=0.01)
    assert delivered[4] == pytest.approx(1000000.0)


def test_a_record_of_one_month_draws_a_step_not_a_lone_dot(client, db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 9, 28))
    factories.line_item(pledge, quantity=3, value_reported="1000000")

    data = chart_data(client.get(URL), "overview-monthly")

    assert data["labels"] == ["2023-08-01", "2023-09-01"]
    assert data["datasets"][0]["data"] == [0, 1000000.0]


def test_delivered_value_is_capped_at_the_pledged_value(client, db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 10))
    item = factories.line_item(pledge, quantity=2, value_reported="900", over_delivery_confirmed=True)
    factories.delivery(item, quantity=3, date=datetime.date(2023, 2, 1))
    factories.delivery(item, quantity=1, date=datetime.date(2023, 3, 1))

    response = client.get(URL)
    delivered = chart_data(response, "overview-monthly")["datasets"][1]["data"]

    assert delivered == [0, 0, 900.0, 900.0]
    assert response.context["totals"]["value_delivered"] == Decimal("900.00")


def test_categories_chart_shows_pledged_and_delivered_per_category(client, db):
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 10))
    tanks = factories.line_item(pledge, quantity=4, value_reported="400")
    factories.line_item(pledge, quantity=None, category_slug="ammunition", value_reported="50")
    factories.delivery(tanks, quantity=1, date=datetime.date(2023, 2, 1))

    data = chart_data(client.get(URL), "overview-categories")

    assert data["labels"] == ["Tanks", "Ammunition"]
    assert data["datasets"][0]["data"] == [400.0, 50.0]
    # ammunition with no quantity: what was delivered of it cannot be valued, so it is unknown
    assert data["datasets"][1]["data"] == [100.0, 0.0]


def test_top_donors_are_ordered_by_pledged_value_with_their_delivery_ratio(client, db):
    for code, value in [("PL", "100"), ("DE", "300"), ("US", None)]:
        pledge = factories.pledge(factories.donor(code), date=datetime.date(2023, 1, 10))
        fields = {"value_reported": value} if value else {}
        item = factories.line_item(pledge, quantity=4, **fields)
        factories.delivery(item, quantity=1, date=datetime.date(2023, 2, 1))

    response = client.get(URL)
    chart = response.context["top_donors"]

    assert chart.labels == ["Germany", "Poland", "United States"]
    assert [row[2][2] for row in chart.table] == ["25%", "25%", "unknown"]


def test_latest_pledges_link_their_sources(client, seed_record):
    page = client.get(URL).content.decode()
    assert "AidTracker seed archive, file 003_7a5daf0824b05627.txt" in page


def test_footer_says_when_the_data_was_last_updated_and_links_the_admin(client, seed_record):
    page = client.get(URL).content.decode()
    # a moment in text names its time zone, and the machine-readable one stays ISO
    assert 'Data as of <time datetime="2026-11-21T00:00:00+00:00">21 Nov 2026, 00:00 UTC</time>' in page
    assert reverse("admin:index") in page


def test_imported_trackers_are_left_out_of_the_record_totals(client, db):
    from pledges.models import Dataset

    kiel = Dataset.objects.create(
        slug="kiel-ust", name="Kiel", short_name="Kiel UST", format="kiel", publisher="IfW", url="https://example.org"
    )
    own = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 1, 10))
    factories.line_item(own, quantity=4, value_reported="400")
    imported = factories.pledge(own.donor, date=datetime.date(2023, 1, 10), dataset=kiel, dataset_key="row-1")
    factories.line_item(imported, quantity=4, value_reported="1000000")

    response = client.get(URL)

    assert response.context["totals"]["value_pledged"] == Decimal("400.00")
    assert [p.pk for p in response.context["pledges"]] == [own.pk]
    assert client.get(reverse("pledges:line-item-list")).context["totals"]["value_pledged"] == Decimal("400.00")
