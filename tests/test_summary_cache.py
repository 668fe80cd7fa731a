"""The summaries' reads are cached until the summaries change, and a change is on the pages at once."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pledges.figures import cache as summary_cache
from pledges.figures import upkeep
from pledges.models import Delivery, Donor, LineItem, SummaryVersion

from . import factories, records

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

SUMMARY_TABLES = ("pledges_monthlysummary", "pledges_meetingsummary", "pledges_systemsummary", "pledges_lagcount")


@pytest.fixture
def grown(seed_record):
    records.grow(3)
    upkeep.flush_pending()


def summary_reads(queries):
    return [query["sql"] for query in queries if any(table in query["sql"] for table in SUMMARY_TABLES)]


def dashboard_urls():
    item = LineItem.objects.filter(pledge__meeting__isnull=False, system__isnull=False).order_by("pk").first()
    return [
        reverse("pledges:overview"),
        reverse("pledges:donor-list"),
        reverse("pledges:donor-detail", args=[item.pledge.donor.slug]),
        reverse("pledges:category-detail", args=[item.category.slug]),
        reverse("pledges:system-detail", args=[item.system.slug]),
        reverse("pledges:meeting-list"),
        reverse("pledges:meeting-detail", args=[item.pledge.meeting.slug]),
        reverse("pledges:gap"),
        reverse("pledges:line-item-list"),
        reverse("pledges:delivery-list"),
        reverse("pledges:overview-export", args=["csv"]),
    ]


def test_a_second_request_reads_no_summary_table_and_gets_the_same_page(client, grown):
    for url in dashboard_urls():
        cache.clear()  # pages share reads: /pledges/ would find the overview's
        with CaptureQueriesContext(connection) as first:
            before = client.get(url)
        with CaptureQueriesContext(connection) as second:
            again = client.get(url)
        assert before.status_code == again.status_code == 200, url
        assert summary_reads(first.captured_queries), url  # the first request did read them
        assert summary_reads(second.captured_queries) == [], url
        content = b"".join(again.streaming_content) if again.streaming else again.content
        first_content = b"".join(before.streaming_content) if before.streaming else before.content
        assert content == first_content, url


def test_a_committed_edit_is_on_the_dashboards_at_once(client, grown, django_capture_on_commit_callbacks):
    overview = reverse("pledges:overview")
    before = client.get(overview).context["totals"]["value_pledged"]
    item = LineItem.objects.public().editorial().filter(value_eur__isnull=False).exclude(stage="cancelled").first()
    with django_capture_on_commit_callbacks(execute=True):
        item.value_reported += Decimal("1000")
        item.save()
    after = client.get(overview).context["totals"]["value_pledged"]
    assert after - before == Decimal("1000.00")
    assert after == LineItem.objects.public().editorial().totals()["value_pledged"]


def test_a_new_delivery_is_counted_on_the_deliveries_page_at_once(client, grown, django_capture_on_commit_callbacks):
    url = reverse("pledges:delivery-list")
    before = client.get(url).context["totals"]["deliveries"]
    item = LineItem.objects.public().editorial().filter(quantity__gt=10).exclude(stage="cancelled").first()
    with django_capture_on_commit_callbacks(execute=True):
        factories.delivery(item, quantity=1, date=item.pledge.date + datetime.timedelta(days=3))
    response = client.get(url)
    assert response.context["totals"]["deliveries"] == before + 1
    assert response.context["page"].paginator.count == Delivery.objects.public().editorial().count()


def test_a_renamed_donor_is_renamed_on_the_pages_at_once(client, grown):
    url = reverse("pledges:donor-list")
    assert "Germany" in client.get(url).content.decode()
    germany = Donor.objects.get(code="DE")
    germany.name = "Federal Republic of Germany"
    germany.save()
    page = client.get(url).content.decode()
    assert "Federal Republic of Germany" in page


def test_without_a_version_every_read_goes_to_the_database(client, grown):
    SummaryVersion.objects.all().delete()
    url = reverse("pledges:overview")
    client.get(url)
    with CaptureQueriesContext(connection) as again:
        response = client.get(url)
    assert summary_reads(again.captured_queries)
    assert response.context["totals"]["line_items"] == LineItem.objects.public().editorial().count()


def test_a_systems_page_reads_its_deliveries_once_per_change_and_shows_an_edited_source_at_once(client, grown):
    delivery = Delivery.objects.public().editorial().filter(citations__isnull=False, line_item__system__isnull=False)
    delivery = delivery.order_by("-date", "-pk").first()
    url = reverse("pledges:system-detail", args=[delivery.line_item.system.slug])
    client.get(url)
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert not [query for query in again.captured_queries if '"pledges_delivery"' in query["sql"]]

    source = delivery.citations.first().source
    source.publisher = "A corrected publisher"
    source.save()
    assert "A corrected publisher" in client.get(url).content.decode()


def test_a_second_anonymous_request_of_a_page_is_one_query_and_the_same_bytes(client, grown):
    url = reverse("pledges:meeting-list")
    first = client.get(url)
    with CaptureQueriesContext(connection) as again:
        second = client.get(url)
    assert [query["sql"] for query in again.captured_queries] == [
        query["sql"] for query in again.captured_queries if "pledges_summaryversion" in query["sql"]
    ]
    assert len(again.captured_queries) == 1
    assert second.content == first.content and second.status_code == 200


def test_staff_never_get_the_cached_page_and_see_their_drafts(client, grown, member_of):
    url = reverse("pledges:overview")
    published = client.get(url).context["totals"]["line_items"]
    pledge = factories.pledge(factories.donor("ZZ", name="Zedland", kind="coalition"), publication="draft")
    factories.line_item(pledge, quantity=3, publication="draft")
    client.force_login(member_of("Reviewer"))
    preview = client.get(url, {"preview": "1"})
    assert preview.context["totals"]["line_items"] == published + 1
    client.logout()
    # the drafts renewed the version: the anonymous page is rendered again, without them
    assert client.get(url).context["totals"]["line_items"] == published


def version_writes(queries):
    sqls = [query["sql"] for query in queries]
    return [sql for sql in sqls if sql.startswith("UPDATE") and "pledges_summaryversion" in sql]


def current_token():
    return SummaryVersion.objects.get(pk=1).token


def test_many_changes_in_one_transaction_write_the_version_once(seed_record):
    summary_cache.read("default", "a probe read", lambda: "computed")  # the seed record's version was read
    with CaptureQueriesContext(connection) as changes, transaction.atomic():
        for number in range(3):
            factories.source(title=f"Allies pledge tanks, part {number}")
    assert len(version_writes(changes.captured_queries)) == 1


def test_a_change_after_a_read_writes_a_new_version(seed_record):
    summary_cache.bump()
    read_under = current_token()
    assert summary_cache.read("default", "a probe read", lambda: "computed") == "computed"
    factories.source(title="A later source")
    assert current_token() != read_under


def test_a_version_undone_by_a_rolled_back_savepoint_is_written_again(seed_record):
    summary_cache.bump()  # this transaction's own token stands, as a marker says
    summary_cache.read("default", "a probe read", lambda: "computed")  # which a read forgets
    before = current_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.source(title="A source whose savepoint is rolled back")
        assert current_token() != before
        raise RuntimeError
    assert current_token() == before
    factories.source(title="A source that stays")
    assert current_token() != before


@pytest.mark.parametrize(
    "path", ["/", "/donors/", "/gap/", "/pledges/", "/deliveries/", "/meetings/", "/compare/", "/systems/mig-29/"]
)
def test_parameters_a_page_does_not_read_are_ignored_and_served_from_its_cache(client, seed_record, path):
    first = client.get(path)
    for noise in ({"zz": "a1b2"}, {"zz": "c3d4", "PAGE": "2", "donor\x00": "de"}, {"page\x00": "9"}):
        with CaptureQueriesContext(connection) as again:
            response = client.get(path, noise)
        assert len(again.captured_queries) == 1, noise  # the version: the rest comes from the cache
        assert response.status_code == 200 and response.content == first.content, noise


def test_a_page_read_with_noise_first_is_rendered_without_it(client, seed_record):
    noisy = client.get("/gap/", {"zz": "noise", "donor": "de"})
    assert "zz" not in noisy.content.decode() and "noise" not in noisy.content.decode()  # nor in its links
    assert client.get("/gap/", {"donor": "de"}).content == noisy.content


def test_the_order_of_the_parameters_a_page_reads_does_not_matter(client, seed_record):
    first = client.get("/pledges/?donor=de&category=tanks")
    with CaptureQueriesContext(connection) as again:
        second = client.get("/pledges/?category=tanks&zz=1&donor=de")
    assert len(again.captured_queries) == 1 and second.content == first.content


def test_a_head_request_is_answered_from_the_cached_page(client, seed_record):
    client.get("/gap/", {"donor": "de"})
    with CaptureQueriesContext(connection) as again:
        response = client.head("/gap/", {"donor": "de", "zz": "noise"})
    assert response.status_code == 200 and response.content == b""
    assert len(again.captured_queries) == 1  # the version
