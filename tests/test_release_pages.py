"""The dashboards as of a release (?release=N): the figures, charts and exports the release published."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from pledges import releases
from pledges.figures import upkeep
from pledges.models import Category, Delivery, Donor, LineItem, Meeting, Pledge, System

from . import factories, records

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

PAGES = [
    ("overview", []),
    ("donor-list", []),
    ("donor-detail", ["donor"]),
    ("category-detail", ["category"]),
    ("meeting-list", []),
    ("meeting-detail", ["meeting"]),
    ("gap", []),
]


@pytest.fixture
def grown(seed_record):
    records.grow(2)
    for model in (Pledge, LineItem, Delivery):
        model.objects.update(publication="published")
    upkeep.rebuild()


def args_for(names):
    """The slug of the busiest donor, category and meeting: the ones an edit below changes."""
    item = LineItem.objects.filter(pledge__meeting__isnull=False, value_eur__isnull=False).order_by("pk").first()
    objects = {"donor": item.pledge.donor, "category": item.category, "meeting": item.pledge.meeting}
    return [objects[name].slug for name in names]


def an_edit_everywhere():
    """A new value on a line item made at a meeting, and a delivery moved by 200 days: every page moves."""
    item = LineItem.objects.filter(pledge__meeting__isnull=False, value_eur__isnull=False).order_by("pk").first()
    item.value_reported = item.value_reported + Decimal("1000000")
    item.quantity = (item.quantity or 0) + 5
    item.save()
    delivery = Delivery.objects.filter(line_item__pledge__meeting__isnull=False).order_by("pk").first()
    delivery.date += datetime.timedelta(days=200)
    delivery.save()
    factories.delivery(item, quantity=None, date=item.pledge.date + datetime.timedelta(days=3))
    Delivery.objects.update(publication="published")
    upkeep.flush_pending()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def figures(response):
    """What a page shows that an edit could move: its totals, lag and chart data."""
    ctx = response.context
    names = ("by_category", "monthly", "top_donors", "chart", "by_donor")
    charts = [(name, ctx[name].labels, ctx[name].series, ctx[name].extra_columns) for name in names if name in ctx]
    return ctx.get("totals"), ctx.get("lag"), *charts, ctx.get("rows")


@pytest.mark.parametrize(("name", "arg_names"), PAGES)
def test_a_page_as_of_a_release_shows_what_the_release_published(client, grown, name, arg_names):
    url = reverse(f"pledges:{name}", args=args_for(arg_names))
    export_url = reverse(f"pledges:{name}-export", args=[*args_for(arg_names), "csv"])
    live_then = figures(client.get(url))
    csv_then = body(client.get(export_url))
    releases.cut(None, datetime.date(2025, 1, 31), "Before the edit")

    an_edit_everywhere()

    live_now = client.get(url)
    assert figures(live_now) != live_then  # the edit moved the live page
    as_of = client.get(url, {"release": "1"})
    assert as_of.status_code == 200
    for then, now in zip(live_then, figures(as_of), strict=True):
        assert now == then
    assert body(client.get(export_url, {"release": "1"})) == csv_then
    assert body(client.get(export_url)) != csv_then
    page = as_of.content.decode()
    assert "Release 1" in page and "31 Jan 2025" in page
    assert f'href="{url}"' in page  # back to the live record


def test_the_overview_as_of_a_release_leaves_the_live_lists_out(client, grown, django_assert_max_num_queries):
    releases.cut(None, datetime.date(2025, 1, 31))
    with django_assert_max_num_queries(9 + 1):  # the page's, and the record's version (pledges/figures/cache.py)
        response = client.get(reverse("pledges:overview"), {"release": "1"})
    assert response.context["pledges"] == [] and response.context["meetings"] == []
    assert 'href="/pledges/?release=1"' in response.content.decode()


def test_wrong_releases_and_live_only_pages_say_why(client, grown):
    releases.cut(None, datetime.date(2025, 1, 31))
    assert client.get(reverse("pledges:overview"), {"release": "9"}).status_code == 404
    bad_export = client.get(reverse("pledges:donor-list-export", args=["csv"]), {"release": "x"})
    assert bad_export.status_code == 400 and b"release" in body(bad_export)
    donor = Donor.objects.filter(pledges__isnull=False).first()
    filtered = client.get(reverse("pledges:gap"), {"release": "1", "donor": donor.slug})
    assert filtered.status_code == 400 and b"unfiltered" in filtered.content
    system = System.objects.filter(line_items__isnull=False).first()
    for url in (reverse("pledges:system-detail", args=[system.slug]), reverse("pledges:compare")):
        response = client.get(url, {"release": "1"})
        assert response.status_code == 400 and b"live record" in response.content
    assert client.get(reverse("pledges:compare-export", args=["json"]), {"release": "1"}).status_code == 400


def test_a_release_keeps_its_figures_when_a_category_or_meeting_is_edited_away(client, grown):
    category = Category.objects.filter(line_items__isnull=False).first()
    meeting = Meeting.objects.filter(pledges__isnull=False).first()
    then = (
        client.get(reverse("pledges:category-detail", args=[category.slug])).context["totals"],
        client.get(reverse("pledges:meeting-detail", args=[meeting.slug])).context["totals"],
    )
    releases.cut(None, datetime.date(2025, 1, 31))
    for pledge in Pledge.objects.filter(meeting=meeting):
        pledge.meeting = None
        pledge.save()
    upkeep.flush_pending()
    assert client.get(reverse("pledges:meeting-detail", args=[meeting.slug])).context["totals"]["line_items"] == 0
    now = (
        client.get(reverse("pledges:category-detail", args=[category.slug]), {"release": "1"}).context["totals"],
        client.get(reverse("pledges:meeting-detail", args=[meeting.slug]), {"release": "1"}).context["totals"],
    )
    assert now == then


def test_the_release_pages_say_as_of_when_their_data_are(client, grown):
    release = releases.cut(None, datetime.date(2024, 1, 31), "The seed record")
    listing = client.get(reverse("pledges:release-list")).content.decode()
    changes = client.get(reverse("pledges:release-changes", args=[release.number])).content.decode()
    for page in (listing, changes):
        assert "the record is empty" not in page
        assert "Data as of <time" in page
    assert "31 Jan 2024" in listing and "2024-01-31" not in listing
