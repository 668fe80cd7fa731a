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

from . import review
from .models import Publication, Reviewed

HISTORY_FIELDS = ("change_reason", "loaded_at")


class HistoryForm(forms.ModelForm):
    """A change form that knows when it was loaded, and asks why."""

    loaded_at = forms.CharField(widget=forms.HiddenInput, required=False)
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


class ReviewedFormSet(BaseInlineFormSet):
    """Inline rows: a fact once published cannot be deleted (it is retracted on its own page)."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.was_published:
                raise ValidationError(
                    f"“{form.instance}” has been published: it cannot be deleted, only retracted with a reason "
                    "on its own page."
                )


class CitationFormSet(BaseInlineFormSet):
    """A published fact keeps the sources it was published with: they can be added to, not removed."""

    def clean(self):
        super().clean()
        fact = self.instance
        if not (isinstance(fact, Reviewed) and fact.was_published):
            return
        for form in self.deleted_forms:
            if form.instance.pk:
                raise ValidationError(
                    f"“{fact}” has been published citing “{form.instance.source}”: a published fact's sources "
                    "cannot be removed, only added to (or the fact retracted with a reason)."
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
        if obj is None or obj.pk is None:
            return "A draft until a reviewer publishes it."
        parts = [obj.get_publication_display()]
        if obj.reviewed_at:
            who = obj.reviewed_by.get_username() if obj.reviewed_by else "someone"
            parts.append(f"by {who} on {timezone.localtime(obj.reviewed_at):%Y-%m-%d %H:%M}")
        if obj.publication == Publication.RETRACTED:
            parts.append(f"reason: {obj.retraction_reason}")
        url = reverse(f"admin:pledges_{obj._meta.model_name}_review", args=[obj.pk])
        return format_html('{} – <a href="{}">publish or retract…</a>', ", ".join(parts), url)

    # --- drafts -----------------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not change or form.has_changed():
            _as_draft(obj)
        super().save_model(request, obj, form, change)

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
        """Publish or retract one fact; a retraction needs a reason."""
        obj = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_review_permission(request, obj):
            raise PermissionDenied
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["action"] == "publish":
                    review.publish(obj, request.user, form.cleaned_data["reason"])
                else:
                    review.retract(obj, request.user, form.cleaned_data["reason"])
            except review.ReviewError as error:
                form.add_error(None, str(error))
            else:
                self.message_user(request, f"“{obj}” is now {obj.get_publication_display()}.", messages.SUCCESS)
                return HttpResponseRedirect(reverse(f"admin:pledges_{obj._meta.model_name}_change", args=[obj.pk]))
        history = obj.history.select_related("history_user").order_by("-history_date")[:10]
        ctx = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": obj,
            "title": f"Publish or retract {obj}",
            "form": form,
            "recent": format_html_join(
                "",
                "<li>{} {} by {}: {}</li>",
                (
                    (
                        f"{timezone.localtime(r.history_date):%Y-%m-%d %H:%M}",
                        r.get_history_type_display().lower(),
                        r.history_user or "someone",
                        r.history_change_reason or "",
                    )
                    for r in history
                ),
            ),
        }
        return TemplateResponse(request, "admin/pledges/review.html", ctx)


class ReviewForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("publish", "Publish: show it on the public pages"), ("retract", "Retract: withdraw it")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        required=False,
        max_length=100,
        help_text="Required to retract: why the fact is withdrawn (shown in its history and in exports).",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "retract" and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Say why the fact is retracted.")
        return cleaned


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
