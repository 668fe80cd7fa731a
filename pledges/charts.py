"""Chart series built in Python from rows the database aggregated; drawn in the browser by Chart.js.

A Chart holds the same numbers twice: `as_json()` for Chart.js (floats only at that boundary) and
`table` for the HTML table under the chart (Decimals formatted by pledges.formatting). Unknown
figures stay None: "unknown" in the table, and nothing drawn: a bar chart leaves out the labels
without a figure and the series without any, so no row or legend entry stands for nothing.
A chart with no figure at all is not drawn; the page says what it lacks instead.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from . import dates, formatting

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
    missing: str = ""  # what the chart leaves out, e.g. "9 line items without a value in EUR"
    label_heading: str = ""
    table_only: list = field(default_factory=list)  # per label, whether the table shows it (all if empty)

    @property
    def plotted(self):
        """The indexes of the labels drawn: every month of a time axis (the lines need them all) if any
        has a figure; otherwise the labels with a figure other than zero in some series."""
        with_figure = [i for i in range(len(self.labels)) if any(s.values[i] for s in self.series)]
        if self.time_axis:
            return list(range(len(self.labels))) if with_figure else []
        return with_figure

    @property
    def is_empty(self):
        return not self.plotted

    @property
    def note(self):
        """One sentence for what the chart leaves out: under the chart, or instead of it when it is empty."""
        if self.is_empty:
            return f"No figures to chart: {self.missing}." if self.missing else "No figures to chart."
        return f"Not in this chart: {self.missing}." if self.missing else ""

    def as_json(self):
        """What charts.js draws: the plotted labels and the series with a figure, as plain numbers (None: unknown)."""

        def number(value):
            return None if value is None else float(value)

        plotted = self.plotted
        drawn = [s for s in self.series if any(s.values[i] is not None for i in plotted)]
        return {
            "type": self.kind,
            "measure": self.measure,
            "axis": MEASURES[self.measure]["axis"],
            "timeAxis": self.time_axis,
            "horizontal": self.horizontal,
            "labels": [_label_json(self.labels[i]) for i in plotted],
            "datasets": [
                {
                    "label": s.label,
                    "data": [number(s.values[i]) for i in plotted],
                    **({"stack": s.stack} if s.stack else {}),
                }
                for s in drawn
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
            text = dates.describe(label, dates.DatePrecision.MONTH) if isinstance(label, datetime.date) else str(label)
            cells = [fmt(s.values[index]) for s in self.series] + [cells[index] for _, cells in self.extra_columns]
            rows.append((text, self.links[index] if self.links else None, cells))
        return rows


def _label_json(label):
    return label.isoformat() if isinstance(label, datetime.date) else str(label)


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
    # an item without a value has no delivered value either: both kinds are unknown, not zero
    if "without_value" in row:
        row["delivered_value_unknown_items"] = row["without_value"] + row.get("delivered_value_unknown", 0)
    # the sum of delivered units is 0 when every delivery's number is unstated: that is not "none arrived"
    with_deliveries = row.get("delivered_items", 0) + row.get("partially_delivered_items", 0)
    row["items_with_deliveries"] = with_deliveries
    row["units_delivered_not_stated"] = not row.get("units_delivered") and with_deliveries > 0
    return row


def _months_between(first, last):
    month = first.replace(day=1)
    while month <= last:
        yield month
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def cumulative(chart_id, title, monthly_rows, measure="value", missing=""):
    """Cumulative pledged and delivered by month, from LineItemQuerySet.monthly_pledged_and_delivered().

    One pass over the monthly rows (never over raw rows); months without any change are filled in
    so the lines step correctly, and the lines start from zero the month before the first figure, so
    a record of one month draws a step rather than a lone dot. The table also shows each month's
    own pledged and delivered figure. `missing`: what the lines leave out (see Chart.missing).
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
        for month in _months_between(min(per_month) - datetime.timedelta(days=1), max(per_month)):
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
        missing=missing,
    )


def pledged_vs_delivered(chart_id, title, rows, label_key, link=None, measure="value", label_heading=""):
    """Pledged and delivered per group (category, donor…) from LineItemQuerySet.totals_by() rows."""
    rows = [figures(row) for row in rows]
    if measure == "units":
        pledged = [row["units_pledged"] for row in rows]
        delivered = [row["units_delivered"] for row in rows]
        ratio = [formatting.percent(row["units_ratio"]) for row in rows]
        lacking = [row["countable_without_quantity"] for row in rows]
        unknown_heading = "Items without a quantity"
        missing = formatting.without(sum(lacking), "a stated quantity")
    else:
        pledged = [row["value_pledged"] for row in rows]
        delivered = [row["value_delivered"] for row in rows]
        ratio = [formatting.percent(row["value_ratio"]) for row in rows]
        lacking = [row["without_value"] for row in rows]
        unknown_heading = "Items without a value"
        missing = formatting.without(sum(lacking), "a value in EUR")
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
            (unknown_heading, [formatting.units(number) for number in lacking]),
        ],
        label_heading=label_heading,
        missing=missing,
    )


def gap(chart_id, title, rows, label_key, link=None, label_heading="", lags=None, lag_key=None, known_only=False):
    """Delivered and not (yet) delivered value per group, stacked; optionally each group's lags.

    With `known_only`, the table leaves out the groups with neither a value nor a number of units pledged
    (a long list of donors the record knows nothing measurable about); the chart's note still counts their
    line items, so an empty chart says why it is empty."""
    rows = [figures(row) for row in rows]
    extra = [
        ("Pledged", [formatting.eur(row["value_pledged"]) for row in rows]),
        ("Delivered share", [formatting.percent(row["value_ratio"]) for row in rows]),
        (
            "Items whose delivered value is unknown",
            [formatting.units(row["delivered_value_unknown_items"]) for row in rows],
        ),
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
        missing=formatting.without(
            sum(row["delivered_value_unknown_items"] for row in rows), "a known delivered value"
        ),
        table_only=[row["value_pledged"] is not None or row["units_pledged"] is not None for row in rows]
        if known_only
        else [],
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
