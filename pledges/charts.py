"""Chart series built in Python from rows the database aggregated; drawn in the browser by Chart.js.

A Chart holds the same numbers twice: `as_json()` for Chart.js (floats only at that boundary) and
`table` for the HTML table under the chart (Decimals formatted by pledges.formatting). Unknown
figures stay None: a gap in the chart, "unknown" in the table.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from . import formatting

MEASURES = {
    "value": {"format": formatting.eur, "axis": "EUR"},
    "units": {"format": formatting.units, "axis": "units"},
    "count": {"format": formatting.units, "axis": "count"},
    "days": {"format": formatting.days, "axis": "days"},
}
PLEDGED, DELIVERED, UNDELIVERED = "Pledged", "Delivered", "Not (yet) delivered"


@dataclass
class Series:
    label: str
    values: list
    stack: str | None = None


@dataclass
class Chart:
    id: str
    title: str
    kind: str  # Chart.js type: "line" or "bar"
    measure: str  # a key of MEASURES
    labels: list  # x values: dates for a time axis, names otherwise
    series: list
    time_axis: bool = False
    horizontal: bool = False
    links: list = field(default_factory=list)  # one URL (or None) per label, for the table
    extra_columns: list = field(default_factory=list)  # (heading, [formatted cell per label])
    note: str = ""  # what the chart leaves out, e.g. line items without a value
    label_heading: str = ""
    table_only: list = field(default_factory=list)  # per label, whether the table shows it (all if empty)

    @property
    def is_empty(self):
        return not self.labels

    def as_json(self):
        """What charts.js draws: labels and datasets of plain numbers (None for unknown)."""

        def number(value):
            return None if value is None else float(value)

        return {
            "type": self.kind,
            "measure": self.measure,
            "axis": MEASURES[self.measure]["axis"],
            "timeAxis": self.time_axis,
            "horizontal": self.horizontal,
            "labels": [label.isoformat() if isinstance(label, datetime.date) else str(label) for label in self.labels],
            "datasets": [
                {"label": s.label, "data": [number(v) for v in s.values], **({"stack": s.stack} if s.stack else {})}
                for s in self.series
            ],
        }

    @property
    def headings(self):
        return (
            [self.label_heading or ("Month" if self.time_axis else "")]
            + [s.label for s in self.series]
            + [heading for heading, _ in self.extra_columns]
        )

    @property
    def table(self):
        """Rows of (label, link, [cells]) with every number formatted for people."""
        fmt = MEASURES[self.measure]["format"]
        rows = []
        for index, label in enumerate(self.labels):
            if self.table_only and not self.table_only[index]:
                continue
            text = label.strftime("%b %Y") if isinstance(label, datetime.date) else str(label)
            cells = [fmt(s.values[index]) for s in self.series] + [cells[index] for _, cells in self.extra_columns]
            rows.append((text, self.links[index] if self.links else None, cells))
        return rows


def figures(row):
    """A totals row (from LineItemQuerySet.totals or totals_by) with its delivery ratios added."""
    row = dict(row)
    row["value_ratio"] = formatting.ratio(row.get("value_delivered"), row.get("value_assessed"))
    row["units_ratio"] = formatting.ratio(row.get("units_delivered_of_stated"), row.get("units_pledged"))
    value_gap = None
    if row.get("value_assessed") is not None and row.get("value_delivered") is not None:
        value_gap = row["value_assessed"] - row["value_delivered"]
    row["value_gap"] = value_gap
    units_gap = None
    if row.get("units_pledged") is not None:
        units_gap = max(row["units_pledged"] - (row.get("units_delivered_of_stated") or 0), 0)
    row["units_gap"] = units_gap
    return row


def _months_between(first, last):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def cumulative(chart_id, title, monthly_rows, measure="value", note=""):
    """Cumulative pledged and delivered by month, from LineItemQuerySet.monthly_pledged_and_delivered().

    One pass over the monthly rows (never over raw rows); months without any change are filled in
    so the lines step correctly. The table also shows each month's own pledged and delivered figure.
    """
    per_month = {}
    for month, kind, total in monthly_rows:
        if month is None or total is None:
            continue
        month = month.date() if isinstance(month, datetime.datetime) else month
        per_month.setdefault(month, {"pledged": Decimal(0), "delivered": Decimal(0)})[kind] += Decimal(total)
    labels, pledged, delivered, own_pledged, own_delivered = [], [], [], [], []
    running = {"pledged": Decimal(0), "delivered": Decimal(0)}
    if per_month:
        for month in _months_between(min(per_month), max(per_month)):
            this = per_month.get(month, {"pledged": Decimal(0), "delivered": Decimal(0)})
            running = {kind: running[kind] + this[kind] for kind in running}
            labels.append(month)
            pledged.append(running["pledged"])
            delivered.append(running["delivered"])
            own_pledged.append(this["pledged"])
            own_delivered.append(this["delivered"])
    fmt = MEASURES[measure]["format"]
    return Chart(
        id=chart_id,
        title=title,
        kind="line",
        measure=measure,
        labels=labels,
        series=[Series(f"{PLEDGED} (cumulative)", pledged), Series(f"{DELIVERED} (cumulative)", delivered)],
        time_axis=True,
        extra_columns=[
            ("Pledged that month", [fmt(v) for v in own_pledged]),
            ("Delivered that month", [fmt(v) for v in own_delivered]),
        ],
        # the lines need every month; the table only the months in which something changed
        table_only=[bool(p or d) for p, d in zip(own_pledged, own_delivered, strict=True)],
        note=note,
    )


def pledged_vs_delivered(chart_id, title, rows, label_key, link=None, measure="value", label_heading="", note=""):
    """Pledged and delivered per group (category, donor…) from LineItemQuerySet.totals_by() rows."""
    rows = [figures(row) for row in rows]
    if measure == "units":
        pledged = [row["units_pledged"] for row in rows]
        delivered = [row["units_delivered"] for row in rows]
        ratio = [formatting.percent(row["units_ratio"]) for row in rows]
        unknown = [formatting.units(row["countable_without_quantity"]) for row in rows]
        unknown_heading = "Items without a quantity"
    else:
        pledged = [row["value_pledged"] for row in rows]
        delivered = [row["value_delivered"] for row in rows]
        ratio = [formatting.percent(row["value_ratio"]) for row in rows]
        unknown = [formatting.units(row["without_value"]) for row in rows]
        unknown_heading = "Items without a value"
    return Chart(
        id=chart_id,
        title=title,
        kind="bar",
        measure=measure,
        labels=[row[label_key] for row in rows],
        series=[Series(PLEDGED, pledged), Series(DELIVERED, delivered)],
        horizontal=True,
        links=[link(row) for row in rows] if link else [],
        extra_columns=[
            ("Delivered share", ratio),
            ("Line items", [formatting.units(row["line_items"]) for row in rows]),
            (unknown_heading, unknown),
        ],
        label_heading=label_heading,
        note=note,
    )


def gap(chart_id, title, rows, label_key, link=None, label_heading="", lags=None, lag_key=None):
    """Delivered and not (yet) delivered value per group, stacked; optionally each group's lags."""
    rows = [figures(row) for row in rows]
    extra = [
        ("Pledged", [formatting.eur(row["value_pledged"]) for row in rows]),
        ("Delivered share", [formatting.percent(row["value_ratio"]) for row in rows]),
        ("Items whose delivered value is unknown", [formatting.units(row["delivered_value_unknown"]) for row in rows]),
        (
            "Units not (yet) delivered",
            [formatting.units(row["units_gap"]) for row in rows],
        ),
    ]
    if lags is not None:
        found = [lags.get(row[lag_key], {}) for row in rows]
        extra += [
            ("Median lag", [formatting.days(lag.get("median_days")) for lag in found]),
            ("90th percentile lag", [formatting.days(lag.get("p90_days")) for lag in found]),
        ]
    return Chart(
        id=chart_id,
        title=title,
        kind="bar",
        measure="value",
        labels=[row[label_key] for row in rows],
        series=[
            Series(DELIVERED, [row["value_delivered"] for row in rows], stack="value"),
            Series(UNDELIVERED, [row["value_gap"] for row in rows], stack="value"),
        ],
        horizontal=True,
        links=[link(row) for row in rows] if link else [],
        extra_columns=extra,
        label_heading=label_heading,
    )


def deliveries_by_month(chart_id, title, monthly_rows):
    """Deliveries and delivered units per month, from DeliveryQuerySet.monthly_counts() rows."""
    rows = [row for row in monthly_rows if row["month"] is not None]
    return Chart(
        id=chart_id,
        title=title,
        kind="bar",
        measure="count",
        labels=[row["month"] for row in rows],
        series=[
            Series("Deliveries", [row["deliveries"] for row in rows]),
            Series("Units delivered (countable categories)", [row["units"] for row in rows]),
        ],
        time_axis=True,
        extra_columns=[("Deliveries without a quantity", [formatting.units(row["without_quantity"]) for row in rows])],
    )
