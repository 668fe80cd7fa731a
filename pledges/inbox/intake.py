"""The inbox's steps, in the order an editor meets them: save a text, read it, accept or dismiss each proposal.

`save()` commits the text (and the source its facts will cite) before anything reads it, so a failure while
reading loses nothing. `read()` stores the proposals, each with a line item the record already has for it
(same donor and system or category, dates compatible), and flags a text that repeats a source. `accept()`
turns a proposal into a draft pledge, line item or delivery citing the text, or, for a fact already
recorded, adds the text as its source; drafts then go to review like any other.
"""

import datetime
import time

from django.db import transaction
from django.utils import timezone

from .. import dates
from ..models import (
    Category,
    Delivery,
    DeliveryCitation,
    Donor,
    LineItem,
    LineItemCitation,
    Meeting,
    Pledge,
    PledgeCitation,
    Source,
    System,
)
from . import duplicates
from .clean import clean
from .extract import extract
from .models import InboxText, Proposal
from .vocabulary import Vocabulary


def save(text, *, title, url="", publisher="", published_on=None, kind=Source.Kind.MEDIA, file_name="", user=None):
    """Keep a text and the source its facts will cite; committed before anything reads it."""
    with transaction.atomic():
        source = Source.objects.create(
            title=title[:300],
            url=url,
            publisher=publisher,
            published_on=published_on,
            kind=kind,
            archive_ref="" if url else "AidTracker inbox",
        )
        inbox_text = InboxText.objects.create(text=text, file_name=file_name, source=source, added_by=user)
        if not url:
            source.archive_ref = f"AidTracker inbox, text {inbox_text.pk}"
            source.save(update_fields=["archive_ref"])
    return inbox_text


def read(inbox_text):
    """Propose the text's facts; on failure the text stays, marked failed with the reason."""
    started = time.perf_counter()
    try:
        with transaction.atomic():
            _read(inbox_text)
            inbox_text.status = InboxText.Status.READ
            inbox_text.error = ""
            inbox_text.read_in_ms = round((time.perf_counter() - started) * 1000)
            inbox_text.save()
    except Exception as error:  # noqa: BLE001 - whatever went wrong, the editor's text must survive it
        inbox_text.status = InboxText.Status.FAILED
        inbox_text.error = f"{type(error).__name__}: {error}"
        InboxText.objects.filter(pk=inbox_text.pk).update(status=inbox_text.status, error=inbox_text.error)
    return inbox_text


def _read(inbox_text):
    published, publisher = inbox_text.source.published_on, inbox_text.source.publisher
    result = extract(inbox_text.text, Vocabulary.from_record(), published=published, publisher=publisher)
    inbox_text.set_aside = [list(pair) for pair in result.set_aside]
    inbox_text.rate_notes = result.rate_notes
    inbox_text.sketch = duplicates.sketch(clean(inbox_text.text).body)
    repeated = duplicates.source_repeated(inbox_text.text, published, exclude=inbox_text.source_id)
    inbox_text.duplicate_of = Source.objects.get(pk=repeated) if repeated else None
    inbox_text.proposals.all().delete()
    donors = dict(Donor.objects.values_list("code", "pk"))
    categories = dict(Category.objects.values_list("slug", "pk"))
    systems = dict(System.objects.values_list("name", "pk"))
    meetings = dict(Meeting.objects.values_list("slug", "pk"))
    for position, found in enumerate(result.proposals):
        proposal = Proposal.objects.create(
            inbox_text=inbox_text,
            position=position,
            kind=found.kind,
            donor_id=donors[found.donor],
            category_id=categories[found.category],
            system_id=systems.get(found.system),
            quantity=found.quantity,
            value=found.value,
            currency=found.currency or "",
            date=found.date,
            date_precision=found.date_precision or "",
            meeting_id=meetings.get(found.meeting),
            quote=found.quote,
        )
        proposal.co_funders.set([donors[code] for code in found.co_funders])
        proposal.recorded_as = recorded_line_item(proposal)
        if proposal.recorded_as:
            proposal.save(update_fields=["recorded_as"])


def recorded_line_item(proposal):
    """A line item the record has for the proposal's fact: cited by the text it repeats, else same donor, same
    system (or category, when no system) and a pledge date compatible with the proposal's. Costs a query or two."""
    items = LineItem.objects.filter(pledge__donor=proposal.donor, pledge__dataset=None).select_related("pledge")
    items = items.filter(system=proposal.system) if proposal.system_id else items.filter(category=proposal.category)
    repeated = proposal.inbox_text.duplicate_of_id
    if repeated:
        cited = (
            items.filter(citations__source_id=repeated).first()
            or items.filter(pledge__citations__source_id=repeated).first()
        )
        if cited:
            return cited
    if proposal.date is None:
        return None
    precision = proposal.date_precision or dates.DatePrecision.DAY
    for item in items.order_by("-pledge__date")[:50]:
        pledge = item.pledge
        if proposal.kind == Proposal.Kind.PLEDGE:
            compatible = not (
                dates.certainly_before(proposal.date, precision, pledge.date, pledge.date_precision)
                or dates.certainly_before(pledge.date, pledge.date_precision, proposal.date, precision)
            )
        else:  # a delivery can come any time after its pledge
            compatible = not dates.certainly_before(proposal.date, precision, pledge.date, pledge.date_precision)
        if compatible:
            return item
    return None


def accept(proposal, user):
    """Record the proposal as draft facts citing its text, or cite the text for the fact already recorded."""
    if proposal.state != Proposal.State.OPEN:
        raise ValueError(f"This proposal was already {proposal.get_state_display()}.")
    source = proposal.inbox_text.source
    reason = f"From the inbox: {source.title}"[:100]  # the history's reason column holds 100 characters
    with transaction.atomic():
        item = proposal.recorded_as
        if item is None:
            pledge = Pledge(
                donor=proposal.donor,
                date=proposal.date or source.published_on or datetime.date.today(),
                date_precision=proposal.date_precision or dates.DatePrecision.ON_OR_BEFORE,
                meeting=proposal.meeting,
                title=_title(proposal),
            )
            if proposal.kind == Proposal.Kind.DELIVERY:
                # a delivery's pledge is known only to have come first
                pledge.date_precision = dates.DatePrecision.ON_OR_BEFORE
                pledge.meeting = None
            pledge._change_reason = reason
            pledge.save()
            item = LineItem(
                pledge=pledge,
                category=proposal.category,
                system=proposal.system,
                quantity=proposal.quantity,
                value_reported=proposal.value,
                currency=proposal.currency,
                value_basis=LineItem.ValueBasis.REPORTED if proposal.value is not None else LineItem.ValueBasis.UNKNOWN,
                funding_mode=LineItem.FundingMode.JOINT
                if proposal.co_funders.exists()
                else LineItem.FundingMode.UNKNOWN,
                stage=LineItem.Stage.COMMITTED if proposal.kind == Proposal.Kind.DELIVERY else LineItem.Stage.ANNOUNCED,
            )
            item._change_reason = reason
            item.save()
            item.co_funders.set(proposal.co_funders.all())
        _cite(PledgeCitation, "pledge", item.pledge, source, proposal.quote, reason)
        _cite(LineItemCitation, "line_item", item, source, proposal.quote, reason)
        delivery = None
        if proposal.kind == Proposal.Kind.DELIVERY:
            delivery = _recorded_delivery(item, proposal) or Delivery(
                line_item=item,
                date=proposal.date or source.published_on or datetime.date.today(),
                date_precision=proposal.date_precision or dates.DatePrecision.ON_OR_BEFORE,
                quantity=proposal.quantity,
            )
            if delivery.pk is None:
                delivery._change_reason = reason
                delivery.full_clean(exclude=["line_item"])
                delivery.save()
            _cite(DeliveryCitation, "delivery", delivery, source, proposal.quote, reason)
        proposal.pledge, proposal.line_item, proposal.delivery = item.pledge, item, delivery
        proposal.state = Proposal.State.ACCEPTED
        proposal.decided_by, proposal.decided_at = user, timezone.now()
        proposal.save()
    return proposal


def dismiss(proposal, user):
    if proposal.state != Proposal.State.OPEN:
        raise ValueError(f"This proposal was already {proposal.get_state_display()}.")
    proposal.state = Proposal.State.DISMISSED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.save(update_fields=["state", "decided_by", "decided_at"])
    return proposal


def _recorded_delivery(item, proposal):
    for delivery in item.deliveries.all():
        if proposal.date and not (
            dates.certainly_before(delivery.date, delivery.date_precision, proposal.date, proposal.date_precision)
            or dates.certainly_before(proposal.date, proposal.date_precision, delivery.date, delivery.date_precision)
        ):
            return delivery
    return None


def _cite(model, field, fact, source, quote, reason):
    """The fact's citation of the source; a fact cites a source once."""
    citation = model.objects.filter(**{field: fact, "source": source}).first()
    if citation is None:
        citation = model(**{field: fact, "source": source, "quote": quote})
        citation._change_reason = reason
        citation.save()
    return citation


def _title(proposal):
    what = proposal.system.name if proposal.system_id else proposal.category.name
    quantity = f"{proposal.quantity} " if proposal.quantity else ""
    return f"{quantity}{what}"[:300]
