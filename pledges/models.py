"""The record: who pledged what, when, at which meeting, what arrived, and who says so.

Invariants are named database constraints (CheckConstraint here, triggers in
pledges/triggers.py for the rules that span tables), mirrored in clean() so the admin
shows a friendly error naming the field before the database has to refuse.
"""

from decimal import Decimal

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Round
from django.utils import timezone
from simple_history.models import HistoricalRecords

from . import dates, money
from .dates import DatePrecision
from .querysets import DeliveryQuerySet, DonorQuerySet, LineItemQuerySet, MeetingQuerySet, PledgeQuerySet

ISO_3166_CODES = sorted(country.alpha_2 for country in pycountry.countries)


class SlugManager(models.Manager):
    """Lets fixtures name rows by slug instead of by primary key."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class DonorGroup(models.Model):
    """A named set of donors analysts filter by: NATO, EU, G7, Nordic…"""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    description = models.TextField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Donor(models.Model):
    """A state or a multilateral body, fund or coalition that pledges aid."""

    class Kind(models.TextChoices):
        STATE = "state", "state"
        MULTILATERAL = "multilateral", "multilateral body or fund"
        COALITION = "coalition", "coalition or group of states"

    code = models.CharField(
        max_length=12, unique=True, help_text="ISO 3166-1 alpha-2 for a state (DE, US); a short code otherwise (EPF)."
    )
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.STATE)
    groups = models.ManyToManyField(DonorGroup, blank=True, related_name="donors")

    objects = DonorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                name="donor_state_code_is_iso_3166",
                condition=~Q(kind="state") | Q(code__in=ISO_3166_CODES),
                violation_error_message="A state's code must be an ISO 3166-1 alpha-2 code such as DE or US.",
            ),
        ]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def clean(self):
        if self.kind == self.Kind.STATE and self.code not in ISO_3166_CODES:
            raise ValidationError({"code": f"{self.code!r} is not an ISO 3166-1 alpha-2 country code."})


class Publication(models.TextChoices):
    DRAFT = "draft", "draft"
    PUBLISHED = "published", "published"
    RETRACTED = "retracted", "retracted"


class Reviewed(models.Model):
    """A fact editors draft and reviewers publish or retract; public pages read published facts only.

    Set by the review actions of the admin (pledges/review.py), never by the editing forms.
    """

    publication = models.CharField(
        max_length=10, choices=Publication.choices, default=Publication.DRAFT, editable=False
    )
    published_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When last published. A fact once published is never deleted."
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True, editable=False)
    retraction_reason = models.TextField(blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def was_published(self):
        """A fact once published is retracted with a reason, never deleted."""
        return self.published_at is not None


class Source(models.Model):
    """A document facts are taken from: a news article, an official release, an OSINT post, a dataset."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", "official"
        MEDIA = "media", "media"
        OSINT = "osint", "OSINT"
        DATASET = "dataset", "dataset"

    title = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    archive_ref = models.CharField(
        max_length=300, blank=True, help_text="Where a copy is kept, when the URL is unknown or may disappear."
    )
    publisher = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                name="source_is_findable",
                condition=~Q(url="") | ~Q(archive_ref=""),
                violation_error_message="A source needs a URL or an archive reference.",
            ),
        ]

    def __str__(self):
        when = dates.day(self.published_on) if self.published_on else "undated"
        return f"{self.publisher or 'Unnamed outlet'}, {when}: {self.title}"


class Citation(models.Model):
    """A source supporting one fact, with the quote that supports it."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT)
    quote = models.TextField(help_text="The passage of the source that supports the fact, verbatim.")

    # the name of the foreign key to the fact cited for, set by each kind of citation
    cites = None

    class Meta:
        abstract = True

    def __str__(self):
        """Names the fact too (a query unless it is loaded): a refusal to delete the source lists these."""
        return f"{getattr(self, self.cites)}, citing {self.source}"


def keep_published_facts(collector, field, sub_objs, using):
    """on_delete for what a fact refers to without owning it (a pledge's meeting): refused while a
    published fact refers to it, naming those facts; drafts just lose the reference."""
    published = [fact for fact in sub_objs if fact.was_published]
    if published:
        names = "; ".join(str(fact) for fact in published[:10])
        raise models.ProtectedError(
            f"Published facts refer to it: {names}. Change them through review first.", published
        )
    models.SET_NULL(collector, field, sub_objs, using)


class Meeting(models.Model):
    """A meeting where aid is announced: a contact group, a ministerial, a summit, a visit."""

    class Kind(models.TextChoices):
        CONTACT_GROUP = "udcg", "Ukraine Defense Contact Group (Ramstein format)"
        NATO_MINISTERIAL = "nato_ministerial", "NATO defence ministerial"
        SUMMIT = "summit", "summit"
        VISIT = "visit", "bilateral visit"
        OTHER = "other", "other"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The contact group's running number (the 11th met at Ramstein)."
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True, help_text="Last day, for meetings over several days.")
    place = models.CharField(max_length=200)
    sources = models.ManyToManyField(Source, through="MeetingCitation", blank=True, related_name="meetings")

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                name="meeting_ends_after_start",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                violation_error_message="A meeting cannot end before it starts.",
            ),
            models.CheckConstraint(
                name="meeting_number_only_for_contact_group",
                condition=Q(number__isnull=True) | Q(kind="udcg"),
                violation_error_message="Only contact group meetings are numbered.",
            ),
            models.UniqueConstraint(fields=["kind", "number"], name="meeting_contact_group_number_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({dates.day(self.starts_on)})"

    def clean(self):
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "A meeting cannot end before it starts."})
        if self.number is not None and self.kind != self.Kind.CONTACT_GROUP:
            raise ValidationError({"number": "Only contact group meetings are numbered."})


class MeetingCitation(Citation):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="citations")

    cites = "meeting"
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "source"], name="meetingcitation_unique")]


class Category(models.Model):
    """A kind of aid: tanks, air defence, ammunition, funding for procurement…"""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    is_countable = models.BooleanField(
        default=True, help_text="Whether units can be added up (tanks can; funding and training cannot)."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in lists and charts.")

    objects = SlugManager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class System(models.Model):
    """A named piece of equipment in a category: Leopard 2A6, Patriot, MiG-29, 155 mm shells."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="systems")

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class FuzzyDated(models.Model):
    """A date with a precision; the date is stored as the start of its period (see dates.py)."""

    date = models.DateField()
    date_precision = models.CharField(max_length=12, choices=DatePrecision.choices, default=DatePrecision.DAY)

    class Meta:
        abstract = True

    @property
    def date_display(self):
        return dates.describe(self.date, self.date_precision)

    def clean(self):
        # the record holds what was announced or delivered; what is planned is a line item's stage
        if self.date and dates.period_start(self.date, self.date_precision) > timezone.localdate():
            raise ValidationError(
                {
                    "date": f"{self.date_display} is in the future: the record holds what has been announced or "
                    "delivered, not what is planned (a planned delivery is a stage of its line item)."
                }
            )

    def save(self, *args, **kwargs):
        if self.date:
            self.date = dates.period_start(self.date, self.date_precision)
        super().save(*args, **kwargs)


class Pledge(Reviewed, FuzzyDated):
    """One announcement by one donor: a package of line items."""

    donor = models.ForeignKey(Donor, on_delete=models.PROTECT, related_name="pledges")
    title = models.CharField(max_length=300, help_text="What the announcement is known as.")
    meeting = models.ForeignKey(Meeting, on_delete=keep_published_facts, null=True, blank=True, related_name="pledges")
    notes = models.TextField(blank=True, help_text="Editorial notes: what the sources leave open.")
    sources = models.ManyToManyField(Source, through="PledgeCitation", blank=True, related_name="pledges")
    updated_at = models.DateTimeField(auto_now=True)
    # Imported facts belong to a dataset; null means AidTracker's own editorial record.
    dataset = models.ForeignKey(
        "Dataset", on_delete=models.PROTECT, null=True, blank=True, related_name="pledges", editable=False
    )
    dataset_key = models.CharField(
        max_length=200, blank=True, editable=False, help_text="The pledge's identity within its dataset."
    )
    date_uncertain = models.BooleanField(default=False, help_text="The source marks the date as uncertain (SIPRI '?').")

    objects = PledgeQuerySet.as_manager()
    # updated_at changes on every save: left out so the history shows what an editor changed
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-date", "donor__name"]
        permissions = [("review_pledge", "Can publish and retract pledges")]
        indexes = [
            # the time series and "latest pledges" lists order and bucket by date
            models.Index(fields=["date"], name="pledge_date_idx"),
            # "data as of" on every page is the latest change
            models.Index(fields=["updated_at"], name="pledge_updated_at_idx"),
            # the meetings' pledge counts (with_editorial_pledge_count): an index-only count, 240 ms to 20 ms at 1M
            models.Index(fields=["meeting", "dataset", "id"], name="pledge_meeting_count"),
            # a table filtered by a meeting lists its newest pledges' line items first: 115 ms to 25 ms at 1M
            models.Index(fields=["meeting", "date"], name="pledge_meeting_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dataset", "dataset_key"], condition=Q(dataset__isnull=False), name="pledge_dataset_key_unique"
            ),
        ]

    def __str__(self):
        return f"{self.donor}: {self.title} ({self.date_display})"

    @staticmethod
    def title_for(line_items):
        """The title of a pledge the editor left untitled: what its line items are, in their order (past three,
        the first two and how many more): ('21,000 × 155 mm rounds', '14 × Leopard 2A6 and 4 × Bergepanzer 3',
        '14 × Leopard 2A6, Ammunition and 3 more')."""
        names = list(dict.fromkeys(item.what for item in line_items))
        if len(names) > 3:
            names = [names[0], names[1], f"{len(names) - 2} more"]
        text = names[-1] if len(names) < 2 else f"{', '.join(names[:-1])} and {names[-1]}"
        return text[: Pledge._meta.get_field("title").max_length]

    def clean(self):
        """Costs a query on an existing pledge: its deliveries must not predate the new date."""
        super().clean()
        if self.pk and self.date:
            date = dates.period_start(self.date, self.date_precision)
            for delivery in Delivery.objects.filter(line_item__pledge=self).only("date", "date_precision"):
                if dates.certainly_before(delivery.date, delivery.date_precision, date, self.date_precision):
                    raise ValidationError(
                        {"date": f"A delivery dated {delivery.date_display} would then come before the pledge."}
                    )

    def save(self, *args, **kwargs):
        """Costs a query, and one per valued line item when the date changed."""
        new_date = dates.period_start(self.date, self.date_precision)
        date_changed = self.pk and not Pledge.objects.filter(pk=self.pk, date=new_date).exists()
        super().save(*args, **kwargs)
        if date_changed:
            # values are converted at the announcement date, so a new date means new rates
            for item in self.line_items.exclude(value_reported=None).select_related("pledge"):
                item.save()


class PledgeCitation(Citation):
    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="citations")

    cites = "pledge"
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pledge", "source"], name="pledgecitation_unique")]


class LineItem(Reviewed):
    """One thing pledged in a package: a category, maybe a system, a quantity and a value, either maybe unknown."""

    class ValueBasis(models.TextChoices):
        REPORTED = "reported", "reported by the source"
        ESTIMATED = "estimated", "estimated from a unit price"
        UNKNOWN = "unknown", "not known"

    class FundingMode(models.TextChoices):
        STOCKS = "stocks", "from the donor's stocks"
        PROCURED = "procured", "procured from industry"
        FINANCED = "financed", "financed for another supplier"
        JOINT = "joint", "jointly with co-funders"
        UNKNOWN = "unknown", "not stated"

    class Stage(models.TextChoices):
        ANNOUNCED = "announced", "announced"
        COMMITTED = "committed", "committed"
        CANCELLED = "cancelled", "cancelled"

    class Status(models.TextChoices):
        ANNOUNCED = "announced", "announced"
        COMMITTED = "committed", "committed"
        PARTIALLY_DELIVERED = "partially_delivered", "partially delivered"
        DELIVERED = "delivered", "delivered"
        CANCELLED = "cancelled", "cancelled"

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="line_items")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="line_items")
    system = models.ForeignKey(System, on_delete=models.PROTECT, null=True, blank=True, related_name="line_items")
    description = models.CharField(max_length=300, blank=True)
    quantity = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Leave empty when the source gives none."
    )
    unit = models.CharField(max_length=50, default="units")
    value_reported = models.DecimalField(
        max_digits=18,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="As the source states it; empty if none.",
    )
    currency = models.CharField(max_length=3, blank=True, choices=money.CURRENCY_CHOICES)
    value_basis = models.CharField(max_length=10, choices=ValueBasis.choices, default=ValueBasis.UNKNOWN)
    value_eur = models.DecimalField(max_digits=18, decimal_places=2, null=True, editable=False)
    eur_rate = models.DecimalField(
        max_digits=20, decimal_places=10, null=True, editable=False, help_text="Euros per unit of the currency."
    )
    eur_rate_date = models.DateField(null=True, editable=False)
    funding_mode = models.CharField(max_length=10, choices=FundingMode.choices, default=FundingMode.UNKNOWN)
    co_funders = models.ManyToManyField(Donor, blank=True, related_name="cofunded_line_items")
    stage = models.CharField(
        max_length=10,
        choices=Stage.choices,
        default=Stage.ANNOUNCED,
        help_text="Where the pledge stands before deliveries; deliveries then set the status.",
    )
    over_delivery_confirmed = models.BooleanField(
        default=False, help_text="Tick when the sources confirm more was delivered than pledged."
    )
    quantity_uncertain = models.BooleanField(
        default=False, help_text="The source marks the quantity as uncertain (SIPRI '?')."
    )
    dataset_key = models.CharField(
        max_length=200, blank=True, editable=False, help_text="The source row's identity, for imported line items."
    )
    import_flag = models.CharField(
        max_length=300,
        blank=True,
        editable=False,
        help_text="Why the importer found the source's row implausible (its figures disagree); empty if it did not.",
    )
    # Maintained by database triggers from the deliveries (pledges/triggers.py), never by forms.
    quantity_delivered = models.PositiveIntegerField(default=0, editable=False)
    delivery_count = models.PositiveIntegerField(default=0, editable=False)
    status = models.GeneratedField(
        expression=models.Case(
            models.When(stage="cancelled", then=Value("cancelled")),
            models.When(delivery_count=0, then=F("stage")),
            models.When(quantity__isnull=False, quantity_delivered__gte=F("quantity"), then=Value("delivered")),
            default=Value("partially_delivered"),
        ),
        output_field=models.CharField(max_length=20, choices=Status.choices),
        db_persist=True,
    )
    value_eur_delivered = models.GeneratedField(
        # pro rata by units; unknown when the value or, after deliveries, the pledged quantity is unknown
        expression=models.Case(
            models.When(value_eur__isnull=True, then=None),
            models.When(delivery_count=0, then=Value(Decimal(0))),
            models.When(quantity__isnull=True, then=None),
            models.When(quantity_delivered__gte=F("quantity"), then=F("value_eur")),
            # the 1.0 keeps SQLite from integer division when the stored value is whole
            default=Round(F("value_eur") * F("quantity_delivered") * Value(Decimal("1.0")) / F("quantity"), 2),
        ),
        output_field=models.DecimalField(max_digits=18, decimal_places=2),
        db_persist=True,
    )
    sources = models.ManyToManyField(Source, through="LineItemCitation", blank=True, related_name="line_items")

    objects = LineItemQuerySet.as_manager()
    # Generated and trigger-maintained columns follow from the deliveries, whose own history is kept;
    # a copy in the line item's history would be stale (triggers write no history rows).
    history = HistoricalRecords(
        excluded_fields=["status", "value_eur_delivered", "quantity_delivered", "delivery_count"],
        m2m_fields=[co_funders],
    )

    class Meta:
        ordering = ["pledge", "id"]
        permissions = [("review_lineitem", "Can publish and retract line items")]
        constraints = [
            models.CheckConstraint(
                name="lineitem_quantity_positive",
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0),
                violation_error_message="A quantity is positive; leave it empty when the source gives none.",
            ),
            models.CheckConstraint(
                name="lineitem_value_not_negative",
                condition=(Q(value_reported__isnull=True) | Q(value_reported__gte=0))
                & (Q(value_eur__isnull=True) | Q(value_eur__gte=0)),
                violation_error_message="A value cannot be negative.",
            ),
            models.CheckConstraint(
                name="lineitem_currency_is_iso_4217",
                condition=Q(currency="") | Q(currency__in=money.ISO_4217_CODES),
                violation_error_message="The currency must be an ISO 4217 code such as EUR or USD.",
            ),
            models.CheckConstraint(
                name="lineitem_currency_with_value",
                condition=Q(value_reported__isnull=True, currency="")
                | Q(value_reported__isnull=False) & ~Q(currency=""),
                violation_error_message="A value needs its currency, and a currency needs a value.",
            ),
            models.CheckConstraint(
                name="lineitem_value_basis_with_value",
                condition=Q(value_reported__isnull=True, value_basis="unknown")
                | Q(value_reported__isnull=False) & ~Q(value_basis="unknown"),
                violation_error_message="Say how a value was obtained; a missing value has basis 'not known'.",
            ),
            models.CheckConstraint(
                name="lineitem_eur_conversion_complete",
                condition=Q(value_eur__isnull=True, eur_rate__isnull=True, eur_rate_date__isnull=True)
                | Q(value_eur__isnull=False, eur_rate__gt=0, eur_rate_date__isnull=False),
                violation_error_message="A EUR value comes with the rate and rate date used.",
            ),
            models.CheckConstraint(
                name="lineitem_delivered_within_pledged",
                condition=Q(quantity__isnull=True)
                | Q(over_delivery_confirmed=True)
                | Q(quantity_delivered__lte=F("quantity")),
                violation_error_message="More was delivered than pledged: tick 'over-delivery confirmed' if so.",
            ),
        ]
        indexes = [
            # the category and system pages and the per-category charts group by these
            models.Index(fields=["category", "status"], name="lineitem_category_status_idx"),
            # a table filtered by a system walks the newest pledges and looks each one's items of it up:
            # 155 ms to 40 ms at 1M
            models.Index(fields=["system", "pledge"], name="lineitem_system_pledge"),
        ]

    def __str__(self):
        """'Germany · 14 × Leopard 2A6 · 25 Jan 2023', so a picker of line items tells apart Germany's tanks from
        Poland's. Costs queries unless the pledge's donor, the system and the category are loaded."""
        return f"{self.pledge.donor} · {self.what} · {self.pledge.date_display}"

    @property
    def what(self):
        """'14 × Leopard 2A6', '155 mm rounds', 'Ammunition': the system, else the description, else the category,
        with the quantity when it is known. Costs a query unless the system or category is loaded."""
        name = self.system.name if self.system_id else self.description or self.category.name
        return f"{self.quantity:,} × {name}" if self.quantity else name

    def exceeded_by(self, units):
        """Whether deliveries adding up to `units` would be more than pledged, without the over-delivery confirmed."""
        return self.quantity is not None and not self.over_delivery_confirmed and units > self.quantity

    def convert_value(self):
        """Set the EUR value from the reported value at the pledge's date. Costs a query if the pledge isn't loaded."""
        self.value_eur = self.eur_rate = self.eur_rate_date = None
        if self.value_reported is None or not self.currency:
            return None
        try:
            conversion = money.to_eur(self.value_reported, self.currency, self.pledge.date)
        except money.NoRate as reason:
            return str(reason)
        self.value_eur, self.eur_rate, self.eur_rate_date = conversion.value_eur, conversion.rate, conversion.rate_date
        return None

    def clean(self):
        errors = {}
        if self.value_reported is not None and not self.currency:
            errors["currency"] = "Give the currency of the reported value."
        if self.value_reported is None and self.currency:
            errors["value_reported"] = "A currency was given without a value."
        if self.value_reported is None and self.value_basis != self.ValueBasis.UNKNOWN:
            errors["value_basis"] = "With no value, the basis is 'not known'."
        if self.value_reported is not None and self.value_basis == self.ValueBasis.UNKNOWN:
            errors["value_basis"] = "Say whether the value was reported or estimated."
        if self.pk and self.quantity is not None and not self.over_delivery_confirmed:
            delivered = LineItem.objects.filter(pk=self.pk).values_list("quantity_delivered", flat=True).first() or 0
            if delivered > self.quantity:
                errors["quantity"] = (
                    f"{delivered} have already been delivered: raise the quantity or tick 'over-delivery confirmed'."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.convert_value()
        super().save(*args, **kwargs)


class LineItemCitation(Citation):
    line_item = models.ForeignKey(LineItem, on_delete=models.CASCADE, related_name="citations")

    cites = "line_item"
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["line_item", "source"], name="lineitemcitation_unique")]


class Delivery(Reviewed, FuzzyDated):
    """Equipment of a line item arriving: a date, a quantity (maybe unknown) and its own sources."""

    line_item = models.ForeignKey(LineItem, on_delete=models.CASCADE, related_name="deliveries")
    quantity = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="Leave empty when the source gives none."
    )
    quantity_uncertain = models.BooleanField(
        default=False, help_text="The source marks the quantity as uncertain (SIPRI '?')."
    )
    notes = models.TextField(blank=True)
    sources = models.ManyToManyField(Source, through="DeliveryCitation", blank=True, related_name="deliveries")

    objects = DeliveryQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date"]
        verbose_name_plural = "deliveries"
        permissions = [("review_delivery", "Can publish and retract deliveries")]
        constraints = [
            models.CheckConstraint(
                name="delivery_quantity_positive",
                condition=Q(quantity__isnull=True) | Q(quantity__gt=0),
                violation_error_message="A quantity is positive; leave it empty when the source gives none.",
            ),
        ]
        indexes = [
            # the delivered-over-time series buckets deliveries by date; the lists of the latest read it
            # backwards in their order (-date, -pk), ties included
            models.Index(fields=["date", "id"], name="delivery_date_id_idx"),
        ]

    def __str__(self):
        quantity = f"{self.quantity}" if self.quantity else "an unknown number"
        return f"{quantity} delivered {self.date_display}"

    def clean(self):
        """Costs a query when the line item's pledge isn't loaded."""
        super().clean()
        if not (self.date and self.line_item_id):
            return
        pledge = self.line_item.pledge
        if dates.certainly_before(self.date, self.date_precision, pledge.date, pledge.date_precision):
            raise ValidationError({"date": f"A delivery cannot come before its pledge ({pledge.date_display})."})


class DeliveryCitation(Citation):
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="citations")

    cites = "delivery"
    history = HistoricalRecords()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["delivery", "source"], name="deliverycitation_unique")]


class Revision(models.Model):
    """An editor's change to a published fact, kept aside until a reviewer publishes or rejects it; the
    public record shows the published version meanwhile (pledges/review.py applies it).

    `changes` holds only what the editor changed, as JSON: {"fields": {name: value}, "m2m": {name: [pk,
    …]}, "citations": [{"id": pk or null, "source": pk, "quote": …} or {"id": pk, "delete": true}]}.
    A fact has at most one pending revision: a newer proposal replaces it.
    """

    class State(models.TextChoices):
        PENDING = "pending", "waiting for review"
        PUBLISHED = "published", "published"
        REJECTED = "rejected", "rejected"
        REPLACED = "replaced", "replaced by a newer revision"

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions")
    line_item = models.ForeignKey(LineItem, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions")
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions")
    changes = models.JSONField(encoder=DjangoJSONEncoder)
    reason = models.CharField(max_length=100, blank=True, help_text="Why the editor proposed it.")
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True)

    # the foreign key that names each kind of fact
    FACT_FIELDS = {Pledge: "pledge", LineItem: "line_item", Delivery: "delivery"}

    class Meta:
        ordering = ["-proposed_at"]
        constraints = [
            models.CheckConstraint(
                name="revision_of_one_fact",
                condition=Q(pledge__isnull=False, line_item__isnull=True, delivery__isnull=True)
                | Q(pledge__isnull=True, line_item__isnull=False, delivery__isnull=True)
                | Q(pledge__isnull=True, line_item__isnull=True, delivery__isnull=False),
                violation_error_message="A revision changes exactly one pledge, line item or delivery.",
            ),
            *(
                models.UniqueConstraint(
                    fields=[name], condition=Q(state="pending"), name=f"revision_one_pending_per_{name}"
                )
                for name in ("pledge", "line_item", "delivery")
            ),
        ]

    def __str__(self):
        return f"Revision of {self.fact} by {self.proposed_by or 'someone'} ({self.get_state_display()})"

    @classmethod
    def of(cls, fact):
        return cls.objects.filter(**{cls.FACT_FIELDS[type(fact)]: fact})

    @property
    def fact(self):
        return self.pledge or self.line_item or self.delivery


# --- Imported datasets (issue 6) -----------------------------------------------------------------


class Dataset(models.Model):
    """A public tracker AidTracker imports (Kiel UST, SIPRI, Oryx), with the release last loaded."""

    class Format(models.TextChoices):
        KIEL = "kiel", "Kiel Institute Ukraine Support Tracker, main data sheet"
        SIPRI = "sipri", "SIPRI Arms Transfers Database, trade register"
        ORYX = "oryx", "Oryx list of heavy equipment supplied to Ukraine, as scraped"

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, help_text="The label shown beside imported facts: 'Kiel UST'.")
    format = models.CharField(max_length=10, choices=Format.choices)
    publisher = models.CharField(max_length=200)
    version = models.CharField(max_length=100, blank=True, help_text="The release last imported, set by imports.")
    published_on = models.DateField(null=True, blank=True, help_text="When that release was generated or retrieved.")
    licence = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500)
    source = models.OneToOneField(
        Source,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="dataset",
        help_text="The source imported facts cite; created by the first import.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.short_name


class SystemAlias(models.Model):
    """A system's name as a source writes it ('Leopard-2A6', 'M-1A1 Abrams'), mapped to one system."""

    name = models.CharField(max_length=200, help_text="As written in the source file.")
    folded = models.CharField(max_length=200, editable=False, help_text="The name as importers compare it.")
    format = models.CharField(
        max_length=10, choices=Dataset.Format.choices, blank=True, help_text="Leave empty to apply to every source."
    )
    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="aliases")

    class Meta:
        ordering = ["folded"]
        verbose_name_plural = "system aliases"
        constraints = [models.UniqueConstraint(fields=["format", "folded"], name="systemalias_unique_per_format")]

    def __str__(self):
        return f"{self.name} → {self.system}"

    def clean(self):
        """Costs a query: the folded name must be new for this source (the admin form has no 'folded' field)."""
        from .importers.folding import fold

        self.folded = fold(self.name)
        taken = SystemAlias.objects.filter(format=self.format, folded=self.folded).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError({"name": f"{self.name!r} is already mapped (as {taken.first().name!r})."})

    def save(self, *args, **kwargs):
        from .importers.folding import fold

        self.folded = fold(self.name)
        super().save(*args, **kwargs)


class ImportRun(models.Model):
    """One run of an importer over one file: what it read, added, changed, skipped, and why."""

    class Status(models.TextChoices):
        OK = "ok", "imported"
        DRY_RUN = "dry_run", "dry run (nothing saved)"
        FAILED = "failed", "failed (nothing saved)"

    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="runs")
    status = models.CharField(max_length=10, choices=Status.choices)
    file_name = models.CharField(max_length=300)
    file_sha256 = models.CharField(max_length=64)
    version = models.CharField(max_length=100, blank=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField()
    user = models.ForeignKey("auth.User", on_delete=models.SET_NULL, null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_added = models.PositiveIntegerField(default=0)
    rows_changed = models.PositiveIntegerField(default=0)
    rows_unchanged = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    rows_removed = models.PositiveIntegerField(default=0, help_text="Imported before, absent from this file.")
    warnings = models.JSONField(default=list, blank=True, help_text="[{'line': 12, 'message': '…'}, …]")
    changes = models.JSONField(default=list, blank=True, help_text="What was added, changed and removed, by line.")
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            # the dataset's admin page lists its latest runs
            models.Index(fields=["dataset", "-started_at"], name="importrun_dataset_started_idx"),
        ]

    def __str__(self):
        return f"{self.dataset} {self.file_name} ({self.get_status_display()}, {dates.moment(self.started_at)})"


# --- Releases (issue 5) ---------------------------------------------------------------------------


class Release(models.Model):
    """A numbered, citable state of the published record, cut by a reviewer; never changed afterwards."""

    number = models.PositiveIntegerField(unique=True, editable=False)
    published_on = models.DateField(help_text="The date the release is cited by.")
    notes = models.TextField(blank=True, help_text="What changed, in a sentence or two, for the readers.")
    cut_at = models.DateTimeField(auto_now_add=True)
    cut_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    # what its files are written with, whatever the exports' columns become: per table (line_items,
    # deliveries) {"row_is": …, "columns": [{"name": …, "type": …}, …]}, in the order of ReleaseRow.values
    columns = models.JSONField(editable=False)

    class Meta:
        ordering = ["-number"]

    def __str__(self):
        return f"Release {self.number} ({dates.day(self.published_on)})"


class ReleaseRow(models.Model):
    """One row of an export (a line item or a delivery) exactly as a release published it.

    `values` holds the export's columns in order (Release.columns; decimals and dates as text), so a
    release's files come out byte for byte the same however the record or the exports change later;
    the other fields are copies of what the filters read (filters.FIELDS[ReleaseRow]).
    """

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="rows")
    table = models.CharField(max_length=20, help_text="The export the row belongs to: line_items or deliveries.")
    object_id = models.BigIntegerField()
    position = models.PositiveIntegerField(help_text="Order in the export.")
    publication = models.CharField(max_length=10, choices=Publication.choices)
    values = models.JSONField()
    digest = models.CharField(max_length=64, help_text="SHA-256 of the values: whether a row changed.")
    donor_slug = models.CharField(max_length=50)
    donor_groups = models.CharField(max_length=300, blank=True, help_text="'|nato|eu|': the groups then.")
    category_slug = models.CharField(max_length=50)
    system_slug = models.CharField(max_length=50, blank=True)
    meeting_slug = models.CharField(max_length=50, blank=True)
    dataset_slug = models.CharField(max_length=50, blank=True)
    status = models.CharField(max_length=20)
    date = models.DateField()
    value_eur = models.DecimalField(max_digits=18, decimal_places=2, null=True)
    search_text = models.TextField(blank=True)
    # copies of what the sorts read, so ?sort= orders a release as it ordered the live record then
    donor_name = models.CharField(max_length=200, blank=True)
    category_position = models.PositiveSmallIntegerField(default=0)
    quantity = models.PositiveIntegerField(null=True, help_text="The row's own: the line item's or the delivery's.")
    quantity_delivered = models.PositiveIntegerField(null=True, help_text="The line item's delivered units.")

    class Meta:
        ordering = ["release", "table", "position"]
        constraints = [
            models.UniqueConstraint(fields=["release", "table", "object_id"], name="releaserow_unique_per_release"),
        ]
        indexes = [
            # a release's export reads its rows in order
            models.Index(fields=["release", "table", "position"], name="releaserow_release_table_idx"),
        ]

    def __str__(self):
        return f"{self.release}: {self.table} {self.object_id}"


# The dashboards' figures have their own tables (pledges/figures/models.py, and the cache's version), the article
# inbox its own (pledges/inbox/models.py); Django registers the models its app's models module imports, and none
# of these modules imports this one back.
from .figures.cache import SummaryVersion  # noqa: E402, F401
from .figures.models import CountedDelivery, LagCount, MeetingSummary, MonthlySummary, SystemSummary  # noqa: E402, F401
from .inbox.models import InboxText, Proposal  # noqa: E402, F401
