"""Every row an import may write, dumped: a refused import leaves each of them field for field as it was."""

from pledges.models import (
    Dataset,
    Delivery,
    DeliveryCitation,
    Donor,
    LineItem,
    LineItemCitation,
    Pledge,
    PledgeCitation,
    Source,
    System,
)

RECORDED = [
    Dataset,
    Source,
    Donor,
    System,
    Pledge,
    PledgeCitation,
    LineItem,
    LineItemCitation,
    Delivery,
    DeliveryCitation,
]
HISTORIES = [model.history.model for model in RECORDED if hasattr(model, "history")]
# the many-to-many links that no citation model holds: a donor's groups, a line item's co-funders
LINKS = [Donor.groups.through, LineItem.co_funders.through]


def dump():
    """Every stored field of the record's rows, their history and their links, in primary-key order.

    Read as plain values: Django's JSON serializer took 2 s for the three trackers, and each refusal test dumps
    twice."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values_list()) for model in RECORDED + HISTORIES + LINKS
    }
