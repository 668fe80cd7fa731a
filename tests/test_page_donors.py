import datetime
from decimal import Decimal

from django.urls import reverse

from pledges import formatting
from pledges.models import Donor, DonorGroup

from . import factories

LIST_URL = reverse("pledges:donor-list")


def test_donor_list_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 totals by donor, 2 totals over all donors, 3 "data as of", 4 the record's version (summary_cache)
    with django_assert_max_num_queries(4):
        response = client.get(LIST_URL)
    assert response.status_code == 200


def test_donor_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 the donor, 2 its groups, 3 its totals, 4 by month, 5 by category, 6 its meetings,
    # 7 its open line items, 8 their sources, 9 their pledges' sources, 10 lag percentiles, 11 "data as of",
    # 12 the record's version (summary_cache)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("pledges:donor-detail", args=["de"]))
    assert response.status_code == 200


def test_donor_list_ranks_donors_by_pledged_value(client, seed_record):
    canada = factories.pledge(Donor.objects.get(code="CA"))
    factories.line_item(canada, quantity=21000, value_reported="30000000", currency="CAD")
    response = client.get(LIST_URL)
    names = [row["pledge__donor__name"] for row in response.context["rows"]]
    # the one donor with a value first; the seed's donors, none of whose pledges has one, after it
    assert names[0] == "Canada"
    assert response.context["rows"][1]["value_pledged"] is None
    assert formatting.eur(response.context["rows"][0]["value_pledged"]) in response.content.decode()


def test_an_unknown_donor_is_a_404(client, seed_record):
    assert client.get(reverse("pledges:donor-detail", args=["atlantis"])).status_code == 404


def test_donor_page_shows_its_open_items_meetings_and_delivered_share(client, db):
    germany = factories.donor("DE")
    germany.groups.add(DonorGroup.objects.create(slug="nato", name="NATO members"))
    meeting = factories.meeting()
    pledge = factories.pledge(germany, date=datetime.date(2023, 4, 21), meeting=meeting, title="Ramstein package")
    delivered = factories.line_item(pledge, quantity=4, value_reported="400")
    factories.delivery(delivered, quantity=4, date=datetime.date(2023, 5, 2))
    factories.line_item(pledge, quantity=10, category_slug="artillery", value_reported="1000")

    response = client.get(reverse("pledges:donor-detail", args=["de"]))

    assert [item.category.slug for item in response.context["open_items"]] == ["artillery"]
    assert [m.donor_pledges for m in response.context["meetings"]] == [1]
    assert response.context["by_category"].labels == ["Tanks", "Artillery"]
    page = response.content.decode()
    assert "NATO members" in page
    assert "4 of 14 delivered" in page
    assert "?donor=de&amp;status=announced&amp;status=committed&amp;status=partially_delivered" in page
    assert response.context["lag"]["median_days"] == Decimal(11)
