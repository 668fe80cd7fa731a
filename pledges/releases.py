"""Releases: numbered, citable states of the published record (issue 5).

Cutting a release copies every row of the line item and delivery exports, as the exports would
write them that moment, into ReleaseRow (values in column order, plus the fields the filters read),
and keeps the exports' columns of that moment in Release.columns. Reading "as of" a release
(?release=7 on /pledges/ and /deliveries/ and their .csv/.json) reads those copies and those columns
only, so the same release gives the same bytes after any number of edits to the record or to the
exports' columns. The live pages' FilterSets filter and sort the copies, through their field map.
/releases/ lists the releases; /releases/<n>/changes/ compares a release with the one before: rows
added, changed (another digest) and retracted or withdrawn.
"""

import datetime
import hashlib
import json
from decimal import Decimal
from itertools import islice

from django.db import transaction
from django.db.models import Case, CharField, Count, Exists, F, Max, OuterRef, Q, Sum, Value, When
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Coalesce, Concat, NullIf
from django.db.models.lookups import IsNull
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from . import dates, export_views, exports, params
from .figures import reads, upkeep
from .filters import FIELDS, DeliveryFilter, LineItemFilter, paginate
from .models import Delivery, Donor, LineItem, Release, ReleaseRow

# table -> (export, model, the page's order, the page's FilterSet)
TABLES = {
    "line_items": (exports.LINE_ITEMS, LineItem, ["-pledge__date", "-pk"], LineItemFilter),
    "deliveries": (exports.DELIVERIES, Delivery, ["-date", "-pk"], DeliveryFilter),
}


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


def _copied_fields(model, ids, groups):
    """{id: the ReleaseRow fields the filters and sorts read} for these rows, by the names of their field map.

    One query; `groups` are the donors' groups ({donor id: [slugs]}).
    """
    live, copies = FIELDS[model], FIELDS[ReleaseRow].lookups
    names = [name for name in copies if name != "id"]  # the row's id is its object_id
    lookups = [live.lookups[name] for name in names]
    found = {}
    for object_id, donor_id, *row in model.objects.filter(pk__in=ids).values_list(
        "pk", live.lookups["donor_id"], *lookups, *live.searched
    ):
        copied, searched = row[: len(names)], row[len(names) :]
        fields = {copies[name]: value for name, value in zip(names, copied, strict=True)}
        for name in ("system", "meeting", "dataset"):
            fields[copies[name]] = fields[copies[name]] or ""
        fields["search_text"] = " ".join(str(text or "") for text in searched).lower()
        donor_groups = sorted(groups.get(donor_id, []))
        fields["donor_groups"] = "|" + "|".join(donor_groups) + "|" if donor_groups else ""
        found[object_id] = fields
    return found


def cut_columns(export):
    """An export's columns as a release keeps them (Release.columns[table])."""
    return {
        "row_is": export.row_is,
        "columns": [{"name": column.name, "type": column.type} for column in export.columns],
    }


@transaction.atomic
def cut(user, published_on, notes=""):
    """Number a new release and copy into it every row of the line item and delivery exports."""
    # the lock keeps two reviewers from taking the same number at once (PostgreSQL; SQLite writes one at a time)
    latest = Release.objects.select_for_update().aggregate(latest=Max("number"))["latest"] or 0
    release = Release.objects.create(
        number=latest + 1,
        published_on=published_on,
        notes=notes,
        cut_by=user,
        columns={table: cut_columns(export) for table, (export, *_) in TABLES.items()},
    )
    upkeep.snapshot(release)  # the dashboards' figures as of this release
    groups = {}
    for donor_id, slug in Donor.groups.through.objects.values_list("donor_id", "donorgroup__slug"):
        groups.setdefault(donor_id, []).append(slug)
    for table, (export, model, order, _) in TABLES.items():
        # in the order of the live export without a filter or a sort
        exported = model.objects.exported().filter(publication_state__in=["published", "retracted"])
        queryset = exports.ordered(exported.order_by(*order))
        position = 0
        for chunk, ids in _chunks_with_ids(export, queryset):
            fields = _copied_fields(model, ids, groups)
            rows = []
            for object_id, values in zip(ids, chunk, strict=True):
                encoded = [_encode(value) for value in values]
                rows.append(
                    ReleaseRow(
                        release=release,
                        table=table,
                        object_id=object_id,
                        position=position,
                        publication=encoded[export.header.index("publication")],
                        values=encoded,
                        digest=hashlib.sha256(json.dumps(encoded, ensure_ascii=False).encode()).hexdigest(),
                        **fields[object_id],
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


class ReleaseExport(exports.Export):
    """An export read from a release's copies: the columns it was cut with, values decoded back to their types."""

    def __init__(self, release, table):
        cut_as = release.columns[table]
        columns = [exports.Column(column["name"], column["type"], "") for column in cut_as["columns"]]
        super().__init__(table, cut_as["row_is"], columns)

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
    try:
        number = params.whole_number(request.GET, "release")
    except params.BadNumber as error:
        raise BadRelease(f"Not a release number: {error}") from error
    if number is None:
        return None
    release = Release.objects.filter(number=number).first()
    if release is None:
        raise BadRelease(f"There is no release {number}.")
    return release


def as_of_release(request, table, format_=None):
    """/pledges/?release=N or /deliveries/?release=N (and .csv/.json): the rows the release holds.

    The live page's FilterSet filters and sorts the copies; the columns are the release's own.
    """
    try:
        release = requested(request)
    except BadRelease as error:
        if format_:
            return export_views.bad_request(request, format_, {"release": [str(error)]})
        raise Http404(str(error)) from error
    export = ReleaseExport(release, table)
    *_, filterset_class = TABLES[table]
    filterset = filterset_class(request.GET, queryset=release.rows.filter(table=table).order_by("position"))
    if format_:
        return _release_export(request, release, export, filterset, format_, table)
    # as on the live pages, an invalid filter (or sort) is left out, with its error beside its field
    shown = filterset.qs.filter(publication="published")
    totals = shown.aggregate(  # the rows shown and the sum of their values, in one query
        rows=Count("pk"),
        value=Sum("value_eur", filter=~Q(status="cancelled")),
        without_value=Count("pk", filter=Q(value_eur__isnull=True)),
        cancelled=Count("pk", filter=Q(status="cancelled")),
    )
    # counted with the sums: no second count
    page, page_error = paginate(request, shown.values_list("values", "donor_slug"), totals["rows"])
    page.object_list = _shown_rows(export, page.object_list)
    ctx = {
        "release": release,
        "table": table,
        "title": {"line_items": "Pledges", "deliveries": "Deliveries"}[table],
        "filterset": filterset,
        "headings": _headings(table, request.GET.get("sort", "")),
        "page": page,
        "page_error": page_error,
        "totals": totals,
        "csv_url": export_views.export_links(request)["csv"],
        "json_url": export_views.export_links(request)["json"],
    }
    return render(request, "pledges/release_table.html", ctx)


def _shown_rows(export, rows):
    """The page's rows as {export column: value} with their types back, and the fuzzy dates for people."""
    types = [(column.name, column.type) for column in export.columns]
    shown = []
    for values, donor_slug in rows:
        row = {name: _decode(value, type_) for (name, type_), value in zip(types, values, strict=True)}
        for date, precision in (("announced_on", "announced_precision"), ("delivered_on", "delivered_precision")):
            if date in row:
                row[f"{date}_display"] = dates.describe(row[date], row[precision])
        row["donor_slug"] = donor_slug
        shown.append(row)
    return shown


# each table's headings: (heading, the sort its link asks for first, as the live tables' headings, numeric)
_HEADINGS = {
    "line_items": [
        ("Pledged", "-date", False),
        ("Donor", "donor", False),
        ("What", None, False),
        ("Quantity", "-quantity", True),
        ("Value (EUR)", "-value", True),
        ("Status", "status", False),
    ],
    "deliveries": [
        ("Delivered", "-date", False),
        ("Donor", "donor", False),
        ("What", None, False),
        ("Quantity", "-quantity", True),
        ("Of the line item", None, False),
    ],
}


def _headings(table, current_sort):
    """The table's headings, each with the sort its link asks for and whether the rows are sorted by it."""
    headings = []
    for label, sort, numeric in _HEADINGS[table]:
        state = None
        if sort and current_sort.lstrip("-") == sort.lstrip("-"):
            state = "descending" if current_sort.startswith("-") else "ascending"
            sort = current_sort[1:] if current_sort.startswith("-") else f"-{current_sort}"  # a second click reverses
        headings.append({"label": label, "sort": sort, "sorted": state, "numeric": numeric})
    return headings


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
    ctx = {"releases": list(Release.objects.order_by("-number"))}  # 1
    ctx["data_as_of"], ctx["synthetic_data"] = reads.record_status(request.preview)  # 2 "data as of" in the footer
    return render(request, "pledges/release_list.html", ctx)


# what a change's label adds to the donor's name, per table: the first of these columns of the export with a value
LABELS = {"line_items": ["description", "system_name", "category_name"], "deliveries": ["system_name", "category_name"]}
# a delivery's label ends with when it was delivered: the date and precision columns, written for people in Python
DATED = {"deliveries": ("delivered_on", "delivered_precision")}
WITHDRAWN_LABEL = "no longer in the record"


def _value_text(index):
    """The value at `index` of a row's `values` JSON, read in SQL, as text ('' for null).

    A JSON list index works as a key transform on SQLite (JSON_EXTRACT '$[n]') and PostgreSQL (->> n);
    SQLite gives JSON null as the text 'null', hence the explicit case.
    """
    return Case(
        When(**{f"values__{index}": None}, then=Value("")),
        default=KeyTextTransform(str(index), "values"),
        output_field=CharField(),
    )


def _label(release):
    """The donor and what the row is ('France – Six new guns', 'Poland – MiG-29'), built in SQL.

    The columns are found among those `release` was cut with; a row with none of them (a line item
    without a description, system or category, or a release cut before they were named so) is labelled
    with the donor alone, never "Poland – ".
    """
    whens = []
    for table, wanted in LABELS.items():
        names = _column_names(release, table)
        found = [NullIf(_value_text(names.index(name)), Value("")) for name in wanted if name in names]
        what = Coalesce(*found, Value(None), output_field=CharField()) if found else Value(None, CharField())
        label = Case(
            When(IsNull(what, True), then=F("donor_name")),
            default=Concat("donor_name", Value(" – "), what, output_field=CharField()),
            output_field=CharField(),
        )
        whens.append(When(table=table, then=label))
    return Case(*whens, default=Value(""), output_field=CharField())


def _column_names(release, table):
    return [column["name"] for column in release.columns[table]["columns"]]


def _dated(release, part):
    """The text of a row's date (part 0) or its precision (part 1), in the tables DATED names; '' elsewhere."""
    whens = []
    for table, columns in DATED.items():
        names = _column_names(release, table)
        if columns[part] in names:
            whens.append(When(table=table, then=_value_text(names.index(columns[part]))))
    return Case(*whens, default=Value(""), output_field=CharField())


def readable(row):
    """A row of changes() as people read it: the label ends with a human date ('Slovakia – MiG-29 delivered
    21 Apr 2023', through dates.describe like every date in text), and the date's columns are dropped."""
    kind, table, object_id, publication, label, on, precision = row
    if on:
        when = dates.describe(datetime.date.fromisoformat(on), precision or dates.DatePrecision.DAY)
        label = f"{label} delivered {when}"
    return kind, table, object_id, publication, label


def changes(release):
    """Rows added, changed and retracted (or withdrawn) in `release` since the release before it.

    Returns the previous release (or None) and a queryset of (kind, table, object_id, publication,
    label, date, date precision) tuples in the order of table and id; `readable()` makes one a row of the
    page and the export. One query finds the previous release; the changes
    are one more (a UNION ALL, compared in the database), so a million rows never reach Python at once:
    page it, count it or iterate it. A row is compared by its digest with the same (table, object_id)
    in the previous release, through the unique index on (release, table, object_id).
    """
    previous = Release.objects.filter(number__lt=release.number).order_by("-number").first()
    same_key = {"table": OuterRef("table"), "object_id": OuterRef("object_id")}
    before = ReleaseRow.objects.filter(release=previous, **same_key)
    text = CharField()
    now = (
        release.rows.exclude(Exists(before.filter(digest=OuterRef("digest"))))  # new, or another digest
        .annotate(
            kind=Case(
                When(~Exists(before), then=Value("added")),
                When(
                    Q(publication="retracted") & Exists(before.exclude(publication="retracted")),
                    then=Value("retracted"),
                ),
                default=Value("changed"),
                output_field=text,
            ),
            label=_label(release),
            on=_dated(release, 0),
            on_precision=_dated(release, 1),
        )
        .order_by()
        .values_list("kind", "table", "object_id", "publication", "label", "on", "on_precision")
    )
    gone = (
        ReleaseRow.objects.filter(release=previous)
        .exclude(Exists(ReleaseRow.objects.filter(release=release, **same_key)))
        .annotate(
            kind=Value("withdrawn", output_field=text),
            blank=Value("", output_field=text),
            label=Value(WITHDRAWN_LABEL, output_field=text),
        )
        .order_by()
        .values_list("kind", "table", "object_id", "blank", "label", "blank", "blank")
    )
    return previous, now.union(gone, all=True).order_by("table", "object_id")


class ChangesExport(exports.Export):
    """The changes' export: its rows are the tuples changes() selects, made readable()."""

    def chunks(self, queryset):
        rows = map(readable, queryset.iterator(chunk_size=exports.CHUNK))
        while chunk := list(islice(rows, exports.CHUNK)):
            yield chunk


CHANGES = ChangesExport(
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
    """What a release changed: a page of 50 rows, the CSV streamed, the JSON paged as the tables' JSON is."""
    release = get_object_or_404(Release, number=number)  # 1
    previous, found = changes(release)  # 2 the previous release
    if format == "csv":  # 3 the changes, streamed
        filename = f"aidtracker-release-{release.number}-changes"
        return export_views.csv_response(CHANGES, CHANGES.chunks(found), filename, bom=request.GET.get("bom") == "1")
    if format:  # 3 count, 4 the page (or every row, streamed, with ?_all=1)
        as_of = release.published_on.isoformat()
        meta = {
            "title": export_views.TITLE,
            "table": CHANGES.name,
            "row_is": CHANGES.row_is,
            "filters": {},
            "row_count": found.count(),
            "data_as_of": as_of,
            "version": f"release {release.number}",
            "compared_with": f"release {previous.number}" if previous else None,
            "cite": export_views.citation(request, as_of),
        }
        return export_views.json_response(request, CHANGES, found, meta)
    page, page_error = paginate(request, found)  # 3 count, 4 the page
    page.object_list = [readable(row) for row in page.object_list]
    # the page reads the release's rows: its data are as of the moment it was cut
    ctx = {
        "release": release,
        "previous": previous,
        "page": page,
        "page_error": page_error,
        "data_as_of": release.cut_at,
    }
    return render(request, "pledges/release_changes.html", ctx)
