import datetime
from decimal import Decimal

from django.urls import reverse

from . import factories

LIST_URL = reverse("pledges:meeting-list")


def test_meeting_list_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 meetings with their pledge counts, 2 totals per meeting, 3 lag percentiles per meeting, 4 "data as of",
    # 5 the record's version (summary_cache)
    with django_assert_max_num_queries(5):
        response = client.get(LIST_URL)
    assert response.status_code == 200


def test_meeting_page_makes_the_same_queries_however_much_data(client, record, django_assert_max_num_queries):
    # 1 the meeting, 2 its sources, 3 totals, 4 its line items with their first delivery, 5 their sources,
    # 6 their pledges' sources, 7 by category, 8 by month, 9 lag percentiles, 10 "data as of",
    # 11 the record's version (summary_cache)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("pledges:meeting-detail", args=["udcg-9"]))
    assert response.status_code == 200


def test_meeting_list_shows_every_meeting_with_what_was_delivered_since(client, seed_record):
    response = client.get(LIST_URL)
    slugs = [meeting.slug for meeting, _, _ in response.context["rows"]]
    assert slugs[0] == "stoltenberg-kyiv-2023-09"
    assert len(slugs) == 5
    page = response.content.decode()
    # the September visit's framework contracts are context, not a pledge
    assert "No pledge recorded at this meeting." in page


def test_meeting_page_shows_what_was_announced_and_the_time_to_delivery(client, db):
    meeting = factories.meeting(number=11, starts_on=datetime.date(2023, 4, 21))
    pledge = factories.pledge(factories.donor("DE"), date=datetime.date(2023, 4, 21), meeting=meeting)
    item = factories.line_item(pledge, quantity=10, value_reported="1000")
    factories.delivery(item, quantity=5, date=datetime.date(2023, 5, 1))
    factories.delivery(item, quantity=5, date=datetime.date(2023, 7, 20))

    response = client.get(reverse("pledges:meeting-detail", args=["udcg-11"]))

    assert [i.first_delivery_on for i in response.context["items"]] == [datetime.date(2023, 5, 1)]
    lag = response.context["lag"]
    assert lag["deliveries"] == 2
    assert lag["median_days"] == Decimal(50)  # 10 and 90 days
    assert lag["p90_days"] == Decimal("82")
    page = response.content.decode()
    assert "50 days" in page
    assert "10 days after the pledge" in page
    assert "10 of 10 delivered" in page


def test_meeting_page_lists_its_sources(client, seed_record):
    page = client.get(reverse("pledges:meeting-detail", args=["udcg-11"])).content.decode()
    assert "AidTracker seed archive, file 003_7a5daf0824b05627.txt" in page


def test_a_source_reads_as_its_outlet_and_title_and_unfolds_to_its_quote(client, seed_record):
    page = client.get(reverse("pledges:meeting-detail", args=["stoltenberg-kyiv-2023-09"])).content.decode()
    # the wire story names its outlet; the rewrite of it names none
    assert '<span class="publisher">Reuters</span>: Ukrainian forces' in page
    assert '<span class="publisher">unnamed outlet</span>: Ukrainian forces are' in page
    # the quote and the archive reference are in the source's folded detail, not in a hover title
    assert "<blockquote" in page and "title=\u201c" not in page
    assert "Archived as AidTracker seed archive, file 004_5b1cb098a2f64ce2.txt" in page
