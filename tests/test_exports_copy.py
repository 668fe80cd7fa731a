"""On PostgreSQL the table exports' CSV is written by COPY: byte for byte what the Python path writes."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pledges import copy_export, exports, review
from pledges.models import Delivery, DeliveryCitation, Donor, LineItem, LineItemCitation, PledgeCitation
from tests import factories

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="COPY is PostgreSQL's")

PLEDGES = reverse("pledges:line-item-list-export", args=["csv"])
DELIVERIES = reverse("pledges:delivery-list-export", args=["csv"])


def copied_and_written(client, monkeypatch, path, params=None):
    """The export's bytes from COPY, then from the Python path."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
        assert response.status_code == 200, response.content
        copied = b"".join(response.streaming_content)
    assert any("COPY (" in query["sql"] for query in queries.captured_queries), "COPY was not used"
    with monkeypatch.context() as python_only:
        python_only.setattr(copy_export, "supports", lambda export, queryset: False)
        written = b"".join(client.get(path, params).streaming_content)
    return copied, written


@pytest.mark.parametrize("params", [{}, {"bom": "1"}, {"donor": "pl"}, {"sort": "-value"}, {"category": "tanks"}])
def test_the_seed_record_is_copied_byte_for_byte(client, monkeypatch, seed_record, params):
    for path in (PLEDGES, DELIVERIES):
        copied, written = copied_and_written(client, monkeypatch, path, params)
        assert copied == written
        assert copied.count(b"\r\n") > 1


@pytest.fixture
def messy_record(db):
    """Text that needs quoting or neutralising, unicode, unknown figures, several sources and co-funders."""
    fund = Donor.objects.create(code="@EPF", name='The "Ramstein" Fund, Ltd.', slug="epf", kind="multilateral")
    germany, poland = factories.donor("DE"), factories.donor("PL")
    meeting = factories.meeting(name="Ramstein,\r\n11th meeting")
    # source ids run against their texts' order; two sources share a URL, one has an archive reference only
    first = factories.source(url="https://example.org/b-first")
    second = factories.source(url="https://example.org/a-second")
    archived = factories.source(url="", archive_ref='Archive "box" 7, folder 2')
    same_url = factories.source(url="https://example.org/a-second")
    formula_ref = factories.source(url="", archive_ref="=cmd|' /C calc'!A0")
    unicode_url = factories.source(url="https://example.org/україна?q=«танки»")

    cited = factories.pledge(fund, title="=SUM(A1:A9)", meeting=meeting, date=datetime.date(2023, 4, 21))
    for source in (archived, second, first):
        PledgeCitation.objects.create(pledge=cited, source=source, quote="q")
    rows = [
        # the pledge's sources, then its own: each text once
        factories.line_item(cited, description='Tanks, "Leopard 2"\nwith\r\nspares', value_reported="1000000"),
        factories.line_item(cited, description="-2+3", quantity=None, value_reported="12345678901234.56"),
        factories.line_item(cited, description="+1", quantity=3, unit="", quantity_uncertain=True),
        factories.line_item(cited, description="", quantity=None, funding_mode="joint"),
    ]
    LineItemCitation.objects.create(line_item=rows[0], source=same_url, quote="q")
    LineItemCitation.objects.create(line_item=rows[0], source=unicode_url, quote="q")
    LineItemCitation.objects.create(line_item=rows[1], source=second, quote="q")
    rows[0].co_funders.set([poland, fund, germany])
    rows[2].co_funders.set([fund])

    uncited = factories.pledge(germany, title="Пакет допомоги Україні 🇺🇦", date=datetime.date(2024, 1, 5))
    own_only = factories.line_item(
        uncited, description="@SUM(A1)", value_reported="0.01", currency="USD", system=factories.system()
    )
    LineItemCitation.objects.create(line_item=own_only, source=formula_ref, quote="q")
    LineItemCitation.objects.create(line_item=own_only, source=archived, quote="q")
    factories.line_item(uncited, description="\tcmd", quantity=7, category_slug="ammunition")
    factories.line_item(uncited, description="\rcmd", quantity=None, value_reported="250000000")
    factories.line_item(uncited, description='"quoted"', quantity=2, value_reported="99.9", currency="GBP")
    factories.line_item(uncited, description="C:\\path\\n and \\. and ''", quantity=1)
    review.retract(factories.line_item(uncited, description="Counted twice", quantity=4), None, "Duplicate")

    counted = factories.delivery(
        rows[0], quantity=5, notes='=HYPERLINK("http://x","y")', date=datetime.date(2023, 5, 1)
    )
    uncounted = factories.delivery(
        rows[0], quantity=None, notes='Line one\nline two, "quoted"', date=datetime.date(2023, 5, 1)
    )
    factories.delivery(own_only, quantity=18, notes="", date=datetime.date(2024, 2, 1), date_precision="month")
    for source in (unicode_url, second, same_url):
        DeliveryCitation.objects.create(delivery=counted, source=source, quote="q")
    DeliveryCitation.objects.create(delivery=uncounted, source=formula_ref, quote="q")


SORTS = ["", "date", "-date", "donor", "-donor", "category", "-category", "quantity", "-quantity", "value", "-value"]


@pytest.mark.parametrize(
    "path, sort",
    [(PLEDGES, sort) for sort in [*SORTS, "delivered", "-delivered", "status", "-status"]]
    + [(DELIVERIES, sort) for sort in SORTS],
)
def test_a_messy_record_is_copied_byte_for_byte_in_every_order(client, monkeypatch, messy_record, path, sort):
    copied, written = copied_and_written(client, monkeypatch, path, {"sort": sort} if sort else {})
    assert copied == written


@pytest.mark.parametrize(
    "params",
    [
        {"donor": "de"},
        {"q": "Україні"},
        {"category": ["tanks", "ammunition"], "sort": "-quantity"},
        {"date_after": "2024-01-01", "bom": "1"},
        {"value_min": "100"},
        {"status": ["announced", "partially_delivered"]},
        {"dataset": ["aidtracker", "kiel-ust"]},
        {"meeting": "udcg-11", "sort": "value"},
    ],
)
def test_a_filtered_export_is_copied_byte_for_byte(client, monkeypatch, messy_record, params):
    for path in (PLEDGES, DELIVERIES):
        copied, written = copied_and_written(client, monkeypatch, path, params)
        assert copied == written


def test_the_messy_cells_as_copied(client, messy_record):
    text = b"".join(client.get(PLEDGES, {"donor": "epf", "sort": "value"}).streaming_content).decode()
    assert text.startswith(",".join(exports.LINE_ITEMS.header) + "\r\n")
    assert '"Tanks, ""Leopard 2""\nwith\r\nspares"' in text  # quoted, newlines kept inside the quotes
    assert ',\'=SUM(A1:A9),\'@EPF,"The ""Ramstein"" Fund, Ltd.",' in text
    assert ",1000000.00,EUR,reported,1000000.00,1.0000000000," in text  # decimals keep their scale
    assert ",12345678901234.56,EUR," in text
    assert ",'@EPF | DE | PL," in text  # co-funders by code, the formula-looking first one neutralised
    # the pledge's sources by id, then the line item's own; a URL cited twice once
    sources = 'https://example.org/b-first | https://example.org/a-second | Archive ""box"" 7, folder 2'
    assert f',"{sources} | https://example.org/україна?q=«танки»",published\r\n' in text


@pytest.fixture
def many_line_items(db):
    pledge = factories.pledge()
    source = factories.source()
    PledgeCitation.objects.create(pledge=pledge, source=source, quote="q")
    tanks = factories.category("tanks")
    items = LineItem.objects.bulk_create(
        [
            LineItem(
                pledge=pledge,
                category=tanks,
                quantity=None if n % 7 == 0 else n + 1,
                description=f'Item {n}, "batch" {n // 100}' if n % 3 else f"-{n}",
                value_reported=Decimal(n) / 4 if n % 5 else None,
                currency="EUR" if n % 5 else "",
                value_basis="reported" if n % 5 else "unknown",
                value_eur=Decimal(n) / 4 if n % 5 else None,
                eur_rate=Decimal(1) if n % 5 else None,
                eur_rate_date=pledge.date if n % 5 else None,
                publication="published",
            )
            for n in range(exports.CHUNK + 150)
        ]
    )
    LineItemCitation.objects.bulk_create(
        [LineItemCitation(line_item=item, source=source, quote="q") for item in items[::11]]
    )
    Delivery.objects.bulk_create(
        [
            Delivery(line_item=item, quantity=1, date=pledge.date, notes=f"n{item.pk}", publication="published")
            for item in items
            if item.quantity
        ]
    )
    return len(items)


def test_more_than_a_chunk_of_rows_is_copied_byte_for_byte(client, monkeypatch, many_line_items):
    monkeypatch.setattr(copy_export, "CHUNK_BYTES", 4096)  # many chunks through the queue
    for path in (PLEDGES, DELIVERIES):
        copied, written = copied_and_written(client, monkeypatch, path)
        assert copied == written
        assert copied.count(b"\r\n") > exports.CHUNK * 0.8


def test_a_copied_export_costs_the_filter_choices_and_one_copy(client, many_line_items, django_assert_num_queries):
    # filter choices (5), then COPY: however many rows, no query per chunk
    with django_assert_num_queries(5 + 1):
        response = client.get(PLEDGES)
        body = b"".join(response.streaming_content)
    assert response.streaming
    assert body.count(b"\r\n") == many_line_items + 1


def test_a_client_leaving_early_stops_the_copy_and_frees_the_connection(client, categories_again, monkeypatch):
    pledge = factories.pledge()
    LineItem.objects.bulk_create(
        [
            LineItem(pledge=pledge, category=factories.category(), quantity=n + 1, publication="published")
            for n in range(3000)
        ]
    )
    monkeypatch.setattr(copy_export, "CHUNK_BYTES", 1024)
    monkeypatch.setattr(copy_export, "QUEUED_CHUNKS", 1)  # the COPY waits for the client after a chunk or two
    response = client.get(PLEDGES)
    content = iter(response.streaming_content)
    next(content), next(content)
    assert any(thread.name == "copy-export" for thread in threading.enumerate())
    response.close()  # what the server does when the client goes away
    assert not any(thread.name == "copy-export" for thread in threading.enumerate())
    assert LineItem.objects.count() == 3000  # the connection answers again
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%%COPY (%%' AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchone() == (0,)
