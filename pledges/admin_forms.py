"""The admin's forms for entering one fact on one page, in one save (issue 17).

- CitationForm: a citation row cites a source on record, or describes a new one (title, publisher, URL,
  date, kind) that is stored with the citation; either way with its quote.
- PledgeForm: the title may be left empty (the line items name the pledge, `Pledge.title_for`), and so may
  the date of a pledge announced at a meeting (the meeting's first day).
- PledgeLineItemFormSet: refuses a pledge with neither a title nor a line item to name it after.
- DeliveryForm (a delivery's own page) and DeliveryFormSet (the deliveries on a line item's page) refuse an
  over-delivery beside the quantity; CitedDeliveryForm, a delivery row there, cites its source and quote.

A refusal is an error beside its field and stores nothing: a new source is only built while the form is
checked, and saved with its citation.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.db.models.functions import Coalesce

from .admin_review import HistoryForm, ReviewedFormSet
from .models import DeliveryCitation, Publication, Source

# the new source's form fields and the Source fields they fill
NEW_SOURCE_FIELDS = {
    "new_title": "title",
    "new_publisher": "publisher",
    "new_url": "url",
    "new_published_on": "published_on",
    "new_kind": "kind",
}


class CitationForm(forms.ModelForm):
    """A citation of a source on record, or of a new source described in the same row, with its quote."""

    new_title = forms.CharField(required=False, max_length=300, label="or a new source: title")
    new_publisher = forms.CharField(required=False, max_length=200, label="publisher")
    new_url = forms.URLField(required=False, max_length=500, label="URL", assume_scheme="https")
    new_published_on = forms.DateField(
        required=False,
        label="published on",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="Leave empty if the source is undated.",
    )
    new_kind = forms.ChoiceField(choices=Source.Kind.choices, initial=Source.Kind.MEDIA, required=False, label="kind")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = False
        self.fields["source"].label = "source on record"
        self.fields["quote"].error_messages["required"] = "Quote the passage of the source that supports the fact."
        self.new_source = None

    def has_changed(self):
        # the kind alone, which has a default, changes nothing: a row left empty stays an empty row
        return any(name != "new_kind" for name in self.changed_data)

    def _describes_a_new_source(self):
        # the kind has a default: a row describes a new source once anything else of it is filled
        return any(self.cleaned_data.get(name) for name in NEW_SOURCE_FIELDS if name != "new_kind")

    def clean(self):
        cleaned = super().clean()
        if not self._describes_a_new_source():
            if not cleaned.get("source") and "source" not in self.errors:
                self.add_error("source", "Pick the source of the quote, or describe a new one below.")
            return cleaned
        if cleaned.get("source"):
            self.add_error("source", "Pick a source on record or describe a new one, not both.")
            return cleaned
        self.new_source = self._new_source(cleaned)
        return cleaned

    def _new_source(self, cleaned):
        """The new source, checked as the database would check it, but not saved; None if it is refused."""
        source = Source(**{field: cleaned.get(name) or "" for name, field in NEW_SOURCE_FIELDS.items()})
        source.published_on = cleaned.get("new_published_on")
        if not source.title:
            self.add_error("new_title", "Give the new source's title.")
        if not source.url:
            self.add_error("new_url", "Give the new source's address, where readers find it.")
        elif Source.objects.filter(url=source.url).exists():
            self.add_error("new_url", "A source with this address is on record: pick it as the source on record.")
        if self.errors:
            return None
        try:
            source.full_clean()
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                name = next((name for name, field_ in NEW_SOURCE_FIELDS.items() if field_ == field), "new_url")
                self.add_error(name, messages)
            return None
        return source

    def cited_source(self):
        """The source the row cites; a new one is saved here, with the citation's reason for the change."""
        if self.new_source is not None and self.new_source.pk is None:
            self.new_source._change_reason = getattr(self.instance, "_change_reason", "")
            self.new_source.save()
        return self.new_source or self.cleaned_data["source"]

    def save(self, commit=True):
        # a new source is stored even when the citation is saved later: the citation cannot exist without it
        self.instance.source = self.cited_source()
        return super().save(commit)


class PledgeForm(HistoryForm):
    """A pledge whose title its line items may give, and whose date its meeting may give."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" not in self.fields:
            return  # a read-only page
        self.fields["title"].required = False
        self.fields["title"].help_text = (
            "What the announcement is known as. Leave empty to name it after its line items: "
            "“21,000 × 155 mm rounds”, “14 × Leopard 2A6 and 4 × Bergepanzer 3”."
        )
        self.fields["date"].required = False
        self.fields["date"].help_text = "Leave empty for a pledge announced at a meeting: its first day."

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") is None and "date" not in self.errors:
            meeting = cleaned.get("meeting")
            if meeting is None:
                self.add_error("date", "Give the date of the announcement, or the meeting it was made at.")
            else:
                cleaned["date"] = meeting.starts_on
        return cleaned


class PledgeLineItemFormSet(ReviewedFormSet):
    """A pledge's line items: with no title given, there must be one to name the pledge after."""

    def kept(self):
        """The line items the pledge keeps once saved, as the forms describe them."""
        return [
            form.instance
            for form in self.forms
            if form.cleaned_data
            and form not in self.deleted_forms
            and form.instance.publication != Publication.RETRACTED
        ]

    def clean(self):
        super().clean()
        if not self.instance.title and not self.kept():
            raise ValidationError("Give the pledge a title, or a line item to name it after.")


class DeliveryFormSet(ReviewedFormSet):
    """Refuses deliveries that add up to more than the line item's quantity."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.instance.publication != Publication.RETRACTED
        ]
        total = sum(form.cleaned_data.get("quantity") or 0 for form in kept)
        if self.instance.exceeded_by(total):
            raise ValidationError(
                f"These deliveries add up to {total}, more than the {self.instance.quantity} pledged. "
                "Correct a quantity, or tick 'over-delivery confirmed' if the sources say so."
            )


class DeliveryForm(HistoryForm):
    """The delivery's own page: the same over-delivery rule as the line item's inline, beside the quantity."""

    def clean(self):
        cleaned = super().clean()
        item, quantity = cleaned.get("line_item"), cleaned.get("quantity")
        if item is None or not quantity:
            return cleaned
        others = (
            item.deliveries.exclude(pk=self.instance.pk)
            .exclude(publication=Publication.RETRACTED)
            .aggregate(units=Coalesce(Sum("quantity"), 0))["units"]
        )
        if item.exceeded_by(others + quantity):
            self.add_error(
                "quantity",
                f"With the {others} already recorded for this line item, that makes {others + quantity}, more than "
                f"the {item.quantity} pledged. Correct the quantity, or tick 'over-delivery confirmed' on the line "
                "item if the sources say so.",
            )
        return cleaned


class CitedDeliveryForm(forms.ModelForm):
    """A delivery row of the line item's page that can cite its source as it is recorded: a delivery
    is published only with one (pledges/review.py)."""

    cite_source = forms.ModelChoiceField(
        Source.objects.all(),
        required=False,
        label="cite a source",
        widget=AutocompleteSelect(DeliveryCitation._meta.get_field("source"), admin.site),
    )
    cite_quote = forms.CharField(required=False, label="quote", widget=forms.Textarea(attrs={"rows": 2, "cols": 24}))

    def clean(self):
        cleaned = super().clean()
        source, quote = cleaned.get("cite_source"), cleaned.get("cite_quote", "").strip()
        if source and not quote:
            self.add_error("cite_quote", "Quote the passage of the source that supports the delivery.")
        if quote and not source:
            self.add_error("cite_source", "Say which source the quote comes from.")
        return cleaned

    def save(self, commit=True):
        delivery = super().save(commit)
        source = self.cleaned_data.get("cite_source")
        if commit and source:
            citation = DeliveryCitation(delivery=delivery, source=source, quote=self.cleaned_data["cite_quote"].strip())
            citation._change_reason = getattr(delivery, "_change_reason", "")
            citation.save()
        return delivery
