"""The seed record: what the five articles in ../shared/seeds/ state, each fact citing its article."""

from pathlib import Path

import pytest
from django.conf import settings

from pledges.models import Delivery, LineItem, Meeting, Pledge, Source

pytestmark = pytest.mark.seed_record_once  # the tests that read the seed record share one load of it

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"


def article(source):
    return (SEEDS / source.archive_ref.rsplit(" ", 1)[-1]).read_text(encoding="utf-8")


@pytest.fixture
def record(seed_record):
    return None


def test_every_quote_appears_verbatim_in_its_article(record):
    from pledges.models import DeliveryCitation, LineItemCitation, MeetingCitation, PledgeCitation

    citations = [
        *MeetingCitation.objects.select_related("source"),
        *PledgeCitation.objects.select_related("source"),
        *LineItemCitation.objects.select_related("source"),
        *DeliveryCitation.objects.select_related("source"),
    ]
    assert len(citations) >= 20
    for citation in citations:
        assert citation.quote in article(citation.source), citation.quote


def test_every_source_is_one_of_the_seed_articles(record):
    files = {path.name for path in SEEDS.glob("*.txt")}
    assert {source.archive_ref.rsplit(" ", 1)[-1] for source in Source.objects.all()} == files


def test_every_pledge_delivery_and_meeting_cites_a_source(record):
    assert not Pledge.objects.filter(citations=None).exists()
    assert not Delivery.objects.filter(citations=None).exists()
    assert not Meeting.objects.filter(citations=None).exists()


def test_the_meetings_the_articles_report(record):
    meetings = {(m.kind, m.number, str(m.starts_on), m.place) for m in Meeting.objects.all()}
    assert meetings == {
        ("udcg", 9, "2023-02-14", "NATO Headquarters, Brussels"),
        ("nato_ministerial", None, "2023-02-14", "NATO Headquarters, Brussels"),
        ("visit", None, "2023-04-20", "Kyiv"),
        ("udcg", 11, "2023-04-21", "Ramstein Air Base, Germany"),
        ("visit", None, "2023-09-28", "Kyiv"),
    }


def test_nato_framework_contracts_are_context_of_the_visit_not_a_pledge_to_ukraine(record):
    # both articles: the contracts let NATO members refill their own stocks; what reaches Ukraine is not stated
    assert not Pledge.objects.filter(donor__code="NATO").exists()
    visit = Meeting.objects.get(slug="stoltenberg-kyiv-2023-09")
    context = visit.citations.get(source__publisher="Reuters").quote
    assert "framework contracts" in context and "replenish" in context


def test_mig_29s_from_slovakia_and_poland_are_partially_delivered_in_unknown_numbers(record):
    migs = LineItem.objects.filter(system__name="MiG-29").order_by("pledge__donor__code")
    assert [item.pledge.donor.code for item in migs] == ["PL", "SK"]
    for item in migs:
        assert item.quantity is None
        assert item.status == LineItem.Status.PARTIALLY_DELIVERED
        assert [delivery.quantity for delivery in item.deliveries.all()] == [None]


def test_the_first_patriots_were_received(record):
    patriot = LineItem.objects.get(system__name="Patriot")
    assert (patriot.pledge.donor.code, patriot.status) == ("US", "partially_delivered")


def test_the_leopard_repair_centre_was_announced_at_ramstein(record):
    centre = LineItem.objects.get(category__slug="maintenance")
    assert centre.pledge.meeting.number == 11
    assert centre.pledge.donor.code == "DE"
    assert [donor.code for donor in centre.co_funders.all()] == ["PL"]


def test_no_figure_is_invented(record):
    # the articles give a quantity for nothing but the one repair centre, and no value for any pledge to Ukraine
    assert list(LineItem.objects.exclude(quantity=None).values_list("quantity", flat=True)) == [1]
    assert not LineItem.objects.exclude(value_reported=None).exists()
    assert not Delivery.objects.exclude(quantity=None).exists()
