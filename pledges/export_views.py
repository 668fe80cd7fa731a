"""HTTP responses for exports: every list and chart page's `.csv` and `.json` siblings.

The page's own FilterSet filters the rows, so a page and its export always agree.
Invalid filters are a 400 that names the parameter and the problem, in the format
asked for. Exports stream: nothing is held in memory, nothing is capped. On PostgreSQL the
table exports' CSV is written by the database itself (copy_export.py).
"""

import json
import math

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from . import copy_export, dates, exports, params
from .charts import Chart
from .figures import reads
from .importers import FORMATS
from .models import Release

JSON_PAGE_SIZE = 500
CONTROL_PARAMETERS = {"page", "_all", "bom", "sort", "_series", "_chart"}
CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json"
TITLE = "AidTracker: military aid to Ukraine, pledges and deliveries"


def data_as_of(preview=False):
    """When the record (with drafts in a preview) last changed, as ISO text. One query."""
    latest, _synthetic = reads.record_status(preview)
    return latest.isoformat() if latest else None


def citation(request, as_of):
    """How to cite this export: title, table, date of the data, and its URL with the parameters it read."""
    day = as_of[:10] if as_of else timezone.now().date().isoformat()
    return f"{TITLE}. Data as of {day}. {request.build_absolute_uri()}"


def chart_links(request, chart, as_of, release=None):
    """One chart's own download (the page's series export, ?_chart=ID) and the line to cite it with.

    The citation names the release the page is read as of, and the publishers of the imported trackers the
    page's ?dataset= filter adds, whose figures the chart then shows.
    """
    query = request.GET.copy()
    query.pop("page", None)
    query["_series"], query["_chart"] = "1", chart.id
    path = request.path.rstrip("/") or "/overview"
    when = f"data as of {dates.day(as_of)}" if as_of else "data as of an unknown date"
    version = f", release {release.number}" if release else ""
    page = request.GET.urlencode()
    url = request.build_absolute_uri(request.path + (f"?{page}" if page else ""))
    cite = f"AidTracker, “{chart.title}”, {when}{version}. {url}"
    providers = [
        module.DATASET["publisher"] for module in FORMATS.values() if module.DATASET["slug"] in query.getlist("dataset")
    ]
    if providers:
        cite += f" Original data: {'; '.join(providers)}."
    return {"csv": f"{path}.csv?{query.urlencode()}", "cite": cite}


def filters_applied(request, filterset):
    return {name: request.GET.getlist(name) for name in filterset.filters if request.GET.getlist(name)}


def bad_request(request, format_, errors):
    """A 400 naming each invalid parameter and its problem, as CSV or JSON.

    A range filter ("date") is named by the parameters the request used for it ("date_after").
    """

    def parameters(name):
        used = [key for key in request.GET if key == name or key.startswith(f"{name}_")]
        return " ".join(used) or name

    problems = [(parameters(name), " ".join(messages)) for name, messages in errors.items()]
    if format_ == "json":
        body = {"errors": [{"parameter": parameter, "problem": problem} for parameter, problem in problems]}
        return HttpResponse(json.dumps(body, ensure_ascii=False), status=400, content_type=JSON_TYPE)
    error_export = exports.Export(
        "errors",
        "",
        [exports.Column("parameter", "text", ""), exports.Column("problem", "text", "")],
    )
    body = "".join(exports.csv_text(error_export, [problems]))
    return HttpResponse(body, status=400, content_type=CSV_TYPE)


def csv_response(export, chunks, filename, bom=False):
    return csv_attachment(exports.csv_text(export, chunks, bom=bom), filename)


def csv_attachment(content, filename):
    """A CSV download streamed from `content`, an iterator of str or bytes."""
    response = StreamingHttpResponse(content, content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def json_response(request, export, queryset, meta):
    """The rows plus metadata: one page with a `next` link, or every row streamed with ?_all=1."""
    meta = {**meta, "columns": export.header}
    if request.GET.get("_all") == "1":
        meta.update(page=None, next=None)
        return StreamingHttpResponse(_json_stream(meta, export, queryset), content_type=JSON_TYPE)
    try:
        number = params.whole_number(request.GET, "page", default=1)
    except params.BadNumber as error:
        return bad_request(request, "json", {"page": [str(error)]})
    last = max(1, math.ceil(meta["row_count"] / JSON_PAGE_SIZE))
    if number > last:
        return bad_request(request, "json", {"page": [f"There is no page {number}: the last is {last}."]})
    start = (number - 1) * JSON_PAGE_SIZE
    rows = list(exports.json_objects(export, export.chunks(queryset[start : start + JSON_PAGE_SIZE])))
    has_next = start + len(rows) < meta["row_count"]
    query = request.GET.copy()
    query["page"] = number + 1
    meta.update(page=number, page_size=JSON_PAGE_SIZE, next=f"{request.path}?{query.urlencode()}" if has_next else None)
    return HttpResponse(_json_text(meta, rows), content_type=JSON_TYPE)


def _json_text(meta, rows):
    return "".join(_json_stream_parts(meta, iter(rows)))


def _json_stream(meta, export, queryset):
    return _json_stream_parts(meta, exports.json_objects(export, export.chunks(queryset)))


def _json_stream_parts(meta, objects):
    yield '{"meta": ' + json.dumps(meta, ensure_ascii=False) + ', "rows": ['
    for index, text in enumerate(objects):
        yield ("\n" if index == 0 else ",\n") + text
    yield "\n]}\n"


def _meta(request, export, row_count, filters):
    as_of = data_as_of(request.preview)
    return {
        "title": TITLE,
        "table": export.name,
        "row_is": export.row_is,
        "filters": filters,
        "row_count": row_count,
        "data_as_of": as_of,
        "version": "live record",
        "cite": citation(request, as_of),
        "data_dictionary": request.build_absolute_uri(reverse("pledges:data") + f"#{export.name}"),
    }


def exported_rows(filterset):
    """The page's filters over what an export lists: the page's facts plus the retracted ones, in the page's order."""
    base = filterset.queryset
    return filterset.filter_queryset(base.model.objects.exported(base.preview).order_by(*base.query.order_by))


def table_export(request, export, filterset, format_, filename):
    """A filtered table as CSV or JSON, streamed from the database."""
    if filterset.is_bound and filterset.errors:
        return bad_request(request, format_, filterset.errors)
    queryset = exports.ordered(exported_rows(filterset))
    if format_ == "csv":
        bom = request.GET.get("bom") == "1"
        if copy_export.supports(export, queryset):  # PostgreSQL writes the same bytes, several times faster
            return csv_attachment(copy_export.csv_bytes(export, queryset, bom=bom), filename)
        return csv_response(export, export.chunks(queryset), filename, bom=bom)
    meta = _meta(request, export, queryset.count(), filters_applied(request, filterset))
    return json_response(request, export, queryset, meta)


def rows_export(request, export, rows, format_, filename, **meta):
    """Rows already aggregated by the database (a page's totals or chart series), as CSV or JSON."""
    if format_ == "csv":
        return csv_response(export, [rows], filename, bom=request.GET.get("bom") == "1")
    filters = {key: request.GET.getlist(key) for key in request.GET if key not in CONTROL_PARAMETERS}
    meta = {**_meta(request, export, len(rows), filters), **meta, "page": None, "next": None}
    meta["columns"] = export.header
    return HttpResponse(_json_text(meta, exports.json_objects(export, [rows])), content_type=JSON_TYPE)


def page_export(request, ctx, format_, filename):
    """A page's export: its `table` (an Export and rows) if it has one and no ?_series=1, else its charts."""
    filterset = ctx.get("filterset")
    if filterset is not None and filterset.is_bound and filterset.errors:
        return bad_request(request, format_, filterset.errors)
    if "table" in ctx and request.GET.get("_series") != "1":
        export, rows = ctx["table"]
        return rows_export(request, export, exports.dict_rows(export, rows), format_, filename)
    chart_list = [value for value in ctx.values() if isinstance(value, Chart)]
    if chart_id := request.GET.get("_chart"):  # one chart's own download
        chart_list = [chart for chart in chart_list if chart.id == chart_id]
    return rows_export(
        request,
        exports.CHART_SERIES,
        list(exports.chart_rows(chart_list)),
        format_,
        f"{filename}-charts",
        charts=[{"id": chart.id, "title": chart.title, "note": chart.note} for chart in chart_list],
    )


def export_links(request, series=False):
    """This page's URL as exports: /pledges/?x=1 -> /pledges.csv?x=1, / -> /overview.csv.

    With `series`, also the links to the series behind the page's charts (?_series=1).
    """
    path = request.path.rstrip("/") or "/overview"
    query = request.GET.copy()
    query.pop("page", None)

    def link(format_, **extra):
        with_extra = query.copy()
        with_extra.update(extra)
        encoded = with_extra.urlencode()
        return f"{path}.{format_}" + (f"?{encoded}" if encoded else "")

    links = {"csv": link("csv"), "json": link("json")}
    if series:
        links.update(series_csv=link("csv", _series="1"), series_json=link("json", _series="1"))
    return links


def data(request):
    """The data dictionary, the methodology and how to cite, from the definitions that write the files."""
    as_of, synthetic = reads.record_status(request.preview)
    ctx = {
        "exports": exports.EXPORTS,
        "types": exports.TYPES,
        "separator": exports.SEPARATOR.strip(),
        "json_page_size": JSON_PAGE_SIZE,
        "cite": f"{TITLE}. Data as of {dates.day(as_of)}. {request.build_absolute_uri('/')}" if as_of else TITLE,
        "latest_release": Release.objects.order_by("-number").first(),
        "data_as_of": as_of,
        "synthetic_data": synthetic,
    }
    return render(request, "pledges/data.html", ctx)
