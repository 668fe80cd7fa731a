"""Admin for the article inbox: paste or upload an article, then accept or dismiss what it proposes.

Loaded by the last line of admin.py. A new text is saved (with the source its facts will cite) before it is
read, so nothing pasted is lost; each proposal can be corrected in place, then accepted (draft facts citing
the text, or the text added as a source of the fact already recorded) or dismissed. Both stay with the text.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from . import dates, money
from .inbox import intake
from .inbox.clean import Unreadable, clean, read_text
from .models import InboxText, Proposal, Source

MAX_UPLOAD_BYTES = 1024 * 1024


class InboxTextForm(forms.ModelForm):
    """The paste or upload form: the text itself, or a .txt or .html file, and what is known of its publication."""

    text = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 16}), help_text="Paste the article as it appears."
    )
    upload = forms.FileField(required=False, label="…or upload", help_text="A .txt or .html file in UTF-8.")
    title = forms.CharField(required=False, max_length=300, help_text="Left empty: the article's headline.")
    published_on = forms.DateField(
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="Relative dates (“on Tuesday”, “this week”) are read against it.",
    )
    publisher = forms.CharField(required=False, max_length=200)
    url = forms.URLField(required=False, max_length=500, label="URL", assume_scheme="https")
    kind = forms.ChoiceField(choices=Source.Kind.choices, initial=Source.Kind.MEDIA, label="Source kind")

    class Meta:
        model = InboxText
        fields = []  # all of it goes through intake.save(): the text here, the rest to its source

    def clean(self):
        cleaned = super().clean()
        upload, pasted = cleaned.get("upload"), cleaned.get("text", "")
        if upload and pasted.strip():
            raise ValidationError("Paste a text or upload a file, not both.")
        field = "upload" if upload else "text"
        try:
            if upload:
                if upload.size > MAX_UPLOAD_BYTES:
                    raise Unreadable(f"The file is {upload.size:,} bytes; the inbox takes files up to 1 MB.")
                if not upload.name.lower().endswith((".txt", ".html", ".htm")):
                    raise Unreadable("Upload a .txt or .html file.")
                cleaned["text"] = read_text(upload.read(), upload.name)
            else:
                cleaned["text"] = read_text(pasted)
        except Unreadable as reason:
            self.add_error(field, str(reason))
            return cleaned
        if not cleaned.get("title"):
            cleaned["title"] = clean(cleaned["text"]).title or cleaned["text"].strip().splitlines()[0][:120]
        return cleaned


class InboxTextDecisionsForm(forms.ModelForm):
    """A saved text's own page: its fields are shown, not edited; its proposals are the inline's forms."""

    class Meta:
        model = InboxText
        fields = []


class ProposalForm(forms.ModelForm):
    decision = forms.ChoiceField(
        choices=[("", "decide later"), ("accept", "accept"), ("dismiss", "dismiss")], required=False
    )

    class Meta:
        model = Proposal
        fields = [
            "kind", "donor", "category", "system", "quantity", "value", "currency", "date", "date_precision",
            "meeting", "co_funders",
        ]  # fmt: skip
        widgets = {
            "date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "co_funders": forms.SelectMultiple(attrs={"size": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        decided = self.instance.pk and self.instance.state != Proposal.State.OPEN
        if decided and (self.has_changed() and set(self.changed_data) - {"decision"}):
            raise ValidationError(f"This proposal was {self.instance.get_state_display()}: it can no longer change.")
        if cleaned.get("value") is not None and not cleaned.get("currency"):
            self.add_error("currency", "Give the currency of the value.")
        if cleaned.get("value") is None and cleaned.get("currency"):
            self.add_error("value", "A currency was given without a value.")
        if (
            cleaned.get("decision") == "accept"
            and not cleaned.get("date")
            and not self.instance.inbox_text.source.published_on
        ):
            self.add_error("date", "Give a date: neither the text nor its publication date says when.")
        return cleaned


class ProposalInline(admin.StackedInline):
    model = Proposal
    form = ProposalForm
    extra = 0
    max_num = 0
    can_delete = False
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "quote",
                    ("already_recorded", "outcome"),
                    ("kind", "donor", "category", "system"),
                    ("quantity", "value", "currency", "in_euros"),
                    ("date", "date_precision", "meeting"),
                    "co_funders",
                    "decision",
                ]
            },
        )
    ]
    readonly_fields = ["quote", "already_recorded", "outcome", "in_euros"]

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for field in formset.form.base_fields.values():
            # the record's donors, systems and meetings are edited on their own pages, not from a proposal
            for permission in ("can_add_related", "can_change_related", "can_delete_related", "can_view_related"):
                if hasattr(field.widget, permission):
                    setattr(field.widget, permission, False)
        return formset

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="in euros")
    def in_euros(self, proposal):
        """At the ECB rate of the proposal's date, as the line item will convert it."""
        if proposal.value is None or not proposal.currency or proposal.date is None:
            return "unknown"
        try:
            conversion = money.to_eur(proposal.value, proposal.currency, proposal.date)
        except money.NoRate as reason:
            return f"unknown: {reason}"
        return f"€{conversion.value_eur:,.2f} (rate of {dates.day(conversion.rate_date)})"

    @admin.display(description="already recorded")
    def already_recorded(self, proposal):
        if not proposal.recorded_as_id:
            return "no"
        url = reverse("admin:pledges_lineitem_change", args=[proposal.recorded_as_id])
        return format_html('<a href="{}">already recorded</a>: accepting adds this text as a source', url)

    @admin.display(description="state")
    def outcome(self, proposal):
        if proposal.state == Proposal.State.ACCEPTED and proposal.pledge_id:
            url = reverse("admin:pledges_pledge_change", args=[proposal.pledge_id])
            return format_html('accepted: <a href="{}">draft pledge</a>', url)
        return proposal.get_state_display()


@admin.register(InboxText)
class InboxTextAdmin(admin.ModelAdmin):
    form = InboxTextForm
    list_display = ["title", "publisher", "published_on", "status", "open_count", "accepted_count", "duplicate"]
    list_filter = ["status"]
    search_fields = ["source__title", "source__publisher", "text"]
    inlines = [ProposalInline]
    change_form_template = "admin/pledges/inboxtext/change_form.html"

    def get_queryset(self, request):
        counts = {
            "open_count": Count("proposals", filter=Q(proposals__state=Proposal.State.OPEN)),
            "accepted_count": Count("proposals", filter=Q(proposals__state=Proposal.State.ACCEPTED)),
        }
        return super().get_queryset(request).annotate(**counts).select_related("source", "duplicate_of")

    @admin.display(description="title", ordering="source__title")
    def title(self, obj):
        return obj.source.title

    @admin.display(description="publisher", ordering="source__publisher")
    def publisher(self, obj):
        return obj.source.publisher

    @admin.display(description="published on", ordering="source__published_on")
    def published_on(self, obj):
        return obj.source.published_on

    @admin.display(description="URL")
    def url(self, obj):
        return format_html('<a href="{}">{}</a>', obj.source.url, obj.source.url) if obj.source.url else "-"

    @admin.display(description="to decide", ordering="open_count")
    def open_count(self, obj):
        return obj.open_count

    @admin.display(description="accepted", ordering="accepted_count")
    def accepted_count(self, obj):
        return obj.accepted_count

    @admin.display(description="near-duplicate of")
    def duplicate(self, obj):
        return str(obj.duplicate_of) if obj.duplicate_of_id else ""

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:
            kwargs["form"] = InboxTextDecisionsForm
        return super().get_form(request, obj, **kwargs)

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return super().get_fieldsets(request, obj)
        return [
            (None, {"fields": ["title", "published_on", "publisher", "url", "status_line", "duplicate_line"]}),
            ("What is not a fact, and why", {"fields": ["set_aside_list", "rate_notes_list"], "classes": ["collapse"]}),
            ("The text as given", {"fields": ["article"], "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["title", "published_on", "publisher", "url", "status_line", "duplicate_line", "set_aside_list",
                "rate_notes_list", "article"]  # fmt: skip

    def has_delete_permission(self, request, obj=None):
        return False  # the text is what its accepted facts cite, and what was decided stays with it

    @admin.display(description="status")
    def status_line(self, obj):
        if obj.status == InboxText.Status.FAILED:
            return format_html("could not be read ({}); the text is kept", obj.error)
        counts = {state: 0 for state in Proposal.State.values}
        for state in obj.proposals.values_list("state", flat=True):
            counts[state] += 1
        if obj.status == InboxText.Status.READ and not sum(counts.values()):
            return "No aid facts found: see what was set aside below."
        return (
            f"{obj.get_status_display()} in {obj.read_in_ms} ms: {sum(counts.values())} proposals, "
            f"{counts['open']} to decide, {counts['accepted']} accepted, {counts['dismissed']} dismissed"
        )

    @admin.display(description="near-duplicate")
    def duplicate_line(self, obj):
        if not obj.duplicate_of_id:
            return "no: not seen before"
        return f"repeats “{obj.duplicate_of}”: accepting a proposal adds this text as a second source of that fact"

    @admin.display(description="set aside")
    def set_aside_list(self, obj):
        if not obj.set_aside:
            return "nothing"
        return format_html(
            "<ul class='inbox-set-aside'>{}</ul>",
            format_html_join("", "<li><strong>{}</strong>: {}</li>", ((why, text) for why, text in obj.set_aside)),
        )

    @admin.display(description="rates the text gives")
    def rate_notes_list(self, obj):
        return "; ".join(obj.rate_notes) or "none"

    @admin.display(description="text")
    def article(self, obj):
        return format_html("<div class='inbox-text'>{}</div>", obj.text)

    def save_model(self, request, obj, form, change):
        if change:
            return  # a text's own fields do not change; its proposals are saved with the formset
        data = form.cleaned_data
        saved = intake.save(
            data["text"],
            title=data["title"],
            url=data["url"],
            publisher=data["publisher"],
            published_on=data["published_on"],
            kind=data["kind"],
            file_name=data["upload"].name if data.get("upload") else "",
            user=request.user,
        )
        obj.pk, obj.source_id = saved.pk, saved.source_id
        intake.read(saved)
        saved.refresh_from_db()
        if saved.status == InboxText.Status.FAILED:
            messages.error(request, f"The text is saved, but reading it failed: {saved.error}")
        elif not saved.proposals.exists():
            reasons = "; ".join(f"{why}: “{text[:80]}”" for why, text in saved.set_aside) or "nothing"
            messages.warning(request, f"No aid facts found. Set aside: {reasons}")
        else:
            messages.success(request, f"{saved.proposals.count()} facts proposed: check each, then accept or dismiss.")

    def response_add(self, request, obj, post_url_continue=None):
        """After a text is added, its proposals: the page the editor works on next."""
        return HttpResponseRedirect(reverse("admin:pledges_inboxtext_change", args=[obj.pk]))

    def save_related(self, request, form, formsets, change):
        if not change:
            return
        super().save_related(request, form, formsets, change)
        for formset in formsets:
            for proposal_form in formset.forms:
                proposal = proposal_form.instance
                if set(proposal_form.changed_data) - {"decision"} and proposal.state == Proposal.State.OPEN:
                    proposal.recorded_as = intake.recorded_line_item(proposal)
                    proposal.save(update_fields=["recorded_as"])
                decision = proposal_form.cleaned_data.get("decision")
                try:
                    if decision == "accept":
                        intake.accept(proposal, request.user)
                    elif decision == "dismiss":
                        intake.dismiss(proposal, request.user)
                except (ValidationError, ValueError) as reason:
                    text = "; ".join(reason.messages) if isinstance(reason, ValidationError) else str(reason)
                    messages.error(request, f"{proposal}: not accepted, {text}")
                except DatabaseError:
                    # accept() runs in its own transaction: nothing of it was kept
                    messages.error(request, f"{proposal}: not accepted, the record refused it; nothing was changed.")
