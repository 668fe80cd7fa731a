"""Every row an import may write, dumped to bytes: a refused import leaves them byte for byte as they were."""

from django.core import serializers

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


def dump():
    """The stored rows of the record and their history, in primary-key order, as JSON bytes."""
    return b"\n".join(
        serializers.serialize("json", model.objects.order_by("pk")).encode() for model in RECORDED + HISTORIES
    )
