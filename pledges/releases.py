"""Releases: numbered, citable states of the published record (issue 5).

Cutting a release copies every row of the line item and delivery exports, as the exports would
write them that moment, into ReleaseRow (values in column order, plus the fields the filters read).
Reading "as of" a release (?release=7 on /pledges/ and /deliveries/ and their .csv/.json) reads those
copies only, so the same release gives the same bytes after any number of edits. /releases/ lists
the releases; /releases/<n>/changes/ compares a release with the one before: rows added, changed
(another digest) and retracted or withdrawn.
"""

import datetime
import hashlib
import json
from decimal import Decimal
from itertools import islice

import django_filters
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Max, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from . import export_views, exports
from .filters import PageForm, RecordFilterSet
from .models import Delivery, Donor, LineItem, Release, ReleaseRow

PER_PAGE = 50

# table -> (export, model, path from a row to its line item, the date the filters read, the page's order)
TABLES = {
    "line_items": (exports.LINE_ITEMS, LineItem, "", "pledge__date", ["-pledge__date", "-pk"]),
    "deliveries": (exports.DELIVERIES, Delivery, "line_item__", "date", ["-date", "-pk"]),
}
SEARCHED = ["description", "system__name", "category__name", "pledge__title", "pledge__donor__name"]


def _encode(value):
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _decode(value, type_):
    if value is None:
        return None
    if type_ == "decimal":
        return Decimal(value)
    if type_ == "date":
        return datetime.date.fromisoformat(value)
    return value


def _filter_fields(model, path, date_path, ids):
    """{id: the ReleaseRow fields the filters read} for these rows. One query."""
    lookups = {
        "donor_slug": f"{path}pledge__donor__slug",
        "donor_id": f"{path}pledge__donor_id",
        "category_slug": f"{path}category__slug",
        "system_slug": f"{path}system__slug",
        "meeting_slug": f"{path}pledge__meeting__slug",
        "dataset_slug": f"{path}pledge__dataset__slug",
        "status": f"{path}status",
        "date": date_path,
        "value_eur": f"{path}value_eur",
        **{f"search_{n}": f"{path}{lookup}" for n, lookup in enumerate(SEARCHED)},
    }
    names = list(lookups)
    found = {}
    for row in model.objects.filter(pk__in=ids).values_list("pk", *lookups.values()):
        fields = dict(zip(names, row[1:], strict=True))
        words = [str(fields.pop(f"search_{n}") or "") for n in range(len(SEARCHED))]
        fields["search_text"] = " ".join(words).lower()
        for name in ("system_slug", "meeting_slug", "dataset_slug"):
            fields[name] = fields[name] or ""
        found[row[0]] = fields
    return found


@transaction.atomic
def cut(user, published_on, notes=""):
    """Number a new release and copy into it every row of the line item and delivery exports."""
    # the lock keeps two reviewers from taking the same number at once (PostgreSQL; SQLite writes one at a time)
    latest = Release.objects.select_for_update().aggregate(latest=Max("number"))["latest"] or 0
    release = Release.objects.create(number=latest + 1, published_on=published_on, notes=notes, cut_by=user)
    groups = {}
    for donor_id, slug in Donor.groups.through.objects.values_list("donor_id", "donorgroup__slug"):
        groups.setdefault(donor_id, []).append(slug)
    for table, (export, model, path, date_path, order) in TABLES.items():
        # in the order of the live export without a filter or a sort
        exported = model.objects.exported().filter(publication_state__in=["published", "retracted"])
        queryset = exports.ordered(exported.order_by(*order))
        position = 0
        for chunk, ids in _chunks_with_ids(export, queryset):
            fields = _filter_fields(model, path, date_path, ids)
            rows = []
            for object_id, values in zip(ids, chunk, strict=True):
                encoded = [_encode(value) for value in values]
                row_fields = fields[object_id]
                donor_groups = sorted(groups.get(row_fields.pop("donor_id"), []))
                rows.append(
                    ReleaseRow(
                        release=release,
                        table=table,
                        object_id=object_id,
                        position=position,
                        publication=encoded[export.header.index("publication")],
                        values=encoded,
                        digest=hashlib.sha256(json.dumps(encoded, ensure_ascii=False).encode()).hexdigest(),
                        donor_groups="|" + "|".join(donor_groups) + "|" if donor_groups else "",
                        **row_fields,
                    )
                )
                position += 1
            ReleaseRow.objects.bulk_create(rows)
    return release


def _chunks_with_ids(export, queryset):
    """The export's chunks of rows (as Export.chunks writes them), each with the ids of its rows."""
    lookups = ["pk"] + [column.lookup for column in export.columns if column.lookup]
    rows = queryset.values_list(*lookups).iterator(chunk_size=exports.CHUNK)
    while chunk := list(islice(rows, exports.CHUNK)):
        yield export._complete(chunk), [row[0] for row in chunk]


# --- Reading as of a release ----------------------------------------------------------------------


class ReleaseRowFilter(RecordFilterSet):
    """The pages' filters, read from the copies a release holds (same parameters, same errors)."""

    date_path = "date"

    class Meta:
        model = ReleaseRow
        fields = []

    def filter_text(self, queryset, name, value):
        for word in value.split()[:10]:
            queryset = queryset.filter(search_text__contains=word.lower())
        return queryset

    def filter_donor(self, queryset, name, value):
        return queryset.filter(donor_slug__in=value)

    def filter_donor_group(self, queryset, name, value):
        chosen = Q()
        for slug in value:
            chosen |= Q(donor_groups__contains=f"|{slug}|")
        return queryset.filter(chosen)

    def filter_category(self, queryset, name, value):
        return queryset.filter(category_slug__in=value)

    def filter_system(self, queryset, name, value):
        return queryset.filter(system_slug__in=value)

    def filter_meeting(self, queryset, name, value):
        return queryset.filter(meeting_slug__in=value)

    def filter_status(self, queryset, name, value):
        return queryset.filter(status__in=value)

    def filter_value_min(self, queryset, name, value):
        return queryset.filter(value_eur__gte=value)

    def filter_value_max(self, queryset, name, value):
        return queryset.filter(value_eur__lte=value)

    def filter_dataset(self, queryset, name, value):
        return queryset.filter(dataset_slug__in=["" if slug == "aidtracker" else slug for slug in value])

    def filter_queryset(self, queryset):
        queryset = django_filters.FilterSet.filter_queryset(self, queryset)
        if not self.form.cleaned_data.get("dataset"):
            queryset = queryset.filter(dataset_slug="")
        return queryset


class ReleaseExport(exports.Export):
    """An export read from a release's copies: the same columns, values decoded back to their types."""

    def __init__(self, export):
        super().__init__(export.name, export.row_is, export.columns)

    def chunks(self, queryset):
        types = [column.type for column in self.columns]
        rows = queryset.values_list("values", flat=True).iterator(chunk_size=exports.CHUNK)
        chunk = []
        for values in rows:
            chunk.append([_decode(value, type_) for value, type_ in zip(values, types, strict=True)])
            if len(chunk) == exports.CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


class BadRelease(Exception):
    pass


def requested(request):
    """The release a request asks for with ?release=N; None without one; BadRelease for a wrong one."""
    value = request.GET.get("release")
    if value is None:
        return None
    if not value.isdigit():
        raise BadRelease(f"{value!r} is not a release number.")
    release = Release.objects.filter(number=int(value)).first()
    if release is None:
        raise BadRelease(f"There is no release {value}.")
    return release


def as_of_release(request, table, format_=None):
    """/pledges/?release=N or /deliveries/?release=N (and .csv/.json): the rows the release holds."""
    export = TABLES[table][0]
    try:
        release = requested(request)
    except BadRelease as error:
        if format_:
            return export_views.bad_request(request, format_, {"release": [str(error)]})
        raise Http404(str(error)) from error
    rows = release.rows.filter(table=table).order_by("position")
    filterset = ReleaseRowFilter(request.GET, queryset=rows)
    if format_:
        return _release_export(request, release, ReleaseExport(export), filterset, format_, table)
    shown = filterset.qs.filter(publication="published") if not filterset.errors else rows.none()
    form = PageForm(request.GET)
    number = (form.cleaned_data["page"] or 1) if form.is_valid() else 1
    page = Paginator(shown, PER_PAGE).get_page(number)
    header = export.header
    columns = [name for name in _SHOWN[table] if name in header]
    indexes = [header.index(name) for name in columns]
    page.object_list = [[row.values[index] for index in indexes] for row in page.object_list]
    ctx = {
        "release": release,
        "table": table,
        "title": {"line_items": "Pledges", "deliveries": "Deliveries"}[table],
        "filterset": filterset,
        "columns": columns,
        "page": page,
        "page_form": form,
        "csv_url": export_views.export_links(request)["csv"],
        "json_url": export_views.export_links(request)["json"],
    }
    return render(request, "pledges/release_table.html", ctx)


_SHOWN = {
    "line_items": [
        "announced_on",
        "donor_name",
        "pledge_title",
        "category_name",
        "system_name",
        "description",
        "quantity",
        "quantity_delivered",
        "status",
        "value_eur",
    ],
    "deliveries": ["delivered_on", "donor_name", "category_name", "system_name", "quantity", "line_item_status"],
}


def _release_export(request, release, export, filterset, format_, table):
    if filterset.is_bound and filterset.errors:
        return export_views.bad_request(request, format_, filterset.errors)
    queryset = filterset.qs
    filename = f"aidtracker-{'pledges' if table == 'line_items' else 'deliveries'}-release-{release.number}"
    if format_ == "csv":
        return export_views.csv_response(export, export.chunks(queryset), filename, bom=request.GET.get("bom") == "1")
    as_of = release.published_on.isoformat()
    meta = {
        "title": export_views.TITLE,
        "table": export.name,
        "row_is": export.row_is,
        "filters": export_views.filters_applied(request, filterset),
        "row_count": queryset.count(),
        "data_as_of": as_of,
        "version": f"release {release.number}",
        "cite": export_views.citation(request, as_of),
    }
    return export_views.json_response(request, export, queryset, meta)


# --- The list of releases and what changed --------------------------------------------------------


def release_list(request):
    releases = list(Release.objects.order_by("-number"))  # 1
    return render(request, "pledges/release_list.html", {"releases": releases})


def changes(release):
    """Rows added, changed and retracted (or withdrawn) in `release` since the release before it.

    Returns a list of (kind, table, object_id, publication, label) sorted by table and id; two queries.
    """
    previous = Release.objects.filter(number__lt=release.number).order_by("-number").first()
    label_columns = {"line_items": ["donor_name", "description"], "deliveries": ["donor_name", "delivered_on"]}

    def index(of):
        if of is None:
            return {}
        rows = of.rows.values_list("table", "object_id", "digest", "publication", "values")
        return {
            (table, object_id): (digest, publication, values) for table, object_id, digest, publication, values in rows
        }

    before, now = index(previous), index(release)
    found = []
    for key, (digest, publication, values) in now.items():
        table = key[0]
        header = TABLES[table][0].header
        label = " – ".join(str(values[header.index(name)] or "") for name in label_columns[table])
        old = before.get(key)
        if old is None:
            kind = "added"
        elif publication == "retracted" and old[1] != "retracted":
            kind = "retracted"
        elif digest != old[0]:
            kind = "changed"
        else:
            continue
        found.append((kind, table, key[1], publication, label))
    for key in before.keys() - now.keys():
        found.append(("withdrawn", key[0], key[1], "", "no longer in the record"))
    return previous, sorted(found, key=lambda change: (change[1], change[2]))


CHANGES = exports.Export(
    "release_changes",
    "one line item or delivery added, changed, retracted or withdrawn since the previous release",
    [
        exports.Column("change", "text", "added, changed, retracted or withdrawn (deleted before it was published)."),
        exports.Column("table", "text", "line_items or deliveries: the export the row belongs to."),
        exports.Column("id", "integer", "The line_item_id or delivery_id."),
        exports.Column("publication", "text", "published or retracted, in this release."),
        exports.Column("label", "text", "The donor and what the row is, to read the list."),
    ],
)


def release_changes(request, number, format=None):
    release = get_object_or_404(Release, number=number)
    previous, found = changes(release)
    if format:
        rows = [list(change) for change in found]
        filename = f"aidtracker-release-{release.number}-changes"
        if format == "csv":
            return export_views.csv_response(CHANGES, [rows], filename, bom=request.GET.get("bom") == "1")
        return export_views.rows_export(request, CHANGES, rows, format, filename, version=f"release {number}")
    ctx = {"release": release, "previous": previous, "changes": found}
    return render(request, "pledges/release_changes.html", ctx)
