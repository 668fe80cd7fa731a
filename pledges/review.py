"""Review before publishing, and edits that never overwrite each other (issue 5).

- Facts (pledges, line items, deliveries) are drafts until a reviewer publishes them; public pages
  read published facts only (querysets.py's public()). A published fact is retracted with a reason,
  never deleted: the retraction is a new version in its history.
- A staff member who may view the record previews the public pages with drafts by adding
  ?preview=1 to any page (preview_middleware).
- Editors' forms carry the moment they were loaded; a save is refused when the record (or one of the
  rows edited inline with it) has a newer version in its history, and the message says what changed.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from .models import Delivery, LineItem, Pledge, Publication

REVIEWED_MODELS = (Pledge, LineItem, Delivery)


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("pledges.view_pledge")


def preview_middleware(get_response):
    """?preview=1 from a member of staff who may view the record: `request.preview`, which the views pass to the
    public reads (public(preview=…)) so that public pages include drafts."""

    def middleware(request):
        wanted = request.preview = request.GET.get("preview") == "1" and can_preview(request.user)
        response = get_response(request)
        if wanted:
            # a preview shows unpublished facts: no cache may keep it
            add_never_cache_headers(response)
            response.headers["Cache-Control"] += ", private"
        return response

    return middleware


def preview_context(request):
    """Template context: whether the page is a preview, for the banner in base.html."""
    return {"previewing": request.preview}


def review_permission(model):
    return f"pledges.review_{model._meta.model_name}"


class ReviewError(Exception):
    """A review action the record refuses (e.g. publishing a delivery that exceeds its line item)."""


def publish(obj, user, reason=""):
    """Publish a fact (a pledge with its draft line items: an announcement is one package)."""
    now = timezone.now()
    objects = [obj]
    if isinstance(obj, Pledge):
        objects += list(obj.line_items.filter(publication=Publication.DRAFT))
    try:
        with transaction.atomic():
            for fact in objects:
                fact.publication = Publication.PUBLISHED
                fact.published_at = fact.reviewed_at = now
                fact.reviewed_by = user
                fact.retraction_reason = ""
                fact._change_reason = reason or "published"
                fact.save()
    except IntegrityError as error:
        # e.g. a delivery whose units would exceed the pledged quantity once counted
        raise ReviewError(f"The record refuses to publish {obj}: {error}") from error


def retract(obj, user, reason):
    """Retract a fact: it leaves the public pages, shows as retracted in exports and its history."""
    if not reason.strip():
        raise ReviewError("A retraction needs a reason.")
    obj.publication = Publication.RETRACTED
    obj.reviewed_at = timezone.now()
    obj.reviewed_by = user
    obj.retraction_reason = reason
    obj._change_reason = f"retracted: {reason}"[:100]  # simple-history keeps 100 characters
    with transaction.atomic():
        obj.save()


# --- Conflicts ------------------------------------------------------------------------------------


def parse_loaded_at(value):
    try:
        loaded_at = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return loaded_at if timezone.is_aware(loaded_at) else None


def changes_since(obj, loaded_at, children=()):
    """What was saved to `obj` and to its inline rows after `loaded_at`, newest first, as lines of text.

    `children` are (model, foreign key name) pairs of the rows edited inline with `obj`. One query
    per history table, plus one per version for its predecessor.
    """
    histories = [(obj._meta.verbose_name, obj.history.filter(history_date__gt=loaded_at))]
    for model, fk in children:
        history = model.history.filter(**{f"{fk}_id": obj.pk, "history_date__gt": loaded_at})
        histories.append((model._meta.verbose_name, history))
    lines = []
    for label, history in histories:
        for record in history.select_related("history_user").order_by("-history_date"):
            lines.append((record.history_date, _describe(label, record)))
    return [line for _, line in sorted(lines, key=lambda pair: pair[0], reverse=True)]


def _describe(label, record):
    who = record.history_user.get_username() if record.history_user else "someone"
    when = timezone.localtime(record.history_date).strftime("%Y-%m-%d %H:%M:%S")
    kind = {"+": "added", "~": "changed", "-": "deleted"}[record.history_type]
    text = f"{who} {kind} {label} “{record.history_object}” at {when}"
    previous = record.prev_record if record.history_type == "~" else None
    if previous is not None:
        delta = record.diff_against(previous)
        fields = "; ".join(f"{change.field}: {change.old!r} → {change.new!r}" for change in delta.changes)
        if fields:
            text += f" ({fields})"
    if record.history_change_reason:
        text += f", reason: {record.history_change_reason}"
    return text
