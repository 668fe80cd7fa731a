"""A larger record for the query-count tests: the seed record grown `factor` times with tests/factories.py.

Each round adds what the seed has, roughly: eight pledges from several donors at a meeting, eleven
line items (with and without quantity or value, countable or not), five deliveries in different
months, and a citation for every pledge and delivery.
"""

import datetime
from decimal import Decimal

from django.db import transaction

from pledges.models import DeliveryCitation, Donor, LineItemCitation, PledgeCitation

from . import factories

DONOR_CODES = ["DE", "US", "PL", "GB", "FR", "NL", "DK", "NO"]


@transaction.atomic
def grow(factor=10):
    """Add `factor` rounds of pledges, line items and deliveries to whatever is in the database.

    In one transaction, as an import writes: the dashboards' summaries are recomputed once when it commits, where
    a transactional test (the browser's) recomputed them after each row, four times as long in all.
    """
    donors = list(Donor.objects.filter(code__in=DONOR_CODES).order_by("code"))
    source = factories.source(title="Scale test source", url="https://example.org/scale")
    tank = factories.system("Leopard 2A6", "tanks")
    shells = factories.system("155 mm shells", "ammunition")
    for round_number in range(factor):
        start = datetime.date(2022, 3, 1) + datetime.timedelta(days=37 * round_number)
        meeting = factories.meeting(number=100 + round_number, starts_on=start, name=f"Scale meeting {round_number}")
        for index, donor in enumerate(donors):
            pledge = factories.pledge(
                donor, date=start, meeting=meeting if index % 2 == 0 else None, title=f"Package {round_number}.{index}"
            )
            PledgeCitation.objects.create(pledge=pledge, source=source, quote="A quote.")
            if index in (0, 1, 2):
                item = factories.line_item(pledge, quantity=10 + index, system=tank, value_reported="10000000")
                LineItemCitation.objects.create(line_item=item, source=source, quote="A quote.")
                for month in range(index + 1):
                    delivered = factories.delivery(
                        item, quantity=2, date=start + datetime.timedelta(days=30 * (month + 1))
                    )
                    DeliveryCitation.objects.create(delivery=delivered, source=source, quote="A quote.")
            elif index in (3, 4):
                factories.line_item(
                    pledge, quantity=None, category_slug="ammunition", system=shells, value_reported=Decimal("2500000")
                )
            else:
                factories.line_item(pledge, quantity=None, category_slug="funding", value_reported="1000000.50")
        # one line item without quantity or value, like the seed's "more weapons"
        factories.line_item(pledge, quantity=None, category_slug="other-equipment", description="More weapons")
