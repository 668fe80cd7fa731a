"""Exports: the record as CSV and JSON, streamed, with one definition of every column.

An `Export` lists its columns once; the same list writes the CSV header, the JSON
keys and the data dictionary at /data/, so the files and their documentation cannot
drift apart. Rows are read from the database in chunks of CHUNK rows with
`values_list().iterator()` and written as they come, so memory stays flat whatever
the row count. Columns that need other tables (sources, co-funders) are filled with
one query per chunk, never one per row.

On PostgreSQL the line item and delivery CSVs are written by the database instead
(copy_export.py), from the same columns: each Export's computed_sql() says in SQL what
its computed() computes, and tests/test_exports_copy.py holds the two to the same bytes.
"""

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from .models import DeliveryCitation, Donor, LineItem, LineItemCitation, PledgeCitation, Source

CHUNK = 2000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = " | "

TYPES = {
    "integer": "whole number; empty when unknown",
    "decimal": "decimal number written in full (no exponent, point as separator); empty when unknown",
    "date": "ISO 8601 date (YYYY-MM-DD); empty when unknown",
    "boolean": "true or false",
    "text": "UTF-8 text; empty when none",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    lookup: str | None = None  # a values_list() lookup; None for a column an Export computes per chunk


@dataclass(frozen=True)
class ComputedSql:
    """An Export's computed() for all its rows at once, in SQL (copy_export.py).

    `joins`: {alias: (a column of the export's table, "SELECT key, value … GROUP BY key")}, each LEFT JOINed on
    key = that column; `values`: {computed column name: its text as SQL over the aliases, NULL for none}.
    """

    joins: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)


def neutralise(text):
    """Keep a spreadsheet from running a text cell as a formula: prefix it with an apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_cell(value, type_):
    if value is None:
        return ""
    if type_ == "decimal":
        return format(value, "f")
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "date":
        return value.isoformat()
    if type_ == "text":
        return neutralise(str(value))
    return str(value)


def json_value(value, type_):
    """A JSON token; decimals are written as exact numbers, never through float."""
    if value is None:
        return "null"
    if type_ == "decimal":
        return format(value, "f")
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "date":
        return f'"{value.isoformat()}"'
    if type_ == "integer":
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


@dataclass
class Export:
    """One exportable table: its name, what a row is, and its columns in order."""

    name: str
    row_is: str
    columns: list = field(default_factory=list)

    @property
    def header(self):
        return [column.name for column in self.columns]

    def computed(self, ids):
        """Values of the computed columns for the rows with these ids: {column name: {id: value}}."""
        return {}

    def computed_sql(self):
        """computed() in SQL for every row at once: a ComputedSql."""
        return ComputedSql()

    def chunks(self, queryset):
        """Lists of rows in column order, CHUNK rows at a time; `queryset` should be ordered()."""
        lookups = ["pk"] + [column.lookup for column in self.columns if column.lookup]
        rows = queryset.values_list(*lookups).iterator(chunk_size=CHUNK)
        while chunk := list(islice(rows, CHUNK)):
            yield self._complete(chunk)

    def _complete(self, chunk):
        computed = self.computed([row[0] for row in chunk])
        complete = []
        for row in chunk:
            values = iter(row[1:])
            complete.append(
                [next(values) if column.lookup else computed[column.name].get(row[0]) for column in self.columns]
            )
        return complete


def ordered(queryset):
    """The queryset in its requested order, then by id, so that equal records always give equal bytes."""
    return queryset.order_by(*queryset.query.order_by, "pk")


def csv_text(export, chunks, bom=False):
    """The CSV file as strings: the header, then one string per chunk of rows (RFC 4180, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(export.header)
    yield ("\ufeff" if bom else "") + buffer.getvalue()
    types = [column.type for column in export.columns]
    for chunk in chunks:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([csv_cell(value, type_) for value, type_ in zip(row, types, strict=True)] for row in chunk)
        yield buffer.getvalue()


def json_objects(export, chunks):
    """Each row as the text of a JSON object, keys in column order."""
    keys = [json.dumps(column.name) for column in export.columns]
    types = [column.type for column in export.columns]
    for chunk in chunks:
        for row in chunk:
            pairs = (f"{key}: {json_value(value, type_)}" for key, value, type_ in zip(keys, row, types, strict=True))
            yield "{" + ", ".join(pairs) + "}"


def _joined(pairs):
    """{id: 'a | b'} from (id, text) pairs, each text once, in order of first appearance."""
    joined = defaultdict(list)
    for key, text in pairs:
        if text and text not in joined[key]:
            joined[key].append(text)
    return {key: SEPARATOR.join(texts) for key, texts in joined.items()}


def _where(url, archive_ref):
    return url or archive_ref


# computed() in SQL, for copy_export.py: the same texts in the same order, NULL where computed() has none
_WHERE_SQL = "COALESCE(NULLIF(source.url, ''), source.archive_ref)"  # _where()


def _table(model):
    return f'"{model._meta.db_table}"'


def _cited_sql(citation, key, part=0, more=""):
    """(key, text, part, source_id) of each `citation` row: `key` is the SQL of the fact it counts for."""
    return (
        f"SELECT {key} AS key, {_WHERE_SQL} AS text, {part} AS part, citation.source_id "
        f"FROM {_table(citation)} AS citation JOIN {_table(Source)} AS source ON source.id = citation.source_id{more}"
    )


def _joined_sql(cited):
    """(key, value): each key's texts of `cited` as _joined() joins them, each once at its first (part, source_id)."""
    return (
        f"SELECT key, string_agg(text, '{SEPARATOR}' ORDER BY part, source_id) AS value FROM ("
        f"SELECT DISTINCT ON (key, text) key, text, part, source_id FROM ({cited}) AS cited "
        "WHERE text <> '' ORDER BY key, text, part, source_id) AS first_seen GROUP BY key"
    )


class LineItemExport(Export):
    def computed(self, ids):
        """Sources (the pledge's, then the line item's own) and co-funders: three queries per chunk."""
        where = ("source__url", "source__archive_ref")
        pledge_sources = (
            PledgeCitation.objects.filter(pledge__line_items__in=ids)
            .order_by("pledge__line_items", "source_id")
            .values_list("pledge__line_items", *where)
        )
        own_sources = (
            LineItemCitation.objects.filter(line_item_id__in=ids)
            .order_by("line_item_id", "source_id")
            .values_list("line_item_id", *where)
        )
        co_funders = (
            LineItem.co_funders.through.objects.filter(lineitem_id__in=ids)
            .order_by("lineitem_id", "donor__code")
            .values_list("lineitem_id", "donor__code")
        )
        sources = [(item, _where(url, ref)) for item, url, ref in [*pledge_sources, *own_sources]]
        return {"source_urls": _joined(sources), "co_funder_codes": _joined(co_funders)}

    def computed_sql(self):
        """computed() in SQL: a line item's sources are its pledge's, unless it cites sources of its own; then
        its pledge's and its own, merged for those line items alone."""
        citing = f"SELECT line_item_id FROM {_table(LineItemCitation)}"
        items = f" JOIN {_table(LineItem)} AS item ON item.pledge_id = citation.pledge_id WHERE item.id IN ({citing})"
        theirs = _cited_sql(PledgeCitation, "item.id", more=items)
        own = _cited_sql(LineItemCitation, "citation.line_item_id", part=1)
        co_funders = (
            f"SELECT co_funder.lineitem_id AS key, string_agg(DISTINCT donor.code, '{SEPARATOR}' ORDER BY donor.code) "
            f"AS value FROM {_table(LineItem.co_funders.through)} AS co_funder "
            f"JOIN {_table(Donor)} AS donor ON donor.id = co_funder.donor_id "
            "WHERE donor.code <> '' GROUP BY co_funder.lineitem_id"
        )
        return ComputedSql(
            joins={
                "pledge_sources": ("pledge_id", _joined_sql(_cited_sql(PledgeCitation, "citation.pledge_id"))),
                "item_sources": ("id", _joined_sql(f"{theirs} UNION ALL {own}")),
                "co_funders": ("id", co_funders),
            },
            values={
                "source_urls": "COALESCE(item_sources.value, pledge_sources.value)",
                "co_funder_codes": "co_funders.value",
            },
        )


class DeliveryExport(Export):
    def computed(self, ids):
        citations = DeliveryCitation.objects.filter(delivery_id__in=ids).order_by("delivery_id", "source_id")
        return {
            "source_urls": _joined(
                (delivery, _where(url, ref))
                for delivery, url, ref in citations.values_list("delivery_id", "source__url", "source__archive_ref")
            )
        }

    def computed_sql(self):
        return ComputedSql(
            joins={"sources": ("id", _joined_sql(_cited_sql(DeliveryCitation, "citation.delivery_id")))},
            values={"source_urls": "sources.value"},
        )


SOURCES_COLUMN = Column(
    "source_urls",
    "text",
    "Where the fact comes from: each source's URL, or its archive reference when it has no URL, "
    f"joined by '{SEPARATOR.strip()}'.",
)
PUBLICATION_COLUMN = Column(
    "publication",
    "text",
    "published, or retracted: withdrawn by a reviewer with a reason (the pages no longer show it; its history "
    "says why). A line item is retracted with its pledge, a delivery with its line item.",
    "publication_state",
)
DATASET_COLUMN = Column(
    "dataset",
    "text",
    "The imported dataset the fact comes from (kiel, sipri, oryx); empty for AidTracker's own record.",
    "pledge__dataset__slug",
)

LINE_ITEMS = LineItemExport(
    "line_items",
    "one thing pledged in one announcement: a category, maybe a named system, a quantity and a value",
    [
        Column("line_item_id", "integer", "AidTracker's identifier of the line item; stable across releases.", "pk"),
        Column("pledge_id", "integer", "The announcement (package) the line item belongs to.", "pledge_id"),
        Column("pledge_title", "text", "What the announcement is known as.", "pledge__title"),
        Column(
            "donor_code",
            "text",
            "ISO 3166-1 alpha-2 code of a state, or AidTracker's code of a body (EPF, NATO).",
            "pledge__donor__code",
        ),
        Column("donor_name", "text", "The donor's name.", "pledge__donor__name"),
        Column(
            "announced_on",
            "date",
            "When the pledge was announced: the first day of the period the precision names, "
            "or the bound for on_or_before.",
            "pledge__date",
        ),
        Column("announced_precision", "text", "day, month, quarter, year or on_or_before.", "pledge__date_precision"),
        Column("meeting_slug", "text", "The meeting where it was announced, if any.", "pledge__meeting__slug"),
        Column("meeting_name", "text", "The meeting's name.", "pledge__meeting__name"),
        Column("category_slug", "text", "The category of aid.", "category__slug"),
        Column("category_name", "text", "The category's name.", "category__name"),
        Column("system_slug", "text", "The named system, if the source names one.", "system__slug"),
        Column("system_name", "text", "The system's name.", "system__name"),
        Column("description", "text", "What the source says was pledged, in the editor's words.", "description"),
        Column(
            "quantity",
            "integer",
            "Units pledged; empty when the source gives no number (never 0 for unknown).",
            "quantity",
        ),
        Column(
            "quantity_uncertain",
            "boolean",
            "The source marks the quantity as uncertain (SIPRI's '?').",
            "quantity_uncertain",
        ),
        Column("unit", "text", "What a unit is: units, rounds, systems, aircraft.", "unit"),
        Column(
            "quantity_delivered",
            "integer",
            "Units delivered so far: the sum of the deliveries with a known quantity.",
            "quantity_delivered",
        ),
        Column(
            "delivery_count",
            "integer",
            "How many deliveries are recorded, with or without a quantity.",
            "delivery_count",
        ),
        Column(
            "status",
            "text",
            "announced, committed, partially_delivered, delivered or cancelled; follows from the deliveries.",
            "status",
        ),
        Column(
            "value_reported",
            "decimal",
            "The value as the source states it, in `currency`; empty when not stated.",
            "value_reported",
        ),
        Column("currency", "text", "ISO 4217 code of value_reported.", "currency"),
        Column(
            "value_basis",
            "text",
            "How the value was obtained: reported, estimated (from a unit price) or unknown.",
            "value_basis",
        ),
        Column(
            "value_eur",
            "decimal",
            "The value in euros at the ECB reference rate of the announcement day; "
            "empty when unknown (no value, or no ECB rate for the currency).",
            "value_eur",
        ),
        Column("eur_rate", "decimal", "Euros per unit of `currency` used for value_eur.", "eur_rate"),
        Column(
            "eur_rate_date",
            "date",
            "The day the ECB published eur_rate (the last publication on or before the announcement).",
            "eur_rate_date",
        ),
        Column(
            "value_eur_delivered",
            "decimal",
            "The delivered part of value_eur, pro rata by units; empty when unknown.",
            "value_eur_delivered",
        ),
        Column("funding_mode", "text", "stocks, procured, financed, joint or unknown.", "funding_mode"),
        Column("co_funder_codes", "text", f"Codes of co-funding donors, joined by '{SEPARATOR.strip()}'."),
        DATASET_COLUMN,
        Column(
            "import_flag",
            "text",
            "For an imported row: why its figures look implausible (units × unit price far from the value reported,"
            " more units than a row of its category holds); empty when they do not.",
            "import_flag",
        ),
        SOURCES_COLUMN,
        PUBLICATION_COLUMN,
    ],
)

DELIVERIES = DeliveryExport(
    "deliveries",
    "one delivery event against a line item: a date and a quantity, maybe unknown",
    [
        Column("delivery_id", "integer", "AidTracker's identifier of the delivery; stable across releases.", "pk"),
        Column(
            "line_item_id", "integer", "The line item delivered against (see the line_items export).", "line_item_id"
        ),
        Column("pledge_id", "integer", "The announcement the line item belongs to.", "line_item__pledge_id"),
        Column(
            "donor_code",
            "text",
            "ISO 3166-1 alpha-2 code of a state, or AidTracker's code of a body.",
            "line_item__pledge__donor__code",
        ),
        Column("donor_name", "text", "The donor's name.", "line_item__pledge__donor__name"),
        Column("category_slug", "text", "The category of aid.", "line_item__category__slug"),
        Column("category_name", "text", "The category's name.", "line_item__category__name"),
        Column("system_slug", "text", "The named system, if any.", "line_item__system__slug"),
        Column("system_name", "text", "The system's name.", "line_item__system__name"),
        Column(
            "delivered_on",
            "date",
            "When it was delivered: the first day of the period, or the bound for on_or_before.",
            "date",
        ),
        Column("delivered_precision", "text", "day, month, quarter, year or on_or_before.", "date_precision"),
        Column("quantity", "integer", "Units delivered; empty when the source gives no number.", "quantity"),
        Column(
            "quantity_uncertain",
            "boolean",
            "The source marks the quantity as uncertain (SIPRI's '?').",
            "quantity_uncertain",
        ),
        Column("pledged_on", "date", "When the pledge was announced.", "line_item__pledge__date"),
        Column(
            "line_item_quantity",
            "integer",
            "Units pledged in the line item; empty when unknown.",
            "line_item__quantity",
        ),
        Column("line_item_status", "text", "The line item's status after all its deliveries.", "line_item__status"),
        Column("notes", "text", "The editor's notes on the delivery.", "notes"),
        Column("dataset", "text", DATASET_COLUMN.description, "line_item__pledge__dataset__slug"),
        SOURCES_COLUMN,
        PUBLICATION_COLUMN,
    ],
)

CHART_SERIES = Export(
    "chart_series",
    "one number of one chart: a label (a month or a name), a series (pledged, delivered…) and its value",
    [
        Column("chart_id", "text", "Which chart on the page."),
        Column("chart_title", "text", "The chart's title."),
        Column("label", "text", "The x-axis label: an ISO month (YYYY-MM-DD, first day) or a name."),
        Column("series", "text", "The line or bar: Pledged, Delivered…"),
        Column("measure", "text", "value (EUR), units, count or days."),
        Column("value", "decimal", "The number; empty when unknown."),
    ],
)

TOTALS_COLUMNS = [
    Column("line_items", "integer", "Line items counted, cancelled ones included.", "line_items"),
    Column("cancelled_items", "integer", "Line items cancelled; left out of every sum.", "cancelled"),
    Column("open_items", "integer", "Line items announced or committed with no delivery yet.", "open_items"),
    Column("partially_delivered_items", "integer", "Line items partially delivered.", "partially_delivered_items"),
    Column("delivered_items", "integer", "Line items delivered in full.", "delivered_items"),
    Column("items_without_quantity", "integer", "Line items whose source gives no quantity.", "without_quantity"),
    Column("items_without_value", "integer", "Line items with no value in EUR.", "without_value"),
    Column("value_pledged_eur", "decimal", "Sum of the known EUR values pledged.", "value_pledged"),
    Column(
        "value_delivered_eur",
        "decimal",
        "Sum of the known delivered EUR values (pro rata by units).",
        "value_delivered",
    ),
    Column(
        "value_assessed_eur",
        "decimal",
        "Pledged EUR value of the line items whose delivered value is known: the ratio's denominator.",
        "value_assessed",
    ),
    Column("units_pledged", "integer", "Units pledged in countable categories, where stated.", "units_pledged"),
    Column("units_delivered", "integer", "Units delivered in countable categories.", "units_delivered"),
    Column(
        "units_delivered_of_stated",
        "integer",
        "Units delivered against line items with a stated quantity: the unit ratio's numerator.",
        "units_delivered_of_stated",
    ),
]

DONOR_TOTALS = Export(
    "donor_totals",
    "one donor's pledged and delivered totals",
    [
        Column(
            "donor_code", "text", "ISO 3166-1 alpha-2 code of a state, or AidTracker's code.", "pledge__donor__code"
        ),
        Column("donor_name", "text", "The donor's name.", "pledge__donor__name"),
        *TOTALS_COLUMNS,
    ],
)

MEETING_TOTALS = Export(
    "meeting_totals",
    "one meeting with the totals of what was pledged at it",
    [
        Column("meeting_slug", "text", "AidTracker's identifier of the meeting.", "meeting_slug"),
        Column("meeting_name", "text", "The meeting's name.", "meeting_name"),
        Column("meeting_kind", "text", "udcg (contact group), nato_ministerial, summit, visit or other.", "kind"),
        Column("contact_group_number", "integer", "The contact group's running number.", "number"),
        Column("starts_on", "date", "First day of the meeting.", "starts_on"),
        Column("ends_on", "date", "Last day, for meetings over several days.", "ends_on"),
        Column("place", "text", "Where it met.", "place"),
        *TOTALS_COLUMNS,
    ],
)

COMPARISON = Export(
    "comparison",
    "what one source (AidTracker's record or an imported tracker) says about one donor and one system",
    [
        Column("donor_code", "text", "ISO 3166-1 alpha-2 code of a state, or AidTracker's code.", "donor_code"),
        Column("donor_name", "text", "The donor's name.", "donor_name"),
        Column("system_slug", "text", "AidTracker's identifier of the system.", "system_slug"),
        Column("system_name", "text", "The system's name.", "system_name"),
        Column("category_slug", "text", "The system's category.", "category_slug"),
        Column(
            "source", "text", "aidtracker for the editorial record, else the dataset (kiel, sipri, oryx).", "source"
        ),
        Column("source_label", "text", "The source's name.", "source_label"),
        Column("source_version", "text", "The dataset release imported.", "source_version"),
        Column("line_items", "integer", "Line items the source has for this pair.", "line_items"),
        Column("units_pledged", "integer", "Units pledged; empty when a line item has no quantity.", "units_pledged"),
        Column(
            "line_items_without_quantity",
            "integer",
            "Line items with no stated quantity.",
            "line_items_without_quantity",
        ),
        Column(
            "line_items_quantity_uncertain",
            "integer",
            "Line items whose quantity the source marks uncertain.",
            "line_items_quantity_uncertain",
        ),
        Column(
            "units_delivered",
            "integer",
            "Units delivered according to the source; empty when it says units arrived without saying how many.",
            "units_delivered",
        ),
        Column(
            "line_items_delivered_without_figure",
            "integer",
            "Line items the source says were delivered without a number (not counted in units_delivered).",
            "line_items_delivered_without_figure",
        ),
        Column(
            "line_items_flagged",
            "integer",
            "Line items whose figures the importer found implausible (see flag).",
            "line_items_flagged",
        ),
        Column("flag", "text", "Why one of those line items looks implausible; empty when none does.", "flag"),
        Column(
            "first_pledged",
            "text",
            "Earliest pledge date, with its precision (2023-02, 2023-Q2, <=2024-03-10).",
            "first_pledged",
        ),
        Column("last_delivered", "text", "Latest delivery date, with its precision.", "last_delivered"),
        Column(
            "pledged_disagrees",
            "boolean",
            "Sources stating full figures disagree on units pledged.",
            "pledged_disagrees",
        ),
        Column("delivered_disagrees", "boolean", "Sources disagree on units delivered.", "delivered_disagrees"),
    ],
)

EXPORTS = [LINE_ITEMS, DELIVERIES, DONOR_TOTALS, MEETING_TOTALS, COMPARISON, CHART_SERIES]


def dict_rows(export, rows):
    """Rows (dicts keyed by each column's lookup) in column order, as one chunk."""
    return [[row.get(column.lookup) for column in export.columns] for row in rows]


def chart_rows(charts):
    """The numbers of Chart objects as rows of CHART_SERIES, label by label."""
    for chart in charts:
        for index, label in enumerate(chart.labels):
            text = label.isoformat() if hasattr(label, "isoformat") else str(label)
            for series in chart.series:
                value = series.values[index]
                yield [
                    chart.id,
                    chart.title,
                    text,
                    series.label,
                    chart.measure,
                    None if value is None else Decimal(value),
                ]
