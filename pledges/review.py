"""Review before publishing, and edits that never overwrite each other (issue 5).

- Facts (pledges, line items, deliveries) are drafts until a reviewer publishes them; public pages
  read published facts only (querysets.py's public()). A published fact is retracted with a reason,
  never deleted: the retraction is a new version in its history.
- A staff member who may view the record previews the public pages with drafts by adding
  ?preview=1 to any page (preview_middleware).
- Editors' forms carry the moment they were loaded; a save is refused when the record (or one of the
  rows edited inline with it) has a newer version in its history, and the message says what changed.
  The check holds the rows locked until the save commits, so two saves at once cannot both pass it.
"""

import datetime
import hashlib
from decimal import Decimal

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from . import dates, triggers
from .models import Delivery, LineItem, Pledge, Publication, Revision, Source

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
            # a preview shows unpublished facts: no cache may keep it (no-store, private)
            add_never_cache_headers(response)
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
    """Publish a fact: a draft (a pledge with its draft line items: an announcement is one package), or
    the pending revision of a published fact, applied in the same transaction.

    Raises ReviewError, with every reason in plain words, when the record would refuse it; nothing is
    changed then, in the database or in `obj`.
    """
    revision = pending_revision(obj)
    now = timezone.now()
    objects = [obj]
    if isinstance(obj, Pledge):
        objects += list(obj.line_items.filter(publication=Publication.DRAFT))
    try:
        with transaction.atomic():
            if revision is not None:
                _apply(revision, obj, user, reason)
            problems = refusals(obj)
            if problems:
                raise ReviewError(f"“{obj}” was not published: " + "; ".join(problems) + ".")
            for fact in objects:
                fact.publication = Publication.PUBLISHED
                fact.published_at = fact.reviewed_at = now
                fact.reviewed_by = user
                fact.retraction_reason = ""
                fact._change_reason = reason or "published"
                fact.save()
    except ReviewError:
        _as_stored(objects)
        raise
    except IntegrityError as error:
        # a rule refusals() does not foresee, or a change committed since it looked
        _as_stored(objects)
        raise ReviewError(f"“{obj}” was not published: {rule_broken(error)}.") from error


def _as_stored(objects):
    for fact in objects:
        fact.refresh_from_db()


def refusals(obj):
    """Why the record would refuse to publish `obj`, as plain sentences; a query or two.

    Every published fact cites a source (the /data/ page promises it): a pledge says what was pledged
    (a line item) and quotes a source for it; a delivery quotes its own.
    """
    problems = []
    if isinstance(obj, (Pledge, Delivery)) and not obj.citations.exclude(quote="").exists():
        problems.append("it cites no source with the passage that supports it (add one under its sources)")
    if isinstance(obj, Pledge) and not obj.line_items.exclude(publication=Publication.RETRACTED).exists():
        problems.append("it has no line item: say what was pledged")
    if isinstance(obj, Delivery) and obj.quantity and obj.publication != Publication.PUBLISHED:
        item = LineItem.objects.get(pk=obj.line_item_id)
        if item.exceeded_by(item.quantity_delivered + obj.quantity):
            problems.append(
                f"its {obj.quantity} units would bring the published deliveries of “{item}” to "
                f"{item.quantity_delivered + obj.quantity}, more than the {item.quantity} pledged (correct the "
                "quantity, or tick 'over-delivery confirmed' on the line item if the sources say so)"
            )
    return problems


def rule_broken(error):
    """The rule a database refusal names, as a sentence for a person rather than the database's own text."""
    text = str(error)
    for name, sentence in _database_rules().items():
        if name in text:
            return f"{sentence[0].lower()}{sentence[1:].rstrip('.')} (rule “{name}”)"
    return "the database refused it under one of the record's rules"


def _database_rules():
    rules = {triggers.ERROR: "A delivery cannot come before its pledge."}
    for model in apps.get_app_config("pledges").get_models():
        for constraint in model._meta.constraints:
            if constraint.violation_error_message != constraint.default_violation_error_message:
                rules[constraint.name] = constraint.violation_error_message
    return rules


# --- Revisions of published facts -----------------------------------------------------------------


def pending_revision(obj):
    """The change to a published fact waiting for review, or None; a query for a fact once published."""
    if not (isinstance(obj, REVIEWED_MODELS) and obj.pk and obj.was_published):
        return None
    return Revision.of(obj).filter(state=Revision.State.PENDING).select_related("proposed_by").first()


def propose(obj, changes, user, reason=""):
    """Keep an editor's change to a published fact for review (Revision.changes says what it holds);
    the fact itself is not changed. A newer proposal replaces the pending one."""
    with transaction.atomic():
        Revision.of(obj).filter(state=Revision.State.PENDING).update(state=Revision.State.REPLACED)
        return Revision.objects.create(
            **{Revision.FACT_FIELDS[type(obj)]: obj},
            changes=changes,
            reason=reason,
            proposed_by=user,
            proposed_at=timezone.now(),
        )


def reject(obj, user, reason):
    """Reject the pending revision of a fact, with a reason: the fact stays as published."""
    revision = pending_revision(obj)
    if revision is None:
        raise ReviewError(f"“{obj}” has no revision waiting for review.")
    if not reason.strip():
        raise ReviewError("A rejection needs a reason.")
    revision.state = Revision.State.REJECTED
    revision.rejection_reason = reason
    revision.reviewed_by, revision.reviewed_at = user, timezone.now()
    revision.save()


def _apply(revision, obj, user, reason):
    """Write a revision onto its fact (in the caller's transaction): fields, many-to-many, citations,
    each saved so that its history keeps the change with the reviewer's reason."""
    change_reason = (reason or f"revision: {revision.reason}")[:100]
    model = type(obj)
    for name, value in revision.changes.get("fields", {}).items():
        field = model._meta.get_field(name)
        setattr(obj, field.attname, field.to_python(value))
    try:
        obj.clean()  # the record may have changed since the editor's form checked it
    except ValidationError as error:
        raise ReviewError(f"“{obj}” was not published: {' '.join(error.messages)}") from error
    obj._change_reason = change_reason
    obj.save()
    for name, pks in revision.changes.get("m2m", {}).items():
        getattr(obj, name).set(pks)
    citations = obj.citations
    for row in revision.changes.get("citations", []):
        if row.get("delete"):
            citation = citations.get(pk=row["id"])
            citation._change_reason = change_reason
            citation.delete()
            continue
        citation = citations.get(pk=row["id"]) if row["id"] else citations.model(**{citations.model.cites: obj})
        citation.source_id, citation.quote = row["source"], row["quote"]
        citation._change_reason = change_reason
        citation.save()
    revision.state = Revision.State.PUBLISHED
    revision.reviewed_by, revision.reviewed_at = user, timezone.now()
    revision.save()


def revision_rows(revision, obj):
    """A revision field by field against the published version: (what, published, proposed) as text.
    A query per foreign key or many-to-many field changed, and per citation."""
    model = type(obj)
    rows = []
    for name, value in revision.changes.get("fields", {}).items():
        field = model._meta.get_field(name)
        rows.append((field.verbose_name, _shown(field, field.value_from_object(obj)), _shown(field, value)))
    for name, pks in revision.changes.get("m2m", {}).items():
        field = model._meta.get_field(name)
        now = ", ".join(str(related) for related in getattr(obj, name).all()) or "none"
        proposed = ", ".join(str(related) for related in field.related_model.objects.filter(pk__in=pks)) or "none"
        rows.append((field.verbose_name, now, proposed))
    citations = obj.citations.select_related("source")
    for row in revision.changes.get("citations", []):
        before = citations.get(pk=row["id"]) if row["id"] else None
        now = f"{before.source}: “{before.quote}”" if before else "not cited"
        if row.get("delete"):
            rows.append(("source", now, "removed"))
        else:
            source = Source.objects.get(pk=row["source"])
            rows.append(("source", now, f"{source}: “{row['quote']}”"))
    return rows


def _shown(field, value):
    value = field.to_python(value)
    if value is None or value == "":
        return "unknown" if value is None else "empty"
    if field.is_relation:
        return str(field.related_model._base_manager.filter(pk=value).first())
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    # written as pages write them: '21 Apr 2023', '21,000', '30,000,000.00' (exact, for a reviewer), not ISO or raw
    if isinstance(value, datetime.datetime):
        return dates.moment(value)
    if isinstance(value, datetime.date):
        return dates.day(value)
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


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


def lock_for_change(obj, children=()):
    """Lock `obj`'s row and the rows edited inline with it until the transaction ends (PostgreSQL;
    SQLite writes one transaction at a time anyway). One query per table, rows in primary
    key order so that two editors' locks never wait on each other in a circle."""
    model = type(obj)
    list(model._base_manager.select_for_update().filter(pk=obj.pk).order_by().values_list("pk"))
    for child, fk in children:
        rows = child._base_manager.select_for_update().filter(**{f"{fk}_id": obj.pk})
        list(rows.order_by("pk").values_list("pk"))


def state_token(obj, children=()):
    """A digest of what `obj`, its many-to-many links, the rows edited inline with it and its pending revisions
    hold now. A form saved when the record gives another token than the one it was loaded with was loaded before
    a change, whenever that change's transaction began: a save still committing while the form was loaded has a
    history time before the form's loaded_at, so the times alone miss it. One query per table."""
    model = type(obj)
    tables = [model._base_manager.filter(pk=obj.pk)]
    tables += [child._base_manager.filter(**{f"{fk}_id": obj.pk}) for child, fk in children]
    if isinstance(obj, REVIEWED_MODELS):
        tables.append(Revision.of(obj))
    digest = hashlib.sha256()
    for rows in tables:
        fields = [field.attname for field in rows.model._meta.concrete_fields]
        digest.update(repr(list(rows.order_by("pk").values_list(*fields))).encode())
    for field in model._meta.many_to_many:
        digest.update(repr(sorted(getattr(obj, field.name).values_list("pk", flat=True))).encode())
    return digest.hexdigest()


def changes_since(obj, loaded_at, children=()):
    """What was saved to `obj` and to its inline rows after `loaded_at`, newest first, as lines of text.

    `children` are (model, foreign key name) pairs of the rows edited inline with `obj`. One query
    per history table, plus one per version for its predecessor, and one for the revisions proposed.
    """
    histories = [(obj._meta.verbose_name, obj.history.filter(history_date__gt=loaded_at))]
    for model, fk in children:
        history = model.history.filter(**{f"{fk}_id": obj.pk, "history_date__gt": loaded_at})
        histories.append((model._meta.verbose_name, history))
    lines = []
    for label, history in histories:
        for record in history.select_related("history_user").order_by("-history_date"):
            lines.append((record.history_date, _describe(label, record)))
    if isinstance(obj, REVIEWED_MODELS):
        for revision in Revision.of(obj).filter(proposed_at__gt=loaded_at).select_related("proposed_by"):
            who = revision.proposed_by.get_username() if revision.proposed_by else "someone"
            when = dates.moment(revision.proposed_at)
            text = f"{who} proposed a revision of {obj._meta.verbose_name} “{obj}” on {when}"
            lines.append((revision.proposed_at, text + (f", reason: {revision.reason}" if revision.reason else "")))
    return [line for _, line in sorted(lines, key=lambda pair: pair[0], reverse=True)]


def _describe(label, record):
    who = record.history_user.get_username() if record.history_user else "someone"
    kind = {"+": "added", "~": "changed", "-": "deleted"}[record.history_type]
    text = f"{who} {kind} {label} “{record.history_object}” on {dates.moment(record.history_date)}"
    previous = record.prev_record if record.history_type == "~" else None
    if previous is not None:
        delta = record.diff_against(previous)
        model = record.instance_type
        fields = "; ".join(
            f"{change.field}: {_shown(model._meta.get_field(change.field), change.old)} → "
            f"{_shown(model._meta.get_field(change.field), change.new)}"
            for change in delta.changes
        )
        if fields:
            text += f" ({fields})"
    if record.history_change_reason:
        text += f", reason: {record.history_change_reason}"
    return text
