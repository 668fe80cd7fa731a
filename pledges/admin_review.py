"""The admin side of review, history and conflicts (issue 5), mixed into the record's ModelAdmins.

- HistoryAdmin: every change form carries the moment it was loaded and an optional reason. A save is
  refused, with the list of what changed meanwhile, when the record or a row edited inline with it
  has a newer version; the reason goes into the history, which the admin shows as a diff per version.
- ReviewedAdmin (pledges, line items, deliveries): whatever an editor adds or changes is a draft;
  reviewers publish or retract (with a reason) on a page of their own; a fact once published is
  never deleted, neither from its page, nor from a list, nor as an inline row.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from . import dates, formatting, review
from .models import Citation, LineItem, LineItemCitation, Pledge, Publication, Reviewed

HISTORY_FIELDS = ("change_reason", "loaded_at", "loaded_state")


class HistoryForm(forms.ModelForm):
    """A change form that knows when it was loaded and what the record held then, and asks why."""

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)
    # review.state_token() of the record as loaded; a form posted without one (a script's) is checked by time only
    loaded_state = forms.CharField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        required=False,
        max_length=100,
        label="Reason for the change",
        help_text="Kept in the record's history: what prompted the change (a new source, a correction).",
    )
    # (model, foreign key) pairs of the rows edited inline; set by HistoryAdmin.get_form
    conflict_children = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_at"].initial = timezone.now().isoformat()
        if not self.is_bound and self.instance.pk is not None:
            self.fields["loaded_state"].initial = review.state_token(self.instance, self.conflict_children)

    @property
    def changed_data(self):
        # the token and the reason are not changes to the record
        return [name for name in super().changed_data if name not in HISTORY_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        loaded_at = review.parse_loaded_at(self.data.get(self.add_prefix("loaded_at")))
        if loaded_at is None:
            raise ValidationError("This form was not loaded properly: reload the page, then make your change again.")
        # The admin validates and saves in one transaction: holding the rows from here to the commit makes
        # a concurrent save of the same record wait, then find this one's version in the history.
        review.lock_for_change(self.instance, self.conflict_children)
        changes = review.changes_since(self.instance, loaded_at, self.conflict_children)
        loaded_state = self.data.get(self.add_prefix("loaded_state"))
        if loaded_state and loaded_state != review.state_token(self.instance, self.conflict_children) and not changes:
            changes = ["a save that was still being committed when you opened the page"]
        if changes:
            raise ValidationError(
                [
                    "Someone saved this record after you opened it, so nothing was saved: reload the page to "
                    "see the current version, then make your change again. Changed meanwhile:",
                    *changes,
                ],
                code="conflict",
            )
        return cleaned


class HistoryAdmin(SimpleHistoryAdmin):
    """History with a readable diff per version, a reason per change, and no silent overwrite."""

    form = HistoryForm
    conflict_children = ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.conflict_children = self.conflict_children
        return form

    def get_fields(self, request, obj=None):
        return [name for name in super().get_fields(request, obj) if name not in HISTORY_FIELDS]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editable = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
        if not editable:
            return fieldsets  # a read-only page has nothing to save
        return [*fieldsets, ("Why", {"fields": list(HISTORY_FIELDS)})]

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data.get("change_reason", "")
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        reason = form.cleaned_data.get("change_reason", "")
        for inline_form in formset.forms:
            inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)


def _as_draft(obj):
    obj.publication = Publication.DRAFT


def _proposed_changes(form, citation_formsets):
    """What an editor changed in a published fact's form, as Revision.changes holds it (empty if nothing)."""
    obj = form.instance
    fields, m2m = {}, {}
    for name in form.changed_data:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            m2m[name] = sorted(related.pk for related in form.cleaned_data[name])
        else:
            fields[name] = field.value_from_object(obj)
    citations = []
    for formset in citation_formsets:
        for citation_form in formset.forms:
            citation = citation_form.instance
            if citation_form in formset.deleted_forms:
                if citation.pk:
                    citations.append({"id": citation.pk, "delete": True})
            elif citation_form.has_changed():
                # a new source described in the row is stored now, so the revision can name it
                source, quote = citation_form.cited_source(), citation_form.cleaned_data["quote"]
                citations.append({"id": citation.pk, "source": source.pk, "quote": quote})
    changes = {"fields": fields, "m2m": m2m, "citations": citations}
    return {part: changed for part, changed in changes.items() if changed}


class ReviewedFormSet(BaseInlineFormSet):
    """Inline rows: a fact once published is neither deleted (it is retracted on its own page) nor changed
    here (its own page keeps the change as a revision for review); new and draft rows are saved as drafts."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            if not form.instance.was_published:
                continue
            if form in self.deleted_forms:
                raise ValidationError(
                    f"“{form.instance}” has been published: it cannot be deleted, only retracted with a reason "
                    "on its own page."
                )
            if form.has_changed():
                raise ValidationError(
                    f"“{form.instance}” has been published: change it on its own page, where the change waits "
                    "for a reviewer while the published version stays on the public pages."
                )


class ReviewedInlineMixin:
    """For inlines of reviewed facts: their publication state is shown, never edited."""

    @admin.display(description="publication")
    def publication_state(self, obj):
        return obj.get_publication_display() if obj.pk else "draft once saved"


class ReviewedAdmin(HistoryAdmin):
    """Pledges, line items, deliveries: drafts until a reviewer publishes them."""

    actions = ["publish_selected"]
    review_fields = ["review_state"]

    def get_list_display(self, request):
        return [*super().get_list_display(request), "publication"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), "publication"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "review_state"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        return [("Review", {"fields": ["review_state"]}), *fieldsets]

    @admin.display(description="publication")
    def review_state(self, obj):
        """A query or two: who reviewed it, and the revision waiting for review."""
        if obj is None or obj.pk is None:
            return "A draft until a reviewer publishes it."
        parts = [obj.get_publication_display()]
        if obj.reviewed_at:
            who = obj.reviewed_by.get_username() if obj.reviewed_by else "someone"
            parts.append(f"by {who} on {dates.moment(obj.reviewed_at)}")
        if obj.publication == Publication.RETRACTED:
            parts.append(f"reason: {obj.retraction_reason}")
        if obj.was_published:
            parts.append("changes saved here wait for a reviewer, the published version stays public meanwhile")
        revision = review.pending_revision(obj)
        if revision is not None:
            who = revision.proposed_by.get_username() if revision.proposed_by else "someone"
            parts.append(
                f"a revision by {who} of {dates.moment(revision.proposed_at)} waits for "
                "review (saving another change replaces it)"
            )
        url = reverse(f"admin:pledges_{obj._meta.model_name}_review", args=[obj.pk])
        return format_html('{} – <a href="{}">publish, reject or retract…</a>', "; ".join(parts), url)

    # --- drafts, and revisions of what was published ----------------------------------------------

    def keeps_for_review(self, obj, change):
        """A change to a fact once published is kept as a revision; the published version stays public."""
        return change and obj.was_published

    def save_model(self, request, obj, form, change):
        if self.keeps_for_review(obj, change):
            return  # save_related keeps the change as a revision
        if not change or form.has_changed():
            _as_draft(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        if not self.keeps_for_review(obj, change):
            return super().save_related(request, form, formsets, change)
        changes = _proposed_changes(form, [formset for formset in formsets if issubclass(formset.model, Citation)])
        obj.refresh_from_db()  # the inline rows saved below belong to the published version
        for formset in formsets:
            if issubclass(formset.model, Citation):
                # kept in the revision: nothing saved, nothing for the admin's change message
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            else:
                self.save_formset(request, form, formset, change)  # new rows are drafts of their own
        if changes:
            review.propose(obj, changes, request.user, form.cleaned_data.get("change_reason", ""))
            self.message_user(
                request,
                f"Your change to “{obj}” waits for a reviewer; the public pages show the published version until "
                "it is published.",
                messages.WARNING,
            )

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if isinstance(instance, Reviewed) and inline_form.has_changed():
                _as_draft(instance)
        super().save_formset(request, form, formset, change)

    # --- never deleted once published -------------------------------------------------------------

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.was_published:
            return False
        return super().has_delete_permission(request, obj)

    # --- publishing and retracting ----------------------------------------------------------------

    def has_review_permission(self, request, obj=None):
        return request.user.has_perm(review.review_permission(self.model))

    @admin.action(description="Publish the selected drafts", permissions=["review"])
    def publish_selected(self, request, queryset):
        published = 0
        for obj in queryset.exclude(publication=Publication.PUBLISHED):
            try:
                review.publish(obj, request.user)
            except review.ReviewError as error:
                self.message_user(request, str(error), messages.ERROR)
            else:
                published += 1
        self.message_user(request, f"Published {published}.", messages.SUCCESS)

    def get_urls(self):
        name = f"pledges_{self.model._meta.model_name}_review"
        view = self.admin_site.admin_view(self.review_view)
        return [path("<int:object_id>/review/", view, name=name), *super().get_urls()]

    def review_view(self, request, object_id):
        """Publish a draft or a published fact's pending revision, reject the revision, or retract the fact;
        a rejection and a retraction need a reason."""
        obj = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_review_permission(request, obj):
            raise PermissionDenied
        revision = review.pending_revision(obj)
        form = ReviewForm(request.POST or None, revision=revision)
        if request.method == "POST" and form.is_valid():
            action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
            try:
                if action == "publish":
                    review.publish(obj, request.user, reason)
                elif action == "reject":
                    review.reject(obj, request.user, reason)
                else:
                    review.retract(obj, request.user, reason)
            except review.ReviewError as error:
                form.add_error(None, str(error))
            else:
                done = "its revision rejected" if action == "reject" else obj.get_publication_display()
                self.message_user(request, f"“{obj}” is now {done}.", messages.SUCCESS)
                return HttpResponseRedirect(reverse(f"admin:pledges_{obj._meta.model_name}_change", args=[obj.pk]))
        history = obj.history.select_related("history_user").order_by("-history_date")[:10]
        facts, sources = what_is_published(obj)
        ctx = {
            "facts": facts,
            "sources": sources,
            "revision": revision,
            "revision_rows": review.revision_rows(revision, obj) if revision else [],
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"Review {obj}",
            "form": form,
            "recent": format_html_join(
                "",
                "<li>{} {} by {}: {}</li>",
                (
                    (
                        dates.moment(r.history_date),
                        r.get_history_type_display().lower(),
                        r.history_user or "someone",
                        r.history_change_reason or "",
                    )
                    for r in history
                ),
            ),
        }
        return TemplateResponse(request, "admin/pledges/review.html", ctx)


def what_is_published(obj):
    """The fact a reviewer is asked to publish, as (label, text) rows, and the sources it cites with their
    quotes (its own, and for a line item its pledge's). A few queries: one per table read."""
    if isinstance(obj, Pledge):
        rows = [("donor", str(obj.donor)), ("announcement", obj.title), ("date", obj.date_display)]
        rows.append(("meeting", str(obj.meeting) if obj.meeting_id else "none"))
        items = obj.line_items.exclude(publication=Publication.RETRACTED).select_related("category", "system")
        rows += [(f"line item ({item.get_publication_display()})", _line_item_text(item)) for item in items]
        cited = [
            *obj.citations.select_related("source"),
            *LineItemCitation.objects.filter(line_item__pledge=obj).select_related("source"),
        ]
    elif isinstance(obj, LineItem):
        pledge = obj.pledge
        rows = [("donor", str(pledge.donor)), ("announcement", f"{pledge.title}, {pledge.date_display}")]
        rows.append(("what", _line_item_text(obj)))
        cited = [*obj.citations.select_related("source"), *pledge.citations.select_related("source")]
    else:
        item = obj.line_item
        rows = [("donor", str(item.pledge.donor)), ("of the line item", _line_item_text(item))]
        rows += [("delivered on", obj.date_display), ("units", formatting.units(obj.quantity))]
        cited = list(obj.citations.select_related("source"))
    sources = [(str(citation.source), citation.source.url, citation.quote) for citation in cited]
    return rows, sources


def _line_item_text(item):
    what = item.system.name if item.system_id else item.category.name
    parts = [what + (f" ({item.description})" if item.description else "")]
    parts.append(f"quantity {formatting.units(item.quantity)}" + (f" {item.unit}" if item.quantity else ""))
    if item.value_reported is None:
        parts.append("value unknown")
    else:
        value = f"value {item.value_reported:,} {item.currency} as reported"
        parts.append(f"{value}, {formatting.eur(item.value_eur)} in EUR")
    return "; ".join(parts)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(widget=forms.RadioSelect)
    reason = forms.CharField(
        required=False,
        max_length=100,
        help_text="Required to reject or retract: why (kept in the history, and shown in exports for a retraction).",
    )

    def __init__(self, *args, revision=None, **kwargs):
        super().__init__(*args, **kwargs)
        if revision is None:
            choices = [("publish", "Publish: show it on the public pages")]
        else:
            choices = [
                ("publish", "Publish the revision: the public pages show the fact as revised"),
                ("reject", "Reject the revision: the fact stays as published"),
            ]
        self.fields["action"].choices = [*choices, ("retract", "Retract: withdraw the fact")]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in ("reject", "retract") and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason",
                f"Say why the {'revision is rejected' if cleaned['action'] == 'reject' else 'fact is retracted'}.",
            )
        return cleaned


class RevisionAdmin(admin.ModelAdmin):
    """Changes to published facts, for reviewers to find what waits for them; each is reviewed on its
    fact's review page. Read-only: a revision is proposed by saving the fact's form."""

    list_display = ["__str__", "proposed_at", "reason", "state", "review_link"]
    list_filter = ["state"]
    list_select_related = [
        "proposed_by",
        "pledge__donor",
        "line_item__pledge__donor",
        "line_item__category",
        "line_item__system",
        "delivery",
    ]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("pledges.view_pledge")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="")
    def review_link(self, obj):
        fact = obj.fact
        url = reverse(f"admin:pledges_{fact._meta.model_name}_review", args=[fact.pk])
        return format_html('<a href="{}">review</a>', url)


class ReleaseAdmin(admin.ModelAdmin):
    """Reviewers cut releases: a number, a date and notes; the copies of the exports are made then.

    A release never changes afterwards, nor is it deleted: it is what readers cite.
    """

    list_display = ["number", "published_on", "notes", "cut_by", "cut_at", "public_link"]
    fields = ["published_on", "notes"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_changeform_initial_data(self, request):
        return {"published_on": timezone.localdate()}

    def save_model(self, request, obj, form, change):
        from . import releases

        release = releases.cut(request.user, obj.published_on, obj.notes)
        obj.pk, obj.number = release.pk, release.number

    @admin.display(description="")
    def public_link(self, obj):
        return format_html('<a href="{}">changes</a>', reverse("pledges:release-changes", args=[obj.number]))
