"""The inbox's rows: a pasted or uploaded article, kept as given, and the facts proposed from it.

Imported at the end of pledges/models.py, so they belong to the pledges app.
"""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from .. import money
from ..dates import DatePrecision


class InboxText(models.Model):
    """An article an editor pasted or uploaded, saved before it is read, with what reading it found."""

    class Status(models.TextChoices):
        SAVED = "saved", "saved, not read yet"
        READ = "read", "read"
        FAILED = "failed", "could not be read"

    text = models.TextField(help_text="As pasted, or the text of the uploaded file.")
    file_name = models.CharField(max_length=300, blank=True)
    # the title, URL, publisher and publication date (relative dates are read against it) are the source's
    source = models.OneToOneField(
        "pledges.Source", on_delete=models.PROTECT, related_name="inbox_text", help_text="What accepted facts cite."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SAVED)
    error = models.TextField(blank=True)
    duplicate_of = models.ForeignKey(
        "pledges.Source",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A source this text repeats (another outlet's rewrite of one wire story): its facts get this text "
        "as a second source.",
    )
    sketch = models.JSONField(default=list, blank=True, help_text="MinHash of the article, for near-duplicates.")
    set_aside = models.JSONField(default=list, blank=True, help_text="[[why, text], …]: what is no fact, and why.")
    rate_notes = models.JSONField(default=list, blank=True, help_text="Exchange rates the text itself gives.")
    read_in_ms = models.PositiveIntegerField(null=True, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        verbose_name = "inbox text"

    def __str__(self):
        """Costs a query unless the source is loaded."""
        return self.source.title


class Proposal(models.Model):
    """A fact proposed from an inbox text, as the editor corrects it, and whether it was accepted or dismissed."""

    class Kind(models.TextChoices):
        PLEDGE = "pledge", "pledge"
        DELIVERY = "delivery", "delivery"

    class State(models.TextChoices):
        OPEN = "open", "to decide"
        ACCEPTED = "accepted", "accepted"
        DISMISSED = "dismissed", "dismissed"

    inbox_text = models.ForeignKey(InboxText, on_delete=models.CASCADE, related_name="proposals")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    donor = models.ForeignKey("pledges.Donor", on_delete=models.PROTECT, related_name="+")
    category = models.ForeignKey("pledges.Category", on_delete=models.PROTECT, related_name="+")
    system = models.ForeignKey("pledges.System", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    quantity = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Empty: the text gives no number."
    )
    value = models.DecimalField(
        max_digits=18, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(max_length=3, blank=True, choices=money.CURRENCY_CHOICES)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=12, choices=DatePrecision.choices, blank=True)
    meeting = models.ForeignKey("pledges.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    co_funders = models.ManyToManyField("pledges.Donor", blank=True, related_name="+")
    quote = models.TextField(help_text="The sentence that supports the fact, verbatim.")
    recorded_as = models.ForeignKey(
        "pledges.LineItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A line item the record already has for this fact: accepting adds the text as its source.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    # what accepting it created or cited
    pledge = models.ForeignKey("pledges.Pledge", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    line_item = models.ForeignKey(
        "pledges.LineItem", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    delivery = models.ForeignKey("pledges.Delivery", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["inbox_text", "position"]
        constraints = [
            models.CheckConstraint(
                name="proposal_currency_with_value",
                condition=Q(value__isnull=True, currency="") | Q(value__isnull=False) & ~Q(currency=""),
                violation_error_message="A value needs its currency, and a currency needs a value.",
            ),
            models.CheckConstraint(
                name="proposal_quantity_positive",
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0),
                violation_error_message="A quantity is positive; leave it empty when the text gives none.",
            ),
        ]

    def __str__(self):
        what = self.system.name if self.system_id else self.category.name
        quantity = f"{self.quantity} × " if self.quantity else ""
        return f"{self.get_kind_display()}: {self.donor.code}, {quantity}{what}"
